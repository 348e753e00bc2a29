# scan --redact: no raw phone number, e-mail, handle or WhatsApp author from
# the fixtures (tests/data/redact/raw_values.txt lists them all) appears in
# any output file, in its written form or as bare digits; the same key gives
# the same tokens in two runs; a wrong or short key is a usage error. With
# OCR, two posts carry images rendered now whose phone, e-mail, handle and
# Telegram link are written nowhere else: those are checked the same way
# (they must be read, and come out as tokens said to come from the image).
. tests/cli/common.inc
. tests/cli/ocr.inc
D=tests/data/redact
expect_exit 2 "$ATL" scan -q --redact -o "$T/x" "$D/posts.jsonl"
printf 'short\n' >"$T/short.key"
expect_exit 2 "$ATL" scan -q --redact --redact-key "$T/short.key" -o "$T/x" "$D/posts.jsonl"
expect_exit 2 "$ATL" scan -q --redact --redact-key "$T/missing.key" -o "$T/x" "$D/posts.jsonl"

cp "$D/raw_values.txt" "$T/raw_values.txt"
IMG=""
if why=$(have_ocr); then
	mkdir "$T/img"
	render "$T/img/flyer-a.png" plain 'Cruce seguro, pago al llegar. WhatsApp +52 81 4455 6677, fotos.cruce@example.net, sigue a @paso_seguro y t.me/paso_seguro_canal'
	render "$T/img/flyer-b.png" plain 'Salida cada lunes. Llama al +52 81 4455 6677'
	cat >"$T/img/posts.jsonl" <<'EOF'
{"id": "i1", "text": "mira la imagen", "platform": "facebook", "author": "Viajes Norte", "media": "flyer-a.png"}
{"id": "i2", "text": "info en la foto", "platform": "instagram", "author": "otro.perfil", "media": "flyer-b.png"}
EOF
	cat >>"$T/raw_values.txt" <<'EOF'
+52 81 4455 6677
528144556677
8144556677
fotos.cruce@example.net
@paso_seguro
paso_seguro
t.me/paso_seguro_canal
EOF
	IMG="$T/img/posts.jsonl"
else
	echo "redact: the image part is SKIPPED: $why"
fi

expect_exit 0 "$ATL" scan -q -j 2 --redact --redact-key "$D/key.txt" -o "$T/out" "$D/posts.jsonl" "$D/chat.txt" $IMG
check_counts "$T/out"
[ "$(jq .rejected "$T/out/summary.json")" -eq 1 ] || fail "the broken line is not rejected"
jq -e '.raw == null' "$T/out/rejects.jsonl" >/dev/null || fail "rejects keep raw bytes under --redact"
# exports of the redacted scan are checked too
for fmt in csv gexf graphml stix esbulk; do
	expect_exit 0 "$ATL" export -q --format $fmt -o "$T/out/export-$fmt" "$T/out"
done
n=0
while IFS= read -r v; do
	[ -n "$v" ] || continue
	n=$((n + 1))
	no_raw_value "$v" "$T/out"
done <"$T/raw_values.txt"
[ $n -ge 20 ] || fail "raw_values.txt lists only $n values"
# tokens, not silence: phones were found and replaced
[ "$(grep -o 'tok:ph:[0-9a-f]\{16\}' "$T/out/posts.jsonl" | wc -l)" -ge 10 ] || fail "too few phone tokens"
grep -q 'tok:em:' "$T/out/posts.jsonl" || fail "no e-mail token"
grep -q 'tok:hd:' "$T/out/posts.jsonl" || fail "no handle token"
grep -q 'tok:au:' "$T/out/posts.jsonl" || fail "no WhatsApp author token"
# the WhatsApp author "+502 5555 0166" gets the phone token of +50255550166,
# the wa.me link the token of its number: tokens match across kinds
a=$(jq -r 'select(.source.format == "whatsapp" and (.author | startswith("tok:ph:"))) | .author' "$T/out/posts.jsonl" | head -n 1)
[ -n "$a" ] || fail "phone-number author not tokenised as a phone"
jq -e -s '[.[] | select(.id == "r2") | .indicators | (.phones[0].value == .links[0].value)] == [true]' "$T/out/posts.jsonl" >/dev/null || fail "wa.me link and its phone have different tokens"
# spans still point at the token in the new text
jq -r '.text as $t | .indicators.phones[] | [.text, .start, .end] | @tsv' "$T/out/posts.jsonl" | while IFS="$(printf '\t')" read -r txt s e; do
	case $txt in tok:ph:*) ;; *) fail "phone span text '$txt' is not a token" ;; esac
