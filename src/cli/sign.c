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
 * dkimkit sign: one DKIM-Signature per key, all over one pass of the
 * message, printed on top of the message as it came in.
 */

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define SIGN_ERR_MAX	512	/* one dk_sign_opts_check() message */

struct sign_cfg {
	enum dk_canon		 hc;
	enum dk_canon		 bc;
	char			**hlist;	/* NULL: the engine's default */
	size_t			 nh;
	int64_t			 t;
	int64_t			 x;
	struct dk_sign_opts	 opts[DK_SIGNERS_MAX];
	struct dk_key		*keys[DK_SIGNERS_MAX];
	size_t			 n;
};

static int
sign_getopt(int argc, char **argv, struct sign_cfg *cfg)
{
	static const struct option longopts[] = {
		{ NULL, 0, NULL, 0 }
	};
	int ch, rc;

	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":c:h:t:x:", longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 'c':
			if ((rc = dk_cli_canon_opt(optarg, &cfg->hc,
			    &cfg->bc)) != 0)
				return rc;
			break;
		case 'h':
			dk_cli_hlist_opt(optarg, &cfg->hlist, &cfg->nh);
			break;
		case 't':
			if ((rc = dk_cli_num_opt("-t", optarg, 0,
			    DK_TIME_MAX, &cfg->t)) != 0)
				return rc;
			break;
		case 'x':
			if ((rc = dk_cli_num_opt("-x", optarg, 1,
			    DK_TIME_MAX, &cfg->x)) != 0)
				return rc;
			break;
		default:
			return dk_cli_badopt("sign", ch, argv);
		}
	}
	return 0;
}

/*
 * Load the key of one DOMAIN:SELECTOR:KEYFILE argument, split at the
 * first two colons (a path may hold more), into cfg->opts[cfg->n].
 */
static int
sign_addkey(struct sign_cfg *cfg, char *spec)
{
	struct dk_sign_opts *o = &cfg->opts[cfg->n];
	struct dk_cli_keyspec ks;
	int rc;

	if ((rc = dk_cli_keyspec_split(spec, "sign", &ks)) != 0 ||
	    (rc = dk_cli_key_load(ks.path, &cfg->keys[cfg->n])) != 0)
		return rc;
	dk_sign_opts_init(o, sizeof(*o));
	o->domain = ks.domain;
	o->selector = ks.selector;
	o->auid = NULL;
	o->key = cfg->keys[cfg->n];
	o->hcanon = cfg->hc;
	o->bcanon = cfg->bc;
	o->headers = (const char *const *)cfg->hlist;
	o->timestamp = cfg->t;
	o->expire_after = cfg->x;
	cfg->n++;
	return 0;
}

/* Feed msg[0..len), whose lines may end in bare LF, and finish. */
static enum dk_status
sign_feed(struct dk_signer *s, const char *msg, size_t len)
{
	enum dk_status st;

	if ((st = dk_signer_accept_lf(s)) == DK_OK &&
	    (st = dk_signer_write(s, msg, len)) == DK_OK)
		st = dk_signer_finish(s);
	return st;
}

/*
 * The fields, then the message unchanged. The fields' line ends follow
 * the message's, as its first line end shows.
 */
static int
sign_output(const struct dk_signer *s, size_t n, const char *msg,
    size_t len)
{
	const char *lf, *eol = "\r\n";
	size_t i;

	if ((lf = memchr(msg, '\n', len)) != NULL &&
	    (lf == msg || lf[-1] != '\r'))
		eol = "\n";
	for (i = 0; i < n; i++)
		if (dk_cli_write_field(dk_signer_field(s, i), eol) == -1)
			break;
	if (i == n)
		(void)dk_cli_write(msg, len);
	return dk_cli_flush();
}

/*
 * The engine's own rules, one message per cause: a rule that every key
 * breaks alike (-h, -t, -x) is said once.
 */
static int
sign_check(const struct sign_cfg *cfg)
{
	char err[SIGN_ERR_MAX], last[SIGN_ERR_MAX] = "";
	size_t i;
	int bad = 0;

	for (i = 0; i < cfg->n; i++) {
		if (dk_sign_opts_check(&cfg->opts[i], err, sizeof(err)) ==
		    DK_OK || strcmp(err, last) == 0)
			continue;
		dk_cli_warnx("%s:%s: %s", cfg->opts[i].domain,
		    cfg->opts[i].selector, err);
		memcpy(last, err, sizeof(last));
		bad = 1;
	}
	return bad;
}

static int
sign_message(struct sign_cfg *cfg)
{
	struct dk_signer *s;
	char *msg;
	size_t len;
	enum dk_status st;
	int rc;

	if (sign_check(cfg) != 0)
		return EX_USAGE;
	if ((st = dk_signer_new(&s, cfg->opts, cfg->n)) != DK_OK) {
		if (st == DK_ENOMEM)
			dk_cli_oom();
		dk_cli_warnx("arguments refused");
		return EX_USAGE;
	}
	if ((rc = dk_cli_read_fd(0, "stdin", DK_CLI_MSG_MAX, &msg,
	    &len)) != 0) {
		dk_signer_free(s);
		return rc;
	}
	st = sign_feed(s, msg, len);
	if (st == DK_ENOMEM)
		dk_cli_oom();
	if (st == DK_OK)
		rc = sign_output(s, cfg->n, msg, len);
	else {
		dk_cli_warnx("stdin: %s", dk_signer_errmsg(s));
		rc = st == DK_ESYNTAX || st == DK_ELIMIT ? EX_DATAERR :
		    EX_SOFTWARE;
	}
	free(msg);
	dk_signer_free(s);
	return rc;
}

int
dk_cli_sign(int argc, char **argv)
{
	struct sign_cfg cfg;
	size_t i;
	int rc;

	memset(&cfg, 0, sizeof(cfg));
	cfg.hc = DK_CANON_RELAXED;
	cfg.bc = DK_CANON_RELAXED;
	cfg.t = DK_TIME_NOW;	/* the engine reads the clock */
	if ((rc = sign_getopt(argc, argv, &cfg)) != 0)
		goto done;
	argc -= optind;
	argv += optind;
	if (argc == 0 || argc > DK_SIGNERS_MAX) {
		if (argc > DK_SIGNERS_MAX)
			dk_cli_warnx("at most %d keys", DK_SIGNERS_MAX);
		else
			dk_cli_warnx("sign: DOMAIN:SELECTOR:KEYFILE is "
			    "needed, one for each key to sign with");
		rc = dk_cli_usage("sign");
		goto done;
	}
	for (i = 0; i < (size_t)argc && rc == 0; i++)
		rc = sign_addkey(&cfg, argv[i]);
	if (rc == 0)
		rc = sign_message(&cfg);
done:
	for (i = 0; i < cfg.n; i++)
		dk_key_free(cfg.keys[i]);
	free(cfg.hlist);
	return rc;
}
