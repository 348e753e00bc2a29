# gzip and zstd inputs, from files and from stdin, give the same posts as
# the plain file; a truncated gzip stream is rejected and the scan goes on.
. tests/cli/common.inc
D=tests/data/cli
"$ATL" scan -q -j 1 -o "$T/plain" "$D/mixed.jsonl"
gzip -c "$D/mixed.jsonl" >"$T/m.gz"
zstd -q -c "$D/mixed.jsonl" >"$T/m.zst"
"$ATL" scan -q -j 1 -o "$T/gz" "$T/m.gz"
"$ATL" scan -q -j 1 -o "$T/zst" - <"$T/m.zst"
for d in gz zst; do
	jq -c '[.id, .indicators, .score]' "$T/$d/posts.jsonl" >"$T/$d.cmp"
	jq -c '[.id, .indicators, .score]' "$T/plain/posts.jsonl" >"$T/plain.cmp"
	cmp -s "$T/$d.cmp" "$T/plain.cmp" || fail "$d output differs from plain"
done
jq -e '.inputs[0].compression == "gzip"' "$T/gz/summary.json" >/dev/null || fail "gzip not detected"
# truncated gzip: cut a larger stream in half
for i in $(seq 1 200); do cat "$D/mixed.jsonl"; done | gzip -c >"$T/big.gz"
size=$(wc -c <"$T/big.gz")
head -c $((size / 2)) "$T/big.gz" >"$T/cut.gz"
expect_exit 0 "$ATL" scan -q -o "$T/cut" "$T/cut.gz" "$D/posts.csv"
check_counts "$T/cut"
grep -q '"reason":"truncated gzip stream"' "$T/cut/rejects.jsonl" || fail "no reject for the truncated stream"
jq -e '.inputs[1].accepted == 3' "$T/cut/summary.json" >/dev/null || fail "the next input was not read"
exit 0
