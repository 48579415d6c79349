-- Connections that end without DATA, politely and abruptly, leave the
-- milter as it was: the next connection gets its message signed.
dofile(os.getenv("MT_LIB"))

local conn = open("client.example", "192.0.2.7")
ok(mt.mailfrom(conn, "a@example.test"), "mail")
expect(conn, SMFIR_CONTINUE, "mail")
ok(mt.rcptto(conn, "b@example.net"), "rcpt")
ok(mt.disconnect(conn), "quit")

conn = open("localhost", "127.0.0.1")
ok(mt.mailfrom(conn, "a@example.test"), "mail")
ok(mt.disconnect(conn, false), "abrupt close")

conn = open("localhost", "127.0.0.1")
ok(mt.disconnect(conn), "quit after connect")

conn = open("localhost", "127.0.0.1")
message(conn, HEADERS, { "hello\r\n" })
signatures(conn)
ok(mt.disconnect(conn), "quit")
