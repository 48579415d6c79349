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
 * travel over SMTP (after dot-unstuffing), or with bare LF after
 * dk_signer_accept_lf() or dk_verifier_accept_lf(). A message of header
 * fields only is valid: its body is empty.
 *
 * Every _new has a _free, and _free(NULL) does nothing. Strings returned
 * by getters belong to the handle and stay valid until it is freed.
 * After an error, a handle is sticky-failed: later calls return DK_ESTATE,
 * the _errmsg getter says what, where and why, and the handle can still be
 * freed.
 *
 * Thread safety: dk_key_generate() calls sodium_init() for libsodium's
 * random generator, which is safe to call from several threads at once.
 *
 * Options (ABI version 1). Options are plain structs whose first member,
 * size, the caller sets through the matching _init function, called with
 * sizeof the struct: dk_verify_opts_init(&o, sizeof(o)). _init fills in
 * the safe defaults; the caller then sets fields by name. New fields only
 * ever go at the end of a struct: the library reads no further than size,
 * and a field past it takes its default, so a program built against an
 * older header keeps working with a newer library without recompiling. A
 * struct that did not go through _init (size 0) is refused with
 * DK_EINVAL, so zeroed options never mean anything, least of all unsafe.
 * Results and other structs the library hands out by pointer may gain
 * fields at their end too; callers never allocate them.
 */

#ifndef DKIMKIT_H
#define DKIMKIT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

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
	DK_ESTATE,	/* the handle already finished or failed earlier */
	DK_EKEY,	/* the key failed its own check while signing */
	DK_ESTOPPED	/* the caller's output function said stop */
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
	DK_R_NOT_EVALUATED,	/* past DK_KEY_CHECKS_MAX: not checked */
	DK_R_FUTURE_TIMESTAMP,	/* t= past now + clock_drift */
	DK_R_KEY_TOO_SMALL,	/* under the operator's rsa_min_bits */
	DK_R_HEADER_NOT_SIGNED	/* a field of signed_headers left out */
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
	DK_DNS_UNREACHABLE	/* ICMP unreachable from the last server */
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
#define DK_H_MAX	256	/* h= names, signing (dk_sign_opts headers)
				 * and verifying (past it: sig-too-large);
				 * the default list with oversigning has
				 * under 40, mailing lists sign up to ~100 */
#define DK_SIGNERS_MAX	8	/* keys signing one message at once */
#define DK_KEYRECS_MAX	4	/* key records tried for one signature,
				 * the first ones of the answer; RFC 6376
				 * §6.1.2 allows trying several, and a key
				 * rotation publishes two */
#define DK_RSA_MIN_BITS	1024	/* RFC 8301 §3.2 */
#define DK_RSA_MAX_BITS	4096	/* largest key verified (BearSSL i31/i62) */
#define DK_TIME_MAX	INT64_C(999999999999)	/* t=, x=: 1*12DIGIT (§3.5) */
#define DK_TIME_NOW	INT64_MIN	/* timestamp, now: read time(3) */
#define DK_TIME_NONE	INT64_C(-1)	/* timestamp: no t= at all */
#define DK_CLOCK_DRIFT_DEFAULT 300	/* seconds; OpenDKIM's ClockDrift */
#define DK_CLOCK_DRIFT_NONE (-1)	/* x= exact, t= unchecked */
#define DK_FROM_MAX	16	/* From mailboxes kept for the caller */
#define DK_ADDR_MAX	(64 + 1 + 253)	/* RFC 5321 local-part @ domain */

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
 * dk_sign_opts_init(o, sizeof(*o)) sets size and the defaults: no
 * domain, selector or key (all three required), no auid (i=),
 * relaxed/relaxed, the default header list, timestamp DK_TIME_NOW and
 * no x=.
 *
 * domain (d=) and selector (s=) are required. auid (i=) may be NULL. key
 * is borrowed and must outlive the signer; a= follows its type. headers
 * is a NULL-terminated list of field names for h=, taken literally, or
 * NULL for the default list: the names of dk_default_headers() that are
 * present, once per instance, and From, To, Cc, Subject and Reply-To once
 * more than they occur, absent ones too, so that none can be added
 * (oversigning). Date and Message-ID are oversigned only when present:
 * an MTA may add them after signing.
 * timestamp is t=: DK_TIME_NOW (the default) reads the clock when the
 * signer finishes, DK_TIME_NONE (or another negative value) leaves t=
 * out, anything else is taken as it is. expire_after, when positive,
 * adds x= = t= + expire_after (t= must then be present); neither may
 * pass DK_TIME_MAX. With DK_TIME_NOW that is judged on the clock when
 * the options are checked, and again at finish. domain must be a domain
 * name of two labels or more, selector one of one label or more (RFC
 * 5321 letters, digits and hyphens); auid, when set, must lie within
 * domain and be printable ASCII without ';' or '='; headers must name
 * From, and at most DK_H_MAX names.
 */
