-- Helpers shared by the miltertest scripts (tests/milter/run.sh).
-- MT_SOCKET is the milter's socket, as miltertest spells it.

function check(cond, what)
	if not cond then
		error(what, 2)
	end
end

function ok(err, what)
	if err ~= nil then
		error(what .. ": " .. tostring(err), 2)
	end
end

function expect(conn, want, what)
	local r = mt.getreply(conn)
	if r ~= want then
		error(string.format("%s: reply %q, want %q", what,
		    string.char(r), string.char(want)), 2)
	end
end

function open(host, ip)
	local conn = mt.connect(os.getenv("MT_SOCKET"), 40, 0.1)
	check(conn ~= nil, "cannot connect to the milter")
	ok(mt.conninfo(conn, host, ip), "conninfo")
	expect(conn, SMFIR_CONTINUE, "connect")
	return conn
end

HEADERS = {
	{ "From", "Alice <alice@example.test>" },
	{ "To", "Bob <bob@example.net>" },
	{ "Subject", "a test" },
	{ "Date", "Tue, 14 Nov 2023 22:13:20 +0000" },
}

-- One transaction: MAIL, the header fields, EOH, the body chunks, EOM.
-- Returns with the EOM reply read.
function message(conn, headers, chunks)
	ok(mt.mailfrom(conn, "alice@example.test"), "mail")
	expect(conn, SMFIR_CONTINUE, "mail")
	ok(mt.rcptto(conn, "bob@example.net"), "rcpt")
	for _, h in ipairs(headers) do
		ok(mt.header(conn, h[1], h[2]), "header " .. h[1])
		expect(conn, SMFIR_CONTINUE, "header " .. h[1])
	end
	ok(mt.eoh(conn), "eoh")
	expect(conn, SMFIR_CONTINUE, "eoh")
	for _, c in ipairs(chunks) do
		ok(mt.bodystring(conn, c), "body")
		expect(conn, SMFIR_CONTINUE, "body")
	end
	ok(mt.eom(conn), "eom")
end

-- The signatures inserted at EOM, as one string.
function signatures(conn)
	expect(conn, SMFIR_CONTINUE, "eom")
	check(mt.eom_check(conn, MT_HDRINSERT, "DKIM-Signature"),
	    "no DKIM-Signature inserted")
	local rsa = mt.getheader(conn, "DKIM-Signature", 0)
	local ed = mt.getheader(conn, "DKIM-Signature", 1)
	check(rsa ~= nil and ed ~= nil, "not two signatures")
	check(string.find(rsa, "a=rsa-sha256", 1, true) ~= nil,
	    "first signature is not RSA")
	check(string.find(ed, "a=ed25519-sha256", 1, true) ~= nil,
	    "second signature is not Ed25519")
	return rsa .. "\n" .. ed
end

-- The Authentication-Results field inserted at EOM.
function authres(conn)
	expect(conn, SMFIR_CONTINUE, "eom")
	check(mt.eom_check(conn, MT_HDRINSERT, "Authentication-Results"),
	    "no Authentication-Results inserted")
	return mt.getheader(conn, "Authentication-Results", 0)
end

function split(s, n)
	local t = {}
	for i = 1, #s, n do
		t[#t + 1] = string.sub(s, i, i + n - 1)
	end
	return t
end
