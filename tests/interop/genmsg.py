#!/usr/bin/env python3
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
# genmsg.py DIR [COUNT [SEED]]: write COUNT (default 120) deterministic test
# messages DIR/mNNN.eml with CRLF line endings, and DIR/index.tsv with one
# line "NAME<TAB>FLAGS" per message.  FLAGS is "-" or a comma list of:
#   nocrlf    the body does not end in CRLF (RFC 6376 §3.4.3 and §3.4.4 add
#             one; Mail::DKIM 1.20230212 drops the line instead, so such
#             messages go only to dkimpy and dkimkit)
#   wspcolon  a header field has WSP before its colon (RFC 5322 §4.5.3
#             obs-optional; dkimpy 1.1.4's parser rejects the message)
# Every message has exactly one From field.  Header quirks and body kinds
# cycle with different periods so that most pairs of them meet.

import os
import random
import sys

DEFAULT_COUNT = 120
DEFAULT_SEED = 6376
# A line longer than RFC 5322's 998 octets, which signers must still hash.
LONG_LINE_MIN = 900
LONG_LINE_MAX = 3000
# Every NOCRLF_PERIOD-th message loses its final CRLF.
NOCRLF_PERIOD = 13

CRLF = b"\r\n"

NAMES = ["Alice Example", "Bob Q. Public", "Carol", "Dave O'Brien",
    "Eve \"the\" Listener", "Mallory", "Trent Trusted", "Peggy Prover"]
DOMAINS = ["example.com", "example.org", "mail.example.net", "ex.test"]
WORDS = ("the quick brown fox jumps over lazy dog lorem ipsum dolor sit "
    "amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut "
    "labore et dolore magna aliqua DKIM canonicalization relaxed simple "
    "header body hash signature").split()
UTF8_TEXT = ["Grüße aus Köln, schöne Straße",
    "Ελληνικά κείμενα εδώ", "日本語のテキストです", "emoji ✉️ 📧 ok",
    "naïve café résumé", "Привет, мир"]
LATIN1_TEXT = ["Grüße aus Köln", "façade déjà vu", "smørrebrød æøå",
    "¿Qué tal? ¡Olé!"]


def words(rng, lo, hi):
	return " ".join(rng.choice(WORDS) for _ in range(rng.randint(lo, hi)))


def addr(rng, utf8=False):
	name = rng.choice(NAMES)
	local = name.split()[0].lower().strip("\"'")
	dom = rng.choice(DOMAINS)
	if utf8 and rng.random() < 0.5:
		name = rng.choice(UTF8_TEXT)[:12]
	if any(c in name for c in "\".',"):
		name = '"' + name.replace('"', '\\"') + '"'
	return "%s <%s@%s>" % (name, local, dom)


def addrlist(rng, n):
	return ", ".join(addr(rng) for _ in range(n))


def enc(s, rng):
	"""Encode header or body text as UTF-8 or Latin-1 bytes."""
	if isinstance(s, bytes):
		return s
	try:
		if rng.random() < 0.3:
			return s.encode("latin-1")
	except UnicodeEncodeError:
		pass
	return s.encode("utf-8")


# ---- header quirks ------------------------------------------------------
# Each returns a list of (name, value) byte pairs; value is everything
# after the colon, without the final CRLF, so folding is inside value.

def base_headers(rng, i):
	return [
	    (b"Received", b" from relay%d.example.net by mx.example.com;"
		b"\r\n\tMon, 1 Jan 2024 00:00:%02d +0000" % (i, i % 60)),
	    (b"From", b" " + addr(rng).encode()),
	    (b"To", b" " + addrlist(rng, rng.randint(1, 2)).encode()),
	    (b"Subject", b" " + words(rng, 2, 8).encode()),
	    (b"Date", b" Mon, 1 Jan 2024 12:%02d:00 +0000" % (i % 60)),
	    (b"Message-ID", b" <msg%d.%d@example.com>" % (i, rng.randint(1,
		99999))),
	]


def q_plain(rng, h, flags):
	return h


def q_oddcase(rng, h, flags):
	odd = {b"From": b"fRoM", b"Subject": b"sUBJECT", b"To": b"TO",
	    b"Date": b"date", b"Message-ID": b"MESSAGE-id"}
	return [(odd.get(n, n), v) for n, v in h]


