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
 * Header selection (dk_select, RFC 6376 §5.4.2) and the default h= list
 * (dk_default_hlist, dk_default_headers, §5.4.1).
 */

#include <stddef.h>
#include <string.h>

#include "../src/dkim/dkim.h"
#include "testlib.h"

#define NF_MAX	32

struct hdr {
	struct dk_hfield	f[NF_MAX];
	size_t			nf;
};

/* Fields from NULL-terminated "Name: value" strings. */
static void
mkhdr(struct hdr *h, const char *const *lines)
{
	const char *colon;
	size_t n;

	for (h->nf = 0; lines[h->nf] != NULL && h->nf < NF_MAX; h->nf++) {
		colon = strchr(lines[h->nf], ':');
		n = (size_t)(colon - lines[h->nf]);
		while (n > 0 && (lines[h->nf][n - 1] == ' ' ||
		    lines[h->nf][n - 1] == '\t'))
			n--;
		h->f[h->nf].text = lines[h->nf];
		h->f[h->nf].len = strlen(lines[h->nf]);
		h->f[h->nf].namelen = n;
	}
}

static size_t
mknames(struct dk_span *names, const char *const *list)
{
	size_t n;

	for (n = 0; list[n] != NULL; n++) {
		names[n].p = list[n];
		names[n].len = strlen(list[n]);
	}
	return n;
}

static const char *const msg[] = {
	"Received: by a",
	"From: top@example.com",
	"Subject : hello",
	"To: x@example.com",
	"FROM: bottom@example.com",
	"Received: by b",
	"cc: c1@example.com",
	"Cc: c2@example.com",
	NULL
};

/* §5.4.2: the k-th use of a name binds the k-th instance from the
 * bottom; a use past the last instance binds nothing. */
static int
t_bottom_up(void)
{
	static const char *const h[] = { "from", "From", "from", "to",
	    "received", "RECEIVED", "received", "x-absent", "subject",
	    NULL };
	struct dk_span names[16];
	const struct dk_hfield *out[16];
	struct hdr hd;
	size_t n;

	mkhdr(&hd, msg);
	n = mknames(names, h);
	dk_select(hd.f, hd.nf, names, n, out);
	CHECK(out[0] == &hd.f[4]);
	CHECK(out[1] == &hd.f[1]);
	CHECK(out[2] == NULL);
	CHECK(out[3] == &hd.f[3]);
	CHECK(out[4] == &hd.f[5]);
	CHECK(out[5] == &hd.f[0]);
	CHECK(out[6] == NULL);
	CHECK(out[7] == NULL);
	CHECK(out[8] == &hd.f[2]);
	return 0;
}

/* Interleaved names keep a separate count each. */
static int
t_interleaved(void)
{
	static const char *const h[] = { "cc", "from", "cc", "from", "cc",
	    NULL };
	struct dk_span names[8];
	const struct dk_hfield *out[8];
	struct hdr hd;
	size_t n;

	mkhdr(&hd, msg);
	n = mknames(names, h);
	dk_select(hd.f, hd.nf, names, n, out);
	CHECK(out[0] == &hd.f[7]);
	CHECK(out[1] == &hd.f[4]);
	CHECK(out[2] == &hd.f[6]);
	CHECK(out[3] == &hd.f[1]);
	CHECK(out[4] == NULL);
	return 0;
}

static int
t_empty(void)
{
	static const char *const h[] = { "from", NULL };
	static const char *const none[] = { NULL };
	struct dk_span names[2];
	const struct dk_hfield *out[2] = { NULL, NULL };
	struct hdr hd;

	mkhdr(&hd, none);
	dk_select(hd.f, 0, names, mknames(names, h), out);
	CHECK(out[0] == NULL);
	mkhdr(&hd, msg);
	out[0] = &hd.f[0];
	dk_select(hd.f, hd.nf, names, 0, out);
	CHECK(out[0] == &hd.f[0]);
	return 0;
}

/* A name that is a prefix of a field name, or longer, binds nothing. */
static int
t_exact_names(void)
{
	static const char *const h[] = { "fro", "fromx", "sub", "to ",
	    NULL };
	struct dk_span names[8];
	const struct dk_hfield *out[8];
	struct hdr hd;
	size_t i, n;

	mkhdr(&hd, msg);
	n = mknames(names, h);
	dk_select(hd.f, hd.nf, names, n, out);
	for (i = 0; i < n; i++)
		CHECK(out[i] == NULL);
	return 0;
}

