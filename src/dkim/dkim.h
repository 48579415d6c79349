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
 * src/dkim: the signature engine. It parses, checks and builds
 * DKIM-Signature fields, selects the header fields they cover, runs the
 * signer and verifier state machines, and formats Authentication-Results.
 * It never does I/O: key records come in through dk_verifier_answer().
 */

#ifndef DK_DKIM_H
#define DK_DKIM_H

#include <stddef.h>
#include <stdint.h>

#include "dkimkit.h"
#include "../canon/canon.h"
#include "../crypto/crypto.h"
#include "tags.h"

#define DK_SIGN_H_MAX	64	/* h= entries the default list may have
				 * when signing (see dk_default_hlist) */
#define DK_DOMAIN_MAX	253	/* RFC 1035 name length, as text */
#define DK_SELECTOR_MAX	253
#define DK_AUID_MAX	(64 + 1 + DK_DOMAIN_MAX)	/* RFC 5321 local-part */
#define DK_ALGNAME_MAX	32

struct dk_span {
	const char	*p;
	size_t		 len;
};

/*
 * One header field of the message: text points at its name and runs to
 * the end of its value, folding included, without the final CRLF.
 */
struct dk_hfield {
	const char	*text;
	size_t		 len;
	size_t		 namelen;	/* name without WSP before the colon */
};

/*
 * The header block, accumulated from a stream (headers.c). It grows up
 * to DK_HEADER_MAX bytes. The fields point into buf, so buf never moves
 * once the block has ended.
 */
struct dk_msghdr {
	char			*buf;
	size_t			 len;
	size_t			 cap;
	struct dk_hfield	*f;
	size_t			 nf;
	int			 bol;	/* at the start of a line */
	int			 done;	/* the empty line (or end) was seen */
};

/*
 * Take header bytes from buf[0..len) until the empty line that ends the
 * block; *used says how many were taken, and the rest is body. Returns
 * DK_OK, DK_ELIMIT or DK_ENOMEM. dk_msghdr_limit_msg() puts the words
 * for DK_ELIMIT, from DK_HEADER_MAX, in buf[0..len).
 */
void		dk_msghdr_limit_msg(char *buf, size_t len);
enum dk_status	dk_msghdr_write(struct dk_msghdr *mh, const char *buf,
		    size_t len, size_t *used);
/*
 * The step a signer, a verifier and a canonicalizer take for each piece
 * of the message: buf[0..len) goes to the header block while it lasts;
 * when the block ends in it, eoh(arg) is called once, and unless it
 * fails, body(arg, ...) gets the rest (if any). Once the block has
 * ended, all of buf goes to body. Returns DK_OK, DK_ELIMIT or DK_ENOMEM
 * from dk_msghdr_write() (nothing called), or what eoh returned when it
 * is not DK_OK.
 */
enum dk_status	dk_msghdr_feed(struct dk_msghdr *mh, const char *buf,
		    size_t len, enum dk_status (*eoh)(void *),
		    void (*body)(void *, const char *, size_t), void *arg);
/*
 * End the block (at the empty line, or at end of input) and split it into
 * fields. Returns DK_OK, DK_ENOMEM or DK_ESYNTAX with a message in
 * err[0..errlen): a field cut off by the end of input, a line that is not
 * a field (no colon, or a continuation with no field before it). After
 * DK_ESYNTAX the fields that could be split are still there (a cut-off
 * last field included): a verifier can go on, a signer must not.
 */
enum dk_status	dk_msghdr_end(struct dk_msghdr *mh, char *err,
		    size_t errlen);
void		dk_msghdr_free(struct dk_msghdr *mh);
/* Nonzero when the field's name is name, compared without case. */
int		dk_hfield_is(const struct dk_hfield *f, const char *name,
		    size_t namelen);
/* The same for a string literal, its length counted by the compiler. */
#define DK_HFIELD_IS(f, lit)	dk_hfield_is((f), "" lit, sizeof(lit) - 1)
/* The value of f: after the name, optional WSP and the colon. */
void		dk_hfield_value(const struct dk_hfield *f, const char **p,
		    size_t *len);
/*
 * RFC 5322 §3.2.2, in p[0..end): the end of the comment starting at p
 * ('('), nested, quoted-pairs skipped; the first octet past CFWS
 * (spaces, line ends and comments).
 */
const char	*dk_skip_comment(const char *p, const char *end);
const char	*dk_skip_cfws(const char *p, const char *end);
/* How many fields have that name. */
size_t		dk_msghdr_count(const struct dk_msghdr *mh, const char *name);

