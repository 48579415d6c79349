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
 * The comparison of a key with its published records (keycheck.h).
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dns.h"
#include "dnsint.h"
#include "keycheck.h"
#include "resolver.h"

static const char *const state_words[] = {
	[DK_KEY_MATCH] = "match",
	[DK_KEY_DIFFERENT] = "different",
	[DK_KEY_ABSENT] = "absent",
	[DK_KEY_REVOKED] = "revoked",
	[DK_KEY_LOOKUP_FAILED] = "failed"
};

/* The same public key: type, and modulus and exponent or the point. */
static int
same_pubkey(const struct dk_pubkey *a, const struct dk_pubkey *b)
{
	if (a->type != b->type)
		return 0;
	if (a->type == DK_KEY_ED25519)
		return memcmp(a->ed25519, b->ed25519, sizeof(a->ed25519)) == 0;
	return a->nlen == b->nlen && a->elen == b->elen &&
	    memcmp(a->n, b->n, a->nlen) == 0 &&
	    memcmp(a->e, b->e, a->elen) == 0;
}

/* k= as a record writes it. */
static const char *
key_type_word(enum dk_key_type type)
{
	return type == DK_KEY_ED25519 ? "ed25519" : "rsa";
}

/*
 * Compare the records txt[0..ntxt) with mine. A record with this key
 * that signatures can use (h= allows sha256) is a match; else any other
 * record makes it different (the first one's detail says why); else all
 * were revoked.
 */
static void
check_records(const struct dk_pubkey *mine, const char *path,
    const char *const *txt, size_t ntxt, struct dk_keycheck *kc)
{
	struct dk_keyrec rec;
	enum dk_reason reason;
	char why[DK_KEYCHECK_DETAIL_MAX];
	size_t i;

	kc->state = DK_KEY_REVOKED;
	snprintf(kc->detail, sizeof(kc->detail), "p= is empty");
	for (i = 0; i < ntxt; i++) {
		if (dk_keyrec_parse(txt[i], strlen(txt[i]), &rec,
		    &reason) == -1) {
			if (reason == DK_R_REVOKED_KEY)
				continue;
			snprintf(why, sizeof(why), "the record is unusable "
			    "(%s), so not the key in %s",
			    dk_reason_str(reason), path);
		} else if (rec.key.type != mine->type)
			snprintf(why, sizeof(why), "the record is k=%s, the "
			    "key in %s is %s", key_type_word(rec.key.type),
			    path, key_type_word(mine->type));
		else if (!same_pubkey(mine, &rec.key))
			snprintf(why, sizeof(why), "the published key is not "
			    "the one in %s", path);
		else if (!(rec.hashes & DK_KEYREC_H_SHA256))
			snprintf(why, sizeof(why), "h= does not allow sha256 "
			    "for %s", path);
		else {
			kc->state = DK_KEY_MATCH;
			if (mine->type == DK_KEY_ED25519)
				snprintf(kc->detail, sizeof(kc->detail),
				    "ed25519%s, %s", rec.testing ? ", t=y" :
				    "", path);
			else
				snprintf(kc->detail, sizeof(kc->detail),
				    "rsa %u bits%s, %s", mine->bits,
				    rec.testing ? ", t=y" : "", path);
			return;
		}
		if (kc->state != DK_KEY_DIFFERENT) {
			kc->state = DK_KEY_DIFFERENT;
			memcpy(kc->detail, why, sizeof(kc->detail));
		}
	}
}

/* see keycheck.h */
int
dk_keycheck_name(struct dk_keycheck *kc, const char *domain,
    const char *selector)
{
	int n;

	n = snprintf(kc->name, sizeof(kc->name), "%s._domainkey.%s",
	    selector, domain);
	if (n >= 0 && n <= DK_DNS_NAME_MAX)
		return 0;
	/* RFC 1035 §2.3.4: no record can be published there */
	kc->state = DK_KEY_ABSENT;
	snprintf(kc->detail, sizeof(kc->detail), "the name has %d octets, "
	    "over the %d of a DNS name; choose a shorter selector", n,
	    DK_DNS_NAME_MAX);
	return -1;
}

