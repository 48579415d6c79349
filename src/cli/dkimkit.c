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
 * dkimkit(1): dispatch to a subcommand, and the usage lines, which are
 * the SYNOPSIS of man/dkimkit.1 word for word.
 */

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

struct command {
	const char	*name;
	int		(*run)(int, char **);
	const char	*usage;
};

static const struct command commands[] = {
	{ "sign", dk_cli_sign,
	    "sign [-c HEADER/BODY] [-h h1:h2:...] [-t UNIXTIME] [-x SECONDS]\n"
	    "\t    DOMAIN:SELECTOR:KEYFILE ..." },
	{ "verify", dk_cli_verify,
	    "verify [--dns-file FILE | --resolver ADDR[:PORT]]\n"
	    "\t    [--now UNIXTIME] [--no-rfc8301] [-A AUTHSERV-ID]" },
	{ "keygen", dk_cli_keygen,
	    "keygen [-a rsa|ed25519] [-b BITS] -d DOMAIN -s SELECTOR "
	    "[-o DIR]" },
	{ "canon", dk_cli_canon,
	    "canon [-c HEADER/BODY] [-h h1:h2:...] [-H | -B]" },
	{ "testkey", dk_cli_testkey,
	    "testkey [--dns-file FILE | --resolver ADDR[:PORT]]\n"
	    "\t    DOMAIN:SELECTOR:KEYFILE ..." },
	{ "rotate", dk_cli_rotate,
	    "rotate new [-a rsa|ed25519] [-b BITS] [-s NEWSELECTOR] -f CONFIG\n"
	    "\t    DOMAIN[:SELECTOR]\n"
	    "       dkimkit rotate switch [--dns-file FILE | --resolver "
	    "ADDR[:PORT]]\n"
	    "\t    -s NEWSELECTOR -f CONFIG DOMAIN[:SELECTOR]\n"
	    "       dkimkit rotate revoke [-g DAYS] -f CONFIG DOMAIN:SELECTOR" }
};

#define NCOMMANDS	(sizeof(commands) / sizeof(commands[0]))

/* Print the usage of cmd, or of every subcommand when cmd is NULL. */
static void
usage_to(FILE *fp, const char *cmd)
{
	size_t i;
	const char *word = "usage:";

	for (i = 0; i < NCOMMANDS; i++) {
		if (cmd != NULL && strcmp(cmd, commands[i].name) != 0)
			continue;
		fprintf(fp, "%s dkimkit %s\n", word, commands[i].usage);
		word = "      ";
	}
}

int
dk_cli_usage(const char *cmd)
{
	usage_to(stderr, cmd);
	return EX_USAGE;
}

/* --help, alone or after a command: the usage on stdout, and success. */
static int
help(const char *cmd)
{
	usage_to(stdout, cmd);
	fputs("See dkimkit(1) for the whole story.\n", stdout);
	return dk_cli_flush();
}

/*
 * Report what getopt_long() refused (opterr is off, so that every
 * message has our "dkimkit: what: why" form), then the usage.
 */
int
dk_cli_badopt(const char *cmd, int ch, char **argv)
{
	const char *why;

	why = ch == ':' ? "missing argument" : "unknown option";
	/* long options have no optopt, or one past the char range */
	if (optopt > 0 && optopt < 128)
		dk_cli_warnx("-%c: %s", optopt, why);
	else
		dk_cli_warnx("%s: %s", argv[optind - 1], why);
	return dk_cli_usage(cmd);
}

/*
 * --help last, right after the command or after one word that is no
 * option (rotate's step): then it cannot be an option's value, as in
 * "canon -h --help".
 */
static int
wants_help(int argc, char **argv)
{
	return strcmp(argv[argc - 1], "--help") == 0 &&
	    (argc == 3 || (argc == 4 && argv[2][0] != '-'));
}

int
main(int argc, char **argv)
{
	size_t i;

	if (argc < 2)
		return dk_cli_usage(NULL);
	if (strcmp(argv[1], "--help") == 0)
		return help(NULL);
	if (strcmp(argv[1], "--version") == 0) {
		printf("dkimkit %s\n", DKIMKIT_VERSION);
		return dk_cli_flush();
	}
	for (i = 0; i < NCOMMANDS; i++) {
		if (strcmp(argv[1], commands[i].name) != 0)
			continue;
		if (wants_help(argc, argv))
			return help(argv[1]);
		return commands[i].run(argc - 1, argv + 1);
	}
	dk_cli_warnx("%s: unknown command", argv[1]);
	return dk_cli_usage(NULL);
}
