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
 * dkimkit canon: what a signature would hash, in the clear: the
 * selected header fields and the body, each canonicalized (RFC 6376
 * §3.4), for debugging signatures that do not verify.
 */

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "../canon/canon.h"
#include "../dkim/dkim.h"

#define HDR_ERR_MAX	256	/* one line of dk_msghdr_end() message */

struct canon_cfg {
	enum dk_canon	 hc;
	enum dk_canon	 bc;
	char		**hlist;	/* NULL: the default list */
	size_t		 nh;
	int		 header;	/* print the header part */
	int		 body;		/* print the body part */
};

static int
canon_getopt(int argc, char **argv, struct canon_cfg *cfg)
{
	static const struct option longopts[] = {
		{ NULL, 0, NULL, 0 }
	};
	char err[HDR_ERR_MAX];
	int ch, rc;

	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":BHc:h:", longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 'B':
			cfg->header = 0;
			break;
		case 'H':
			cfg->body = 0;
			break;
		case 'c':
			if ((rc = dk_cli_canon_opt(optarg, &cfg->hc,
			    &cfg->bc)) != 0)
				return rc;
			break;
		case 'h':
			dk_cli_hlist_opt(optarg, &cfg->hlist, &cfg->nh);
			break;
		default:
			return dk_cli_badopt("canon", ch, argv);
		}
	}
	if (optind != argc || (!cfg->header && !cfg->body))
		return dk_cli_usage("canon");
	/* no signer to judge -h here: the engine's rule, before stdin */
	if (cfg->hlist != NULL && dk_sig_hlist_check((const char *const *)
	    cfg->hlist, err, sizeof(err)) == -1) {
		dk_cli_warnx("-h: %s", err);
		return EX_USAGE;
	}
	return 0;
}

static void
canon_sink(void *arg, const void *buf, size_t len)
{
	(void)fwrite(buf, 1, len, arg);
}

/*
 * The fields a signature with this h= covers, in h= order, picked from
 * the bottom up (RFC 6376 §5.4.2); names with no instance left give
 * nothing.
 */
static int
canon_print_header(const struct canon_cfg *cfg, const struct dk_msghdr *mh)
{
	const char *defnames[DK_H_MAX];
	const char *const *names = defnames;
	const struct dk_hfield *sel[DK_H_MAX];
	struct dk_span spans[DK_H_MAX];
	size_t i, n;

	if (cfg->hlist != NULL) {
		names = (const char *const *)cfg->hlist;
		n = cfg->nh;
	} else if ((n = dk_default_hlist(mh->f, mh->nf, defnames,
	    DK_H_MAX)) > DK_H_MAX) {
		dk_cli_warnx("stdin: more header fields to sign than the %d a "
		    "signature lists", DK_H_MAX);
		return EX_DATAERR;
	}
	for (i = 0; i < n; i++) {
		spans[i].p = names[i];
		spans[i].len = strlen(names[i]);
	}
	dk_select(mh->f, mh->nf, spans, n, sel);
	for (i = 0; i < n; i++)
		if (sel[i] != NULL)
			dk_canon_header(cfg->hc, sel[i]->text, sel[i]->len, 1,
			    canon_sink, stdout);
	if (cfg->body)
		canon_sink(stdout, "\r\n", 2);
	return 0;
}

/* The header block has ended: split it, and print its part. */
static int
canon_end_header(const struct canon_cfg *cfg, struct dk_msghdr *mh)
{
	char err[HDR_ERR_MAX];
	enum dk_status st;

	if ((st = dk_msghdr_end(mh, err, sizeof(err))) == DK_ENOMEM)
		dk_cli_oom();
	if (st != DK_OK) {
		dk_cli_warnx("stdin: %s", err);
		return EX_DATAERR;
	}
	return cfg->header ? canon_print_header(cfg, mh) : 0;
}

/* Where canon_feed() sends the text, and what it found. */
struct canon_run {
	const struct canon_cfg	*cfg;
	struct dk_msghdr	*mh;
	struct dk_canon_body	 cb;
	int			 rc;	/* set when the header cannot be used */
};

/*
 * Feed one piece of CRLF text (dk_lf_write() makes it so): to the
 * header block while it lasts, the rest to the body.
 */
static enum dk_status
canon_feed(void *arg, const char *buf, size_t len)
{
	struct canon_run *run = arg;
	enum dk_status st;
	size_t used = 0;

	if (run->rc != 0)
		return DK_OK;
	if (!run->mh->done) {
		if ((st = dk_msghdr_write(run->mh, buf, len, &used)) != DK_OK)
			return st;
		if (run->mh->done &&
		    (run->rc = canon_end_header(run->cfg, run->mh)) != 0)
			return DK_OK;
	}
	if (run->mh->done && run->cfg->body)
		dk_canon_body_write(&run->cb, buf + used, len - used);
	return DK_OK;
}

static int
canon_stream(const struct canon_cfg *cfg, struct dk_msghdr *mh)
{
	struct canon_run run = { cfg, mh, { 0 }, 0 };
	struct dk_canon_body *cb = &run.cb;
	struct dk_lf lf = { 1, 0 };
	char in[DK_CLI_CHUNK], err[HDR_ERR_MAX];
	ssize_t n = 0;
	enum dk_status st = DK_OK;
	int rc = 0;

	dk_canon_body_init(cb, cfg->bc, UINT64_MAX, canon_sink, stdout);
	while (st == DK_OK && run.rc == 0 && (cfg->body || !mh->done) &&
	    (n = dk_cli_read_chunk(0, in, sizeof(in))) > 0)
		st = dk_lf_write(&lf, in, (size_t)n, canon_feed, &run);
	rc = run.rc;
	if (st == DK_ENOMEM)
		dk_cli_oom();
	if (st != DK_OK) {
		dk_msghdr_limit_msg(err, sizeof(err));
		dk_cli_warnx("stdin: %s", err);
		return EX_DATAERR;
	}
	if (rc != 0)
		return rc;
	if (n == -1) {
		dk_cli_warnx("stdin: %s", strerror(errno));
		return EX_NOINPUT;
	}
	if (!mh->done && (rc = canon_end_header(cfg, mh)) != 0)
		return rc;
	if (cfg->body)
		dk_canon_body_end(cb);
	return dk_cli_flush();
}

int
dk_cli_canon(int argc, char **argv)
{
	struct canon_cfg cfg;
	struct dk_msghdr mh;
	int rc;

	memset(&cfg, 0, sizeof(cfg));
	memset(&mh, 0, sizeof(mh));
	cfg.hc = DK_CANON_RELAXED;
	cfg.bc = DK_CANON_RELAXED;
	cfg.header = 1;
	cfg.body = 1;
	if ((rc = canon_getopt(argc, argv, &cfg)) == 0)
		rc = canon_stream(&cfg, &mh);
	dk_msghdr_free(&mh);
	free(cfg.hlist);
	return rc;
}
