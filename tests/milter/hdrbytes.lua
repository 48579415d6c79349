-- Header values with CR, LF and 8-bit bytes. A folded value (LF then
-- WSP) and bare CRs and 8-bit bytes are signed. A LF that would start
-- a field of its own cannot be signed as it will travel: the message
-- passes unsigned (logged). A verifier judges such a message all the
-- same. Forged A-R fields with our authserv-id are deleted; a header
-- block past header-max in verify mode is refused with 552, for good.
dofile(os.getenv("MT_LIB"))

local odd = {
	{ "From", "Alice <alice@example.test>" },
	{ "Subject", "caf\233 \255\128 na\195\175ve" },
	{ "X-CR", "a\rb\r" },
	{ "X-Folded", "first\n\tsecond\r\n third" },
	{ "X-Empty", "" },
}
local conn = open("localhost", "127.0.0.1")
message(conn, odd, { "body\r\n" })
signatures(conn)

local bad = {
	{ "From", "Alice <alice@example.test>" },
	{ "X-Split", "a\nInjected: yes" },
}
message(conn, bad, { "body\r\n" })
expect(conn, SMFIR_CONTINUE, "eom with a value holding a bare LF")
check(not mt.eom_check(conn, MT_HDRINSERT, "DKIM-Signature"),
    "a field with a bare LF was signed")

local badname = { { "From", "a@example.test" }, { "Bad Name", "x" } }
message(conn, badname, { "body\r\n" })
expect(conn, SMFIR_CONTINUE, "eom with a field name holding a space")
check(not mt.eom_check(conn, MT_HDRINSERT, "DKIM-Signature"),
    "a field name with a space was signed")
ok(mt.disconnect(conn), "quit")

conn = open("client.example", "192.0.2.1")
message(conn, bad, { "body\r\n" })
authres(conn)

local forged = {
	{ "Authentication-Results", "mt.example.test; dkim=pass" },
	{ "From", "Alice <alice@example.test>" },
	{ "Authentication-Results", "other.example; dkim=fail" },
	{ "Authentication-Results", "\r\n\t(c) MT.EXAMPLE.TEST; dkim=pass" },
}
message(conn, forged, { "body\r\n" })
authres(conn)
check(mt.eom_check(conn, MT_HDRCHANGE, "Authentication-Results") or
    mt.eom_check(conn, MT_HDRDELETE, "Authentication-Results"),
    "the forged fields were not deleted")

-- miltertest keeps a header in a buffer of its own: several fields
local huge = { { "From", "Alice <alice@example.test>" } }
for i = 1, 6 do
	huge[#huge + 1] = { "X-Big", string.rep("y", 900) }
end
message(conn, huge, { "body\r\n" })
-- (miltertest 2.11 cannot check the reply's text: run.sh reads the log)
expect(conn, SMFIR_REPLYCODE, "eom past header-max")
ok(mt.disconnect(conn), "quit")
