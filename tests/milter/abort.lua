-- SMFIC_ABORT in the middle of the header block, after it, and in the
-- middle of the body: the next message on the same connection gets
-- exactly the signatures it gets alone (fixed-time makes them equal).
dofile(os.getenv("MT_LIB"))

local body = { "first line\r\n", "second line\r\n" }
local conn = open("localhost", "127.0.0.1")
message(conn, HEADERS, body)
local alone = signatures(conn)
ok(mt.disconnect(conn), "quit")

conn = open("localhost", "127.0.0.1")
-- mid-header
ok(mt.mailfrom(conn, "alice@example.test"), "mail")
ok(mt.header(conn, "From", "Mallory <m@example.test>"), "header")
ok(mt.abort(conn), "abort mid-header")
-- after the header block
ok(mt.mailfrom(conn, "alice@example.test"), "mail")
ok(mt.header(conn, "From", "Mallory <m@example.test>"), "header")
ok(mt.eoh(conn), "eoh")
ok(mt.abort(conn), "abort after eoh")
-- mid-body
ok(mt.mailfrom(conn, "alice@example.test"), "mail")
ok(mt.header(conn, "From", "Mallory <m@example.test>"), "header")
ok(mt.eoh(conn), "eoh")
ok(mt.bodystring(conn, "a body that never ends"), "body")
expect(conn, SMFIR_CONTINUE, "body")
ok(mt.abort(conn), "abort mid-body")
message(conn, HEADERS, body)
check(signatures(conn) == alone, "signatures differ after the aborts")
ok(mt.disconnect(conn), "quit")
