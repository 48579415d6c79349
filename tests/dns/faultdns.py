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

"""A DNS server that misbehaves on purpose, for tests/dns/run.sh.

One process serves UDP and TCP on one loopback port. The fault is chosen
by the query name: the label just before "fault.test" is the mode, so
"q7.servfail.fault.test" gets SERVFAIL. Modes:

  ok           a good TXT answer (TTL 300)
  ad           the same with AD=1, as a validating resolver sets it
  servfail     RCODE SERVFAIL              refused    RCODE REFUSED
  silent       no answer at all            garbage    1 to 120 random bytes
  short        7 bytes, less than a header
  wrongid      the good answer with another ID
  wrongq       the right ID, the answer for another name
  wrongid-ok   a wrong-ID answer, then the good one
  badtxt       a TXT string longer than its record
  tc           UDP: TC=1 and no answer; TCP: the good answer
  slow-MS      the good answer after MS milliseconds (UDP and TCP)
  delay-MS     the same, counted as outstanding until it is sent
  nx           NXDOMAIN with an SOA whose MINIMUM is 60 (TTL 600)
  nodata       NOERROR, no answer, the same SOA

--no-tcp serves UDP only (the tc-notcp case: TCP is refused). The
statistics file gets "queries N" and "outstanding_max N" after every
query. Standard library only; binds loopback addresses only; exits by
itself after --lifetime seconds in case nobody stops it.
"""

import argparse
import heapq
import os
import random
import selectors
import socket
import struct
import sys
import threading
import time

ZONE = (b"fault", b"test")
KEY = b"v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="
T_TXT, T_SOA = 16, 6


def parse_query(msg):
    """(id, flags, qname labels, question bytes) or None."""
    if len(msg) < 12:
        return None
    qid, flags, qd = struct.unpack("!HHH", msg[:6])
    if qd != 1:
        return None
    i, labels = 12, []
    while i < len(msg) and msg[i] != 0:
        n = msg[i]
        if n > 63 or i + 1 + n > len(msg):
            return None
        labels.append(msg[i + 1:i + 1 + n].lower())
        i += 1 + n
    if i + 5 > len(msg):
        return None
    return qid, flags, labels, msg[12:i + 5]


def mode_of(labels):
    if len(labels) >= 3 and tuple(labels[-2:]) == ZONE:
        return labels[-3].decode("ascii", "replace")
    return "ok"


def header(qid, rcode=0, an=0, ns=0, tc=False, ad=False):
    flags = 0x8400 | 0x0100 | rcode     # QR AA RD
    if tc:
        flags |= 0x0200
    if ad:
        flags |= 0x0020
    return struct.pack("!HHHHHH", qid, flags, 1, an, ns, 0)


def txt_rr(strings, ttl=300, lie=0):
    rdata = b"".join(bytes([len(s) + lie]) + s for s in strings)
    return struct.pack("!HHHIH", 0xC00C, T_TXT, 1, ttl, len(rdata)) + rdata


def soa_rr():
    # owner: fault.test, written out; MINIMUM 60, TTL 600
    owner = b"\x05fault\x04test\x00"
    rdata = (b"\x02ns" + owner + b"\x04host" + owner +
             struct.pack("!IIIII", 1, 3600, 600, 86400, 60))
    return owner + struct.pack("!HHIH", T_SOA, 1, 600, len(rdata)) + rdata


def good(qid, question, ad=False):
    strings = [KEY[i:i + 40] for i in range(0, len(KEY), 40)]
    return header(qid, an=1, ad=ad) + question + txt_rr(strings)


def answers(mode, qid, question, tcp):
    """The list of (delay seconds, message) to send for a query."""
    if mode == "silent":
        return []
    if mode == "servfail":
        return [(0, header(qid, rcode=2) + question)]
    if mode == "refused":
        return [(0, header(qid, rcode=5) + question)]
    if mode == "garbage":
        return [(0, os.urandom(random.randint(1, 120)))]
    if mode == "short":
        return [(0, struct.pack("!H", qid) + b"\x81\x80\x00\x01\x00")]
    if mode == "wrongid":
        return [(0, good(qid ^ 0x5555, question))]
    if mode == "wrongid-ok":
        return [(0, good(qid ^ 0x5555, question)), (0.05, good(qid, question))]
    if mode == "wrongq":
        other = bytearray(question)
        other[1] ^= 0x01                # first letter of the first label
        return [(0, good(qid, bytes(other)))]
    if mode == "badtxt":
        return [(0, header(qid, an=1) + question + txt_rr([KEY], lie=40))]
    if mode == "tc" and not tcp:
        return [(0, header(qid, tc=True) + question)]
    if mode == "ad":
        return [(0, good(qid, question, ad=True))]
    if mode == "nx":
        return [(0, header(qid, rcode=3, ns=1) + question + soa_rr())]
    if mode == "nodata":
        return [(0, header(qid, ns=1) + question + soa_rr())]
    if mode.startswith(("slow-", "delay-")):
        return [(int(mode.split("-")[1]) / 1000, good(qid, question))]
    return [(0, good(qid, question))]