struct dk_sign_opts {
	size_t			 size;		/* set by dk_sign_opts_init() */
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

void			 dk_sign_opts_init(struct dk_sign_opts *o,
			    size_t size);

/*
 * dk_signer_new() copies opts[0..nopts) (0 to DK_SIGNERS_MAX entries;
 * the strings are copied too, the keys are not). Returns DK_OK, or
 * DK_ENOMEM or DK_EINVAL with *sp NULL. With nopts 0 (opts may be
 * NULL), the signatures are added later with dk_signer_add(), typically
 * once the header block is known.
 *
 * dk_signer_add() adds opts[0..nopts) to a signer that has not finished,
 * up to DK_SIGNERS_MAX signatures in all. Until the first signature is
 * added, body bytes go through both body canonicalizations, so a
 * signature of either kind can be added at any time before finish; once
 * body bytes have been written after an add, only the body
 * canonicalizations already in use remain, and a signature needing the
 * other gives DK_ESTATE. Returns DK_OK, DK_ENOMEM, DK_EINVAL (bad
 * options, too many signatures; the signer is unchanged) or DK_ESTATE.
 *
 * dk_signer_write() feeds the next len bytes of the message. Returns
 * DK_OK, DK_ELIMIT (header block over DK_HEADER_MAX), DK_ENOMEM or
 * DK_ESTATE.
 *
 * dk_signer_finish() ends the message and computes the signatures.
 * Returns DK_OK, DK_EINVAL when no signature was ever added or when
 * the clock, read for DK_TIME_NOW, puts x= past DK_TIME_MAX, DK_ESYNTAX
 * when the message has no From field or more than one, or a header
 * field is cut off by the end of input, DK_ENOMEM, or DK_EKEY when a
 * signature made with a key does not verify with that key's public
 * half (damaged key material, or a fault while signing): no field is
 * given, not even a wrong one. A default
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
DK_WUR enum dk_status	 dk_signer_add(struct dk_signer *s,
			    const struct dk_sign_opts *opts, size_t nopts);
DK_WUR enum dk_status	 dk_signer_write(struct dk_signer *s, const void *buf,
			    size_t len);
DK_WUR enum dk_status	 dk_signer_finish(struct dk_signer *s);
const char		*dk_signer_field(const struct dk_signer *s, size_t i);
const char		*dk_signer_errmsg(const struct dk_signer *s);
void			 dk_signer_free(struct dk_signer *s);

/*
 * dk_sign_opts_check() applies the rules dk_signer_new() applies to one
 * dk_sign_opts, so that a configuration can be checked when it is
 * loaded. Returns DK_OK, or DK_EINVAL with the first broken rule, the
 * value and the fix in err[0..errlen) (err may be NULL).
 */
DK_WUR enum dk_status	 dk_sign_opts_check(const struct dk_sign_opts *o,
			    char *err, size_t errlen);

/* The default h= candidates, NULL-terminated, in the order signed. */
const char *const	*dk_default_headers(void);

/*
 * Canonical form: what a signature would hash, in the clear (RFC 6376
 * §3.4, §3.7), for people finding out why one does not verify.
 *
 * dk_canon_parse() reads a c= value from s: "HEADER[/BODY]", each
 * simple or relaxed (without case), the body simple when absent (RFC
 * 6376 §3.5). Returns DK_OK, DK_ESYNTAX, or DK_EINVAL for a NULL
 * argument; *hcanon and *bcanon are set only on DK_OK.
 *
 * dk_canon_opts_init(o, sizeof(*o)) sets size and the defaults:
 * relaxed/relaxed, the default header list, no output function. hcanon,
 * bcanon and headers mean what they mean in dk_sign_opts (headers need
 * not name From here, and may name DK_H_MAX at most); the fields given
 * are those a signature with them covers: for each name of h=, in
 * order, the next instance from the bottom of the header up (§5.4.2),
 * nothing for a name with none left, and with headers NULL the default
 * list built for this message as the signer builds it. out (required)
 * receives the output, with arg, in pieces of any size: when the header
 * block has ended, DK_CANON_FIELD for the fields covered, each
 * canonicalized and ending in CRLF; then DK_CANON_HEADER_END once, buf
 * NULL and len 0; then DK_CANON_BODY for the canonicalized body. buf is
 * valid during the call only. out returns 0 to go on; anything else
 * stops the canonicalizer: out is not called again, and the write or
 * finish that gave the output fails with DK_ESTOPPED (sticky, as any
 * error). Nothing more is given after an error.
 *
 * dk_canonicalizer_new() copies opts (the header names too). Returns
 * DK_OK, DK_ENOMEM, or DK_EINVAL with *cp NULL and the broken rule, the
 * value and the fix in err[0..errlen) (err may be NULL): options not set
 * up by dk_canon_opts_init(), a canonicalization that is neither, a name
 * in headers that is no field name, more than DK_H_MAX names, no out.
 *
 * dk_canonicalizer_accept_lf() is dk_signer_accept_lf() for this handle.
 *
 * dk_canonicalizer_write() feeds the next len bytes of the message.
 * Returns DK_OK, DK_ELIMIT (header block over DK_HEADER_MAX), DK_ESYNTAX
 * (the header block ended, and a line of it is not a header field),
 * DK_ESTOPPED (out returned non-zero), DK_ENOMEM or DK_ESTATE.
 *
 * dk_canonicalizer_finish() ends the message: the header part, for a
 * message of header fields only, and the end of the body. Returns DK_OK,
 * DK_ESYNTAX (a header field cut off by the end of input, or as for
 * write), DK_ESTOPPED, DK_ENOMEM or DK_ESTATE.
 *
 * dk_canonicalizer_errmsg() says what, where and why after an error.
 */
struct dk_canonicalizer;

enum dk_canon_part {
	DK_CANON_FIELD = 1,	/* one header field, canonicalized, CRLF */
	DK_CANON_HEADER_END,	/* the fields are all given */
	DK_CANON_BODY		/* canonicalized body octets */
};

struct dk_canon_opts {
	size_t			 size;	/* set by dk_canon_opts_init() */
	enum dk_canon		 hcanon;
	enum dk_canon		 bcanon;
	const char *const	*headers;
	int			(*out)(void *arg, enum dk_canon_part part,
				    const void *buf, size_t len);
	void			*arg;
};

DK_WUR enum dk_status	 dk_canon_parse(const char *s, enum dk_canon *hcanon,
			    enum dk_canon *bcanon);
void			 dk_canon_opts_init(struct dk_canon_opts *o,
			    size_t size);
DK_WUR enum dk_status	 dk_canonicalizer_new(struct dk_canonicalizer **cp,
			    const struct dk_canon_opts *opts, char *err,
			    size_t errlen);
DK_WUR enum dk_status	 dk_canonicalizer_accept_lf(
			    struct dk_canonicalizer *c);
DK_WUR enum dk_status	 dk_canonicalizer_write(struct dk_canonicalizer *c,
			    const void *buf, size_t len);
DK_WUR enum dk_status	 dk_canonicalizer_finish(struct dk_canonicalizer *c);
const char		*dk_canonicalizer_errmsg(
			    const struct dk_canonicalizer *c);
void			 dk_canonicalizer_free(struct dk_canonicalizer *c);

/*
 * Verifying.
 *
 * dk_verify_opts_init(o, sizeof(*o)) sets size and the defaults, which
 * are the safe ones: RFC 8301 (rsa-sha1 and RSA keys under 1024 bits are
 * permerror), our multiple-From policy (a passing signature on a message
 * with several From fields is policy, RFC 6376 §8.15), a t= more than
 * DK_CLOCK_DRIFT_DEFAULT seconds in the future is permerror, and the
 * clock is read by dk_verifier_new().
 *
 * now is the current Unix time, for x= and t=; DK_TIME_NOW reads
 * time(3). authserv_id is copied; it must be a valid RFC 8601
 * authserv-id, or NULL when the caller formats Authentication-Results
 * itself.
 *
 * plain_rfc6376, nonzero, gives plain RFC 6376 results, for conformance
 * runs: rsa-sha1 and small RSA keys are accepted, several From fields do
 * not turn a pass into policy, and a t= in the future is accepted (RFC
 * 6376 §3.5 only allows refusing it).
 *
 * rsa_min_bits is the smallest RSA key accepted (permerror
 * key-too-small-rfc8301 under 1024 bits, key-too-small above that); 0
 * means 1024, or no minimum with plain_rfc6376. Other values under 1024
 * need plain_rfc6376; above DK_RSA_MAX_BITS is DK_EINVAL.
 *
 * clock_drift is the number of seconds the two clocks may disagree (as
 * OpenDKIM's ClockDrift): x= counts as expired only once it is more than
 * clock_drift before now, and t= is refused when it is more than
 * clock_drift after now. 0 to DK_TIME_MAX, or DK_CLOCK_DRIFT_NONE for
 * the RFC's reading: x= compared with now exactly and t= not checked,
 * as when replaying old mail at a fixed now.
 *
 * signed_headers is a NULL-terminated list of field names that a
 * signature must cover for its pass to count: for each name, h= must
 * list it at least as often as the message has that field, so no
 * instance of it is unsigned. A passing signature that falls short is
 * reported as policy (header-not-signed). NULL (the default) asks only
 * for From, which RFC 6376 requires anyway. The list is copied.
 *
 * key_checks_max lowers the signatures checked against a key per
 * message; 0 (the default, and anything over it) means
 * DK_KEY_CHECKS_MAX.
 */
struct dk_verify_opts {
	size_t			 size;	/* set by dk_verify_opts_init() */
	int64_t			 now;
	const char		*authserv_id;
	int			 plain_rfc6376;
	unsigned int		 rsa_min_bits;
	int64_t			 clock_drift;
	const char *const	*signed_headers;
	unsigned int		 key_checks_max;
};

void			 dk_verify_opts_init(struct dk_verify_opts *o,
			    size_t size);

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
	const char	*b_prefix;	/* first 8 characters of b=, RFC 6008 */
	uint64_t	 unsigned_body;	/* body octets past l=, not signed */
	int		 key_dnssec;	/* key record DNSSEC-validated */
	int		 key_testing;	/* the key record says t=y: the domain
					 * is testing, so a failure must not
					 * count against the message */
	/* detail for logs; version 1 */
	unsigned int	 key_bits;	/* the key's size (Ed25519: 256); 0
					 * when no key record was read */
	int64_t		 t;		/* t=, or -1 */
	int64_t		 x;		/* x=, or -1 */
	int		 has_l;		/* l= was given: */
	uint64_t	 l;		/* its value */
	const char	*h;		/* h= as parsed, names joined by ':',
					 * or "" when unparsable */
	const char	*text;		/* one sentence, for people: what
					 * happened and, for a failure, why */
};

