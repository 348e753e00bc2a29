# Images inside zip archives and on standard input. A zip of images gives a
# post per image, read in memory (names "x.zip:member"); a zip holding a
# WhatsApp, Telegram or Facebook DYI export reads the images its messages
# attach from the members beside them; a member whose declared size is over the
# limit is refused before it is inflated and a truncated one is refused,
# each as a rejects row; copies of an image are recognised once whatever
# the threads; PNG and JPEG bytes piped to `scan -` become a post, also
# gzip-compressed.
. tests/cli/common.inc
. tests/cli/ocr.inc
need_ocr
command -v zip >/dev/null || fail "needs zip (scripts/install-deps.sh)"
mkdir -p "$T/imgs" "$T/wa/chat" "$T/tg/export/photos"
render "$T/imgs/a-flyer.png" plain 'Cruce seguro a USA, pago al llegar. Info +52 55 1234 5678'
render "$T/imgs/b-shot.jpg" colour 'Viaje garantizado. WhatsApp +502 5555 0123'
head -c 30000000 /dev/zero >"$T/imgs/c-huge.png"
head -c 2000 "$T/imgs/a-flyer.png" >"$T/imgs/d-cut.png"
(cd "$T/imgs" && zip -q -r ../imgs.zip .)
[ "$(wc -c <"$T/imgs.zip")" -lt 1000000 ] || fail "the huge member should compress"

# a zip of images alone
expect_exit 0 "$ATL" scan -q -o "$T/o1" "$T/imgs.zip"
check_counts "$T/o1"
[ "$(jq .accepted "$T/o1/summary.json")" -eq 2 ] || fail "zip of images: accepted"
[ "$(jq .rejected "$T/o1/summary.json")" -eq 2 ] || fail "zip of images: rejected"
jq -s -e '[.[] | select(.id == "a-flyer.png") | .platform == "image" and
	(.ocr[0].image | endswith("imgs.zip:a-flyer.png")) and
	.indicators.phones[0].value == "+525512345678" and
	(.indicators.phones[0].from | endswith("imgs.zip:a-flyer.png"))] == [true]' "$T/o1/posts.jsonl" >/dev/null ||
	fail "no phone from the zipped PNG"
jq -s -e '[.[] | select(.id == "b-shot.jpg") | .indicators.phones[0].value == "+50255550123"] == [true]' "$T/o1/posts.jsonl" >/dev/null ||
	fail "no phone from the zipped JPEG"
grep -q 'c-huge.png.*30000000 bytes (limit' "$T/o1/rejects.jsonl" || fail "oversized member not refused by its size"
grep -q 'd-cut.png.*truncated' "$T/o1/rejects.jsonl" || fail "truncated member not refused"
[ "$(jq .ocr.images_rejected "$T/o1/summary.json")" -eq 2 ] || fail "images_rejected"

# a WhatsApp export in a zip, its attachment beside the chat
cat >"$T/wa/chat/chat.txt" <<'CHAT'
05/01/2024, 10:00 - Ana: IMG-20240105-WA0001.jpg (file attached)
Salida el lunes
05/01/2024, 10:03 - Ana: hola
CHAT
cp "$T/imgs/b-shot.jpg" "$T/wa/chat/IMG-20240105-WA0001.jpg"
(cd "$T/wa" && zip -q -r ../wa.zip chat)
expect_exit 0 "$ATL" scan -q -o "$T/o2" "$T/wa.zip"
check_counts "$T/o2"
[ "$(jq .accepted "$T/o2/summary.json")" -eq 2 ] || fail "the image beside the chat is not a post of its own"
jq -s -e '[.[] | select(.text == "Salida el lunes") | (.ocr[0].image | endswith("wa.zip:chat/IMG-20240105-WA0001.jpg")) and
	.indicators.phones[0].value == "+50255550123"] == [true]' "$T/o2/posts.jsonl" >/dev/null ||
	fail "the zipped chat's attachment is not read"

# a Telegram export in a zip, the photo in photos/ beside result.json
cat >"$T/tg/export/result.json" <<'JSON'
{
 "name": "g",
 "type": "private_group",
 "id": 1,
 "messages": [
  {
   "id": 1,
   "type": "message",
   "date": "2024-03-15T09:14:07",
   "date_unixtime": "1710494047",
   "from": "Ana",
   "from_id": "user1",
   "photo": "photos/photo_1@15-03-2024_09-14-07.jpg",
   "text": "mira",
   "text_entities": [{"type": "plain", "text": "mira"}]
  }
 ]
}
JSON
cp "$T/imgs/a-flyer.png" "$T/tg/export/photos/photo_1@15-03-2024_09-14-07.jpg"
(cd "$T/tg" && zip -q -r ../tg.zip export)
expect_exit 0 "$ATL" scan -q -o "$T/o3" "$T/tg.zip"
jq -s -e '[.[] | select(.text == "mira") | (.ocr[0].image | endswith("tg.zip:export/photos/photo_1@15-03-2024_09-14-07.jpg")) and
	.indicators.phones[0].value == "+525512345678"] == [true]' "$T/o3/posts.jsonl" >/dev/null ||
	fail "the zipped Telegram photo is not read"

