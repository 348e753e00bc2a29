# Failures: a missing input or an unwritable output is exit 1 with nothing
# presented as complete; usage errors are exit 2; --help works everywhere.
. tests/cli/common.inc
D=tests/data/cli
expect_exit 1 "$ATL" scan -o "$T/out" "$D/nope.jsonl"
grep -q "cannot open '$D/nope.jsonl'" "$T/stderr" || fail "message for a missing file"
[ -f "$T/out/posts.jsonl" ] && fail "posts.jsonl written for a failed run"
mkdir -p "$T/ro"
touch "$T/ro/file"
expect_exit 1 "$ATL" scan -q -o "$T/ro/file/sub" "$D/mixed.jsonl"
expect_exit 2 "$ATL" scan "$D/mixed.jsonl"
expect_exit 2 "$ATL" scan --bogus -o "$T/x" "$D/mixed.jsonl"
expect_exit 2 "$ATL" scan --threshold 2 -o "$T/x" "$D/mixed.jsonl"
expect_exit 2 "$ATL" nosuchcommand
expect_exit 2 "$ATL"
for cmd in $("$ATL" help | awk '/^commands:/{on=1; next} on && !NF {exit} on {print $1}'); do
	expect_exit 0 "$ATL" "$cmd" --help
	grep -q "^usage: atalaya $cmd" "$T/stdout" || fail "$cmd --help"
	expect_exit 0 "$ATL" help "$cmd"
done
expect_exit 0 "$ATL" version
grep -q '^atalaya ' "$T/stdout" || fail "version"
# an oversized record is rejected, and the scan goes on
{ printf '{"id":"big","text":"'; head -c 3000 /dev/zero | tr '\0' a; printf '"}\n{"id":"ok","text":"hola"}\n'; } >"$T/big.jsonl"
expect_exit 0 "$ATL" scan -q --max-record-bytes 1K -o "$T/big" "$T/big.jsonl"
check_counts "$T/big"
[ "$(jq .rejected "$T/big/summary.json")" -eq 1 ] || fail "oversized record not rejected"
exit 0