/*
 * Header selection (RFC 6376 §5.4.2): for each name in h=, in order, the
 * next instance of that name from the bottom of the header up. out[i] is
 * NULL when no instance is left: the name then hashes as nothing.
 */
void	dk_select(const struct dk_hfield *f, size_t nf,
	    const struct dk_span *names, size_t nnames,
	    const struct dk_hfield **out);

/*
 * The default h= list for a message (§5.4.1): the names of
 * dk_default_headers() that occur in it, each once per instance, and
 * From, To, Cc, Subject and Reply-To once more, present or not
 * (oversigning). Date and Message-ID get one more only when present: an
 * absent one is never listed, since smtpd adds those after the filter.
 * Fills out[0..max) and returns the count. When that list would pass
 * max (64 Cc fields, Resent-* blocks), it is cut, never refused: each
 * name is listed for at most its cap bottom-most instances (§5.4.2
 * binds from the bottom), plus the one more of oversigning, with the
 * cap the largest that fits. Every name is still signed, and From, To,
 * Cc, Subject and Reply-To still oversigned; only the upper instances
 * of a name past the cap are left unsigned. max must be 32 or more
 * (cap 1 always fits then).
 */
size_t	dk_default_hlist(const struct dk_hfield *f, size_t nf,
	    const char **out, size_t max);

/*
 * What a signature covers (select.c): names[] gets its h= names,
 * headers[0..nheaders) as given or, with headers NULL, the default list
 * for mh (dk_default_hlist() up to DK_SIGN_H_MAX); sel[] the field each
 * name picks (dk_select()). Both have room for DK_H_MAX. Returns how
 * many names.
 */
size_t	dk_sign_select(const struct dk_msghdr *mh, char *const *headers,
	    size_t nheaders, const char **names, const struct dk_hfield **sel);
/*
 * A copy of the NULL-terminated list in, already checked, in *outp
 * (*np names): DK_OK, or DK_ENOMEM with what was copied still there for
 * dk_hlist_free(list, n).
 */
enum dk_status	dk_hlist_copy(const char *const *in, char ***outp,
		    size_t *np);
void	dk_hlist_free(char **list, size_t n);

enum dk_sigalg {
	DK_ALG_RSA_SHA256 = 0,
	DK_ALG_RSA_SHA1,
	DK_ALG_ED25519_SHA256
};

/* A parsed DKIM-Signature field. Spans point into field. */
struct dk_sig {
	const char	*field;		/* whole field, name included */
	size_t		 fieldlen;
	struct dk_span	 b_value;	/* b='s value inside field */
	enum dk_sigalg	 alg;
	enum dk_canon	 hcanon;
	enum dk_canon	 bcanon;
	char		 domain[DK_DOMAIN_MAX + 1];
	char		 selector[DK_SELECTOR_MAX + 1];
	char		 auid[DK_AUID_MAX + 1];	/* i= decoded, or "@" d= */
	char		 algorithm[DK_ALGNAME_MAX + 1];
	char		 b_prefix[9];
	struct dk_span	 h[DK_H_MAX];
	size_t		 nh;
	uint8_t		 bh[DK_DIGEST_MAX];
	size_t		 bhlen;
	uint8_t		 b[DK_SIG_MAX];
	size_t		 blen;
	int		 has_l;
	uint64_t	 l;
	int		 has_t;
	int64_t		 t;
	int		 has_x;
	int64_t		 x;
};

/*
 * The last enum dk_reason. The tables of words (result.c) and sentences
 * (detail.c) assert that they reach it; move it when a reason is added.
 */
#define DK_R_LAST	DK_R_HEADER_NOT_SIGNED

/*
 * The outcome for a signature that stops at reason: neutral for our own
 * bounds (sig-too-large, key-too-large), permerror for the rest.
 */
enum dk_outcome	dk_reason_outcome(enum dk_reason reason);

/*
 * Parse and check field[0..len) (§3.5, §6.1.1): tag-list syntax, the
 * required tags v a b bh d h s, v=1, a known a= and c=, q= containing
 * dns/txt, h= containing From, i= within d=, x= not before t=, and x=
 * not before now. Returns DK_R_OK or the reason it stops: for
 * permerror, or DK_R_SIG_TOO_LARGE (our bounds: more than DK_TAGS_MAX
 * tags or DK_H_MAX h= names, a b= over DK_SIG_MAX octets). domain,
 * selector, algorithm and b_prefix are filled as far as they parsed,
 * even on error, for Authentication-Results.
 */
enum dk_reason	dk_sig_parse(struct dk_sig *sig, const char *field,
		    size_t len, int64_t now);

