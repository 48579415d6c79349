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

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testlib.h"

static const char *current;

int
test_fail(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	printf("  %s:%d: ", file, line);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	return 1;
}

static void
print_escaped(const char *label, const unsigned char *p, size_t len)
{
	size_t i;

	printf("    %s (%zu): \"", label, len);
	for (i = 0; i < len && i < 2048; i++) {
		if (p[i] == '\\' || p[i] == '"')
			printf("\\%c", p[i]);
		else if (p[i] >= 0x20 && p[i] < 0x7f)
			putchar(p[i]);
		else if (p[i] == '\r')
			printf("\\r");
		else if (p[i] == '\n')
			printf("\\n");
		else if (p[i] == '\t')
			printf("\\t");
		else
			printf("\\x%02x", p[i]);
	}
	printf("%s\"\n", i < len ? "..." : "");
}

int
test_memeq(const char *file, int line, const char *what, const void *want,
    size_t wantlen, const void *got, size_t gotlen)
{
	if (wantlen == gotlen && memcmp(want, got, wantlen) == 0)
		return 0;
	test_fail(file, line, "%s differs", what);
	print_escaped("expected", want, wantlen);
	print_escaped("got     ", got, gotlen);
	return 1;
}

char *
test_readfile(const char *path, size_t *lenp)
{
	FILE *fp;
	char *buf = NULL;
	size_t len = 0, cap = 0, n;

	if ((fp = fopen(path, "rb")) == NULL)
		return NULL;
	for (;;) {
		if (cap - len < 4096) {
			char *nb;

			cap = cap ? cap * 2 : 8192;
			if ((nb = realloc(buf, cap + 1)) == NULL) {
				free(buf);
				fclose(fp);
				return NULL;
			}
			buf = nb;
		}
		if ((n = fread(buf + len, 1, cap - len, fp)) == 0)
			break;
		len += n;
	}
	fclose(fp);
	buf[len] = '\0';
	*lenp = len;
	return buf;
}

static int
wanted(int argc, char **argv, const char *name)
{
	int i;

	if (argc < 2)
		return 1;
	for (i = 1; i < argc; i++)
		if (strcmp(argv[i], name) == 0)
			return 1;
	return 0;
}

int
test_main(int argc, char **argv, const struct test_case *cases,
    size_t ncases)
{
	size_t i, failed = 0;

	for (i = 0; i < ncases; i++) {
		if (!wanted(argc, argv, cases[i].name))
			continue;
		current = cases[i].name;
		if (cases[i].fn() == 0)
			printf("PASS %s\n", current);
		else {
			printf("FAIL %s\n", current);
			failed++;
		}
		fflush(stdout);
	}
	return failed ? 1 : 0;
}
