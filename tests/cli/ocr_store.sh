# Images are recognised once ever with a case database: a second ingest of
# the same images under other names runs no recognition (their text,
# confidence and size come from the database) and gives the same text,
# indicators and scores; an image post is the same post when its content
# is, not its name; other OCR languages are another engine key and
# recognise again; two ingests reading the same new images at once both
# succeed, keep one row per image, and a later ingest recognises nothing.
. tests/cli/common.inc
. tests/cli/ocr.inc
need_ocr
mkdir "$T/a" "$T/b"
render "$T/a/flyer1.png" plain 'Cruce seguro a USA, pago al llegar. Info +52 55 1234 5678'
render "$T/a/flyer2.png" colour 'Viaje garantizado, 8000 dolares. WhatsApp +502 5555 0123'
cp "$T/a/flyer1.png" "$T/b/otro-nombre.png"
cp "$T/a/flyer2.png" "$T/b/copia.png"

"$ATL" ingest --db "$T/x.db" "$T/a" 2>"$T/e1" || fail "first ingest"
grep -q 'images: 2 read (2 recognised, 0 repeated in this ingest, 0 known from the database)' "$T/e1" ||
	fail "first ingest: $(cat "$T/e1")"
[ "$(sqlite3 "$T/x.db" 'SELECT count(*) FROM ocr')" -eq 2 ] || fail "recognitions not kept"
"$ATL" ingest --db "$T/x.db" "$T/b" 2>"$T/e2" || fail "second ingest"
grep -q 'images: 2 read (0 recognised, 0 repeated in this ingest, 2 known from the database)' "$T/e2" ||
	fail "renamed images recognised again: $(cat "$T/e2")"
grep -q '2 new posts' "$T/e2" || fail "renamed images are not new posts"

# the same text, confidence, indicators, tactics and score as the first time
"$ATL" report -q --db "$T/x.db" -o "$T/r"
facts() {	# ID
	jq -c --arg id "$1" 'select(.id == $id) | [.ocr[0].text, .ocr[0].confidence,
		[.indicators[][] | .value // .amount], [.reasons[] | [.tactic, .text]], .score]' "$T/r/posts.jsonl"
}
for pair in flyer1.png:otro-nombre.png flyer2.png:copia.png; do
	a=$(facts "${pair%%:*}")
	b=$(facts "${pair##*:}")
	[ -n "$a" ] && [ "$a" != '[null,null,[],[],null]' ] || fail "no text read from ${pair%%:*}"
	[ "$a" = "$b" ] || fail "reused text differs: $a vs $b"
done
jq -s -e '[.[] | select(.id == "otro-nombre.png") | .indicators.phones[0].value == "+525512345678"] == [true]' "$T/r/posts.jsonl" >/dev/null ||
	fail "no phone in the reused text"
# the copies share their phones with the originals: one network each
[ "$(jq -r 'select(.id == "flyer1.png" or .id == "otro-nombre.png") | .cluster' "$T/r/posts.jsonl" | sort -u | wc -l)" -eq 1 ] ||
	fail "a reused image does not link like the original"

# an image post's identity is its content: the same image under its stored
# name adds nothing, another picture under a stored name is a new version
"$ATL" ingest --db "$T/x.db" "$T/a" 2>"$T/e6" || fail "re-ingest"
grep -q '0 new posts, 2 already stored' "$T/e6" || fail "re-ingest of the same images: $(cat "$T/e6")"
mkdir "$T/d"
cp "$T/a/flyer2.png" "$T/d/flyer1.png"
"$ATL" ingest --db "$T/x.db" "$T/d" 2>"$T/e7" || fail "ingest of a changed image"
grep -q '1 new posts, 0 already stored' "$T/e7" || fail "another picture under a stored name: $(cat "$T/e7")"
[ "$(sqlite3 "$T/x.db" "SELECT max(version) FROM post WHERE source_id = 'flyer1.png'")" -eq 2 ] ||
	fail "the changed image is not version 2"

# another language set is another engine: recognised again, kept apart
"$ATL" ingest --db "$T/x.db" --ocr-langs eng "$T/b" 2>"$T/e3" || fail "ingest --ocr-langs eng"
grep -q '(2 recognised, 0 repeated in this ingest, 0 known from the database)' "$T/e3" ||
	fail "--ocr-langs eng reused spa+eng+por+fra results: $(cat "$T/e3")"
[ "$(sqlite3 "$T/x.db" 'SELECT count(DISTINCT engine) FROM ocr')" -eq 2 ] || fail "engine keys"
# --no-ocr: the images are media files, skipped
"$ATL" ingest --db "$T/x.db" --no-ocr "$T/a" 2>"$T/e4" || fail "ingest --no-ocr"
grep -q 'read 0, rejected 0' "$T/e4" || fail "--no-ocr read images: $(cat "$T/e4")"

# two ingests of the same new images at once (WAL, BEGIN IMMEDIATE)
"$ATL" ingest -q --db "$T/y.db" "$T/a" &
p1=$!
"$ATL" ingest -q --db "$T/y.db" "$T/b" &
p2=$!
wait "$p1" || fail "concurrent ingest 1"
wait "$p2" || fail "concurrent ingest 2"
[ "$(sqlite3 "$T/y.db" 'PRAGMA integrity_check')" = ok ] || fail "integrity"
[ "$(sqlite3 "$T/y.db" 'SELECT count(*) FROM ocr')" -eq 2 ] || fail "one row per image after concurrent ingests"
[ "$(sqlite3 "$T/y.db" 'SELECT count(*) FROM post')" -eq 4 ] || fail "posts lost"
mkdir "$T/c"
cp "$T/a/flyer1.png" "$T/c/tercera.png"
"$ATL" ingest --db "$T/y.db" "$T/c" 2>"$T/e5" || fail "third ingest"
grep -q '(0 recognised, 0 repeated in this ingest, 1 known from the database)' "$T/e5" ||
	fail "after concurrent ingests: $(cat "$T/e5")"
exit 0
