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
 * The canonicalizer: what a signature would hash, given in the clear
 * (dkimkit.h). The header block is kept until it ends, then the fields
 * a signature covers are picked as the signer picks them and
 * canonicalized; the body streams through one body canonicalizer.
 */

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dkim.h"
#include "../dns/dns.h"

/* The size of version 1, frozen (see opts.c). */
#define CANON_OPTS_V1	(offsetof(struct dk_canon_opts, arg) + \
			    sizeof(void *))
_Static_assert(sizeof(struct dk_canon_opts) == CANON_OPTS_V1,
    "struct dk_canon_opts grew: keep CANON_OPTS_V1");

typedef int	canon_out_fn(void *, enum dk_canon_part, const void *,
		    size_t);

struct dk_canonicalizer {
	struct dk_msghdr	 mh;
	struct dk_canon_body	 cb;
	struct dk_lf		 lf;
	char			**headers;	/* NULL: the default list */
	size_t			 nheaders;
	enum dk_canon		 hcanon;
	canon_out_fn		*out;
	void			*arg;
	int			 stopped;	/* out said stop: call it no more */
	int			 written;
	int			 finished;
	enum dk_status		 failed;
	char			 errmsg[256];
};

static const struct dk_canon_opts canon_defaults = {
	.size = sizeof(struct dk_canon_opts),
	.hcanon = DK_CANON_RELAXED,
	.bcanon = DK_CANON_RELAXED
};

/* see dkimkit.h */
void
dk_canon_opts_init(struct dk_canon_opts *o, size_t size)
{
	dk_opts_init(o, size, &canon_defaults, sizeof(canon_defaults));
}

/* DK_CANON_DEFAULT is relaxed; 0 for a value that is no mode. */
static enum dk_canon
canon_mode(enum dk_canon c)
{
	if (c == DK_CANON_DEFAULT)
		return DK_CANON_RELAXED;
	return c == DK_CANON_SIMPLE || c == DK_CANON_RELAXED ? c : 0;
}

/* One broken rule, in err[0..errlen) when there is room; DK_EINVAL. */
static enum dk_status
refuse(char *err, size_t errlen, const char *msg)
{
	if (err != NULL && errlen > 0)
		(void)snprintf(err, errlen, "%s", msg);
	return DK_EINVAL;
}

static enum dk_status
opts_check(const struct dk_canon_opts *caller, struct dk_canon_opts *o,
    char *err, size_t errlen)
{
	*o = canon_defaults;
	if (caller == NULL || dk_opts_take(o, sizeof(*o), caller,
	    CANON_OPTS_V1) == -1)
		return refuse(err, errlen, "the options were not set up with "
		    "dk_canon_opts_init()");
	if (canon_mode(o->hcanon) == 0 || canon_mode(o->bcanon) == 0)
		return refuse(err, errlen, "canonicalization: simple or "
		    "relaxed, for the header and for the body");
	if (o->out == NULL)
		return refuse(err, errlen, "no output function: set out");
	if (o->headers != NULL &&
	    dk_sig_hlist_check(o->headers, err, errlen) == -1)
		return DK_EINVAL;
	return DK_OK;
}

/*
 * The canon sinks cannot fail, so a stop is noted here and turned into
 * the handle's error once the step that gave the output returns.
 */
static void
emit(struct dk_canonicalizer *c, enum dk_canon_part part, const void *buf,
    size_t len)
{
	if (!c->stopped && c->out(c->arg, part, buf, len) != 0)
		c->stopped = 1;
}

static void
body_sink(void *arg, const void *buf, size_t len)
{
	emit(arg, DK_CANON_BODY, buf, len);
}

static void
field_sink(void *arg, const void *buf, size_t len)
{
	emit(arg, DK_CANON_FIELD, buf, len);
}