/*
 * dk_verifier_new() returns DK_OK, DK_ENOMEM, or DK_EINVAL for options
 * outside the rules above (a bad authserv-id, size, rsa_min_bits,
 * clock_drift, now, or a name in signed_headers that is no field name).
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

/*
 * The header block, once it has ended (an empty line, or the end of the
 * message for one of header fields only): what a front end needs to
 * choose keys and to clean up the header.
 *
 * dk_signer_header_done() and dk_verifier_header_done() say whether it
 * has ended. Before that the getters below give 0 or NULL.
 *
 * dk_*_nfrom() and dk_*_from(h, i) give the addresses of the From
 * mailboxes (RFC 5322 §3.4, §3.6.2), in order over every From field, at
 * most DK_FROM_MAX: each an addr-spec "local@domain" with the domain in
 * lowercase and without a final dot. Mailboxes that cannot be read are
 * left out. dk_*_from_domain() is the domain of the first mailbox of the
 * From field when the message has exactly one From field, else NULL: the
 * domain to sign for (d=) or to align with.
 *
 * dk_verifier_authres_ours() finds the Authentication-Results fields that
 * claim authserv_id (compared without case), which RFC 8601 §5 says to
 * remove from mail coming in from outside. It fills idx[0..max) with
 * their numbers among the Authentication-Results fields, counting from 1
 * at the top (the index smfi_chgheader(3) takes), and returns how many
 * there are, which may be more than max.
 *
 * dk_authres_has_id() says whether an Authentication-Results field value
 * value[0..len) (what follows the colon) names authserv_id as its
 * authserv-id (RFC 8601 §2.2: the first token or quoted-string after
 * CFWS), for callers that see fields one at a time.
 *
 * dk_field_name_len() gives the length of the name of the header field
 * line[0..len) as the engine reads it: up to the first colon, without
 * the WSP before it (RFC 5322 §4.5.8 obs-optional), every octet of it
 * printable ASCII (§3.6.8 ftext); 0 when line does not start a field.
 */