done
if [ -n "$IMG" ]; then
	# the values inside the images were read, and replaced by tokens that
	# say they come from the image, in the text read from it too
	jq -s -e '[.[] | select(.id == "i1") |
		(.ocr[0].text | test("tok:ph:") and test("tok:em:") and test("tok:hd:")) and
		(.indicators.phones[0] | (.value | startswith("tok:ph:")) and (.from | endswith("flyer-a.png"))) and
		(.indicators.emails[0].value | startswith("tok:em:")) and
		(.indicators.handles[0].value | startswith("tok:hd:")) and
		([.reasons[] | select(.from | endswith("flyer-a.png"))] | length > 0)] == [true]' "$T/out/posts.jsonl" >/dev/null ||
		fail "the image's values are not tokens from the image: $(jq -c 'select(.id == "i1") | .ocr' "$T/out/posts.jsonl")"
	# the two images share the number: one network, its phone a token
	jq -s -e '[.[] | select(.id == "i1" or .id == "i2") | .indicators.phones[0].value] | length == 2 and .[0] == .[1]' "$T/out/posts.jsonl" >/dev/null ||
		fail "the same number in two images has two tokens"
	jq -s -e '[.[] | select(.posts | index("i1")) | .indicators.phones[].value | startswith("tok:ph:")] | length > 0 and all' "$T/out/networks.jsonl" >/dev/null ||
		fail "no network of the two image posts with a phone token"
fi
# a WhatsApp author written as a phone is that phone with --redact too: a
# post elsewhere that gives the number joins the chat's messages, as it
# does without --redact
cat >"$T/wa.txt" <<'EOF'
15/3/24, 09:14 - ‪+52 55 7001 2299‬: Buenos dias, cruzamos a USA esta semana
15/3/24, 09:30 - ‪+52 55 7001 2299‬: Pago al llegar, salida el lunes
EOF
printf '{"id":"fb1","platform":"facebook","author":"viajes.x","text":"Informes al +52 55 7001 2299, cupo limitado"}\n' >"$T/fb.jsonl"
for m in plain redact; do
	if [ $m = plain ]; then set --; else set -- --redact --redact-key "$D/key.txt"; fi
	expect_exit 0 "$ATL" scan -q --no-ocr "$@" -o "$T/wa-$m" "$T/wa.txt" "$T/fb.jsonl"
	jq -s -e 'map(.cluster) | length == 3 and .[0] != null and (unique | length) == 1' "$T/wa-$m/posts.jsonl" >/dev/null ||
		fail "$m: the WhatsApp phone author and the post with its number are not one cluster: $(jq -c '[.id, .author, .cluster]' "$T/wa-$m/posts.jsonl")"
done
jq -e -s 'map(.author) | .[0] | startswith("tok:ph:")' "$T/wa-redact/posts.jsonl" >/dev/null ||
	fail "the WhatsApp phone author is not a phone token"

# same key, same bytes
expect_exit 0 "$ATL" scan -q -j 1 --redact --redact-key "$D/key.txt" -o "$T/out2" "$D/posts.jsonl" "$D/chat.txt" $IMG
cmp -s "$T/out/posts.jsonl" "$T/out2/posts.jsonl" || fail "posts differ between runs"
cmp -s "$T/out/networks.jsonl" "$T/out2/networks.jsonl" || fail "networks differ between runs"
exit 0