/* see dkimkit.h */
enum dk_status
dk_canonicalizer_new(struct dk_canonicalizer **cp,
    const struct dk_canon_opts *opts, char *err, size_t errlen)
{
	struct dk_canonicalizer *c;
	struct dk_canon_opts o;
	enum dk_status st;

	*cp = NULL;
	if ((st = opts_check(opts, &o, err, errlen)) != DK_OK)
		return st;
	if ((c = calloc(1, sizeof(*c))) == NULL)
		return DK_ENOMEM;
	if (o.headers != NULL && dk_hlist_copy(o.headers, &c->headers,
	    &c->nheaders) != DK_OK) {
		dk_canonicalizer_free(c);
		return DK_ENOMEM;
	}
	c->hcanon = canon_mode(o.hcanon);
	c->out = o.out;
	c->arg = o.arg;
	dk_canon_body_init(&c->cb, canon_mode(o.bcanon), UINT64_MAX,
	    body_sink, c);
	*cp = c;
	return DK_OK;
}

/* see dkimkit.h */
enum dk_status
dk_canonicalizer_accept_lf(struct dk_canonicalizer *c)
{
	if (c->written || c->failed != DK_OK || c->finished)
		return DK_ESTATE;
	c->lf.on = 1;
	return DK_OK;
}

static enum dk_status
fail(struct dk_canonicalizer *c, enum dk_status st, const char *msg)
{
	if (c->failed == DK_OK) {
		c->failed = st;
		(void)snprintf(c->errmsg, sizeof(c->errmsg), "%s",
		    msg != NULL ? msg : dk_status_str(st));
	}
	return st;
}

/* DK_ESTOPPED once the output function has said stop, else DK_OK. */
static enum dk_status
check_stopped(struct dk_canonicalizer *c)
{
	if (!c->stopped)
		return DK_OK;
	return fail(c, DK_ESTOPPED, "the output function stopped it");
}

/* The header block has ended: split it, and give the fields covered. */
static enum dk_status
header_end(void *arg)
{
	struct dk_canonicalizer *c = arg;
	const char *names[DK_H_MAX];
	const struct dk_hfield *sel[DK_H_MAX];
	char err[sizeof(c->errmsg)];
	enum dk_status st;
	size_t i, n;

	if ((st = dk_msghdr_end(&c->mh, err, sizeof(err))) != DK_OK)
		return fail(c, st, st == DK_ESYNTAX ? err : NULL);
	n = dk_sign_select(&c->mh, c->headers, c->nheaders, names, sel);
	for (i = 0; i < n; i++)
		if (sel[i] != NULL)
			dk_canon_header(c->hcanon, sel[i]->text, sel[i]->len,
			    1, field_sink, c);
	emit(c, DK_CANON_HEADER_END, NULL, 0);
	return check_stopped(c);
}

static void
body_write(void *arg, const char *buf, size_t len)
{
	struct dk_canonicalizer *c = arg;

	dk_canon_body_write(&c->cb, buf, len);
}

static enum dk_status
write_crlf(void *arg, const char *buf, size_t len)
{
	struct dk_canonicalizer *c = arg;
	char msg[80];
	enum dk_status st;

	/* fail() keeps the first failure: one from header_end() stays */
	st = dk_msghdr_feed(&c->mh, buf, len, header_end, body_write, c);
	if (st != DK_OK) {
		dk_msghdr_limit_msg(msg, sizeof(msg));
		return fail(c, st, st == DK_ELIMIT ? msg : NULL);
	}
	return check_stopped(c);
}

/* see dkimkit.h */
enum dk_status
dk_canonicalizer_write(struct dk_canonicalizer *c, const void *buf,
    size_t len)
{
	if (c->failed != DK_OK || c->finished)
		return DK_ESTATE;
	c->written = 1;
	return dk_lf_write(&c->lf, buf, len, write_crlf, c);
}

/* see dkimkit.h */
enum dk_status
dk_canonicalizer_finish(struct dk_canonicalizer *c)
{
	enum dk_status st;

	if (c->failed != DK_OK || c->finished)
		return DK_ESTATE;
	c->finished = 1;
	if (!c->mh.done && (st = header_end(c)) != DK_OK)
		return st;
	dk_canon_body_end(&c->cb);
	return check_stopped(c);
}

/* see dkimkit.h */
const char *
dk_canonicalizer_errmsg(const struct dk_canonicalizer *c)
{
	return c->failed != DK_OK ? c->errmsg : "no error";
}

/* see dkimkit.h */
void
dk_canonicalizer_free(struct dk_canonicalizer *c)
{
	if (c == NULL)
		return;
	dk_hlist_free(c->headers, c->nheaders);
	dk_msghdr_free(&c->mh);
	free(c);
}
