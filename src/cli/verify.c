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
 * dkimkit verify: stream the message into the verifier, answer its key
 * queries as they come, print one Authentication-Results field.
 */

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

/* getopt_long() values of verify's own long-only options */
enum {
	OPT_NOW = DK_CLI_OPT_OWN,
	OPT_NO_RFC8301
};

struct verify_cfg {
	struct dk_cli_keysrc_args src;
	struct dk_verify_opts	 opts;
	char			 host[HOST_NAME_MAX + 1];
};

static int
verify_getopt(int argc, char **argv, struct verify_cfg *cfg)
{
	static const struct option longopts[] = {
		DK_CLI_KEYSRC_LONGOPTS,
		{ "now",	required_argument, NULL, OPT_NOW },
		{ "no-rfc8301",	no_argument, NULL, OPT_NO_RFC8301 },
		{ NULL, 0, NULL, 0 }
	};
	int ch, rc;

	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":A:", longopts, NULL)) != -1) {
		if (dk_cli_keysrc_opt(&cfg->src, ch, optarg))
			continue;
		switch (ch) {
		case 'A':
			cfg->opts.authserv_id = optarg;
			break;
		case OPT_NOW:
			if ((rc = dk_cli_num_opt("--now", optarg, 0,
			    DK_TIME_MAX, &cfg->opts.now)) != 0)
				return rc;
			/* a replay: x= exact, and t= may be after it */
			cfg->opts.clock_drift = DK_CLOCK_DRIFT_NONE;
			break;
		case OPT_NO_RFC8301:
			cfg->opts.plain_rfc6376 = 1;
			break;
		default:
			return dk_cli_badopt("verify", ch, argv);
		}
	}
	if (optind != argc) {
		dk_cli_warnx("%s: unexpected argument", argv[optind]);
		return dk_cli_usage("verify");
	}
	return dk_cli_keysrc_args_ok(&cfg->src, "verify");
}

/*
 * An engine status as an exit status. A malformed header block still
 * leaves results for the fields it held, so it is only a warning.
 */
static int
verify_fail(const struct dk_verifier *v, enum dk_status st)
{
	if (st == DK_OK)
		return 0;
	if (st == DK_ENOMEM)
		dk_cli_oom();
	dk_cli_warnx("stdin: %s", dk_verifier_errmsg(v));
	if (st == DK_ESYNTAX)
		return 0;
	return st == DK_ELIMIT ? EX_DATAERR : EX_SOFTWARE;
}

/*
 * Stream stdin into the verifier and finish it. Returns 0 when the
 * results are ready, or an exit status after reporting why not.
 */
static int
verify_stream(struct dk_verifier *v, const struct dk_cli_keysrc *keys)
{
	char in[DK_CLI_CHUNK];
	ssize_t n = 0;
	enum dk_status st;

	/* files often have bare LF; the engine makes it CRLF */
	st = dk_verifier_accept_lf(v);
	while (st == DK_OK && (n = dk_cli_read_chunk(0, in, sizeof(in))) > 0)
		if ((st = dk_verifier_write(v, in, (size_t)n)) == DK_OK)
			st = dk_cli_keysrc_answer(keys, v);
	if (st != DK_OK)
		return verify_fail(v, st);
	if (n == -1) {
		dk_cli_warnx("stdin: %s", strerror(errno));
		return EX_NOINPUT;
	}
	/* a message of header fields only has its queries known only now */
	if ((st = dk_verifier_end(v)) == DK_OK)
		st = dk_cli_keysrc_answer(keys, v);
	if (st != DK_OK)
		return verify_fail(v, st);
	return verify_fail(v, dk_verifier_finish(v));
}

/*
 * RFC 6376 §8.2: with l=, content appended after the signed part is not
 * covered. The result still passes; say so where a person will see it.
 */
static void
verify_note_unsigned(const struct dk_verifier *v)
{
	const struct dk_result *r;
	size_t i, n;

	n = dk_verifier_nresults(v);
	for (i = 0; i < n; i++) {
		r = dk_verifier_result(v, i);
		if (r->outcome == DK_PASS && r->unsigned_body > 0)
			dk_cli_warnx("signature %zu (d=%s s=%s): l= leaves %llu "
			    "body octets unsigned", i + 1, r->domain,
			    r->selector, (unsigned long long)r->unsigned_body);
	}
}

/*
 * DESIGN.md: 0 when one passes, else 75 when one was temperror, else 1.
 * A temperror names the DNS server that failed, on stderr.
 */
static int
verify_status(const struct dk_verifier *v, const struct dk_cli_keysrc *keys)
{
	const struct dk_result *r;
	size_t i, n;
	int rc = DK_CLI_EX_NOPASS, temp = 0;

	n = dk_verifier_nresults(v);
	for (i = 0; i < n; i++) {
		r = dk_verifier_result(v, i);
		if (r->outcome == DK_PASS)
			rc = 0;
		if (r->outcome == DK_TEMPERROR) {
			temp = 1;
			if (rc != 0)
				rc = EX_TEMPFAIL;
		}
	}
	if (temp)
		dk_cli_keysrc_report(keys);
	return rc;
}

static int
verify_message(const struct verify_cfg *cfg, const struct dk_cli_keysrc *keys)
{
	struct dk_verifier *v;
	const char *ar;
	enum dk_status st;
	int rc;

	if ((st = dk_verifier_new(&v, &cfg->opts)) != DK_OK) {
		if (st == DK_ENOMEM)
			dk_cli_oom();
		dk_cli_warnx("-A: %s: not a valid authserv-id",
		    cfg->opts.authserv_id);
		return EX_USAGE;
	}
	if ((rc = verify_stream(v, keys)) == 0) {
		if ((ar = dk_verifier_authres(v)) == NULL)
			dk_cli_oom();
		(void)dk_cli_write_field(ar, "\n");
		verify_note_unsigned(v);
		if ((rc = dk_cli_flush()) == 0)
			rc = verify_status(v, keys);
	}
	dk_verifier_free(v);
	return rc;
}

int
dk_cli_verify(int argc, char **argv)
{
	struct verify_cfg cfg;
	struct dk_cli_keysrc keys;
	int rc;

	memset(&cfg, 0, sizeof(cfg));
	dk_verify_opts_init(&cfg.opts, sizeof(cfg.opts));
	if ((rc = verify_getopt(argc, argv, &cfg)) != 0)
		return rc;
	if (cfg.opts.authserv_id == NULL) {
		if (gethostname(cfg.host, sizeof(cfg.host)) == -1) {
			dk_cli_warnx("gethostname: %s", strerror(errno));
			return EX_SOFTWARE;
		}
		cfg.host[sizeof(cfg.host) - 1] = '\0';
		cfg.opts.authserv_id = cfg.host;
	}
	if ((rc = dk_cli_keysrc_open(&keys, &cfg.src)) != 0)
		return rc;
	rc = verify_message(&cfg, &keys);
	dk_cli_keysrc_close(&keys);
	return rc;
}
