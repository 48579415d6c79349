/*
 * verify [--resolver ADDR[:PORT]] < message
 *
 * Verifies a message with the default (safe) options, looking keys up
 * with the library's resolver, and prints one Authentication-Results
 * field. Exit status 0 when a signature passes, 1 when none does.
 * Build: cc verify.c $(pkg-config --cflags --libs dkimkit)
 * This file is in the public domain.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <dkimkit.h>

#define MSG_MAX	(64 * 1024 * 1024)

int
main(int argc, char **argv)
{
	struct dk_resolver_opts ro;
	struct dk_verify_opts vo;
	struct dk_resolver *r;
	struct dk_verifier *v = NULL;
	enum dk_status st;
	char *msg, err[256];
	size_t len, i;
	int pass = 0;

	dk_resolver_opts_init(&ro, sizeof(ro));	/* resolv.conf */
	if (argc == 3 && strcmp(argv[1], "--resolver") == 0)
		ro.server = argv[2];
	else if (argc != 1) {
		fprintf(stderr, "usage: verify [--resolver addr[:port]]\n");
		return 64;
	}
	if (dk_resolver_new(&r, &ro, err, sizeof(err)) != DK_OK) {
		fprintf(stderr, "resolver: %s\n", err);
		return 64;
	}
	if ((msg = malloc(MSG_MAX)) == NULL)
		return 70;
	len = fread(msg, 1, MSG_MAX, stdin);
	dk_verify_opts_init(&vo, sizeof(vo));	/* RFC 8301, clock now */
	vo.authserv_id = "verify.example";
	if (dk_verifier_new(&v, &vo) != DK_OK ||
	    dk_verifier_accept_lf(v) != DK_OK ||
	    dk_verifier_write(v, msg, len) != DK_OK ||
	    dk_verifier_end(v) != DK_OK ||
	    dk_dns_resolve_verifier(r, v, 0) != DK_OK ||
	    ((st = dk_verifier_finish(v)) != DK_OK && st != DK_ESYNTAX)) {
		fprintf(stderr, "verify: %s\n",
		    v != NULL ? dk_verifier_errmsg(v) : "out of memory");
		return 70;
	}
	printf("%s\r\n", dk_verifier_authres(v));
	for (i = 0; i < dk_verifier_nresults(v); i++)
		pass |= dk_verifier_result(v, i)->outcome == DK_PASS;
	dk_verifier_free(v);
	dk_resolver_free(r);
	free(msg);
	return pass ? 0 : 1;
}