# a Facebook DYI export in a zip: the media path is relative to the root of
# the export, which is the root of the archive
mkdir -p "$T/dyi/your_facebook_activity/posts/media"
cat >"$T/dyi/your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json" <<'JSON'
[
  {
    "timestamp": 1710400000,
    "data": [{"post": "Viaje seguro"}],
    "attachments": [{"data": [{"media": {"uri": "your_facebook_activity/posts/media/1.jpg", "creation_timestamp": 1710400000}}]}],
    "title": "Ana"
  }
]
JSON
cp "$T/imgs/b-shot.jpg" "$T/dyi/your_facebook_activity/posts/media/1.jpg"
(cd "$T/dyi" && zip -q -r ../dyi.zip .)
expect_exit 0 "$ATL" scan -q -o "$T/o4" "$T/dyi.zip"
jq -s -e '[.[] | select(.text == "Viaje seguro") | (.ocr[0].image | endswith("dyi.zip:your_facebook_activity/posts/media/1.jpg")) and
	.indicators.phones[0].value == "+50255550123"] == [true]' "$T/o4/posts.jsonl" >/dev/null ||
	fail "the zipped DYI photo is not read"

# copies of an image are recognised once, whatever the threads: the same
# posts and the same counts with 1 and 3 threads
mkdir "$T/dups"
for f in a-flyer.png b-shot.jpg; do
	cp "$T/imgs/$f" "$T/dups/$f"
	cp "$T/imgs/$f" "$T/dups/copy-$f"
done
for j in 1 3; do
	expect_exit 0 "$ATL" scan -q -j $j -o "$T/d$j" "$T/dups"
	jq 'del(.timings_s, .threads, .options)' "$T/d$j/summary.json" >"$T/d$j.summary"
done
cmp "$T/d1/posts.jsonl" "$T/d3/posts.jsonl" || fail "posts differ between -j 1 and -j 3"
cmp "$T/d1.summary" "$T/d3.summary" || fail "summary differs between -j 1 and -j 3"
jq -e '.ocr | .images_read == 4 and .images_recognised == 2 and .images_from_run == 2' "$T/d3.summary" >/dev/null ||
	fail "copies recognised again: $(jq -c .ocr "$T/d3.summary")"

# standard input: PNG, JPEG, gzip-compressed PNG
for f in a-flyer.png b-shot.jpg; do
	expect_exit 0 "$ATL" scan -q -o "$T/s-$f" - <"$T/imgs/$f"
	check_counts "$T/s-$f"
	jq -e '.platform == "image" and (.id | startswith("stdin:")) and .ocr[0].image == "-" and
		(.indicators.phones | length) == 1 and .indicators.phones[0].from == "-"' "$T/s-$f/posts.jsonl" >/dev/null ||
		fail "no phone from $f on stdin"
done
gzip -c "$T/imgs/a-flyer.png" >"$T/a.png.gz"
expect_exit 0 "$ATL" scan -q -o "$T/s-gz" - <"$T/a.png.gz"
cmp "$T/s-gz/posts.jsonl" "$T/s-a-flyer.png/posts.jsonl" || fail "gzip-compressed image on stdin"
jq -e '.inputs[0].compression == "gzip" and .inputs[0].format == "image"' "$T/s-gz/summary.json" >/dev/null ||
	fail "stdin image summary"
# a truncated image on stdin is a rejected record, not a crash
expect_exit 0 "$ATL" scan -q -o "$T/s-cut" - <"$T/imgs/d-cut.png"
check_counts "$T/s-cut"
[ "$(jq .rejected "$T/s-cut/summary.json")" -eq 1 ] || fail "truncated image on stdin"
# JSON Lines on stdin still read as posts
printf '{"id":"1","text":"hola"}\n' | "$ATL" scan -q -o "$T/s-j" - || fail "jsonl on stdin"
[ "$(jq .accepted "$T/s-j/summary.json")" -eq 1 ] || fail "jsonl on stdin: accepted"
exit 0
