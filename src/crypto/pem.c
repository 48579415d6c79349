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
 * PEM armour (RFC 7468): a BEGIN line, base64 lines, an END line with the
 * same label. Text before the BEGIN line is ignored, as RFC 7468 §2 lets
 * parsers do (OpenSSL writes "Bag Attributes" there). RFC 1421 headers
 * ("Proc-Type: 4,ENCRYPTED") mark an encrypted key, which we refuse:
 * decrypting keys is the job of a key management tool.
 */

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "asn1.h"
#include "keyint.h"

#define PEM_BEGIN	"-----BEGIN "
#define PEM_END		"-----END "
#define PEM_DASHES	"-----"
#define PEM_LINE_LEN	64	/* RFC 7468 §2: generators wrap at 64 */
/* The base64 text of the largest DER value we decode. */
#define PEM_BODY_MAX	DK_B64_ENCLEN(DK_DER_MAX)

struct pem_line {
	const char	*p;
	size_t		 len;
	unsigned int	 no;	/* 1-based, for messages */
};

/* The next line without its end (LF or CRLF) and trailing blanks. */
static int
next_line(const char **pp, const char *end, struct pem_line *l)
{
	const char *p = *pp, *nl;

	if (p == end)
		return 0;
	if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
		nl = end;
	l->p = p;
	l->len = (size_t)(nl - p);
	l->no++;
	while (l->len > 0 && (p[l->len - 1] == '\r' || p[l->len - 1] == ' ' ||
	    p[l->len - 1] == '\t'))
		l->len--;
	*pp = nl == end ? end : nl + 1;
	return 1;
}

static int
has_prefix(const struct pem_line *l, const char *prefix)
{
	size_t n = strlen(prefix);

	return l->len >= n && memcmp(l->p, prefix, n) == 0;
}

/*
 * "-----BEGIN LABEL-----" or "-----END LABEL-----", skip bytes in: copy
 * LABEL (printable, RFC 7468 §3) to label. 0 or -1.
 */
static int
get_label(const struct pem_line *l, size_t skip, char label[DK_PEM_TYPE_MAX])
{
	size_t n, i, dashes = strlen(PEM_DASHES);

	if (l->len < skip + dashes || memcmp(l->p + l->len - dashes,
	    PEM_DASHES, dashes) != 0)
		return -1;
	n = l->len - skip - dashes;
	if (n == 0 || n >= DK_PEM_TYPE_MAX)
		return -1;
	for (i = 0; i < n; i++) {
		if (l->p[skip + i] < 0x20 || l->p[skip + i] > 0x7e)
			return -1;
		label[i] = l->p[skip + i];
	}
	label[n] = '\0';
	return 0;
}

static int
is_b64char(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	    (c >= '0' && c <= '9') || c == '+' || c == '/' || c == '=';
}

/* Append one body line's base64 to body. 0 or -1 with err set. */
static int
add_body_line(const struct pem_line *l, char *body, size_t *n, char *err,
    size_t errlen)
{
	size_t i;

	if (memchr(l->p, ':', l->len) != NULL) {
		if (has_prefix(l, "Proc-Type:"))
			dk_key_err(err, errlen, "encrypted PEM keys are not "
			    "supported (line %u); decrypt the key first", l->no);
		else
			dk_key_err(err, errlen, "PEM header at line %u is not "
			    "supported", l->no);
		return -1;
	}
	for (i = 0; i < l->len; i++) {
		if (l->p[i] == ' ' || l->p[i] == '\t')
			continue;
		/* nothing may follow padding */
		if (!is_b64char(l->p[i]) ||
		    (*n > 0 && body[*n - 1] == '=' && l->p[i] != '=')) {
			dk_key_err(err, errlen, "bad base64 in PEM body at "
			    "line %u", l->no);
			return -1;
		}
		if (*n == PEM_BODY_MAX) {
			dk_key_err(err, errlen, "PEM body is larger than %d "
			    "bytes of DER", DK_DER_MAX);
			return -1;
		}
		body[(*n)++] = l->p[i];
	}
	return 0;
}

/* Read body lines up to the END line; 0 or -1 with err set. */
static int
read_body(const char **pp, const char *end, struct pem_line *l,
    const char *type, char *body, size_t *n, char *err, size_t errlen)
{
	char label[DK_PEM_TYPE_MAX];

	for (;;) {
		if (!next_line(pp, end, l)) {
			dk_key_err(err, errlen, "no \"" PEM_END "%s" PEM_DASHES
			    "\" line", type);
			return -1;
		}
		if (has_prefix(l, PEM_END)) {
			if (get_label(l, strlen(PEM_END), label) == -1 ||
			    strcmp(label, type) != 0) {
				dk_key_err(err, errlen, "PEM END line at line "
				    "%u does not match BEGIN", l->no);
				return -1;
			}
			return 0;
		}
		if (add_body_line(l, body, n, err, errlen) == -1)
			return -1;
	}
}

int
dk_pem_decode(const char *buf, size_t len, char *type, uint8_t *der,
    size_t *derlen, char *err, size_t errlen)
{
	struct pem_line l = { NULL, 0, 0 };
	const char *p = buf, *end = buf + len;
	char body[PEM_BODY_MAX];
	size_t n = 0;
	int rc = -1;

	do {
		if (!next_line(&p, end, &l))
			return 0;
	} while (!has_prefix(&l, PEM_BEGIN));
	if (get_label(&l, strlen(PEM_BEGIN), type) == -1)
		dk_key_err(err, errlen, "malformed PEM BEGIN line at line %u",
		    l.no);
	else if (read_body(&p, end, &l, type, body, &n, err, errlen) == 0) {
		if (dk_b64_decode(body, n, der, DK_DER_MAX, derlen, 0) != 0)
			dk_key_err(err, errlen, "bad base64 at the end of the "
			    "PEM body (line %u)", l.no - 1);
		else
			rc = 1;
	}
	dk_wipe(body, n);
	return rc;
}

char *
dk_pem_encode(const char *type, const uint8_t *der, size_t len)
{
	size_t tlen = strlen(type), b64len = DK_B64_ENCLEN(len), size, i;
	char *s, *o;

	size = strlen(PEM_BEGIN) + strlen(PEM_END) + 2 * (tlen +
	    strlen(PEM_DASHES) + 1) + b64len + (b64len + PEM_LINE_LEN - 1) /
	    PEM_LINE_LEN + 1;
	if ((s = malloc(size)) == NULL)
		return NULL;
	o = s + strlen(strcat(strcat(strcpy(s, PEM_BEGIN), type),
	    PEM_DASHES "\n"));
	/* 48 bytes make one 64-character line */
	for (i = 0; i < len; i += PEM_LINE_LEN / 4 * 3) {
		size_t chunk = len - i < PEM_LINE_LEN / 4 * 3 ? len - i :
		    PEM_LINE_LEN / 4 * 3;

		dk_b64_encode(der + i, chunk, o);
		o += DK_B64_ENCLEN(chunk);
		*o++ = '\n';
	}
	strcat(strcat(strcpy(o, PEM_END), type), PEM_DASHES "\n");
	return s;
}
