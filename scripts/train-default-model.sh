#!/bin/sh
# Rebuild models/default.model, the model built into libatalaya, from the
# synthetic training split. Same atalaya, same bytes (synth and train are
# deterministic). The hand-written set and the held-out split are never used.
#
#   sh scripts/train-default-model.sh [path/to/atalaya [output]]
#
# The output defaults to models/default.model; tests/cli/default_model.sh
# writes elsewhere and checks that the bytes equal the committed model.
set -eu
ATL=${1:-build/debug/atalaya}
OUT=${2:-models/default.model}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$ATL" synth --posts 100000 --seed 1 --split train -o "$tmp"
# Calibration and the threshold come from a held-out split (disjoint
# phrasings, other numbers and accounts), seed 3. Quality is reported on
# other seeds (7 and up) and on the hand-written set, never on this one.
"$ATL" synth --posts 20000 --seed 3 --split heldout -o "$tmp/cal"
"$ATL" train "$tmp/posts.jsonl" --truth "$tmp/truth.jsonl" \
	--calibrate "$tmp/cal/posts.jsonl" --calibrate-truth "$tmp/cal/truth.jsonl" \
	-o "$OUT"
echo "$OUT: $(sha256sum "$OUT" | cut -d' ' -f1)"
[ "$OUT" != models/default.model ] || echo "rebuild (make) to embed it"
