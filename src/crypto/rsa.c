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
 * Our own RSA PKCS#1 v1.5 signing and verification; see rsa.h.
 *
 * Signing (RFC 8017 §5.1.2, CRT): m1 = c^dp mod p, m2 = c^dq mod q,
 * h = (m1 - m2) iq mod p, s = m2 + q h. Every step runs the same
 * instructions and touches the same addresses whatever the key and the
 * digest (bn.h's constant-time functions; lengths and e are public),
 * and s^e mod n is compared with the encoded message before s leaves.
 */

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "rsa.h"

/* RFC 8017 §9.2 note 1: DER of DigestInfo up to the digest. */
static const uint8_t prefix_sha256[] = {
	0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65,
	0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20
};
/* The same without the NULL parameters, which BearSSL also takes. */
static const uint8_t prefix_sha256_nonull[] = {
	0x30, 0x2f, 0x30, 0x0b, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65,
	0x03, 0x04, 0x02, 0x01, 0x04, 0x20
};
static const uint8_t prefix_sha1_nonull[] = {
	0x30, 0x1f, 0x30, 0x07, 0x06, 0x05, 0x2b, 0x0e, 0x03, 0x02, 0x1a,
	0x04, 0x14
};
static const uint8_t prefix_sha1[] = {
	0x30, 0x21, 0x30, 0x09, 0x06, 0x05, 0x2b, 0x0e, 0x03, 0x02, 0x1a,
	0x05, 0x00, 0x04, 0x14
};
#define PAD_MIN		11	/* 00 01, eight bytes of FF, 00 (§9.2) */
#define SHA256_LEN	32
#define SHA1_LEN	20

/*
 * EMSA-PKCS1-v1_5 (RFC 8017 §9.2) into em[0..len): every position
 * depends on lengths only. With null_params 0, the DigestInfo without
 * them (§9.2 note 1; verification only). -1 when len is too short.
 */
static int
emsa_encode(uint8_t *em, size_t len, enum dk_hash_alg alg,
    const uint8_t *digest, int null_params)
{
	const uint8_t *prefix;
	size_t plen, hlen = alg == DK_HASH_SHA1 ? SHA1_LEN : SHA256_LEN;

	if (alg == DK_HASH_SHA1) {
		prefix = null_params ? prefix_sha1 : prefix_sha1_nonull;
		plen = null_params ? sizeof(prefix_sha1) :
		    sizeof(prefix_sha1_nonull);
	} else {
		prefix = null_params ? prefix_sha256 : prefix_sha256_nonull;
		plen = null_params ? sizeof(prefix_sha256) :
		    sizeof(prefix_sha256_nonull);
	}

	if (len < plen + hlen + PAD_MIN)
		return -1;
	em[0] = 0x00;
	em[1] = 0x01;
	memset(em + 2, 0xff, len - plen - hlen - 3);
	em[len - plen - hlen - 1] = 0x00;
	memcpy(em + len - plen - hlen, prefix, plen);
	memcpy(em + len - hlen, digest, hlen);
	return 0;
}

/* Limbs of len bytes, unrounded. */
static size_t
limbs_of(size_t len)
{
	return (len + 7) / 8;
}

/* Set x[0..k) from part; -1 when it does not fit. */
static int
load_part(uint64_t *x, size_t k, struct dk_bytes b)
{
	if (b.len > 8 * k)
		return -1;
	dk_bn_decode(x, k, b.p, b.len);
	return 0;
}

/*
 * n = pq and q iq = 1 mod p, compared without branches; the one
 * branch is on the verdict, once.
 */
static int
priv_check(const struct dk_rsa_priv *k)
{
	uint64_t pq[2 * DK_BN_LIMBS], nn[2 * DK_BN_LIMBS];
	uint64_t t[DK_BN_LIMBS], one[DK_BN_LIMBS], ok;
	size_t kp = k->p.k, kq = k->q.k;

	dk_bn_mul(pq, k->p.m, kp, k->q.m, kq, k->p.adx);
	memset(nn, 0, sizeof(nn));
	memcpy(nn, k->n.m, k->n.k * sizeof(*nn));
	ok = dk_bn_eq(pq, nn, kp + kq);
	dk_mont_to(t, k->q.m, kq, &k->p);
	dk_mont_mul(t, t, k->iq, &k->p);
	memset(one, 0, sizeof(one));
	one[0] = 1;
	ok &= dk_bn_eq(t, one, kp);
	dk_wipe(pq, sizeof(pq));
	dk_wipe(t, sizeof(t));
	return ok ? 0 : -1;
}

int
dk_rsa_priv_init(struct dk_rsa_priv *k,
    const struct dk_bytes part[DK_RSA_NPARTS])
{
	size_t nl = limbs_of(part[DK_RSA_N].len), i;

	memset(k, 0, sizeof(*k));
	if (part[DK_RSA_E].len > sizeof(k->e) ||
	    dk_mont_init(&k->n, part[DK_RSA_N].p, part[DK_RSA_N].len, 0) ==
	    -1)
		goto bad;
	/*
	 * dk_mont_to() reduces values below R^2: c < n mod p and q, m2 < q
	 * mod p, and s < n mod n.
	 */
	if (dk_mont_init(&k->p, part[DK_RSA_P].p, part[DK_RSA_P].len,
	    (nl + 1) / 2) == -1 ||
	    dk_mont_init(&k->q, part[DK_RSA_Q].p, part[DK_RSA_Q].len,
	    (nl + 1) / 2) == -1 || k->q.k > 2 * k->p.k ||
	    k->p.k + k->q.k > 2 * k->n.k)
		goto bad;
	if (load_part(k->dp, k->p.k, part[DK_RSA_DP]) == -1 ||
	    load_part(k->dq, k->q.k, part[DK_RSA_DQ]) == -1 ||
	    load_part(k->iq, k->p.k, part[DK_RSA_IQ]) == -1)
		goto bad;
	k->nlen = part[DK_RSA_N].len;
	k->pbits = 8 * (unsigned int)part[DK_RSA_P].len;
	k->qbits = 8 * (unsigned int)part[DK_RSA_Q].len;
	for (i = 0; i < part[DK_RSA_E].len; i++)
		k->e = k->e << 8 | part[DK_RSA_E].p[i];
	if (k->e == 0 || priv_check(k) == -1)
		goto bad;
	k->ifma = dk_bn_ifma_ok() &&
	    dk_mont52_init(&k->p52, &k->p, k->pbits) == 0 &&
	    dk_mont52_init(&k->q52, &k->q, k->qbits) == 0 &&
	    dk_mont52_init(&k->n52, &k->n, 8 * (unsigned int)k->nlen) == 0;
	return 0;
bad:
	dk_wipe(k, sizeof(*k));
	return -1;
}

/* Scratch for one signature, wiped after. */
struct sign_tmp {
	uint64_t	c[DK_BN_LIMBS];		/* the encoded message */
	uint64_t	x[DK_BN_LIMBS], y[DK_BN_LIMBS], m2[DK_BN_LIMBS];
	uint64_t	h[DK_BN_LIMBS], z[DK_BN_LIMBS];
	uint64_t	s[2 * DK_BN_LIMBS], m2w[2 * DK_BN_LIMBS];
	uint64_t	tab[DK_M52_TMP > DK_MONT_TMP(DK_BN_LIMBS) ?
			    DK_M52_TMP : DK_MONT_TMP(DK_BN_LIMBS)];
	uint8_t		em[DK_RSA_MAX_BITS / 8];
};

/* s = m2 + q ((m1 - m2) iq mod p), with m1 and m2 from the exponents. */
static void
sign_crt(const struct dk_rsa_priv *k, struct sign_tmp *t)
{
	size_t nl = limbs_of(k->nlen), kp = k->p.k, kq = k->q.k;

	dk_mont_to(t->x, t->c, nl, &k->p);
	dk_mont_to(t->y, t->c, nl, &k->q);
	if (k->ifma) {
		/* plain c mod p and c mod q in, plain m1 and m2 out */
		dk_mont_from(t->x, t->x, &k->p);
		dk_mont_from(t->y, t->y, &k->q);
		dk_mont52_exp2_ct(t->h, t->x, k->dp, k->pbits, &k->p52, &k->p,
		    t->m2, t->y, k->dq, k->qbits, &k->q52, &k->q, t->tab);
		dk_mont_to(t->x, t->h, kp, &k->p);
	} else {
		dk_mont_exp_ct(t->x, t->x, k->dp, k->pbits, &k->p, t->tab);
		dk_mont_exp_ct(t->y, t->y, k->dq, k->qbits, &k->q, t->tab);
		dk_mont_from(t->m2, t->y, &k->q);
	}
	/* x is m1 R mod p; (m1 R - m2 R) iq / R = h */
	dk_mont_to(t->y, t->m2, kq, &k->p);
	dk_mont_sub(t->x, t->x, t->y, &k->p);
	dk_mont_mul(t->h, t->x, k->iq, &k->p);
	dk_bn_mul(t->s, k->q.m, kq, t->h, kp, k->p.adx);
	memset(t->m2w, 0, sizeof(t->m2w));
	memcpy(t->m2w, t->m2, kq * sizeof(*t->m2w));
	(void)dk_bn_add(t->s, t->m2w, kp + kq);
}

int
dk_rsa_sign_ct(const struct dk_rsa_priv *k, const uint8_t digest[32],
    uint8_t *sig)
{
	struct sign_tmp t;
	uint64_t ok;
	uint8_t keep;
	size_t i;

	/* the length is public; 1024-bit keys and up have room */
	if (emsa_encode(t.em, k->nlen, DK_HASH_SHA256, digest, 1) == -1)
		return -1;
	dk_bn_decode(t.c, k->n.k, t.em, k->nlen);
	sign_crt(k, &t);
	/* s^e mod n must give back the encoded message; s < n */
	if (k->ifma)
		dk_mont52_exp_pub(t.z, t.s, k->e, &k->n52, &k->n);
	else {
		dk_mont_to(t.z, t.s, k->p.k + k->q.k, &k->n);
		dk_mont_exp_pub(t.z, t.z, k->e, &k->n);
		dk_mont_from(t.z, t.z, &k->n);
	}
	ok = dk_bn_eq(t.z, t.c, k->n.k);
	dk_bn_encode(sig, k->nlen, t.s, k->p.k + k->q.k);
	keep = (uint8_t)ok;
	for (i = 0; i < k->nlen; i++)
		sig[i] &= keep;
	dk_wipe(&t, sizeof(t));
	return (int)(ok & 1) - 1;
}

/* a < b for k limbs; variable time (public values only). */
static int
less_vartime(const uint64_t *a, const uint64_t *b, size_t k)
{
	while (k-- > 0)
		if (a[k] != b[k])
			return a[k] < b[k];
	return 0;
}

/*
 * Public data only, so variable time is fine here: the branches below
 * depend on the key record, the signature and the digest, which any
 * verifier may see.
 */
int
dk_rsa_verify_kernel(const struct dk_pubkey *pk, enum dk_hash_alg alg,
    const uint8_t *digest, size_t dlen, const uint8_t *sig, size_t siglen,
    int ifma)
{
	struct dk_mont M;
	struct dk_mont52 M52;
	uint64_t s[DK_BN_LIMBS], e = 0;
	uint8_t em[DK_RSA_MAX_BITS / 8], got[DK_RSA_MAX_BITS / 8];
	const uint8_t *n = pk->n;
	size_t nlen = pk->nlen, i;

	while (nlen > 0 && n[0] == 0) {
		n++;
		nlen--;
	}
	if (dlen != (alg == DK_HASH_SHA1 ? SHA1_LEN : SHA256_LEN) ||
	    siglen != nlen || pk->elen > sizeof(e) ||
	    emsa_encode(em, nlen, alg, digest, 1) == -1 ||
	    dk_mont_setup(&M, n, nlen, 0) == -1)
		return 0;
	for (i = 0; i < pk->elen; i++)
		e = e << 8 | pk->e[i];
	dk_bn_decode(s, M.k, sig, siglen);
	/* RFC 8017 §5.2.2 step 1: s must be below n */
	if (e == 0 || !less_vartime(s, M.m, M.k))
		return 0;
	if (ifma && dk_mont52_init(&M52, &M, 8 * (unsigned int)nlen) == 0)
		dk_mont52_exp_pub(s, s, e, &M52, &M);
	else {
		dk_mont_pow2(M.rr, 64 * M.k, &M);
		dk_mont_to(s, s, M.k, &M);
		dk_mont_exp_pub(s, s, e, &M);
		dk_mont_from(s, s, &M);
	}
	dk_bn_encode(got, nlen, s, M.k);
	/* §8.2.2 step 4: compare the whole encoded message */
	if (memcmp(got, em, nlen) == 0)
		return 1;
	return emsa_encode(em, nlen, alg, digest, 0) == 0 &&
	    memcmp(got, em, nlen) == 0;
}

int
dk_rsa_verify_own(const struct dk_pubkey *pk, enum dk_hash_alg alg,
    const uint8_t *digest, size_t dlen, const uint8_t *sig, size_t siglen)
{
	return dk_rsa_verify_kernel(pk, alg, digest, dlen, sig, siglen,
	    dk_bn_ifma_ok());
}
