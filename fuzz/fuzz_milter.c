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
 * Fuzz dkimkit-milter's side of the milter protocol (src/milter) with
 * what a broken or hostile MTA connection may send. Input: a flags
 * byte, then frames as on the wire (4-byte length, command, data),
 * after an option negotiation made here. Flags:
 *	bit 0	negotiate protocol version 2 (else 6, with leading spaces)
 *	bit 1	a message waiting for its keys passes its deadline
 * Keys are looked up at the discard port, so they fail or stay in
 * flight. Checks: no crash, the reply buffer stays within its bound,
 * and once the connection is gone nothing is left (ASan's leak check).
 */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/milter/milter.h"
#include "fuzz.h"

#define FLAG_V2		0x01
#define FLAG_DEADLINE	0x02

/* Ed25519 only: an RSA signature per input would make runs slow. */
static char *const keys[] = {
	"example.com:ed:tests/filter/keys/ed.key",
	"example.test:ed:tests/filter/keys/ed.key",
};

static struct args	args;
static struct milter	mt;

/* the milter's main.c, which the fuzzer does not link */
volatile sig_atomic_t	dk_milter_sighup;
volatile sig_atomic_t	dk_milter_quit;

void
dk_milter_reload(struct milter *m)
{
	(void)m;
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	args.resolver = "127.0.0.1:9";
	args.keys = keys;
	args.nkeys = (int)(sizeof(keys) / sizeof(keys[0]));
	if (dk_policy_config_load(&args, &mt.cfg) == -1) {
		fprintf(stderr, "fuzz_milter: configuration failed (run from "
		    "the top of the tree)\n");
		exit(1);
	}
	mt.args = &args;
	mt.now = 1000000;
	(void)snprintf(mt.host, sizeof(mt.host), "mx.example.test");
	dk_milter_resolver_start(&mt);
	return 0;
}

static const uint8_t optneg2[] = { 0, 0, 0, 13, 'O', 0, 0, 0, 2,
	0, 0, 0, 0x3f, 0, 0, 0, 0x7f };
static const uint8_t optneg6[] = { 0, 0, 0, 13, 'O', 0, 0, 0, 6,
	0, 0, 0x01, 0xff, 0, 0x1f, 0xff, 0xff };

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct conn *c;
	uint8_t flags;
	size_t before;

	if (size < 1)
		return 0;
	flags = data[0];
	data++;
	size--;
	if ((c = calloc(1, sizeof(*c))) == NULL ||
	    (c->in = malloc(sizeof(optneg6) + size + 1)) == NULL)
		abort();
	c->mt = &mt;
	c->fd = -1;
	memcpy(c->in, flags & FLAG_V2 ? optneg2 : optneg6, sizeof(optneg6));
	memcpy(c->in + sizeof(optneg6), data, size);
	c->inlen = sizeof(optneg6) + size;
	c->incap = c->inlen + 1;
	do {
		before = c->inlen;
		dk_milter_conn_input(c);
		DK_FUZZ_CHECK(c->outlen <= MILTER_OUT_MAX + MILTER_FRAME_MAX);
		c->outlen = 0;		/* written to the MTA */
		dk_milter_msg_dns(&mt);
		if (c->eom && (flags & FLAG_DEADLINE)) {
			mt.now += POLICY_DNS_TIMEOUT_MAX + 1;
			dk_milter_msg_timers(&mt);
		}
	} while (!c->closing && !c->eom && c->inlen > 0 &&
	    c->inlen != before);
	dk_milter_msg_free(c);	/* the connection closes */
	free(c->in);
	free(c->out);
	free(c);
	return 0;
}