/* see keycheck.h */
void
dk_keycheck_compare(struct dk_keycheck *kc, const struct dk_key *key,
    const char *path, enum dk_dns_rcode rcode, const char *const *txt,
    size_t ntxt, const char *server)
{
	struct dk_pubkey mine;

	dk_key_pubkey(key, &mine);
	switch (rcode) {
	case DK_DNS_OK:
		check_records(&mine, path, txt, ntxt, kc);
		break;
	case DK_DNS_NXDOMAIN:
		kc->state = DK_KEY_ABSENT;
		snprintf(kc->detail, sizeof(kc->detail), "NXDOMAIN");
		break;
	case DK_DNS_NODATA:
		kc->state = DK_KEY_ABSENT;
		snprintf(kc->detail, sizeof(kc->detail), "no TXT record");
		break;
	default:
		kc->state = DK_KEY_LOOKUP_FAILED;
		snprintf(kc->detail, sizeof(kc->detail), "%s%s%s",
		    dk_reason_str(dk_dns_rcode_reason(rcode)),
		    server != NULL ? ", DNS server " : "",
		    server != NULL ? server : "");
		break;
	}
}

/* see dkimkit.h */
const char *
dk_key_state_str(enum dk_key_state state)
{
	if ((unsigned int)state >= sizeof(state_words) / sizeof(state_words[0]))
		return "unknown";
	return state_words[state];
}

static const char *
keyname(const struct dk_key_check *c)
{
	return c->keyname != NULL ? c->keyname : "";
}

static void
check_done(struct dk_key_check *c, const struct dk_keycheck *kc)
{
	c->state = kc->state;
	(void)snprintf(c->detail, sizeof(c->detail), "%s", kc->detail);
}

/* One key against its lookup l (NULL: its name is no domain name). */
static void
check_one(struct dk_key_check *c, const struct dk_dns_lookup *l,
    const char *server)
{
	const struct dk_dns_result *res;
	struct dk_keycheck kc;

	kc.state = DK_KEY_ABSENT;
	(void)snprintf(kc.detail, sizeof(kc.detail), "not a domain name");
	if (dk_keycheck_name(&kc, c->domain, c->selector) == 0 &&
	    l != NULL && (res = dk_dns_lookup_result(l)) != NULL)
		dk_keycheck_compare(&kc, c->key, keyname(c), res->rcode,
		    res->txt, res->ntxt, server);
	check_done(c, &kc);
}

/* NULL in a key to check: the caller broke the contract. */
static int
checks_ok(const struct dk_key_check *kc, size_t n)
{
	size_t i;

	if (kc == NULL && n > 0)
		return 0;
	for (i = 0; i < n; i++)
		if (kc[i].key == NULL || kc[i].domain == NULL ||
		    kc[i].selector == NULL)
			return 0;
	return 1;
}

/* see dkimkit.h */
enum dk_status
dk_key_check_published(struct dk_resolver *r, struct dk_key_check *kc,
    size_t n)
{
	const struct dk_dns_failure *f;
	struct dk_dns_lookup **l = NULL;
	struct dk_keycheck name;
	char **names = NULL;
	size_t i;
	enum dk_status st = DK_ENOMEM;

	if (r == NULL || !checks_ok(kc, n))
		return DK_EINVAL;
	if ((names = calloc(n + 1, sizeof(*names))) == NULL ||
	    (l = calloc(n + 1, sizeof(*l))) == NULL)
		goto done;
	for (i = 0; i < n; i++) {
		(void)dk_keycheck_name(&name, kc[i].domain, kc[i].selector);
		if ((names[i] = strdup(name.name)) == NULL)
			goto done;
	}
	/* all at once: a dead server costs one budget, not one per key */
	if ((st = dk_dns_resolve_names(r, (const char *const *)names, n,
	    l)) != DK_OK)
		goto done;
	f = dk_resolver_last_failure(r);
	for (i = 0; i < n; i++)
		check_one(&kc[i], l[i], f != NULL ? f->server : NULL);
done:
	for (i = 0; i < n && names != NULL; i++) {
		if (l != NULL)
			dk_dns_lookup_free(l[i]);
		free(names[i]);
	}
	free(names);
	free(l);
	return st;
}

/* see dkimkit.h */
enum dk_status
dk_key_check_zone(const struct dk_zone *z, struct dk_key_check *kc,
    size_t n)
{
	struct dk_keycheck one;
	const char *const *txt;
	enum dk_dns_rcode rcode;
	size_t i, ntxt;

	if (z == NULL || !checks_ok(kc, n))
		return DK_EINVAL;
	for (i = 0; i < n; i++) {
		if (dk_keycheck_name(&one, kc[i].domain, kc[i].selector) == 0) {
			rcode = dk_zone_lookup(z, one.name, &txt, &ntxt);
			dk_keycheck_compare(&one, kc[i].key, keyname(&kc[i]),
			    rcode, txt, ntxt, NULL);
		}
		check_done(&kc[i], &one);
	}
	return DK_OK;
}
