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
 * The verifier's body hashes: one pass per (canonicalization, hash),
 * with l= values as cut points on the way (see dkim.h).
 */

#include <stdlib.h>
#include <string.h>

#include "dkim.h"

static void	stream_sink(void *, const void *, size_t);

static struct dk_bstream *
stream(struct dk_bodies *b, enum dk_canon mode, enum dk_hash_alg alg)
{
	return &b->s[mode == DK_CANON_RELAXED][alg == DK_HASH_SHA1];
}

/* see dkim.h */
enum dk_status
dk_bodies_want(struct dk_bodies *b, enum dk_canon mode, enum dk_hash_alg alg,
    int has_l, uint64_t l)
{
	struct dk_bstream *s = stream(b, mode, alg);
	struct dk_bcut *c;
	size_t cap;

	if (!s->used) {
		s->used = 1;
		dk_hash_init(&s->hash, alg);
		dk_canon_body_init(&s->cb, mode, UINT64_MAX, stream_sink,
		    s);
	}
	if (!has_l)
		return DK_OK;
	if (s->ncut == s->cap) {
		cap = s->cap == 0 ? 8 : s->cap * 2;
		if ((c = reallocarray(s->cut, cap, sizeof(*c))) == NULL)
			return DK_ENOMEM;
		s->cut = c;
		s->cap = cap;
	}
	s->cut[s->ncut++].l = l;
	return DK_OK;
}

static int
cut_cmp(const void *a, const void *b)
{
	uint64_t x = ((const struct dk_bcut *)a)->l;
	uint64_t y = ((const struct dk_bcut *)b)->l;

	return x < y ? -1 : x > y;
}

/*
 * Hash the canonicalized output, taking each cut's digest as the output
 * reaches it. A cut is reached when l octets have been hashed, so one
 * at the very end of the body is taken by dk_bodies_end()'s empty call.
 */
static void
stream_sink(void *arg, const void *buf, size_t len)
{
	struct dk_bstream *s = arg;
	const uint8_t *p = buf;
	struct dk_bcut *c;
	size_t n;

	while (s->next < s->ncut && (c = &s->cut[s->next])->l - s->emitted <=
	    len) {
		n = (size_t)(c->l - s->emitted);
		dk_hash_update(&s->hash, p, n);
		p += n;
		len -= n;
		s->emitted += n;
		(void)dk_hash_out(&s->hash, c->digest);
		s->next++;
	}
	dk_hash_update(&s->hash, p, len);
	s->emitted += len;
}

/* Sort and merge the cuts once all signatures are registered. */
static void
start(struct dk_bodies *b)
{
	struct dk_bstream *s;
	size_t i, j, k;

	b->started = 1;
	for (i = 0; i < 4; i++) {
		s = &b->s[i / 2][i % 2];
		if (s->ncut == 0)
			continue;
		qsort(s->cut, s->ncut, sizeof(*s->cut), cut_cmp);
		for (j = 1, k = 1; j < s->ncut; j++)
			if (s->cut[j].l != s->cut[k - 1].l)
				s->cut[k++] = s->cut[j];
		s->ncut = k;
	}
}

/* see dkim.h */
void
dk_bodies_write(struct dk_bodies *b, const void *buf, size_t len)
{
	size_t i;

	if (!b->started)
		start(b);
	for (i = 0; i < 4; i++)
		if (b->s[i / 2][i % 2].used)
			dk_canon_body_write(&b->s[i / 2][i % 2].cb, buf, len);
}

/* see dkim.h */
void
dk_bodies_end(struct dk_bodies *b)
{
	struct dk_bstream *s;
	size_t i;

	if (!b->started)
		start(b);
	b->ended = 1;
	for (i = 0; i < 4; i++) {
		s = &b->s[i / 2][i % 2];
		if (!s->used)
			continue;
		dk_canon_body_end(&s->cb);
		stream_sink(s, "", 0);
		s->dlen = dk_hash_out(&s->hash, s->full);
	}
}

/* see dkim.h */
size_t
dk_bodies_digest(const struct dk_bodies *b, enum dk_canon mode,
    enum dk_hash_alg alg, int has_l, uint64_t l, uint8_t out[DK_DIGEST_MAX],
    uint64_t *total)
{
	const struct dk_bstream *s = &b->s[mode == DK_CANON_RELAXED]
	    [alg == DK_HASH_SHA1];
	const struct dk_bcut *c;
	struct dk_bcut key;

	*total = s->emitted;
	if (!b->ended || !s->used)
		return 0;
	if (!has_l) {
		memcpy(out, s->full, s->dlen);
		return s->dlen;
	}
	key.l = l;
	/* bsearch() wants a real array, even an empty one */
	if (l > s->emitted || s->ncut == 0 || (c = bsearch(&key, s->cut,
	    s->ncut, sizeof(*s->cut), cut_cmp)) == NULL)
		return 0;
	memcpy(out, c->digest, s->dlen);
	return s->dlen;
}

/* see dkim.h */
void
dk_bodies_free(struct dk_bodies *b)
{
	size_t i;

	for (i = 0; i < 4; i++)
		free(b->s[i / 2][i % 2].cut);
}
