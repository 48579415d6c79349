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
 * The tag-list parser (RFC 6376 §3.2), shared by DKIM-Signature fields
 * and key records. It depends on nothing, so src/dns may use it too.
 */

#ifndef DK_TAGS_H
#define DK_TAGS_H

#include <stddef.h>

#define DK_TAGS_MAX	128	/* tags in one list; §3.5 and §3.6.1 define
				 * 16 between them, and signers add their
				 * own (§3.2: unknown tags are ignored);
				 * 4 KiB of struct dk_tag on the stack */

struct dk_tag {
	const char	*name;
	size_t		 namelen;
	const char	*value;		/* FWS at both ends removed */
	size_t		 valuelen;
};

enum dk_tags_err {
	DK_TAGS_OK = 0,
	DK_TAGS_SYNTAX,		/* not a tag-list per §3.2 */
	DK_TAGS_DUPLICATE,	/* a tag name appears twice: permerror */
	DK_TAGS_TOO_MANY	/* more than max tags */
};

/*
 * Split s[0..len) into at most max tags, pointing into s. tag-name is
 * ALPHA *(ALPHA / DIGIT / "_"); tag-value is printable ASCII but ";",
 * with FWS between runs. An empty list and a final ";" are allowed. On
 * error, *errpos is the offset where parsing stopped.
 */
enum dk_tags_err	dk_tags_parse(const char *s, size_t len,
			    struct dk_tag *tags, size_t max, size_t *ntags,
			    size_t *errpos);
/*
 * The next item of a colon-separated list in a tag value (h=, q=, and a
 * key record's h=, s=, t=), with FWS around it removed. Start with *pos
 * at 0. Returns 0 when the list is over; else sets *item and *ilen and
 * moves *pos past the item's colon. An empty value is one empty item.
 */
int			 dk_tags_next_item(const char *value, size_t len,
			    size_t *pos, const char **item, size_t *ilen);
/* The tag called name (compared exactly: tag names are case-sensitive). */
const struct dk_tag	*dk_tags_find(const struct dk_tag *tags, size_t ntags,
			    const char *name);

#endif /* DK_TAGS_H */
