/*
 * sign DOMAIN SELECTOR KEYFILE < message > signed-message: the message
 * with a DKIM-Signature field on top. In the public domain.
 * Build: cc sign.c $(pkg-config --cflags --libs dkimkit)
 */

#include <stdio.h>
#include <stdlib.h>

#include <dkimkit.h>

/* All of fp in a new buffer, or NULL. */
static char *
slurp(FILE *fp, size_t *len)
{
	char *buf = NULL, *p;
	size_t cap = 0, n = 1;

	for (*len = 0; n > 0; *len += n) {
		if (*len == cap) {
			cap = cap ? cap * 2 : 65536;
			if ((p = realloc(buf, cap)) == NULL)
				break;
			buf = p;
		}
		n = fread(buf + *len, 1, cap - *len, fp);
	}
	if (n > 0 || ferror(fp)) {
		free(buf);
		return NULL;
	}
	return buf;
}

int
main(int argc, char **argv)
{
	struct dk_sign_opts o;
	struct dk_signer *s = NULL;
	struct dk_key *key = NULL;
	char *pem, *msg, err[256];
	size_t pemlen, len;
	FILE *fp;

	if (argc != 4) {
		fprintf(stderr, "usage: sign domain selector keyfile\n");
		return 64;
	}
	if ((fp = fopen(argv[3], "r")) == NULL ||
	    (pem = slurp(fp, &pemlen)) == NULL || fclose(fp) != 0 ||
	    (msg = slurp(stdin, &len)) == NULL) {
		perror("sign");
		return 66;
	}
	if (dk_key_parse(&key, pem, pemlen, err, sizeof(err)) != DK_OK) {
		fprintf(stderr, "%s: %s\n", argv[3], err);
		return 65;
	}
	dk_sign_opts_init(&o, sizeof(o));	/* t= now, relaxed/relaxed */
	o.domain = argv[1];
	o.selector = argv[2];
	o.key = key;
	if (dk_signer_new(&s, &o, 1) != DK_OK ||
	    dk_signer_accept_lf(s) != DK_OK ||	/* Unix files too */
	    dk_signer_write(s, msg, len) != DK_OK ||
	    dk_signer_finish(s) != DK_OK) {
		fprintf(stderr, "sign: %s\n",
		    s != NULL ? dk_signer_errmsg(s) : "invalid options");
		return 65;
	}
	printf("%s\r\n", dk_signer_field(s, 0));
	fwrite(msg, 1, len, stdout);
	dk_signer_free(s);
	dk_key_free(key);
	free(msg);
	free(pem);
	return fflush(stdout) == 0 ? 0 : 74;
}
