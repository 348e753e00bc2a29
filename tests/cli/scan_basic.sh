# scan on mixed JSON Lines and CSV with bad records: outputs exist, counts
# add up, bad records are rejected with file and line, invalid UTF-8 keeps
# its post with a warning, and spans point at the original text.
. tests/cli/common.inc
D=tests/data/cli
expect_exit 0 "$ATL" scan -q -j 2 -o "$T/out" "$D/mixed.jsonl" "$D/posts.csv"
for f in posts.jsonl networks.jsonl rejects.jsonl summary.json; do
	[ -f "$T/out/$f" ] || fail "missing $f"
done
ls -a "$T/out" | grep -q '\.part$' && fail "a .part file was left behind"
check_counts "$T/out"
[ "$(jq .read "$T/out/summary.json")" -eq 13 ] || fail "read != 13"
[ "$(jq .rejected "$T/out/summary.json")" -eq 4 ] || fail "rejected != 4"
# rejects name the file and line
jq -r 'select(.source | endswith("mixed.jsonl")) | .line' "$T/out/rejects.jsonl" | sort -n | tr '\n' ' ' >"$T/lines"
[ "$(cat "$T/lines")" = "3 4 7 " ] || fail "jsonl reject lines: $(cat "$T/lines")"
jq -s -e 'map(select(.source | endswith("posts.csv")) | .line) == [5]' "$T/out/rejects.jsonl" >/dev/null || fail "csv reject line"
# invalid UTF-8 kept, with a warning, counted
jq -s -e 'map(select(.id == "p8"))[0] | .warnings == ["bad_utf8"] and (.text | contains("\ufffd"))' "$T/out/posts.jsonl" >/dev/null || fail "p8 warning"
[ "$(jq .warnings.bad_utf8 "$T/out/summary.json")" -eq 1 ] || fail "bad_utf8 count"
# every post carries the contract's keys
jq 'has("id") and has("platform") and has("author") and has("created_at") and has("lang") and has("text") and has("source") and has("warnings") and has("indicators") and has("score") and has("flagged") and has("tactics") and has("reasons") and has("cluster")' "$T/out/posts.jsonl" | grep -qv true && fail "a post lacks a contract key"
# obfuscated and old-form Mexican numbers come out as E.164
jq -s -e 'map(select(.id == "p1"))[0] | [.indicators.phones[].value] == ["+525512345678"]' "$T/out/posts.jsonl" >/dev/null || fail "p1 phone"
jq -s -e 'map(select(.id == "p5"))[0] | [.indicators.phones[].value] | length == 1' "$T/out/posts.jsonl" >/dev/null || fail "p5 spelled-out phone"
# a price is not a phone
jq -s -e 'map(select(.id == "p6"))[0] | [.indicators.prices[] | .amount + " " + .currency] == ["8000 USD"]' "$T/out/posts.jsonl" >/dev/null || fail "p6 price"
exit 0
