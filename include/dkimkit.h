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
 * dkimkit: DKIM signing and verifying (RFC 6376, RFC 8301, RFC 8463).
 *
 * The engine does no I/O. The caller feeds message bytes in chunks of any
 * size, answers the key queries the verifier asks for, and supplies the
 * clock. There is no global state and no init call: every object lives in
 * a handle, and one handle must be used by one thread at a time.
 *
 * Messages are fed with CRLF line endings, header block first, as they
 * travel over SMTP (after dot-unstuffing). A message of header fields only
 * is valid: its body is empty.
 *
 * Every _new has a _free, and _free(NULL) does nothing. Strings returned
 * by getters belong to the handle and stay valid until it is freed.
 * After an error, a handle is sticky-failed: later calls return DK_ESTATE,
 * the _errmsg getter says what, where and why, and the handle can still be
 * freed.
 *
 * Thread safety: dk_key_generate() calls sodium_init() for libsodium's
 * random generator, which is safe to call from several threads at once.
 */

#ifndef DKIMKIT_H
#define DKIMKIT_H

#include <stddef.h>
#include <stdint.h>

#if defined(__GNUC__) || defined(__clang__)
#define DK_WUR	__attribute__((__warn_unused_result__))
#else
#define DK_WUR
#endif

/* API-level status. A signature's verdict is never a status: see dk_result. */
enum dk_status {
	DK_OK = 0,
	DK_ENOMEM,	/* allocation failed; the handle may still be freed */
	DK_EINVAL,	/* the caller broke the contract (argument, order) */
	DK_ESYNTAX,	/* input could not be parsed (key file, message) */
	DK_ELIMIT,	/* a documented bound was exceeded */
	DK_ESTATE	/* the handle already finished or failed earlier */
};

/* Canonicalization (RFC 6376 §3.4). Zero picks the default, relaxed. */
enum dk_canon {
	DK_CANON_DEFAULT = 0,
	DK_CANON_SIMPLE,
	DK_CANON_RELAXED
};

enum dk_key_type {
	DK_KEY_RSA = 1,		/* a=rsa-sha256 */
	DK_KEY_ED25519		/* a=ed25519-sha256 (RFC 8463) */
};

/* RFC 8601 result words for method "dkim". */
enum dk_outcome {
	DK_NONE = 0,
	DK_PASS,
	DK_FAIL,
	DK_NEUTRAL,
	DK_POLICY,
	DK_TEMPERROR,
	DK_PERMERROR
};

/*
 * Why a signature got its outcome. dk_reason_str() gives the word used
 * in Authentication-Results comments (the list in vectors/README.md).
 *
 * Our own bounds are not faults of the signer: a signature or key past
 * them (sig-too-large, key-too-large), or left out by DK_KEY_CHECKS_MAX
 * (not-evaluated), is neutral, RFC 8601 §2.7.1's word for a signature
 * that was "not otherwise able to be processed". permerror would say the
 * signature is broken, and other verifiers may well check it; fail would
 * say it was checked and did not hold. Neither is true of these.
 */
enum dk_reason {
	DK_R_OK = 0,
	DK_R_BODY_HASH_MISMATCH,
	DK_R_SIGNATURE_MISMATCH,
	DK_R_SIG_MISSING_TAG,
	DK_R_SIG_VERSION,
	DK_R_SIG_SYNTAX,
	DK_R_CANON_UNSUPPORTED,
	DK_R_QUERY_UNSUPPORTED,
	DK_R_ALGORITHM_UNSUPPORTED,
	DK_R_EXPIRED,
	DK_R_IDENTITY_MISMATCH,
	DK_R_FROM_NOT_SIGNED,
	DK_R_NO_KEY,
	DK_R_REVOKED_KEY,
	DK_R_KEY_SYNTAX,
	DK_R_KEY_VERSION,
	DK_R_KEY_TYPE_UNSUPPORTED,
	DK_R_KEY_HASH_MISMATCH,
	DK_R_KEY_FLAG_S,
	DK_R_KEY_SERVICE,
	DK_R_RSA_SHA1_RFC8301,
	DK_R_KEY_TOO_SMALL_RFC8301,
	DK_R_KEY_TOO_LARGE,
	DK_R_TOO_MANY_SIGNATURES,
	DK_R_L_EXCEEDS_BODY,
	DK_R_DNS_TIMEOUT,
	DK_R_DNS_SERVFAIL,
	DK_R_DNS_REFUSED,
	DK_R_DNS_MALFORMED,
	DK_R_DNS_TCP,
	DK_R_MULTIPLE_FROM,
	DK_R_DNS_UNREACHABLE,
	DK_R_KEY_TYPE_MISMATCH,	/* the record's k= is not the a= key type */
	DK_R_SIG_TOO_LARGE,	/* past our bounds: b= over DK_RSA_MAX_BITS,
				 * h= over 256 names, over 128 tags */
	DK_R_NOT_EVALUATED	/* past DK_KEY_CHECKS_MAX: not checked */
};