/*
 * The grammar checks of dk_sig_parse(), for those who build values:
 * dk_sig_domain_ok() for a domain-name (minlabels 2, d=) or a selector
 * (minlabels 1), RFC 5321 labels, strictly: dk_sig_parse() also takes
 * an underscore in d=, s= and i='s domain, a leniency (see sig.c);
 * dk_sig_name_ok() for a header field
 * name (RFC 5322 ftext); dk_sig_canon_parse() for c= ("header[/body]",
 * each simple or relaxed without case, the body simple when absent;
 * 0 or -1); dk_sig_auid_check() for an i= (decoded): DK_R_OK,
 * DK_R_SIG_SYNTAX, or DK_R_IDENTITY_MISMATCH when its domain is not
 * domain or below it.
 */
int		dk_sig_domain_ok(const char *p, size_t len, size_t minlabels);
int		dk_sig_name_ok(const char *p, size_t len);
/*
 * A NULL-terminated list of field names for h= (signing) or for
 * signed_headers: at most DK_H_MAX, each a field name. Returns 0, or -1
 * with the first fault, the value and the fix in err[0..errlen) (err may
 * be NULL).
 */
int		dk_sig_hlist_check(const char *const *names, char *err,
		    size_t errlen);
int		dk_sig_canon_parse(const char *p, size_t len,
		    enum dk_canon *hc, enum dk_canon *bc);
enum dk_reason	dk_sig_auid_check(const char *auid, const char *domain);

/* What dk_sig_format() writes. */
struct dk_sig_spec {
	enum dk_sigalg		 alg;
	enum dk_canon		 hcanon;
	enum dk_canon		 bcanon;
	const char		*domain;
	const char		*selector;
	const char		*auid;		/* NULL: no i= */
	const char *const	*h;
	size_t			 nh;
	const uint8_t		*bh;		/* 32 bytes */
	int64_t			 t;		/* < 0: no t= */
	int64_t			 x;		/* < 0: no x= */
};

/*
 * Format "DKIM-Signature: v=1; a=; c=; d=; s=; t=; x=; i=; h=; bh=; b="
 * in that order, folded with CRLF TAB so that no line passes 78 columns,
 * ending with an empty b=. Returns a new string (free()), or NULL when
 * memory runs out.
 */
char	*dk_sig_format(const struct dk_sig_spec *spec);
/* Append the base64 of sig[0..len) to a field from dk_sig_format(),
 * folded the same way. Returns the new string (field is freed), or NULL
 * (field is freed too). */
char	*dk_sig_append_b(char *field, const uint8_t *sig, size_t len);

/*
 * The header hash (§3.7): each selected field canonicalized and followed
 * by CRLF, then the signature field canonicalized without its final CRLF
 * and with b='s value, sigfield[b_off..b_off + b_len), left out. Returns
 * DK_OK, DK_ENOMEM, or DK_EINVAL for a span outside the field.
 */
enum dk_status	dk_hhash(struct dk_hash *h, enum dk_canon mode,
		    const struct dk_hfield *const *sel, size_t nsel,
		    const char *sigfield, size_t siglen, size_t b_off,
		    size_t b_len);

/*
 * The verifier's body hashes (bodies.c). Each pair of body
 * canonicalization and hash has one stream, and the body goes through
 * each stream once, however many signatures there are. A signature with
 * l= does not get a stream of its own: its l is a cut point on its
 * stream, where the digest of the first l octets of the canonicalized
 * body is taken on the way (RFC 6376 §3.4.5: l= counts canonicalized
 * octets, so it is a prefix of the same output). So distinct c= and l=
 * values cost one digest each, never one more pass over the body: at
 * most four passes in all (two canonicalizations by two hashes).
 */
struct dk_bcut {
	uint64_t	 l;
	uint8_t		 digest[DK_DIGEST_MAX];
};

struct dk_bstream {
	struct dk_canon_body	 cb;
	struct dk_hash		 hash;
	uint64_t		 emitted;	/* canonicalized octets hashed */
	struct dk_bcut		*cut;		/* sorted by l, distinct */
	size_t			 ncut;
	size_t			 cap;
	size_t			 next;		/* first cut not yet reached */
	uint8_t			 full[DK_DIGEST_MAX];	/* no l= */
	size_t			 dlen;
	int			 used;
};

struct dk_bodies {
	struct dk_bstream	 s[2][2];	/* [relaxed][sha1] */
	int			 started;
	int			 ended;
};

