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

#define CANON_ERR_MAX	256	/* one dk_canonicalizer_new() message */

struct canon_cfg {
	struct dk_canon_opts	 opts;
	char			**hlist;	/* NULL: the default list */
	size_t			 nh;
	int			 header;	/* print the header part */
	int			 body;		/* print the body part */
	int			 header_done;	/* the header part is out */
	int			 werrno;	/* stdout failed: why; 0: it did not */
};

static int
canon_getopt(int argc, char **argv, struct canon_cfg *cfg)
{
	static const struct option longopts[] = {
		{ NULL, 0, NULL, 0 }
	};
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
			if ((rc = dk_cli_canon_opt(optarg, &cfg->opts.hcanon,
			    &cfg->opts.bcanon)) != 0)
				return rc;
			break;
		case 'h':
			dk_cli_hlist_opt(optarg, &cfg->hlist, &cfg->nh);
			break;
		default:
			return dk_cli_badopt("canon", ch, argv);
		}
	}
	if (optind != argc)
		dk_cli_warnx("%s: unexpected argument; canon reads the "
		    "message from the standard input", argv[optind]);
	else if (!cfg->header && !cfg->body)
		dk_cli_warnx("-H and -B: together they leave nothing to "
		    "print: give one of them, or neither");
	else
		return 0;
	return dk_cli_usage("canon");
}

/* buf[0..len) to stdout; -1 once that fails, so that reading stops. */
static int
canon_put(struct canon_cfg *cfg, const void *buf, size_t len)
{
	errno = 0;
	if (fwrite(buf, 1, len, stdout) == len)
		return 0;
	cfg->werrno = errno != 0 ? errno : EIO;
	return -1;
}

/* The parts asked for, a blank line between them. */
static int
canon_out(void *arg, enum dk_canon_part part, const void *buf, size_t len)
{
	struct canon_cfg *cfg = arg;

	switch (part) {
	case DK_CANON_FIELD:
		if (cfg->header)
			return canon_put(cfg, buf, len);
		break;
	case DK_CANON_HEADER_END:
		cfg->header_done = 1;
		if (cfg->header && cfg->body)
			return canon_put(cfg, "\r\n", 2);
		break;
	case DK_CANON_BODY:
		if (cfg->body)
			return canon_put(cfg, buf, len);
		break;
	}
	return 0;
}

/* An engine status as an exit status, after saying why. */
static int
canon_fail(const struct canon_cfg *cfg, const struct dk_canonicalizer *c,
    enum dk_status st)
{
	if (st == DK_ENOMEM)
		dk_cli_oom();
	if (st == DK_ESTOPPED) {
		/* as dk_cli_flush() says it */
		dk_cli_warnx("stdout: %s", strerror(cfg->werrno));
		return EX_CANTCREAT;
	}
	dk_cli_warnx("stdin: %s", dk_canonicalizer_errmsg(c));
	return st == DK_ESYNTAX || st == DK_ELIMIT ? EX_DATAERR : EX_SOFTWARE;
}

/* Stream stdin through c; with -H, only as far as the header block. */
static int
canon_stream(struct canon_cfg *cfg, struct dk_canonicalizer *c)
{
	char in[DK_CLI_CHUNK];
	ssize_t n = 0;
	enum dk_status st;

	/* files often have bare LF; the engine makes it CRLF */
	st = dk_canonicalizer_accept_lf(c);
	while (st == DK_OK && (cfg->body || !cfg->header_done) &&
	    (n = dk_cli_read_chunk(0, in, sizeof(in))) > 0)
		st = dk_canonicalizer_write(c, in, (size_t)n);
	if (st != DK_OK)
		return canon_fail(cfg, c, st);
	if (n == -1) {
		dk_cli_warnx("stdin: %s", strerror(errno));
		return EX_NOINPUT;
	}
	if ((st = dk_canonicalizer_finish(c)) != DK_OK)
		return canon_fail(cfg, c, st);
	return dk_cli_flush();
}

/* The engine judges -h before stdin is read: there is no signer here. */
static int
canon_run(struct canon_cfg *cfg)
{
	struct dk_canonicalizer *c;
	char err[CANON_ERR_MAX];
	enum dk_status st;
	int rc;

	cfg->opts.headers = (const char *const *)cfg->hlist;
	cfg->opts.out = canon_out;
	cfg->opts.arg = cfg;
	if ((st = dk_canonicalizer_new(&c, &cfg->opts, err, sizeof(err))) ==
	    DK_ENOMEM)
		dk_cli_oom();
	if (st != DK_OK) {
		dk_cli_warnx("-h: %s", err);
		return EX_USAGE;
	}
	rc = canon_stream(cfg, c);
	dk_canonicalizer_free(c);
	return rc;
}

int
dk_cli_canon(int argc, char **argv)
{
	struct canon_cfg cfg;
	int rc;

	memset(&cfg, 0, sizeof(cfg));
	dk_canon_opts_init(&cfg.opts, sizeof(cfg.opts));
	cfg.header = 1;
	cfg.body = 1;
	if ((rc = canon_getopt(argc, argv, &cfg)) == 0)
		rc = canon_run(&cfg);
	free(cfg.hlist);
	return rc;
}