/* What a key lookup gave. DK_DNS_NODATA: the name exists, no TXT. */
enum dk_dns_rcode {
	DK_DNS_OK = 0,
	DK_DNS_NXDOMAIN,
	DK_DNS_NODATA,
	DK_DNS_SERVFAIL,
	DK_DNS_REFUSED,
	DK_DNS_TIMEOUT,
	DK_DNS_MALFORMED,
	DK_DNS_TCP,
	DK_DNS_UNREACHABLE	/* ICMP unreachable from the last server tried */
};

struct dk_key;		/* a private key, loaded or generated */
struct dk_signer;	/* one message being signed */
struct dk_verifier;	/* one message being verified */

/* Bounds. Input past one of them gives DK_ELIMIT or a permerror. */
#define DK_HEADER_MAX	(1024 * 1024)	/* header block; RFC 5322 lines
					 * are 998 octets, this allows
					 * ~1000 full ones */
/*
 * Signatures checked against a key, per message: at most one key lookup
 * and DK_KEYRECS_MAX public-key operations each. RFC 6376 §6.1 lets a
 * verifier limit the signatures it evaluates. Only signatures whose body
 * hash matches count, in header order; those past the bound are
 * neutral (not-evaluated). Fields that fail before a key is needed
 * (unparsable, bounds, a d= or s= we refuse, expired, wrong body hash,
 * l= past the body) cost a parse and count toward nothing, so no number
 * of them hides a good signature. OpenDKIM checks 3 by default; real
 * mail carries one to four (author, ESP, list, forwarder), twice with
 * RSA and Ed25519, so 16 leaves room, and costs at most 16 lookups and
 * 64 RSA verifications (about 1 ms each at 4096 bits, on one core).
 */
#define DK_KEY_CHECKS_MAX	16
/*
 * Key record names a verifier asks for, per message: the first
 * DK_KEY_CHECKS_MAX signatures that parse are asked for at the end of
 * the header block, so the lookups overlap the body, and up to as many
 * more at the end of the body, for signatures further down whose body
 * hash matched. A front end can size its tables with this.
 */
#define DK_QUERIES_MAX	(2 * DK_KEY_CHECKS_MAX)
/*
 * Results given per message (see struct dk_result): a header block of
 * 1 MiB can hold 50,000 junk fields, and one Authentication-Results
 * entry each would add megabytes to the message.
 */
#define DK_RESULTS_MAX	64
#define DK_SIGNERS_MAX	8	/* keys signing one message at once */
#define DK_KEYRECS_MAX	4	/* key records tried for one signature,
				 * the first ones of the answer; RFC 6376
				 * §6.1.2 allows trying several, and a key
				 * rotation publishes two */
#define DK_RSA_MIN_BITS	1024	/* RFC 8301 §3.2 */
#define DK_RSA_MAX_BITS	4096	/* largest key verified (BearSSL i31/i62) */
#define DK_TIME_MAX	INT64_C(999999999999)	/* t=, x=: 1*12DIGIT (§3.5) */

/*
 * Keys.
 *
 * dk_key_parse() reads a private key from buf[0..len): PEM "RSA PRIVATE
 * KEY" (PKCS#1), PEM "PRIVATE KEY" (PKCS#8, RSA or Ed25519), or a raw
 * Ed25519 seed as 44 characters of base64 (dkimpy's format), optionally
 * followed by a line end. RSA keys must have at least DK_RSA_MIN_BITS and
 * at most DK_RSA_MAX_BITS bits. On failure *keyp is NULL and err (if not
 * NULL) receives a NUL-terminated message of at most errlen bytes saying
 * why. Returns DK_OK, DK_ENOMEM or DK_ESYNTAX.
 *
 * dk_key_generate() makes a fresh key: RSA of bits bits (1024 to 4096,
 * 0 means 2048), or Ed25519 (bits must be 0). Returns DK_OK, DK_ENOMEM,
 * DK_EINVAL or DK_ELIMIT (the random generator failed).
 *
 * dk_key_pem() formats the private key as PEM PKCS#8 in a new string
 * that the caller frees with dk_free_string(); it holds key material.
 * dk_key_record() formats the public key record, "v=DKIM1; k=...; p=...",
 * in a new string the caller frees with dk_free_string().
 * Both return NULL only when memory runs out.
 *
 * dk_key_free() wipes the key material and frees the key.
 */
DK_WUR enum dk_status	 dk_key_parse(struct dk_key **keyp, const void *buf,
			    size_t len, char *err, size_t errlen);
