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
 * The same measurements as bench_dkimkit.c, made with libopendkim
 * (Debian's libopendkim-dev), for comparison. libopendkim takes the PEM
 * key as a string at each dkim_sign() and parses it per message; that is
 * its design, so it is measured as such. The key record is given by a
 * key lookup callback, so no DNS is measured.
 *
 * usage: bench_opendkim RSA_KEY RSA_RECORD ED25519_KEY ED25519_RECORD
 */

#include <sys/types.h>

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <opendkim/dkim.h>

#include "bench.h"

#define BENCH_LIB	"libopendkim"
#define BENCH_SIGPREFIX	"DKIM-Signature: "

struct bench_key {
	const char	*alg;
	const char	*selector;
	dkim_alg_t	 signalg;
	char		*pem;
	char		*record;
};

struct bench_job {
	DKIM_LIB		*lib;
	const struct bench_key	*k;
	char			*msg;
	size_t			 len;
	char			*sighdr;	/* last signature, CRLF */
};

/* The key record for the selector asked for, from memory. */
static DKIM_CBSTAT
key_lookup(DKIM *dkim, DKIM_SIGINFO *sig, u_char *buf, size_t buflen)
{
	const struct bench_job *j = dkim_get_user_context(dkim);
	const char *sel = (const char *)dkim_sig_getselector(sig);

	if (sel == NULL || strcmp(sel, j->k->selector) != 0)
		return DKIM_CBSTAT_NOTFOUND;
	if (strlen(j->k->record) >= buflen)
		return DKIM_CBSTAT_ERROR;
	memcpy(buf, j->k->record, strlen(j->k->record) + 1);
	return DKIM_CBSTAT_CONTINUE;
}

static DKIM_STAT
feed(DKIM *d, char *msg, size_t len)
{
	DKIM_STAT st = DKIM_STAT_OK;
	size_t off, n;

	for (off = 0; off < len && st == DKIM_STAT_OK; off += n) {
		n = len - off < DK_BENCH_CHUNK ? len - off : DK_BENCH_CHUNK;
		st = dkim_chunk(d, (u_char *)msg + off, n);
	}
	if (st == DKIM_STAT_OK)
		st = dkim_chunk(d, NULL, 0);
	if (st == DKIM_STAT_OK)
		st = dkim_eom(d, NULL);
	return st;
}

/* libopendkim folds with bare LF; the message is CRLF. */
static char *
to_crlf(const u_char *hdr, size_t len)
{
	char *out, *p;
	size_t i;

	if ((out = malloc(sizeof(BENCH_SIGPREFIX) + 2 * len + 2)) == NULL) {
		perror("malloc");
		exit(1);
	}
	p = out + strlen(BENCH_SIGPREFIX);
	memcpy(out, BENCH_SIGPREFIX, strlen(BENCH_SIGPREFIX));
	for (i = 0; i < len; i++) {
		if (hdr[i] == '\n' && (i == 0 || hdr[i - 1] != '\r'))
			*p++ = '\r';
		*p++ = (char)hdr[i];
	}
	memcpy(p, "\r\n", 3);
	return out;
}

static int
sign_one(void *arg)
{
	struct bench_job *j = arg;
	DKIM *d;
	DKIM_STAT st;
	u_char *hdr;
	size_t hlen;

	d = dkim_sign(j->lib, (const u_char *)"bench", NULL,
	    (dkim_sigkey_t)j->k->pem, (const u_char *)j->k->selector,
	    (const u_char *)DK_BENCH_DOMAIN, DKIM_CANON_RELAXED,
	    DKIM_CANON_RELAXED, j->k->signalg, -1, &st);
	if (d == NULL) {
		fprintf(stderr, "dkim_sign: %s\n", dkim_getresultstr(st));
		return -1;
	}
	if ((st = feed(d, j->msg, j->len)) == DKIM_STAT_OK)
		st = dkim_getsighdr_d(d, strlen(BENCH_SIGPREFIX), &hdr, &hlen);
	if (st == DKIM_STAT_OK) {
		free(j->sighdr);
		j->sighdr = to_crlf(hdr, hlen);
	} else
		fprintf(stderr, "sign: %s: %s\n", dkim_getresultstr(st),
		    dkim_geterror(d) ? dkim_geterror(d) : "");
	dkim_free(d);
	return st == DKIM_STAT_OK ? 0 : -1;
}

static int
verify_one(void *arg)
{
	struct bench_job *j = arg;
	DKIM_SIGINFO *sig;
	DKIM *d;
	DKIM_STAT st;

	if ((d = dkim_verify(j->lib, (const u_char *)"bench", NULL,
	    &st)) == NULL) {
		fprintf(stderr, "dkim_verify: %s\n", dkim_getresultstr(st));
		return -1;
	}
	dkim_set_user_context(d, j);
	st = feed(d, j->msg, j->len);
	if (st != DKIM_STAT_OK || (sig = dkim_getsignature(d)) == NULL ||
	    !DKIM_SIG_CHECK(sig)) {
		fprintf(stderr, "verify: %s: %s\n", dkim_getresultstr(st),
		    dkim_geterror(d) ? dkim_geterror(d) : "");
		st = DKIM_STAT_INTERNAL;
	}
	dkim_free(d);
	return st == DKIM_STAT_OK ? 0 : -1;
}

/* The message with the last signature made on top. */
static char *
signed_message(const struct bench_job *j, size_t *lenp)
{
	size_t hlen = strlen(j->sighdr);
	char *out;

	if ((out = malloc(hlen + j->len)) == NULL) {
		perror("malloc");
		exit(1);
	}
	memcpy(out, j->sighdr, hlen);
	memcpy(out + hlen, j->msg, j->len);
	*lenp = hlen + j->len;
	return out;
}

static int
bench_key(DKIM_LIB *lib, const struct bench_key *k)
{
	struct bench_job j;
	char *msg;
	size_t i;
	int rc = 0;

	memset(&j, 0, sizeof(j));
	j.lib = lib;
	j.k = k;
	for (i = 0; i < DK_BENCH_NSIZES && rc == 0; i++) {
		msg = dk_bench_message(dk_bench_sizes[i]);
		j.msg = msg;
		j.len = dk_bench_sizes[i];
		rc = dk_bench_run(BENCH_LIB, "sign", k->alg, j.len, sign_one,
		    &j);
		if (rc == 0) {
			j.msg = signed_message(&j, &j.len);
			rc = dk_bench_run(BENCH_LIB, "verify", k->alg,
			    dk_bench_sizes[i], verify_one, &j);
			free(j.msg);
		}
		free(msg);
	}
	free(j.sighdr);
	return rc;
}

static DKIM_LIB *
lib_open(void)
{
	/*
	 * The same h= as dkimkit's default: these are signed once more.
	 * libopendkim takes the list itself, with the size of a pointer.
	 */
	static const char *oversign[] = {
		"from", "to", "cc", "subject", "reply-to", "date",
		"message-id", NULL
	};
	uint64_t fixed = DK_BENCH_NOW;
	DKIM_LIB *lib;

	if ((lib = dkim_init(NULL, NULL)) == NULL ||
	    dkim_options(lib, DKIM_OP_SETOPT, DKIM_OPTS_FIXEDTIME, &fixed,
	    sizeof(fixed)) != DKIM_STAT_OK ||
	    dkim_options(lib, DKIM_OP_SETOPT, DKIM_OPTS_OVERSIGNHDRS,
	    oversign, sizeof(char **)) != DKIM_STAT_OK ||
	    dkim_set_key_lookup(lib, key_lookup) != DKIM_STAT_OK) {
		fprintf(stderr, "libopendkim: cannot set up\n");
		exit(1);
	}
	return lib;
}

int
main(int argc, char **argv)
{
	struct bench_key keys[2] = {
		{ "rsa-sha256", "rsa", DKIM_SIGN_RSASHA256, NULL, NULL },
		{ "ed25519-sha256", "ed", DKIM_SIGN_ED25519SHA256, NULL, NULL }
	};
	DKIM_LIB *lib;
	int rc = 0;

	if (argc != 5) {
		fprintf(stderr, "usage: bench_opendkim RSA_KEY RSA_RECORD "
		    "ED25519_KEY ED25519_RECORD\n");
		return 64;
	}
	keys[0].pem = dk_bench_readfile(argv[1]);
	keys[0].record = dk_bench_readfile(argv[2]);
	keys[1].pem = dk_bench_readfile(argv[3]);
	keys[1].record = dk_bench_readfile(argv[4]);
	lib = lib_open();
	if (bench_key(lib, &keys[0]) != 0)
		rc = 1;
	if (!dkim_libfeature(lib, DKIM_FEATURE_ED25519))
		printf("NA %s ed25519-sha256\n", BENCH_LIB);
	else if (bench_key(lib, &keys[1]) != 0)
		rc = 1;
	dkim_close(lib);
	free(keys[0].pem);
	free(keys[0].record);
	free(keys[1].pem);
	free(keys[1].record);
	return rc;
}