class Server:
    def __init__(self, args):
        self.args = args
        self.lock = threading.Lock()
        self.queries = 0
        self.outstanding = 0
        self.outstanding_max = 0
        self.timers = []                # (when, seq, addr, msg, counted)
        self.seq = 0

    def stats(self):
        tmp = self.args.stats + ".tmp"
        with open(tmp, "w") as f:
            f.write("queries %d\noutstanding_max %d\n" %
                    (self.queries, self.outstanding_max))
        os.replace(tmp, self.args.stats)

    def query(self, msg, tcp):
        """Count a query; its mode and answers. The caller writes the
        statistics before it answers, so a client that has its answer
        finds its query counted."""
        q = parse_query(msg)
        if q is None:
            return None, []
        qid, _, labels, question = q
        mode = mode_of(labels)
        with self.lock:
            self.queries += 1
            if mode.startswith("delay-"):
                self.outstanding += 1
                self.outstanding_max = max(self.outstanding_max,
                                           self.outstanding)
        return mode, answers(mode, qid, question, tcp)

    def sent(self, mode):
        if mode.startswith("delay-"):
            with self.lock:
                self.outstanding -= 1

    def udp(self, sock):
        """Every datagram waiting, then the statistics once: writing a
        file per query would make this server the bottleneck."""
        while True:
            try:
                msg, addr = sock.recvfrom(65535)
            except BlockingIOError:
                break
            mode, out = self.query(msg, False)
            now = time.monotonic()
            for delay, reply in out:
                self.seq += 1
                heapq.heappush(self.timers, (now + delay, self.seq, addr,
                                             reply, mode))
        if self.args.stats:
            with self.lock:
                self.stats()

    def flush(self, sock):
        now = time.monotonic()
        while self.timers and self.timers[0][0] <= now:
            _, _, addr, reply, mode = heapq.heappop(self.timers)
            sock.sendto(reply, addr)
            self.sent(mode)

    def tcp_conn(self, conn):
        """One connection, in its own thread: queries until EOF."""
        with conn:
            conn.settimeout(10)
            try:
                while True:
                    head = recv_all(conn, 2)
                    if head is None:
                        return
                    msg = recv_all(conn, struct.unpack("!H", head)[0])
                    if msg is None:
                        return
                    mode, out = self.query(msg, True)
                    if mode is None:
                        return
                    if self.args.stats:
                        with self.lock:
                            self.stats()
                    for delay, reply in out:
                        time.sleep(delay)
                        # two writes: the length apart from the message,
                        # so the client must put a split read together
                        conn.sendall(struct.pack("!H", len(reply)))
                        time.sleep(0.01)
                        conn.sendall(reply)
                        self.sent(mode)
            except OSError:
                return

    def bind_pair(self, fam):
        """A UDP socket and, unless --no-tcp, a TCP one on the same port.
        A free UDP port may be taken for TCP by another program: with
        port 0, try another one."""
        for _ in range(50):
            u = socket.socket(fam, socket.SOCK_DGRAM)
            u.bind((self.args.addr, self.args.port))
            if self.args.no_tcp:
                return u, None
            t = socket.socket(fam, socket.SOCK_STREAM)
            t.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                t.bind((self.args.addr, u.getsockname()[1]))
                return u, t
            except OSError:
                u.close()
                t.close()
                if self.args.port != 0:
                    raise
        sys.exit("faultdns: no port free for both UDP and TCP")

    def run(self):
        fam = socket.AF_INET6 if ":" in self.args.addr else socket.AF_INET
        if not ipaddress_is_loopback(self.args.addr):
            sys.exit("faultdns: %s is not a loopback address" %
                     self.args.addr)
        u, t = self.bind_pair(fam)
        u.setblocking(False)
        port = u.getsockname()[1]
        sel = selectors.DefaultSelector()
        sel.register(u, selectors.EVENT_READ, "udp")
        if t is not None:
            t.listen(64)
            sel.register(t, selectors.EVENT_READ, "tcp")
        if self.args.stats:
            self.stats()
        write_file(self.args.pidfile, "%d\n" % os.getpid())
        write_file(self.args.portfile, "%d\n" % port)
        end = time.monotonic() + self.args.lifetime
        while time.monotonic() < end:
            wait = 0.5
            if self.timers:
                wait = max(0, min(wait, self.timers[0][0] - time.monotonic()))
            for key, _ in sel.select(wait):
                if key.data == "udp":
                    self.udp(u)
                else:
                    conn, _ = t.accept()
                    threading.Thread(target=self.tcp_conn, args=(conn,),
                                     daemon=True).start()
            self.flush(u)


def recv_all(conn, n):
    buf = b""
    while len(buf) < n:
        chunk = conn.recv(n - len(buf))
        if not chunk:
            return None
        buf += chunk
    return buf


def ipaddress_is_loopback(addr):
    import ipaddress
    return ipaddress.ip_address(addr).is_loopback


def write_file(path, text):
    if path:
        tmp = path + ".tmp"
        with open(tmp, "w") as f:
            f.write(text)
        os.replace(tmp, path)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--addr", default="127.0.0.1")
    p.add_argument("--port", type=int, default=0)
    p.add_argument("--portfile")
    p.add_argument("--pidfile")
    p.add_argument("--stats")
    p.add_argument("--no-tcp", action="store_true")
    p.add_argument("--lifetime", type=float, default=300)
    Server(p.parse_args()).run()


if __name__ == "__main__":
    main()
