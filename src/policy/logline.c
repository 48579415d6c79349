/*
 * Copyright (c) 2026 The dkimkit developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES
 * WITH REGARD TO THIS SOFTWARE INCLUDING ALL IMPLIED WARRANTIES OF
 * MERCHANTABILITY AND FITNESS. IN NO EVENT SHALL THE AUTHOR BE LIABLE FOR
 * ANY SPECIAL, DIRECT, INDIRECT, OR CONSEQUENTIAL DAMAGES OR ANY DAMAGES
 * WHATSOEVER RESULTING FROM LOSS OF USE, DATA OR PROFITS, WHETHER IN AN
 * ACTION OF CONTRACT, NEGLIGENCE OR OTHER TORTIOUS ACTION, ARISING OUT OF
 * OR IN CONNECTION WITH THE USE OR PERFORMANCE OF THIS SOFTWARE.
 */

/*
 * One log line per message, the same from both front ends: who sent it
 * (envelope and From), what was done, and why when it was not:
 *	PREFIX mail-from=<a@b> header-from=b mode=sign d=b s=rsa,ed
 *	PREFIX mail-from=<> header-from=c mode=verify dkim=pass d=c s=s,
 *	    dkim=fail (body-hash-mismatch) d=c s=t decision=550
 *	PREFIX ... mode=pass not signed: no key for d
 *	PREFIX ... mode=verify error: 451 tempfail: out of memory
 * A message that failed logs a warning.
 */

#include <stdio.h>
#include <string.h>

#include "log.h"
#include "policy.h"

/* "d=example.test s=rsa,ed" */
static void
sign_what(const struct pmsg *pm, char *buf, size_t len)
{
	const struct config *c = pm->cfg;
	size_t i, n = 0, off;
	int w;

	w = snprintf(buf, len, "d=%s s=", pm->sdid);
	off = w < 0 ? 0 : (size_t)w;
	for (i = 0; i < c->nkeys && off < len; i++) {
		if (strcmp(c->keys[i].domain, pm->sdid) != 0 ||
		    n++ >= pm->nsig)
			continue;
		w = snprintf(buf + off, len - off, "%s%s", n > 1 ? "," : "",
		    c->keys[i].selector);
		off += w < 0 ? 0 : (size_t)w;
	}
}

/* "dkim=pass d=example.test s=sel, dkim=fail (reason) d=... s=..." */
static void
verify_what(const struct pmsg *pm, char *buf, size_t len)
{
	const struct dk_result *r;
	size_t i, n, off = 0;
	int w;

	if ((n = dk_verifier_nresults(pm->verifier)) == 0)
		off = (size_t)snprintf(buf, len, "dkim=none");
	for (i = 0; i < n && off < len; i++) {
		r = dk_verifier_result(pm->verifier, i);
		w = snprintf(buf + off, len - off, "%sdkim=%s%s%s%s d=%s s=%s",
		    i > 0 ? ", " : "", dk_outcome_str(r->outcome),
		    r->reason != DK_R_OK ? " (" : "",
		    r->reason != DK_R_OK ? dk_reason_str(r->reason) : "",
		    r->reason != DK_R_OK ? ")" : "", r->domain, r->selector);
		off += w < 0 ? 0 : (size_t)w;
	}
	if (pm->decision != NULL && off < len)
		(void)snprintf(buf + off, len - off, " decision=%.3s",
		    pm->decision);
}

/* see policy.h */
void
dk_policy_msg_log(const struct pmsg *pm, const char *prefix,
    const char *mailfrom)
{
	char what[LOG_LINE_MAX] = "", forged[96] = "", line[LOG_LINE_MAX];
	char error[32] = "";
	int len = 0;

	if (pm->mode == MSG_SIGN && !pm->error)
		sign_what(pm, what, sizeof(what));
	else if (pm->mode == MSG_VERIFY && !pm->error)
		verify_what(pm, what, sizeof(what));
	if (pm->nforged > 0)
		len = snprintf(forged, sizeof(forged),
		    " forged-ar-removed=%zu", pm->nforged);
	if (pm->nlongar > 0 && len >= 0 && (size_t)len < sizeof(forged))
		(void)snprintf(forged + len, sizeof(forged) - (size_t)len,
		    " long-ar-removed=%zu", pm->nlongar);
	if (pm->error)
		(void)snprintf(error, sizeof(error), "error: %.3s %s: ",
		    dk_policy_msg_reply(pm), pm->refusal != NULL ? "refused" :
		    "tempfail");
	/* a longer line is cut, as the log would cut it */
	if (snprintf(line, sizeof(line), "%s mail-from=<%s> header-from=%s "
	    "mode=%s%s%s%s%s%s%s", prefix, mailfrom,
	    pm->hfrom[0] != '\0' ? pm->hfrom : "none",
	    pm->mode == MSG_SIGN ? "sign" : pm->mode == MSG_VERIFY ?
	    "verify" : "pass", what[0] ? " " : "", what, forged,
	    pm->note[0] || pm->error ? " " : "", error, pm->note) < 0)
		line[0] = '\0';
	if (pm->error)
		log_warnx("%s", line);
	else
		log_info("%s", line);
}