/*
 * dk_bodies_want() registers one signature's body hash before the body
 * starts (has_l 0: no l=, l unread); DK_OK or DK_ENOMEM. dk_bodies_write() and
 * dk_bodies_end() feed the body and end it. dk_bodies_digest(), after
 * the end, gives the digest for a registered (mode, alg, l) in out and
 * returns its length, or returns 0 when l passes the canonicalized body,
 * whose length is in *total either way.
 */
enum dk_status	dk_bodies_want(struct dk_bodies *b, enum dk_canon mode,
		    enum dk_hash_alg alg, int has_l, uint64_t l);
void		dk_bodies_write(struct dk_bodies *b, const void *buf,
		    size_t len);
void		dk_bodies_end(struct dk_bodies *b);
size_t		dk_bodies_digest(const struct dk_bodies *b, enum dk_canon mode,
		    enum dk_hash_alg alg, int has_l, uint64_t l,
		    uint8_t out[DK_DIGEST_MAX], uint64_t *total);
void		dk_bodies_free(struct dk_bodies *b);

/*
 * Authentication-Results (RFC 8601, RFC 6008): "Authentication-Results:
 * ID; dkim=..." with one result per entry (dkim=none when n is 0), each
 * on its own folded line. Each property value is written as a token
 * when it is one, else as a quoted-string, else left out; a reason
 * comment holds only a reason word. Returns a new string, or NULL when
 * memory runs out or authserv_id is not a valid value.
 */
char	*dk_authres_format(const char *authserv_id,
	    const struct dk_result *res, size_t n);

/*
 * From addresses (from.c). dk_from_parse() reads a mailbox-list value
 * (RFC 5322 §3.4, groups included) into out[0..max): each mailbox's
 * addr-spec, from its angle-addr when it has one, with comments and
 * spaces left out, the domain lowercased and without a final dot.
 * Mailboxes it cannot read are skipped. Returns how many it kept.
 */
size_t	dk_from_parse(const char *value, size_t len,
	    char out[][DK_ADDR_MAX + 1], size_t max);

/* Every From field's addresses, and the one From domain (dkimkit.h). */
struct dk_fromlist {
	char		*addr[DK_FROM_MAX];
	size_t		 n;
	const char	*domain;	/* in addr[0]; NULL: not one From */
};

/* Fill fl (zeroed) from the fields of mh: DK_OK or DK_ENOMEM. */
enum dk_status	dk_from_collect(struct dk_fromlist *fl,
		    const struct dk_msghdr *mh);
void		dk_from_free(struct dk_fromlist *fl);

/*
 * The Authentication-Results fields of mh whose authserv-id is id: their
 * numbers among those fields from 1, into idx[0..max); returns the count.
 */
size_t	dk_authres_find(const struct dk_msghdr *mh, const char *id,
	    size_t *idx, size_t max);

/*
 * Bare LF to CRLF, across chunks (lf.c): pass buf[0..len) to fn in
 * pieces, with "\r\n" for each LF that no CR comes before; with on 0,
 * pass it as it is, in one call. Returns the first status fn gives that
 * is not DK_OK, else DK_OK.
 */
struct dk_lf {
	int	 on;
	int	 cr;		/* the last byte fed was a CR */
};
enum dk_status	dk_lf_write(struct dk_lf *lf, const char *buf, size_t len,
		    enum dk_status (*fn)(void *, const char *, size_t),
		    void *arg);

/*
 * Options (opts.c): take the caller's struct into a complete one that
 * holds the defaults. 0, or -1 for a size this library does not know;
 * for the verifier's, also -1 for a value outside the rules of
 * dkimkit.h, and *rsa_min_bits gets the smallest RSA key to take (0:
 * none).
 */
int	dk_sign_opts_take(struct dk_sign_opts *dst,
	    const struct dk_sign_opts *src);
int	dk_verify_opts_take(struct dk_verify_opts *dst,
	    const struct dk_verify_opts *src, unsigned int *rsa_min_bits);

/*
 * One sentence for people about a result (detail.c), into buf[0..len):
 * what happened and, for a failure, why, with the numbers that matter.
 * min_bits is the smallest RSA key the verifier took.
 */
void	dk_result_describe(const struct dk_result *r, unsigned int min_bits,
	    char *buf, size_t len);
/*
 * t=, x=, l= and h= of sig into r, for logs (detail.c); h= joined by ':'
 * in a new string *h (free()), or "" with *h untouched when sig has none.
 * 0, or -1 when memory runs out.
 */
int	dk_result_tags(struct dk_result *r, const struct dk_sig *sig,
	    char **h);

#endif /* DK_DKIM_H */
