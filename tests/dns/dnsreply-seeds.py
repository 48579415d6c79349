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

"""Seeds for fuzz/fuzz_dnsreply: usage: dnsreply-seeds.py OUTDIR

Each seed is a flags byte (0: used as is) and a reply to the query that
the target builds (ID 0x4b1d, TXT sel._domainkey.example.test): a key in
two strings, two records with AD=1, a CNAME with its target, NXDOMAIN and
NODATA with an SOA, TC=1, and SERVFAIL. Names are compressed as servers
compress them.
"""

import os
import struct
import sys

QUESTION = (b"\x03sel\x0a_domainkey\x07example\x04test\x00" +
            struct.pack("!HH", 16, 1))
QNAME = b"\xc0\x0c"             # RFC 1035 §4.1.4: pointer to the question
ZONE = b"\xc0\x1b"              # "example.test" inside the question


def header(flags, an, ns):
    return struct.pack("!HHHHHH", 0x4b1d, flags, 1, an, ns, 0)


def txt(owner, strings, ttl=300):
    rdata = b"".join(bytes([len(s)]) + s for s in strings)
    return owner + struct.pack("!HHIH", 16, 1, ttl, len(rdata)) + rdata


def cname(owner, target):
    return owner + struct.pack("!HHIH", 5, 1, 60, len(target)) + target


def soa():
    rdata = (b"\x02ns" + ZONE + b"\x04host" + ZONE +
             struct.pack("!IIIII", 1, 3600, 600, 86400, 60))
    return ZONE + struct.pack("!HHIH", 6, 1, 600, len(rdata)) + rdata


SEEDS = {
    "txt": header(0x8180, 1, 0) + QUESTION +
    txt(QNAME, [b"v=DKIM1; k=rsa; ", b"p=ABCD"]),
    "two-ad": header(0x81a0, 2, 0) + QUESTION + txt(QNAME, [b"no key"]) +
    txt(QNAME, [b"v=DKIM1; k=ed25519; p=AB"]),
    "cname": header(0x8180, 2, 0) + QUESTION +
    cname(QNAME, b"\x03key" + ZONE) +
    txt(b"\x03key" + ZONE, [b"v=DKIM1; p=AB"]),
    "nxdomain": header(0x8183, 0, 1) + QUESTION + soa(),
    "nodata": header(0x8180, 0, 1) + QUESTION + soa(),
    "tc": header(0x8380, 0, 0) + QUESTION,
    "servfail": header(0x8182, 0, 0) + QUESTION,
}


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__.splitlines()[0])
    os.makedirs(sys.argv[1], exist_ok=True)
    for name, reply in SEEDS.items():
        with open(os.path.join(sys.argv[1], name), "wb") as f:
            f.write(b"\x00" + reply)


if __name__ == "__main__":
    main()