/* RFC 6376 §5.4.1's SHOULD list, plus the four we add. */
static int
t_default_headers(void)
{
	static const char *const want[] = { "from", "reply-to", "subject",
	    "date", "to", "cc", "resent-date", "resent-from", "resent-to",
	    "resent-cc", "in-reply-to", "references", "list-id",
	    "list-help", "list-unsubscribe", "list-subscribe", "list-post",
	    "list-owner", "list-archive", "message-id", "mime-version",
	    "content-type", "content-transfer-encoding" };
	const char *const *h = dk_default_headers();
	size_t i;

	for (i = 0; i < NCASES(want); i++) {
		CHECK(h[i] != NULL);
		CHECK_STR("name", want[i], h[i]);
	}
	CHECK(h[i] == NULL);
	return 0;
}

static int
check_hlist(const char *const *lines, const char *want, size_t max)
{
	const char *out[DK_H_MAX];
	char got[1024] = "";
	struct hdr hd;
	size_t i, n;

	mkhdr(&hd, lines);
	n = dk_default_hlist(hd.f, hd.nf, out, max);
	CHECK(n <= max);
	for (i = 0; i < n; i++) {
		if (i > 0)
			strcat(got, ":");
		strcat(got, out[i]);
	}
	CHECK_STR("h=", want, got);
	return 0;
}

/*
 * Present names once per instance, all lowercase. From, Reply-To,
 * Subject, To and Cc once more, absent or not; Date and Message-ID once
 * more only when present, and an absent one never (smtpd adds them).
 */
static int
t_default_hlist(void)
{
	CHECK(check_hlist(msg, "from:from:from:reply-to:subject:subject:"
	    "to:to:cc:cc:cc", DK_H_MAX) == 0);
	return 0;
}

static int
t_default_hlist_full(void)
{
	static const char *const full[] = {
		"Message-ID: <1@x>", "Date: now", "Date: again",
		"From: a@x", "Reply-To: b@x", "MIME-Version: 1.0",
		"Content-Type: text/plain", "List-Id: <l>", "X-Other: 1",
		"Content-Transfer-Encoding: 7bit", "Resent-From: r@x",
		NULL
	};

	CHECK(check_hlist(full, "from:from:reply-to:reply-to:subject:date:"
	    "date:date:to:cc:resent-from:list-id:message-id:message-id:"
	    "mime-version:content-type:content-transfer-encoding",
	    DK_H_MAX) == 0);
	return 0;
}

/*
 * A list that would pass max is cut, not refused: each name lists at
 * most its cap bottom-most instances, oversigned ones one more, the cap
 * the largest that fits. Every name is still there.
 */
static int
t_default_hlist_max(void)
{
	CHECK(check_hlist(msg, "from:from:from:reply-to:subject:subject:"
	    "to:to:cc:cc:cc", 11) == 0);
	/* cap 2 would need 11: cap 1 */
	CHECK(check_hlist(msg, "from:from:reply-to:subject:subject:"
	    "to:to:cc:cc", 10) == 0);
	return 0;
}

/* 29 Cc fields and a Resent block: in 32 names by a cap of 24. */
static int
t_default_hlist_cut(void)
{
	static const char *lines[NF_MAX + 1];
	char want[1024];
	size_t i;

	lines[0] = "Resent-From: r@x";
	lines[1] = "Resent-To: t@x";
	lines[2] = "From: a@x";
	for (i = 3; i < NF_MAX; i++)
		lines[i] = "Cc: c@x";
	lines[NF_MAX] = NULL;
	/* from:from, reply-to, subject, to, then cc cap + 1, resents */
	snprintf(want, sizeof(want), "from:from:reply-to:subject:to");
	for (i = 0; i < 25; i++)
		strcat(want, ":cc");
	strcat(want, ":resent-from:resent-to");
	CHECK(check_hlist(lines, want, 32) == 0);
	return 0;
}

static const struct test_case cases[] = {
	{ "bottom_up", t_bottom_up },
	{ "interleaved", t_interleaved },
	{ "empty", t_empty },
	{ "exact_names", t_exact_names },
	{ "default_headers", t_default_headers },
	{ "default_hlist", t_default_hlist },
	{ "default_hlist_full", t_default_hlist_full },
	{ "default_hlist_max", t_default_hlist_max },
	{ "default_hlist_cut", t_default_hlist_cut },
};

int
main(int argc, char **argv)
{
	return test_main(argc, argv, cases, NCASES(cases));
}