int			 dk_signer_header_done(const struct dk_signer *s);
size_t			 dk_signer_nfrom(const struct dk_signer *s);
const char		*dk_signer_from(const struct dk_signer *s, size_t i);
const char		*dk_signer_from_domain(const struct dk_signer *s);
int			 dk_verifier_header_done(const struct dk_verifier *v);
size_t			 dk_verifier_nfrom(const struct dk_verifier *v);
const char		*dk_verifier_from(const struct dk_verifier *v,
			    size_t i);
const char		*dk_verifier_from_domain(const struct dk_verifier *v);
size_t			 dk_verifier_authres_ours(const struct dk_verifier *v,
			    const char *authserv_id, size_t *idx, size_t max);
int			 dk_authres_has_id(const char *value, size_t len,
			    const char *authserv_id);
size_t			 dk_field_name_len(const char *line, size_t len);

/*
 * LF-only input. dk_signer_accept_lf() and dk_verifier_accept_lf(),
 * called before the first write, make the handle turn every bare LF it is
 * fed into CRLF (a CR already before it, even at the end of the previous
 * chunk, is kept as it is), for callers that hold mail with Unix line
 * endings. The signatures are those of the CRLF message: write the
 * message out with CRLF, or let the next hop convert it the same way.
 * Returns DK_OK, or DK_ESTATE after the first write.
 */
