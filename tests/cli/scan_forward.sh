# Telegram forwards: posts.jsonl carries forwarded_from and
# forwarded_from_id (only when the export gives them; "cluster" stays the
# last key), scan --redact tokenises them as it does authors, and
# report --redact of the unredacted scan gives the same bytes.
. tests/cli/common.inc
F=tests/data/exports/tg_forward.json
K=tests/data/redact/key.txt
expect_exit 0 "$ATL" scan -q -o "$T/out" "$F"
check_counts "$T/out"
P="$T/out/posts.jsonl"
[ "$(jq -r 'select(.id == "5550001:7") | [.forwarded_from, .forwarded_from_id] | @tsv' "$P")" = \
  "$(printf 'Viajes Seguros MX\tchannel7770002')" ] || fail "forward of message 7 lost"
[ "$(jq -r 'select(.id == "5550001:8") | [.forwarded_from, has("forwarded_from_id")] | @tsv' "$P")" = \
  "$(printf 'norte_seguro_22\tfalse')" ] || fail "forward of message 8 wrong"
[ "$(jq -s 'map(select(has("forwarded_from"))) | length' "$P")" -eq 2 ] || fail "forwarded_from on posts that are not forwards"
while IFS= read -r line; do
	case $line in *'"cluster":'*'}') ;; *) fail "cluster is not the last key: $line" ;; esac
	case $line in *'"cluster":'*'"forwarded_from'*) fail "a key after cluster: $line" ;; esac
done <"$P"

expect_exit 0 "$ATL" scan -q --redact --redact-key "$K" -o "$T/red" "$F"
R="$T/red/posts.jsonl"
! grep -q 'channel7770002\|norte_seguro_22' "$R" || fail "forwarded account ids left raw under --redact"
jq -e -s '.[1].forwarded_from | startswith("tok:hd:")' "$R" >/dev/null || fail "handle-like forwarded_from not tokenised"
jq -e -s '.[0].forwarded_from == "Viajes Seguros MX"' "$R" >/dev/null || fail "a display name is kept, as authors are"
expect_exit 0 "$ATL" report -q --redact --redact-key "$K" "$T/out" -o "$T/rr"
cmp -s "$R" "$T/rr/posts.jsonl" || fail "report --redact differs from scan --redact"
exit 0
