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
 * The hardware limit of a cell, for bench/bench_limits.c (its parts)
 * and bench/bench_dkimkit.c (each cell's limit, measured alongside the
 * cell): one SHA-256 pass over the message, on the CPU's SHA unit where
 * it has one, and one bare key operation, with the engine's own code. A
 * message of S bytes can at best cost that much. Key loading, which the
 * two programs share, is here too.
 */

#ifndef DK_BENCH_LIMIT_H
#define DK_BENCH_LIMIT_H

#include <stddef.h>
#include <stdint.h>

#include "dkimkit.h"
#include "../src/crypto/crypto.h"

/* A key as the limit uses it: both halves, and a signature to check. */
struct dk_limit_key {
	struct dk_key	*key;
	struct dk_pubkey pub;
	uint8_t		 digest[32];
	uint8_t		 sig[DK_SIG_MAX];
	size_t		 siglen;
};

/* A cell at its limit: msg[0..len) hashed, then k's operation. */
struct dk_limit_cell {
	struct dk_limit_key	*k;	/* not used to hash alone */
	const char		*msg;
	size_t			 len;
};

/* The private key in keyfile (PEM or a seed), parsed. Exits on error. */
struct dk_key	*dk_bench_key(const char *keyfile);

/*
 * Load the private key from keyfile and the public one from the key
 * record in recfile ("v=DKIM1; k=...; p=..."), and sign a fixed digest
 * for dk_limit_verify() to check. Exits on error.
 */
void	dk_limit_load(struct dk_limit_key *k, enum dk_key_type type,
	    const char *keyfile, const char *recfile);

/* dk_bench_fn functions; arg is a struct dk_limit_cell. */
int	dk_limit_hash(void *cell);
int	dk_limit_cell_sign(void *cell);
int	dk_limit_cell_verify(void *cell);

/* dk_bench_fn functions: the key operation alone; arg is the key. */
int	dk_limit_sign(void *key);
int	dk_limit_verify(void *key);

#endif /* DK_BENCH_LIMIT_H */