DK_WUR enum dk_status	 dk_signer_accept_lf(struct dk_signer *s);
DK_WUR enum dk_status	 dk_verifier_accept_lf(struct dk_verifier *v);

/*
 * The key resolver: asynchronous TXT lookups over UDP with a fallback to
 * TCP on truncation, a cache (positive answers for their TTL, negative
 * ones for the SOA minimum, RFC 2308 §5; temporary failures never) and a
 * time budget per name. It fits any poll loop and never reads the clock
 * itself: times are monotonic milliseconds from the caller. One resolver
 * serves any number of verifiers, in one thread at a time.
 *
 * dk_resolver_opts_init(o, sizeof(*o)) sets the defaults: server NULL
 * (the nameservers and options of /etc/resolv.conf; 127.0.0.1 when it
 * names none), 256 queries in flight, 1024 cache entries, TTLs capped at
 * 3600 s, a 30 s budget per name. server is "ADDR", "ADDR:PORT", "IPV6"
 * or "[IPV6]:PORT". inflight_max, cache_max, ttl_max and budget_ms take
 * their defaults when 0; nocache turns the cache off.
 *
 * dk_resolver_new() returns DK_OK, DK_ENOMEM, or DK_EINVAL with a
 * message in err[0..errlen) (when err is not NULL) saying why: a server
 * that is not an address, an unreadable resolv.conf. dk_resolver_free()
 * closes every socket and frees every lookup not yet collected.
 *
 * The loop, for an embedder with its own:
 *	dk_resolver_submit()	start a lookup for name, with arg for the
 *				caller; a cached name finishes at once
 *	dk_resolver_fds()	fill pfd[0..npfd) for poll(2); returns how
 *				many are needed (call again when more than
 *				npfd)
 *	dk_resolver_timeout()	the poll(2) timeout in ms from now: -1 none,
 *				0 at once
 *	dk_resolver_process()	after poll(2), with its pfd, or pfd NULL and
 *				npfd 0 for timers only
 *	dk_resolver_done()	the next finished lookup, or NULL; the
 *				caller frees it with dk_dns_lookup_free()
 *	dk_dns_lookup_result()	its result (NULL while in flight); strings
 *				belong to the lookup
 *	dk_dns_lookup_answer()	give the result to the verifier that asked
 *				(dk_verifier_answer() and, for a DNSSEC-
 *				validated answer from a loopback resolver,
 *				dk_verifier_key_dnssec())
 *	dk_dns_lookup_free()	free a lookup in any state; one in flight
 *				is cancelled
 * dk_resolver_deadline() is the absolute time for the next
 * dk_resolver_process(), -1 for none, and 0 while a finished lookup
 * waits for dk_resolver_done() (a cache hit is finished on submit);
 * dk_resolver_pending() counts the lookups submitted and neither freed
 * nor collected.
 *
 * dk_resolver_last_failure() is described with struct dk_dns_failure.
 *
 * dk_dns_resolve_verifier() does it all, blocking: it looks up every key
 * the verifier asks for now (at most qmax names, 0: DK_QUERIES_MAX),
 * waits with poll(2) and CLOCK_MONOTONIC, and answers them. The verifier
 * asks its names when the header block ends and when the message ends:
 * one call after dk_verifier_end() sees them all, one at each overlaps
 * the lookups with the body. The resolver must have no other lookups.
 * Returns DK_OK, the status of dk_verifier_answer(), or DK_ENOMEM.
 */
