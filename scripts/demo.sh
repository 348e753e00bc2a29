#!/bin/sh
# The main job on the bundled sample corpus: the hand-made samples in
# samples/ (JSON Lines and CSV, with bad records on purpose) plus a few
# thousand generated posts (gzip-compressed, with malformed lines), scanned
# into out/demo. Prints the summary and the riskiest networks.
set -eu
ATL=${1:-build/debug/atalaya}
OUT=out/demo
rm -rf "$OUT"
mkdir -p "$OUT/corpus"
"$ATL" synth --posts 3000 --seed 2024 --split heldout --bad-lines 6 -o "$OUT/corpus" >/dev/null
gzip -f "$OUT/corpus/posts.jsonl"
"$ATL" scan -o "$OUT" samples/posts.jsonl samples/posts.csv "$OUT/corpus/posts.jsonl.gz"
echo
echo "== $OUT/summary.json (counts)"
jq -c '{read, accepted, rejected, flagged, clusters, networks, formats}' "$OUT/summary.json"
echo
echo "== riskiest networks ($OUT/networks.jsonl)"
jq -r 'select(.flagged) | "\(.id)  score \(.score)  \(.size) posts  phones: \([.indicators.phones[]?.value] | join(" "))  \(.first_seen // "?") .. \(.last_seen // "?")"' \
	"$OUT/networks.jsonl" | head -n 8
echo
echo "== one flagged post, with why"
jq -c 'select(.flagged) | {id, score, tactics, reasons: [.reasons[] | {tactic, text}], phones: [.indicators.phones[].value]}' \
	"$OUT/posts.jsonl" | head -n 1
echo
echo "Results in $OUT/: posts.jsonl networks.jsonl rejects.jsonl summary.json manifest.json,"
echo "and report.html: open it in a browser."
