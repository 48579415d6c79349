-- Body chunks of one byte, of 64 KiB and of one arbitrary size give
-- the same signatures as the whole body in one chunk: the body
-- canonicalizer keeps its state across chunk boundaries (a CR at the
-- end of one chunk, whitespace runs, empty lines at the end).
dofile(os.getenv("MT_LIB"))

local function run(chunks)
	local conn = open("localhost", "127.0.0.1")
	message(conn, HEADERS, chunks)
	local s = signatures(conn)
	ok(mt.disconnect(conn), "quit")
	return s
end

local small = "one  \t line\r\n\r\ntrailing ws \t\r\n" ..
    string.rep("x", 300) .. "\r\n\r\n\r\n"
check(run(split(small, 1)) == run({ small }), "one-byte chunks differ")

local line = string.rep("0123456789abcdef", 8) .. " \r\n"
local big = string.rep(line, 3000)	-- about 390 KiB
local whole = run(split(big, 65535))
check(run(split(big, 65535)) == whole, "64 KiB chunks are not stable")
check(run(split(big, 4097)) == whole, "64 KiB and 4097-byte chunks differ")
