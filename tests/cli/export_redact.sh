# export --redact and report --redact of an UNREDACTED scan: no raw phone
# number, e-mail, handle or WhatsApp author of the fixtures
# (tests/data/redact/raw_values.txt) appears in any export format or in the
# redacted report, in its written form or as bare digits; the tokens are
# those `scan --redact` gives with the same key (the redacted posts are
# scan --redact's bytes, and without WhatsApp phone authors so are the
# networks and every export); DIR is left as it was, no temporary folder
# stays behind; a missing or short key is a usage error; text read from
# images is redacted too.
. tests/cli/common.inc
D=tests/data/redact
K="$D/key.txt"
mkdir "$T/tmp"
export TMPDIR="$T/tmp"

expect_exit 0 "$ATL" scan -q -o "$T/raw" "$D/posts.jsonl" "$D/chat.txt"
expect_exit 0 "$ATL" scan -q --redact --redact-key "$K" -o "$T/red" "$D/posts.jsonl" "$D/chat.txt"
before=$(cd "$T/raw" && sha256sum posts.jsonl networks.jsonl summary.json)

expect_exit 2 "$ATL" export -q --format csv --redact "$T/raw"
expect_exit 2 "$ATL" export -q --format csv --redact-key "$K" "$T/raw"
printf 'short\n' >"$T/short.key"
expect_exit 2 "$ATL" export -q --format csv --redact --redact-key "$T/short.key" "$T/raw"
expect_exit 2 "$ATL" report --redact --redact-key "$K" "$T/raw"
expect_exit 2 "$ATL" report --redact --redact-key "$K" -o "$T/raw" "$T/raw"

# every format, into its default place inside DIR and into -o paths
mkdir "$T/exp"
for fmt in csv gexf graphml stix esbulk; do
	expect_exit 0 "$ATL" export -q --format $fmt --redact --redact-key "$K" -o "$T/exp/$fmt" "$T/raw"
done
expect_exit 0 "$ATL" export -q --format gexf --redact --redact-key "$K" "$T/raw"
mv "$T/raw/network.gexf" "$T/exp/default.gexf"
expect_exit 0 "$ATL" report -q --redact --redact-key "$K" "$T/raw" -o "$T/exp/report"
[ -s "$T/exp/report/report.html" ] || fail "no redacted report.html"
[ ! -e "$T/exp/report/rejects.jsonl" ] || fail "rejects.jsonl (raw bytes) copied"
[ -z "$(ls -A "$T/tmp")" ] || fail "temporary files left: $(ls "$T/tmp")"
after=$(cd "$T/raw" && sha256sum posts.jsonl networks.jsonl summary.json)
[ "$before" = "$after" ] || fail "export --redact changed the scan folder"

n=0 in_raw=0
while IFS= read -r v; do
	[ -n "$v" ] || continue
	n=$((n + 1))
	! grep -q -rF -- "$v" "$T/raw" || in_raw=$((in_raw + 1))
	no_raw_value "$v" "$T/exp"
done <"$D/raw_values.txt"
[ $n -ge 20 ] || fail "raw_values.txt lists only $n values"
[ $in_raw -ge 15 ] || fail "only $in_raw raw values are in the unredacted scan"

# the same tokens as scan --redact: the posts are its bytes (the cluster
# labels aside: export keeps the unredacted scan's clusters)
jq -c 'del(.cluster)' "$T/red/posts.jsonl" >"$T/want"
jq -c 'del(.cluster)' "$T/exp/report/posts.jsonl" >"$T/got"
cmp -s "$T/want" "$T/got" || fail "redacted posts differ from scan --redact's: $(diff "$T/want" "$T/got" | head -n 4)"
tok=$(jq -r 'select(.id == "r1") | .indicators.phones[0].value' "$T/red/posts.jsonl")
case $tok in tok:ph:????????????????) ;; *) fail "r1's phone token is '$tok'" ;; esac
for f in "$T/exp/csv/posts.csv" "$T/exp/gexf" "$T/exp/graphml" "$T/exp/stix" "$T/exp/esbulk/posts.ndjson"; do
	grep -qF "$tok" "$f" || fail "token $tok of +50255550123 missing from $f"
