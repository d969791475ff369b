# tests/checks.sh: counted checks for the shell-driven tests (sourced).
# check NAME COMMAND... runs one check; checks_summary prints the closing
# "N passed, N failed" line that scripts/test.sh adds up, and fails on any
# failure.
passed=0
failed=0

check() {
	local name=$1
	shift
	if "$@"; then
		echo "ok - $name"
		passed=$((passed + 1))
	else
		echo "not ok - $name"
		failed=$((failed + 1))
	fi
}

checks_summary() {
	echo "$passed passed, $failed failed"
	[ "$failed" = 0 ]
}