struct dk_resolver;
struct dk_dns_lookup;
struct pollfd;

struct dk_resolver_opts {
	size_t		 size;		/* set by dk_resolver_opts_init() */
	const char	*server;
	size_t		 inflight_max;
	size_t		 cache_max;
	uint32_t	 ttl_max;
	int		 nocache;
	int64_t		 budget_ms;
};

/* A finished lookup. Everything belongs to the lookup handle. */
struct dk_dns_result {
	const char		*name;	/* as submitted, lowercased, no dot */
	void			*arg;	/* as submitted */
	enum dk_dns_rcode	 rcode;
	const char *const	*txt;	/* DK_DNS_OK: ntxt records, each with
					 * its strings joined (RFC 6376
					 * §3.6.2.2) */
	size_t			 ntxt;
	int			 dnssec; /* AD=1 from a loopback server; a
					  * remote resolver's AD is ignored */
	int			 cached; /* answered from the cache */
	int			 tcp;	/* the answer came over TCP */
};

/*
 * The last try that failed (any server, any lookup), for front ends to
 * name the server in their logs. A burst is a run of failed tries with
 * no reply from a working server in between; burst counts them, so a
 * front end logs once per burst by remembering the last burst it
 * logged. rcode is how the try failed: DK_DNS_TIMEOUT, _UNREACHABLE,
 * _REFUSED, _SERVFAIL, _MALFORMED or _TCP; error is the errno of a try
 * that failed on this host before anything went out (no socket: EMFILE,
 * ENFILE; no buffer; no route), 0 otherwise. dk_dns_failure_str() puts
 * how f failed in words into buf[0..len) (cut to fit, NUL-terminated;
 * DK_DNS_FAILURE_MAX is enough), to follow "DNS server ADDR: ", such
 * as "did not answer in time" or "cannot send a query: Too many open
 * files", and returns buf.
 * dk_resolver_last_failure() gives NULL before any failure; the struct
 * is owned by the resolver, updated by dk_resolver_process() and
 * dk_resolver_submit(), and may gain fields at its end.
 */
