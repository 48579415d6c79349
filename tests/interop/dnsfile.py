#
# Copyright (c) 2026 The dkimkit developers
#
# Permission to use, copy, modify, and distribute this software for any
# purpose with or without fee is hereby granted, provided that the above
# copyright notice and this permission notice appear in all copies.
#
# THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES
# WITH REGARD TO THIS SOFTWARE INCLUDING ALL IMPLIED WARRANTIES OF
# MERCHANTABILITY AND FITNESS. IN NO EVENT SHALL THE AUTHOR BE LIABLE FOR
# ANY SPECIAL, DIRECT, INDIRECT, OR CONSEQUENTIAL DAMAGES OR ANY DAMAGES
# WHATSOEVER RESULTING FROM LOSS OF USE, DATA OR PROFITS, WHETHER IN AN
# ACTION OF CONTRACT, NEGLIGENCE OR OTHER TORTIOUS ACTION, ARISING OUT OF
# OR IN CONNECTION WITH THE USE OR PERFORMANCE OF THIS SOFTWARE.
#
# Reader for the --dns-file format (vectors/README.md): lines
# NAME TXT "s1" ["s2" ...], strings joined with nothing between them, \" and
# \\ escapes.  Only the first TXT record of a name is kept (our generated
# file has one per name); other lines (NXDOMAIN, comments) are skipped.

import re

STRING_RE = re.compile(rb'"((?:[^"\\]|\\.)*)"')
ESCAPE_RE = re.compile(rb"\\(.)")


def norm(name):
	"""Names compare without case and with or without a trailing dot."""
	if isinstance(name, str):
		name = name.encode()
	return name.lower().rstrip(b".")


def load(path):
	records = {}
	with open(path, "rb") as f:
		for line in f:
			fields = line.split(None, 2)
			if len(fields) < 3 or line.startswith(b"#") or \
			    fields[1].upper() != b"TXT":
				continue
			txt = b"".join(ESCAPE_RE.sub(rb"\1", s)
			    for s in STRING_RE.findall(fields[2]))
			records.setdefault(norm(fields[0]), txt)
	return records