done
a=$(jq -r 'select(.source.format == "whatsapp") | .author' "$T/red/posts.jsonl" | sort -u)
b=$(jq -r 'select(.source.format == "whatsapp") | .author' "$T/exp/report/posts.jsonl" | sort -u)
[ "$a" = "$b" ] || fail "WhatsApp author tokens differ"
echo "$a" | grep -q '^tok:au:' || fail "no WhatsApp author token"

# without WhatsApp authors, everything is scan --redact's bytes: the
# networks (templates and slots rebuilt from the redacted sample) and every
# export, STIX ids included
expect_exit 0 "$ATL" scan -q -o "$T/raw1" "$D/posts.jsonl"
expect_exit 0 "$ATL" scan -q --redact --redact-key "$K" -o "$T/red1" "$D/posts.jsonl"
expect_exit 0 "$ATL" report -q --redact --redact-key "$K" "$T/raw1" -o "$T/rr1"
cmp -s "$T/red1/posts.jsonl" "$T/rr1/posts.jsonl" || fail "posts differ from scan --redact's"
cmp -s "$T/red1/networks.jsonl" "$T/rr1/networks.jsonl" || fail "networks differ from scan --redact's"
[ "$(jq -s 'map(select(.size > 1)) | length' "$T/rr1/networks.jsonl")" -ge 1 ] || fail "no network to compare"
for fmt in csv gexf graphml stix esbulk; do
	expect_exit 0 "$ATL" export -q --format $fmt --now 2024-04-01T00:00:00Z -o "$T/a-$fmt" "$T/red1"
	expect_exit 0 "$ATL" export -q --format $fmt --now 2024-04-01T00:00:00Z --redact --redact-key "$K" -o "$T/b-$fmt" "$T/raw1"
	diff -r "$T/a-$fmt" "$T/b-$fmt" >/dev/null || fail "$fmt export differs from the export of scan --redact"
done
grep -q '"type":"user-account"' "$T/b-stix" || fail "no STIX account observable to compare"

# a scan made with --redact: refused (its tokens came from some key)
expect_exit 1 "$ATL" export -q --format csv --redact --redact-key "$K" -o "$T/x-csv" "$T/red"
grep -q 'redacted scan already' "$T/stderr" || fail "no message about a redacted scan"

# text read from images, written here by hand (so this runs without
# Tesseract; tests/cli/export_redact_ocr.sh renders real images): each
# image's text is redacted too, a number in it that no indicator names
# included
mkdir "$T/ocr"
jq -c '.ocr = [{"image": "a.png", "confidence": 0.9, "text": "llama al +502 5555 0199 o al 4455 6677 88"}] |
	.indicators.phones += [{"value": "+50255550199", "from": "a.png", "text": "+502 5555 0199", "start": 9, "end": 23}]' \
	"$T/raw1/posts.jsonl" >"$T/ocr/posts.jsonl"
cp "$T/raw1/networks.jsonl" "$T/raw1/summary.json" "$T/ocr/"
expect_exit 0 "$ATL" export -q --format esbulk --redact --redact-key "$K" -o "$T/ocr/es" "$T/ocr"
expect_exit 0 "$ATL" report -q --redact --redact-key "$K" "$T/ocr" -o "$T/ocr/rr"
for v in '5555 0199' '50255550199' '4455 6677' '445566778'; do
	! grep -rqF -- "$v" "$T/ocr/es" "$T/ocr/rr" || fail "'$v' from the image text left in the export"
done
[ "$(grep -c '"text":"llama al tok:ph:[0-9a-f]\{16\} o al tok:nm:' "$T/ocr/rr/posts.jsonl")" -eq "$(wc -l <"$T/ocr/posts.jsonl")" ] ||
	fail "the image text is not redacted in every post"
jq -e -s 'map(.indicators.phones[] | select(.from == "a.png") | .text == .value and .start == 9 and .end == 32) |
	length > 0 and all' "$T/ocr/rr/posts.jsonl" >/dev/null || fail "the image's phone is not its token, at its place"
[ -z "$(ls -A "$T/tmp")" ] || fail "temporary files left"
exit 0
