#!/bin/sh
# The whole test suite, as `make check` runs it:
#   1. the normal build: unit tests, CLI golden tests, fuzz-corpus replay;
#   2. the same under AddressSanitizer + UBSan (ARENA_DEBUG=1);
#   3. with clang: each fuzz target fuzzes for FUZZ_SECONDS (default 3).
# Ends with one line that CI reads: "N passed, N failed".
set -u
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}
FUZZ_SECONDS=${FUZZ_SECONDS:-3}
passed=0
failed=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

count_unit() {	# add the runner's "N passed, N failed" to the totals
	line=$(tail -n 1 "$log")
	p=$(echo "$line" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
	f=$(echo "$line" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
	if [ -z "$p" ]; then
		echo "check: $1: no summary line (crashed?)"
		failed=$((failed + 1))
	else
		passed=$((passed + p))
		failed=$((failed + f))
	fi
}

one() {	# one named check: ok or FAILED
	name=$1
	shift
	if "$@" >"$log" 2>&1; then
		echo "$name ... ok"
		passed=$((passed + 1))
	else
		echo "$name ... FAILED"
		sed 's/^/    /' "$log" | tail -n 30
		failed=$((failed + 1))
	fi
}

for variant in debug asan; do
	echo "== $variant build"
	if ! make --no-print-directory -j"$JOBS" VARIANT=$variant \
		build/$variant/atalaya build/$variant/run-tests fuzz-replay-bins >"$log" 2>&1; then
		cat "$log"
		echo "check: $variant build failed"
		failed=$((failed + 1))
		continue
	fi
	if [ $variant = asan ]; then
		# the 100-kill crash test runs in the normal build; under ASan a
		# few kills show the same paths are clean
		export STORE_KILLS=${STORE_KILLS_ASAN:-5}
		export ARENA_DEBUG=1
		export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
		export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
	fi
	echo "== $variant: unit tests"
	build/$variant/run-tests >"$log" 2>&1
	grep -v ' ok$' "$log" | grep -v 'passed, .* failed$' || true
	count_unit "$variant unit tests"
	tail -n 1 "$log"
	echo "== $variant: CLI tests"
	for t in tests/cli/*.sh; do
		[ -f "$t" ] || continue
		one "$variant cli $(basename "$t" .sh)" env ATL=build/$variant/atalaya sh "$t"
	done
	echo "== $variant: fuzz corpus replay"
	for bin in build/$variant/fuzz/fuzz_*; do
		[ -x "$bin" ] || continue
		name=$(basename "$bin")
		corpus=fuzz/corpus/${name#fuzz_}
		[ -d "$corpus" ] || continue
		one "$variant replay $name" "$bin" "$corpus"
	done
	unset ARENA_DEBUG ASAN_OPTIONS UBSAN_OPTIONS STORE_KILLS
done

if command -v clang >/dev/null 2>&1; then
	echo "== libFuzzer: ${FUZZ_SECONDS}s per target"
	if make --no-print-directory -j"$JOBS" fuzz-bins >"$log" 2>&1; then
		for bin in build/fuzz/fuzz_*; do
			[ -x "$bin" ] || continue
			name=$(basename "$bin")
			work=$(mktemp -d)
			cp fuzz/corpus/${name#fuzz_}/* "$work/" 2>/dev/null || true
			one "fuzz $name" "$bin" -max_total_time="$FUZZ_SECONDS" \
				-max_len=65536 -rss_limit_mb=2048 "$work"
			rm -rf "$work"
		done
	else
		cat "$log"
		echo "fuzz build ... FAILED"
		failed=$((failed + 1))
	fi
else
	echo "== libFuzzer: skipped (clang not installed); corpus replay ran above"
fi

echo "== browser: the report in headless Chromium"
if out=$(sh scripts/browser-test.sh build/debug/atalaya); then
	echo "$out"
	case "$out" in
	*SKIPPED*) ;;	# said clearly, counted as neither
	*) passed=$((passed + 1)) ;;
	esac
else
	echo "$out"
	failed=$((failed + 1))
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