def q_wspcolon(rng, h, flags):
	flags.add("wspcolon")
	out = []
	for n, v in h:
		if n in (b"Subject", b"To"):
			n += rng.choice([b" ", b"\t", b"  "])
		out.append((n, v))
	out.append((b"X-Spaced \t", b" value after WSP before colon"))
	return out


def q_folded(rng, h, flags):
	out = []
	for n, v in h:
		if n == b"To":
			v = b" " + b",\r\n\t".join(addr(rng).encode()
			    for _ in range(rng.randint(3, 6)))
		elif n == b"Subject":
			v = b" " + words(rng, 3, 6).encode() + b"\r\n\t" + \
			    words(rng, 3, 6).encode() + b"\r\n    " + \
			    words(rng, 1, 3).encode()
		elif n == b"From":
			v = b"\r\n " + addr(rng).encode()
		out.append((n, v))
	return out


def q_trailing(rng, h, flags):
	return [(n, v + rng.choice([b" ", b"\t", b"  \t ", b" \t"]))
	    for n, v in h]


def q_multirecip(rng, h, flags):
	h = list(h)
	h.append((b"To", b" " + addrlist(rng, rng.randint(2, 4)).encode()))
	h.append((b"Cc", b" " + addrlist(rng, rng.randint(1, 5)).encode()))
	h.append((b"cc", b" " + addr(rng).encode()))
	return h


def q_nosubject(rng, h, flags):
	return [(n, v) for n, v in h if n != b"Subject"]


def q_twosubjects(rng, h, flags):
	h = list(h)
	h.insert(1, (b"Subject", b" an earlier " + words(rng, 1, 3).encode()))
	return h


def q_8bit(rng, h, flags):
	out = []
	for n, v in h:
		if n == b"Subject":
			v = b" " + enc(rng.choice(UTF8_TEXT + LATIN1_TEXT), rng)
		elif n == b"From":
			v = b" " + addr(rng, utf8=True).encode()
		out.append((n, v))
	out.append((b"X-Encoded", b" =?UTF-8?B?R3LDvMOfZQ==?= =?ISO-8859-1?Q?"
	    b"caf=E9?="))
	return out


def q_tabs_empty(rng, h, flags):
	out = [(n, b"\t" + v.lstrip(b" ")) for n, v in h]
	out.append((b"X-Empty", b""))
	out.append((b"X-Blank", b" "))
	out.append((b"X-Tabs", b"\ta\t\tb \t c\t"))
	return out


def q_received(rng, h, flags):
	h = list(h)
	for k in range(rng.randint(2, 5)):
		h.insert(0, (b"Received", b" from hop%d.example.org by hop%d;"
		    b"\r\n  Mon, 1 Jan 2024 00:00:00 +0000" % (k, k + 1)))
	h.append((b"X-Mailer", b" genmsg.py"))
	h.append((b"X-Mailer", b" second instance"))
	h.append((b"Reply-To", b" " + addr(rng).encode()))
	return h


QUIRKS = [q_plain, q_oddcase, q_wspcolon, q_folded, q_trailing,
    q_multirecip, q_nosubject, q_twosubjects, q_8bit, q_tabs_empty,
    q_received]


# ---- body kinds ---------------------------------------------------------
# Each returns the body as a list of lines without line endings.

def b_plain(rng):
	return [words(rng, 3, 12).encode() for _ in range(rng.randint(1, 8))]


def b_empty(rng):
	return []


def b_oneblank(rng):
	return [b""]


def b_blanks(rng):
	return [b""] * rng.randint(2, 30)


def b_trailing_empty(rng):
	return b_plain(rng) + [b""] * rng.randint(3, 40)


def b_trailing_wsp(rng):
	out = []
	for _ in range(rng.randint(3, 10)):
		out.append(words(rng, 1, 6).encode() +
		    rng.choice([b" ", b"\t", b"  ", b" \t ", b""]))
		if rng.random() < 0.4:
			out.append(rng.choice([b" ", b"\t", b"   ", b" \t"]))
	return out


def b_dots(rng):
	out = [b".", b"..", b"...", b". ", b" .", b"text", b".hidden", b"."]
	rng.shuffle(out)
	return out + [b"."]


def b_long(rng):
	out = b_plain(rng)
	for _ in range(rng.randint(1, 3)):
		n = rng.randint(LONG_LINE_MIN, LONG_LINE_MAX)
		line = b" ".join(rng.choice(WORDS).encode() for _ in range(n))
		out.append(line[:n])
	return out


