-- miltertest exits 1 on an error in a script without saying which:
-- run the script named by MT_SCRIPT and print its error.
local ok, err = pcall(dofile, os.getenv("MT_SCRIPT"))
if not ok then
	print("error: " .. tostring(err))
	os.exit(1)
end