DK_WUR enum dk_status	 dk_key_generate(struct dk_key **keyp,
			    enum dk_key_type type, unsigned int bits);
enum dk_key_type	 dk_key_type(const struct dk_key *key);
unsigned int		 dk_key_bits(const struct dk_key *key);
char			*dk_key_pem(const struct dk_key *key);
char			*dk_key_record(const struct dk_key *key);
void			 dk_key_free(struct dk_key *key);
void			 dk_free_string(char *s);

/*
 * Signing.
 *
 * One dk_sign_opts per signature. All of them are computed in one pass
 * over the message, sharing the body hash between signatures with the
 * same body canonicalization.
 *
 * domain (d=) and selector (s=) are required. auid (i=) may be NULL. key
 * is borrowed and must outlive the signer; a= follows its type. headers
 * is a NULL-terminated list of field names for h=, taken literally, or
 * NULL for the default list: the names of dk_default_headers() that are
 * present, once per instance, and From, To, Cc, Subject and Reply-To once
 * more than they occur, absent ones too, so that none can be added
 * (oversigning). Date and Message-ID are oversigned only when present:
 * an MTA may add them after signing.
 * timestamp is t=; a negative value leaves t= out. expire_after, when
 * positive, adds x= = timestamp + expire_after (timestamp must then be
 * set); neither may pass DK_TIME_MAX. domain must be a domain name of two
 * labels or more, selector one of one label or more (RFC 5321 letters,
 * digits and hyphens); auid, when set, must lie within domain and be
 * printable ASCII without ';' or '='; headers must name From.
 */
struct dk_sign_opts {
	const char		*domain;
	const char		*selector;
	const char		*auid;
	const struct dk_key	*key;
	enum dk_canon		 hcanon;
	enum dk_canon		 bcanon;
	const char *const	*headers;
	int64_t			 timestamp;
	int64_t			 expire_after;
};

/*
 * dk_signer_new() copies opts[0..nopts) (1 to DK_SIGNERS_MAX entries;
 * the strings are copied too, the keys are not). Returns DK_OK, DK_ENOMEM
 * or DK_EINVAL with *sp NULL.
 *
 * dk_signer_write() feeds the next len bytes of the message. Returns
 * DK_OK, DK_ELIMIT (header block over DK_HEADER_MAX), DK_ENOMEM or
 * DK_ESTATE.
 *
 * dk_signer_finish() ends the message and computes the signatures.
 * Returns DK_OK, or DK_ESYNTAX when the message has no From field or more
 * than one, or a header field is cut off by the end of input. A default
 * header list that would pass 64 names (64 Cc fields, Resent-* blocks) is
 * cut, not refused: each name lists at most its cap bottom-most
 * instances (RFC 6376 §5.4.2 binds from the bottom), From, To, Cc,
 * Subject and Reply-To one more as always, the cap the largest that
 * fits. Every name present is still signed, and oversigned as above;
 * only the upper instances of a name past the cap are not.
 *
 * dk_signer_field(s, i) gives signature i (in opts order) after a good
 * finish: the whole "DKIM-Signature: ..." field, folded at 78 columns with
 * CRLF followed by a tab, without the final CRLF. NULL before that or for
 * i out of range.
 */
DK_WUR enum dk_status	 dk_signer_new(struct dk_signer **sp,
			    const struct dk_sign_opts *opts, size_t nopts);
DK_WUR enum dk_status	 dk_signer_write(struct dk_signer *s, const void *buf,
			    size_t len);
DK_WUR enum dk_status	 dk_signer_finish(struct dk_signer *s);
const char		*dk_signer_field(const struct dk_signer *s, size_t i);
const char		*dk_signer_errmsg(const struct dk_signer *s);
void			 dk_signer_free(struct dk_signer *s);

/* The default h= candidates, NULL-terminated, in the order signed. */
const char *const	*dk_default_headers(void);

/*
 * Verifying.
 *
 * now is the current Unix time, for x=. strict (RFC 8301, and our policy)
 * makes rsa-sha1 and RSA keys under 1024 bits permerror, and reports a
 * passing signature on a message with several From fields as policy
 * (RFC 6376 §8.15); zero gives plain RFC 6376 results, for conformance
 * runs. authserv_id is copied; it must be a valid RFC 8601 authserv-id,
 * or NULL when the caller formats Authentication-Results itself.
 * key_checks_max lowers the signatures checked against a key per
 * message; 0 (and anything over it) means DK_KEY_CHECKS_MAX.
 */
struct dk_verify_opts {
	int64_t		 now;
	int		 strict;
	const char	*authserv_id;
	unsigned int	 key_checks_max;
};

