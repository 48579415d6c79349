-- No macros at all: no queue id, no {auth_authen}, no {daemon_name}.
-- The client decides: loopback (internal) is signed, elsewhere and no
-- address at all (SMFIA_UNKNOWN: Postfix's client of unknown address)
-- are verified. {auth_authen} with MAIL makes an outside client ours,
-- for that transaction only.
dofile(os.getenv("MT_LIB"))

local conn = open("localhost", "127.0.0.1")
message(conn, HEADERS, { "hi\r\n" })
signatures(conn)
ok(mt.disconnect(conn), "quit")

conn = open("client.example", "192.0.2.1")
message(conn, HEADERS, { "hi\r\n" })
local ar = authres(conn)
check(string.find(ar, "dkim=none", 1, true) ~= nil, "want dkim=none: " .. ar)
check(not mt.eom_check(conn, MT_HDRINSERT, "DKIM-Signature"),
    "an outside client's mail was signed")

-- authenticated: ours
ok(mt.macro(conn, SMFIC_MAIL, "{auth_authen}", "alice", "i", "QID42"),
    "macro")
message(conn, HEADERS, { "hi\r\n" })
signatures(conn)

-- the next MAIL without the macro: verified again
ok(mt.macro(conn, SMFIC_MAIL, "i", "QID43"), "macro")
message(conn, HEADERS, { "hi\r\n" })
authres(conn)

-- no address family: Postfix says so for a client whose address it
-- does not know, who may be anyone: verified, never signed
ok(mt.disconnect(conn), "quit")
conn = open("unknown", "unspec")
message(conn, HEADERS, { "hi\r\n" })
ar = authres(conn)
check(string.find(ar, "dkim=none", 1, true) ~= nil, "want dkim=none: " .. ar)
check(not mt.eom_check(conn, MT_HDRINSERT, "DKIM-Signature"),
    "mail from a client of unknown address was signed")

-- ... unless it authenticated
ok(mt.macro(conn, SMFIC_MAIL, "{auth_authen}", "alice", "i", "QID44"),
    "macro")
message(conn, HEADERS, { "hi\r\n" })
signatures(conn)
ok(mt.disconnect(conn), "quit")