def b_utf8(rng):
	return [rng.choice(UTF8_TEXT).encode("utf-8")
	    for _ in range(rng.randint(2, 6))]


def b_latin1(rng):
	return [rng.choice(LATIN1_TEXT).encode("latin-1")
	    for _ in range(rng.randint(2, 6))]


def b_mime(rng):
	bnd = b"=_boundary"
	return [b"This is a multi-part message in MIME format.", b"",
	    b"--" + bnd,
	    b"Content-Type: text/plain; charset=utf-8",
	    b"Content-Transfer-Encoding: 8bit", b"",
	    rng.choice(UTF8_TEXT).encode("utf-8"), b"  indented  ", b"",
	    b"--" + bnd,
	    b"Content-Type: text/html; charset=iso-8859-1",
	    b"Content-Transfer-Encoding: quoted-printable", b"",
	    b"<p>Gr=FC=DFe=20</p>", b"<p>soft break=", b"here</p>", b"",
	    b"--" + bnd,
	    b"Content-Type: application/octet-stream",
	    b"Content-Transfer-Encoding: base64", b"",
	    b"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", b"",
	    b"--" + bnd + b"--", b""]


def b_tabs(rng):
	return [b"\t" + words(rng, 1, 3).encode() + b" \t  " +
	    words(rng, 1, 3).encode() + b"\t\t" + words(rng, 1, 2).encode()
	    for _ in range(rng.randint(2, 6))]


def b_wsp_end(rng):
	return b_plain(rng) + [b" ", b"\t", b"", b"  \t", b""]


def b_highbytes(rng):
	# Raw 8-bit octets that are neither CR nor LF: hashed as bytes.
	return [bytes(rng.choice(range(0x80, 0x100)) for _ in range(40))
	    for _ in range(3)]


def b_mixed(rng):
	kinds = [b_plain, b_trailing_wsp, b_dots, b_utf8, b_latin1, b_tabs]
	out = []
	for _ in range(rng.randint(2, 4)):
		out += rng.choice(kinds)(rng)
	return out + [b""] * rng.randint(0, 3)


BODIES = [b_plain, b_empty, b_oneblank, b_blanks, b_trailing_empty,
    b_trailing_wsp, b_dots, b_long, b_utf8, b_latin1, b_mime, b_tabs,
    b_wsp_end, b_highbytes, b_mixed]


def mime_headers(h):
	return h + [(b"MIME-Version", b" 1.0"), (b"Content-Type",
	    b" multipart/alternative;\r\n\tboundary=\"=_boundary\"")]


def build(i, rng):
	flags = set()
	quirk = QUIRKS[i % len(QUIRKS)]
	body_kind = BODIES[i % len(BODIES)]
	hdrs = quirk(rng, base_headers(rng, i), flags)
	if body_kind is b_mime:
		hdrs = mime_headers(hdrs)
	lines = body_kind(rng)
	out = b"".join(n + b":" + v + CRLF for n, v in hdrs) + CRLF
	out += b"".join(line + CRLF for line in lines)
	if i % NOCRLF_PERIOD == NOCRLF_PERIOD - 1:
		flags.add("nocrlf")
		out += b"last line " + words(rng, 1, 4).encode() + \
		    rng.choice([b"", b" ", b"\t"])
	return out, flags


def main(argv):
	if len(argv) < 2 or len(argv) > 4:
		sys.stderr.write("usage: genmsg.py DIR [COUNT [SEED]]\n")
		return 64
	outdir = argv[1]
	count = int(argv[2]) if len(argv) > 2 else DEFAULT_COUNT
	seed = int(argv[3]) if len(argv) > 3 else DEFAULT_SEED
	os.makedirs(outdir, exist_ok=True)
	with open(os.path.join(outdir, "index.tsv"), "w") as idx:
		for i in range(count):
			rng = random.Random(seed * 100003 + i)
			msg, flags = build(i, rng)
			name = "m%03d" % i
			with open(os.path.join(outdir, name + ".eml"),
			    "wb") as f:
				f.write(msg)
			idx.write("%s\t%s\n" % (name,
			    ",".join(sorted(flags)) or "-"))
	return 0


if __name__ == "__main__":
	sys.exit(main(sys.argv))