#define DK_DNS_ADDR_MAX		64	/* "[IPV6]:PORT": INET6_ADDRSTRLEN (46)
					 * + brackets, colon, 5 digits */
#define DK_DNS_FAILURE_MAX	128	/* dk_dns_failure_str()'s words */
struct dk_dns_failure {
	enum dk_dns_rcode	 rcode;
	char			 server[DK_DNS_ADDR_MAX]; /* ADDR:PORT */
	uint64_t		 burst;		/* 1, 2, ...: which burst */
	int			 ongoing;	/* no good reply since */
	int			 error;		/* a local errno, or 0 */
};

void			 dk_resolver_opts_init(struct dk_resolver_opts *o,
			    size_t size);
DK_WUR enum dk_status	 dk_resolver_new(struct dk_resolver **rp,
			    const struct dk_resolver_opts *opts, char *err,
			    size_t errlen);
void			 dk_resolver_free(struct dk_resolver *r);
DK_WUR enum dk_status	 dk_resolver_submit(struct dk_resolver *r,
			    const char *name, void *arg, int64_t now,
			    struct dk_dns_lookup **lp);
size_t			 dk_resolver_fds(struct dk_resolver *r,
			    struct pollfd *pfd, size_t npfd);
int64_t			 dk_resolver_deadline(const struct dk_resolver *r);
int			 dk_resolver_timeout(const struct dk_resolver *r,
			    int64_t now);
void			 dk_resolver_process(struct dk_resolver *r,
			    const struct pollfd *pfd, size_t npfd,
			    int64_t now);
struct dk_dns_lookup	*dk_resolver_done(struct dk_resolver *r);
size_t			 dk_resolver_pending(const struct dk_resolver *r);
const struct dk_dns_failure *
			 dk_resolver_last_failure(const struct dk_resolver *r);
const char		*dk_dns_failure_str(const struct dk_dns_failure *f,
			    char *buf, size_t len);
const struct dk_dns_result *
			 dk_dns_lookup_result(const struct dk_dns_lookup *l);
DK_WUR enum dk_status	 dk_dns_lookup_answer(const struct dk_dns_lookup *l,
			    struct dk_verifier *v);
void			 dk_dns_lookup_free(struct dk_dns_lookup *l);
DK_WUR enum dk_status	 dk_dns_resolve_verifier(struct dk_resolver *r,
			    struct dk_verifier *v, size_t qmax);

/*
 * A zone file: key records kept offline, for tests and for checking
 * mail without the DNS. Lines "NAME TXT \"s1\" [\"s2\" ...]" (the
 * strings of one record joined with nothing between them; \" and \\
 * are escapes), or "NAME NXDOMAIN", "NAME SERVFAIL" or "NAME TIMEOUT"
 * for a lookup that fails that way. Blank lines and lines starting with
 * # are skipped, a line may end in CRLF. Names compare without case and
 * a final dot; several TXT lines for one name are several records, in
 * file order; a name with a failure has nothing else.
 *
 * dk_zone_parse() reads buf[0..len), at most DK_ZONE_MAX bytes. Returns
 * DK_OK, or with *zp NULL: DK_ELIMIT (over DK_ZONE_MAX), DK_ENOMEM, or
 * DK_ESYNTAX, with the line and the reason in err[0..errlen) (err may be
 * NULL).
 *
 * dk_zone_lookup() gives the outcome of looking name up in the zone:
 * DK_DNS_NXDOMAIN for a name it does not hold (or z or name NULL), else
 * what the file says; for DK_DNS_OK, the records in (*txt)[0..*ntxt),
 * owned by the zone.
 *
 * dk_zone_answer_verifier() answers every query v has now from the
 * zone, as dk_dns_resolve_verifier() does from the DNS: call it after
 * each write, or once after dk_verifier_end(). Returns DK_OK, DK_EINVAL
 * (z or v NULL) or the status of dk_verifier_answer().
 *
 * dk_zone_free() frees the zone and every record it gave.
 */