/*
 * One result per DKIM-Signature field, in header order, top to bottom.
 * With more than DK_RESULTS_MAX fields, results are given for
 * DK_RESULTS_MAX of them: every signature checked against a key, and
 * the others from the top; one more result without names then stands
 * for those left out: neutral (not-evaluated) when one of them was
 * neutral, else neutral (too-many-signatures).
 */
struct dk_result {
	enum dk_outcome	 outcome;
	enum dk_reason	 reason;
	const char	*domain;	/* d=, or "" when unparsable */
	const char	*selector;	/* s=, or "" */
	const char	*algorithm;	/* a=, or "" */
	const char	*auid;		/* i=, or d= prefixed by "@" */
	const char	*b_prefix;	/* first 8 characters of b= (RFC 6008) */
	uint64_t	 unsigned_body;	/* body octets past l=, not signed */
	int		 key_dnssec;	/* the key record was DNSSEC-validated */
	int		 key_testing;	/* the key record says t=y: the domain
					 * is testing, so a failure must not
					 * count against the message */
};

/*
 * dk_verifier_new() returns DK_OK, DK_ENOMEM or DK_EINVAL.
 *
 * dk_verifier_write() feeds message bytes, as dk_signer_write() does.
 *
 * dk_verifier_next_query() gives, once the header block has ended, the
 * next key record name to look up ("SELECTOR._domainkey.DOMAIN", no final
 * dot), each distinct name once, then NULL. Queries may be asked and
 * answered while the body is still being written. After
 * dk_verifier_end() it may give more (DK_QUERIES_MAX): ask again then.
 *
 * dk_verifier_answer() gives the outcome of looking up qname: rcode, and
 * for DK_DNS_OK the text of ntxt TXT records (each record's strings
 * already joined). They are tried in order (RFC 6376 §6.1.2). An answer
 * for a name that was not asked is DK_EINVAL. Names compare without case.
 *
 * dk_verifier_key_dnssec() says that the answer given for qname was
 * validated by DNSSEC (AD=1 from a resolver the caller trusts, such as
 * one on loopback). The results of its signatures then say so. Returns
 * DK_OK, or DK_EINVAL for a name not yet answered.
 *
 * dk_verifier_end() says the message has ended. A message of header
 * fields only, without the empty line, has its queries known only then:
 * ask and answer them after dk_verifier_end() and before
 * dk_verifier_finish(). Returns DK_OK, DK_ENOMEM or DK_ESTATE.
 *
 * dk_verifier_finish() ends the message if dk_verifier_end() was not
 * called, and gives every signature whose
 * key was not answered temperror (dns-timeout). Then the results can be
 * read. Returns DK_OK, or DK_ESYNTAX when the header block is malformed
 * (a field cut off by the end of input, a line that is not a field):
 * dk_verifier_errmsg() says where, and the results are still given, for
 * the fields that could be read. DK_ELIMIT, DK_ENOMEM and DK_ESTATE leave
 * no results.
 *
 * dk_verifier_authres() gives, after finish, the whole
 * "Authentication-Results: ID; dkim=..." field (RFC 8601, RFC 6008), one
 * result per signature, folded with CRLF and a tab, without the final
 * CRLF. Values that are not safe tokens are quoted or left out, so no
 * signature can inject a ";", a comment or a line break. NULL before
 * finish, or when no authserv_id was given.
 */
DK_WUR enum dk_status	 dk_verifier_new(struct dk_verifier **vp,
			    const struct dk_verify_opts *opts);
DK_WUR enum dk_status	 dk_verifier_write(struct dk_verifier *v,
			    const void *buf, size_t len);
const char		*dk_verifier_next_query(struct dk_verifier *v);
DK_WUR enum dk_status	 dk_verifier_answer(struct dk_verifier *v,
			    const char *qname, enum dk_dns_rcode rcode,
			    const char *const *txt, size_t ntxt);
DK_WUR enum dk_status	 dk_verifier_key_dnssec(struct dk_verifier *v,
			    const char *qname);
DK_WUR enum dk_status	 dk_verifier_end(struct dk_verifier *v);
DK_WUR enum dk_status	 dk_verifier_finish(struct dk_verifier *v);
size_t			 dk_verifier_nresults(const struct dk_verifier *v);
const struct dk_result	*dk_verifier_result(const struct dk_verifier *v,
			    size_t i);
const char		*dk_verifier_authres(const struct dk_verifier *v);
const char		*dk_verifier_errmsg(const struct dk_verifier *v);
void			 dk_verifier_free(struct dk_verifier *v);

/* Words for results and reasons, as in Authentication-Results. */
const char		*dk_outcome_str(enum dk_outcome outcome);
const char		*dk_reason_str(enum dk_reason reason);
const char		*dk_status_str(enum dk_status status);

#endif /* DKIMKIT_H */
