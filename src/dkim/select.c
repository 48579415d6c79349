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
 * Header selection (RFC 6376 §5.4) and the default h= list.
 */

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "dkim.h"

/*
 * §5.4.1 lists the fields that SHOULD be signed; Message-ID, MIME-Version
 * and the two MIME content fields are added because changing them changes
 * what a reader sees. Lowercase throughout: go-msgauth 0.6.6 refuses an
 * h= that repeats a name in another case.
 */
static const char *const default_headers[] = {
	"from", "reply-to", "subject", "date", "to", "cc",
	"resent-date", "resent-from", "resent-to", "resent-cc",
	"in-reply-to", "references",
	"list-id", "list-help", "list-unsubscribe", "list-subscribe",
	"list-post", "list-owner", "list-archive",
	"message-id", "mime-version", "content-type",
	"content-transfer-encoding",
	NULL
};

/*
 * Signed once more than they occur, so that adding one breaks the
 * signature (§8.15), an absent one included: that is what stops one
 * being added later.
 */
static const char *const oversigned[] = {
	"from", "reply-to", "subject", "to", "cc", NULL
};

/*
 * The same, but only when present: smtpd adds a missing Date or
 * Message-ID after the filter has signed, which must not break it.
 */
static const char *const oversigned_if_present[] = {
	"date", "message-id", NULL
};

static int
listed(const char *const *list, const char *name)
{
	size_t i;

	for (i = 0; list[i] != NULL; i++)
		if (strcmp(list[i], name) == 0)
			return 1;
	return 0;
}

/* Field names compare without case (RFC 5322 §1.2.2). */
static int
same_name(const struct dk_span *a, const struct dk_span *b)
{
	struct dk_hfield f = { a->p, a->len, a->len };

	return dk_hfield_is(&f, b->p, b->len);
}

/* see dkimkit.h */
const char *const *
dk_default_headers(void)
{
	return default_headers;
}

/* see dkim.h */
void
dk_select(const struct dk_hfield *f, size_t nf, const struct dk_span *names,
    size_t nnames, const struct dk_hfield **out)
{
	size_t i, j, k, seen;

	for (i = 0; i < nnames; i++) {
		/* §5.4.2: the k-th use of a name binds the k-th instance
		 * counted from the bottom */
		k = 0;
		for (j = 0; j < i; j++)
			if (same_name(&names[j], &names[i]))
				k++;
		out[i] = NULL;
		seen = 0;
		for (j = nf; j > 0; j--) {
			if (!dk_hfield_is(&f[j - 1], names[i].p, names[i].len))
				continue;
			if (seen++ == k) {
				out[i] = &f[j - 1];
				break;
			}
		}
	}
}

#define NDEFAULT	(sizeof(default_headers) / sizeof(default_headers[0]) - 1)

/* Entries for default_headers[i], occurring count times, at most cap. */
static size_t
entries(size_t i, size_t count, size_t cap)
{
	const char *name = default_headers[i];

	if (count > cap)
		count = cap;
	if (listed(oversigned, name) ||
	    (count > 0 && listed(oversigned_if_present, name)))
		count++;
	return count;
}

static size_t
list_len(const size_t *count, size_t cap)
{
	size_t i, n = 0;

	for (i = 0; i < NDEFAULT; i++)
		n += entries(i, count[i], cap);
	return n;
}

/*
 * see dkim.h. The cap is the most instances listed of one name: the
 * largest that fits in max, so a list that fits is never cut. A cap past
 * the most instances of any name lists the same, so the search stops
 * there: at once, for mail without repeated fields.
 */
size_t
dk_default_hlist(const struct dk_hfield *f, size_t nf, const char **out,
    size_t max)
{
	size_t count[NDEFAULT], i, j, k, n = 0, cap = 1, most = 0, len;

	for (i = 0; i < NDEFAULT; i++) {
		count[i] = 0;
		len = strlen(default_headers[i]);
		for (j = 0; j < nf; j++)
			count[i] += dk_hfield_is(&f[j], default_headers[i],
			    len);
		if (count[i] > most)
			most = count[i];
	}
	while (cap < most && list_len(count, cap + 1) <= max)
		cap++;
	for (i = 0; i < NDEFAULT; i++) {
		k = entries(i, count[i], cap);
		for (j = 0; j < k && n < max; j++)
			out[n++] = default_headers[i];
	}
	return n;
}

/* see dkim.h */
size_t
dk_sign_select(const struct dk_msghdr *mh, char *const *headers,
    size_t nheaders, const char **names, const struct dk_hfield **sel)
{
	struct dk_span spans[DK_H_MAX];
	size_t i, n = nheaders;

	if (headers == NULL)
		n = dk_default_hlist(mh->f, mh->nf, names, DK_SIGN_H_MAX);
	for (i = 0; i < n; i++) {
		if (headers != NULL)
			names[i] = headers[i];
		spans[i].p = names[i];
		spans[i].len = strlen(names[i]);
	}
	dk_select(mh->f, mh->nf, spans, n, sel);
	return n;
}

/* see dkim.h */
enum dk_status
dk_hlist_copy(const char *const *in, char ***outp, size_t *np)
{
	char **list;
	size_t i, n;

	*outp = NULL;
	*np = 0;
	for (n = 0; in[n] != NULL; n++)
		;
	if ((list = calloc(n + 1, sizeof(*list))) == NULL)
		return DK_ENOMEM;
	*outp = list;
	*np = n;
	for (i = 0; i < n; i++)
		if ((list[i] = strdup(in[i])) == NULL)
			return DK_ENOMEM;
	return DK_OK;
}

/* see dkim.h */
void
dk_hlist_free(char **list, size_t n)
{
	size_t i;

	for (i = 0; list != NULL && i < n; i++)
		free(list[i]);
	free(list);
}
