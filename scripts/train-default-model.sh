#!/bin/sh
# Rebuild models/default.model, the model built into libatalaya, from the
# synthetic training split. Same atalaya, same bytes (synth and train are
# deterministic). The hand-written set and the held-out split are never used.
#
#   sh scripts/train-default-model.sh [path/to/atalaya]
set -eu
ATL=${1:-build/debug/atalaya}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$ATL" synth --posts 100000 --seed 1 --split train -o "$tmp"
"$ATL" train "$tmp/posts.jsonl" --truth "$tmp/truth.jsonl" -o models/default.model
echo "models/default.model: $(sha256sum models/default.model | cut -d' ' -f1)"
echo "rebuild (make) to embed it"