#define DK_ZONE_MAX	(4 * 1024 * 1024)	/* zone file bytes, for test
						 * and offline zones, not a
						 * server's */

struct dk_zone;

DK_WUR enum dk_status	 dk_zone_parse(struct dk_zone **zp, const void *buf,
			    size_t len, char *err, size_t errlen);
enum dk_dns_rcode	 dk_zone_lookup(const struct dk_zone *z,
			    const char *name, const char *const **txt,
			    size_t *ntxt);
DK_WUR enum dk_status	 dk_zone_answer_verifier(const struct dk_zone *z,
			    struct dk_verifier *v);
void			 dk_zone_free(struct dk_zone *z);

/*
 * For front ends that check their configuration.
 *
 * dk_authserv_id_ok() says whether s can be an authserv-id (RFC 8601
 * §2.2: an RFC 2045 value, as a token), the rule dk_verifier_new()
 * applies to authserv_id. NULL is not one.
 *
 * dk_domain_ok() and dk_selector_ok() say whether s can be a signing
 * domain (d=) or a selector (s=), the rules dk_sign_opts_check()
 * applies: labels of RFC 5321 letters, digits and hyphens (an IDN as
 * its xn-- A-label), at most 63 octets each and 253 in all; two labels
 * or more for a domain, one or more for a selector. NULL is neither.
 *
 * dk_key_check_published() says, for each of kc[0..n), whether key is
 * the one published at selector._domainkey.domain: it looks every name
 * up at once through r, blocking as dk_dns_resolve_verifier() does (r
 * must have no other lookups; a dead server costs one budget_ms however
 * many keys there are), and compares each TXT record found with key's
 * public key. state gets DK_KEY_MATCH (a record has this key and allows
 * sha256), DK_KEY_DIFFERENT (records, none with this key),
 * DK_KEY_ABSENT (NXDOMAIN, no TXT record, or a name that is no domain
 * name), DK_KEY_REVOKED (only records with an empty p=) or
 * DK_KEY_LOOKUP_FAILED (a temporary DNS failure); detail one
 * NUL-terminated phrase saying why, naming the key as keyname (how the
 * caller names it, such as its file; may be NULL) and, for a failed
 * lookup, the server that failed. Returns DK_OK, DK_EINVAL (r, key,
 * domain or selector NULL) or DK_ENOMEM. The struct is filled by the
 * caller, in arrays, so it never grows: a later version adds a function
 * instead. dk_key_state_str() gives "match", "different", "absent",
 * "revoked" or "failed".
 *
 * dk_key_check_zone() is dk_key_check_published() with the records of
 * zone z (see dk_zone_parse()) in place of the DNS: DK_KEY_LOOKUP_FAILED
 * is a name the zone says SERVFAIL or TIMEOUT for, and names no server.
 * Returns DK_OK, or DK_EINVAL (z, key, domain or selector NULL).
 */
enum dk_key_state {
	DK_KEY_MATCH = 0,
	DK_KEY_DIFFERENT,
	DK_KEY_ABSENT,
	DK_KEY_REVOKED,
	DK_KEY_LOOKUP_FAILED
};

#define DK_KEY_DETAIL_MAX	128

struct dk_key_check {
	const struct dk_key	*key;		/* in */
	const char		*domain;	/* in */
	const char		*selector;	/* in */
	const char		*keyname;	/* in; may be NULL */
	enum dk_key_state	 state;		/* out */
	char			 detail[DK_KEY_DETAIL_MAX];	/* out */
};

DK_WUR int		 dk_authserv_id_ok(const char *s);
DK_WUR int		 dk_domain_ok(const char *s);
DK_WUR int		 dk_selector_ok(const char *s);
DK_WUR enum dk_status	 dk_key_check_published(struct dk_resolver *r,
			    struct dk_key_check *kc, size_t n);
DK_WUR enum dk_status	 dk_key_check_zone(const struct dk_zone *z,
			    struct dk_key_check *kc, size_t n);
const char		*dk_key_state_str(enum dk_key_state state);

#ifdef __cplusplus
}
#endif

#endif /* DKIMKIT_H */
