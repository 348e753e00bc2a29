# export --redact and report --redact of an UNREDACTED scan that read text
# from images. The images are rendered now and carry a phone number, an
# e-mail, a handle, a Telegram link and a bare run of digits written nowhere
# else (a post's media, an image given as input, a Telegram photo whose
# message is forwarded from a handle-like author): the unredacted scan must
# have read them all, no export format and no file of the redacted report
# may hold any of them (nor their bare digits), and the redacted posts,
# networks and exports are byte for byte those of `scan --redact` with the
# same key.
. tests/cli/common.inc
. tests/cli/ocr.inc
need_ocr
K=tests/data/redact/key.txt
mkdir "$T/tmp" "$T/in" "$T/in/tg" "$T/in/tg/photos"
export TMPDIR="$T/tmp"

render "$T/in/flyer-a.png" plain 'Cruce seguro, pago al llegar. WhatsApp +52 33 2211 9988, salidas.norte@example.net, sigue a @cruce_norte_mx y t.me/cruce_norte_canal'
render "$T/in/flyer-b.png" colour 'Salida cada lunes. Llama al +52 33 2211 9988. Folio 4411 2299 77'
render "$T/in/flyer-c.png" plain 'Viaje garantizado a USA, WhatsApp +502 4433 2211'
render "$T/in/tg/photos/photo_1.jpg" plain 'Paso sin papeles, pago al llegar: salidas.norte@example.net'
cat >"$T/in/posts.jsonl" <<'EOF'
{"id": "o1", "text": "mira la imagen, pago al llegar", "platform": "facebook", "author": "Viajes Norte", "media": "flyer-a.png"}
{"id": "o2", "text": "info en la foto", "platform": "instagram", "author": "Otro Perfil", "media": ["flyer-b.png", "flyer-a.png"]}
{"id": "o3", "text": "Cruce seguro, pago al llegar, pregunta por privado", "platform": "facebook", "author": "Viajes Norte"}
EOF
cat >"$T/in/tg/result.json" <<'EOF'
{"name": "g", "type": "private_group", "id": 1, "messages": [
 {"id": 7, "type": "message", "date": "2024-03-15T09:14:07", "from": "Ana", "from_id": "user1",
  "forwarded_from": "coyote_fwd_77", "forwarded_from_id": "user5566778899",
  "photo": "photos/photo_1.jpg", "text": "reenvio", "text_entities": [{"type": "plain", "text": "reenvio"}]}
]}
EOF
cat >"$T/raw_values.txt" <<'EOF'
+52 33 2211 9988
salidas.norte@example.net
@cruce_norte_mx
cruce_norte_mx
t.me/cruce_norte_canal
4411 2299 77
+502 4433 2211
coyote_fwd_77
user5566778899
EOF
IN="$T/in/posts.jsonl $T/in/flyer-c.png $T/in/tg/result.json"

expect_exit 0 "$ATL" scan -q -j 2 -o "$T/raw" $IN
expect_exit 0 "$ATL" scan -q -j 2 --redact --redact-key "$K" -o "$T/red" $IN
check_counts "$T/raw"
[ "$(jq .accepted "$T/raw/summary.json")" -eq 5 ] || fail "accepted $(jq .accepted "$T/raw/summary.json"), want 5"
[ "$(jq .ocr.images_read "$T/raw/summary.json")" -ge 4 ] || fail "images not read"

mkdir "$T/exp"
for fmt in csv gexf graphml stix esbulk; do
	expect_exit 0 "$ATL" export -q --format $fmt --now 2024-04-01T00:00:00Z --redact --redact-key "$K" -o "$T/exp/$fmt" "$T/raw"
done
expect_exit 0 "$ATL" report -q --redact --redact-key "$K" "$T/raw" -o "$T/exp/report"
[ -s "$T/exp/report/report.html" ] || fail "no redacted report.html"
[ -z "$(ls -A "$T/tmp")" ] || fail "temporary files left: $(ls "$T/tmp")"

# every value was read (the unredacted scan holds it as written), and none
# is left, as written or as its bare digits
n=0
while IFS= read -r v; do
	n=$((n + 1))
	grep -qF -- "$v" "$T/raw/posts.jsonl" || fail "'$v' was not read: $(jq -c '.ocr' "$T/raw/posts.jsonl")"
	no_raw_value "$v" "$T/exp" "$T/red"
done <"$T/raw_values.txt"
[ $n -eq 9 ] || fail "raw_values.txt lists $n values"

# the values in the images are tokens said to come from the image
jq -s -e '[.[] | select(.id == "o1") |
	(.ocr[0].text | test("tok:ph:") and test("tok:em:") and test("tok:hd:") and test("tok:ln:")) and
	(.indicators.phones[0] | (.value | startswith("tok:ph:")) and (.from | endswith("flyer-a.png")) and (.text == .value)) and
	([.reasons[] | select(.from | endswith("flyer-a.png"))] | length > 0)] == [true]' "$T/exp/report/posts.jsonl" >/dev/null ||
	fail "the image's values are not tokens from the image: $(jq -c 'select(.id == "o1")' "$T/exp/report/posts.jsonl")"
jq -s -e '[.[] | select(.id == "o2") | .ocr[0].text | test("tok:nm:")] == [true]' "$T/exp/report/posts.jsonl" >/dev/null ||
	fail "the bare number in flyer-b.png is not a token"
jq -s -e '[.[] | select(.text == "reenvio") | (.forwarded_from | startswith("tok:hd:")) and (.forwarded_from_id | startswith("tok:hd:"))] == [true]' "$T/exp/report/posts.jsonl" >/dev/null ||
	fail "the forwarded author of a post with a photo is not a token"

# byte for byte scan --redact's: posts, networks, every export
cmp -s "$T/red/posts.jsonl" "$T/exp/report/posts.jsonl" ||
	fail "redacted posts differ from scan --redact's: $(diff "$T/red/posts.jsonl" "$T/exp/report/posts.jsonl" | head -c 2000)"
cmp -s "$T/red/networks.jsonl" "$T/exp/report/networks.jsonl" ||
	fail "redacted networks differ from scan --redact's: $(diff "$T/red/networks.jsonl" "$T/exp/report/networks.jsonl" | head -c 2000)"
[ "$(jq -s 'map(select(.size > 1)) | length' "$T/red/networks.jsonl")" -ge 1 ] || fail "no network to compare"
for fmt in csv gexf graphml stix esbulk; do
	expect_exit 0 "$ATL" export -q --format $fmt --now 2024-04-01T00:00:00Z -o "$T/red-$fmt" "$T/red"
	diff -r "$T/red-$fmt" "$T/exp/$fmt" >/dev/null || fail "$fmt export differs from the export of scan --redact"
done
exit 0
