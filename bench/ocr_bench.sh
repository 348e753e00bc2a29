#!/bin/sh
# OCR bench: render ad-style images from synthetic posts (made-up numbers)
# and measure what Tesseract reads back, per pre-processing choice.
#
#   sh bench/ocr_bench.sh [N_IMAGES] [PREP...]
#       N_IMAGES  default 300 (rendered once into out/bench/ocr-N, kept)
#       PREP      default: "none scale deskew scale,deskew scale,deskew,binarize"
#
# Prints, per style (plain, colour, rotated, small, symbol) and in total:
# character error rate, phone recall (phones our extractor finds in the OCR
# text / in the true text), invented phones (in the OCR text, not in the
# truth), prices, and images per second on one thread. Needs ImageMagick,
# DejaVu fonts and tesseract-ocr-{spa,eng,por,fra} (scripts/install-deps.sh).
#
# Measured 2026-11-28 on the 2-core dev box, heavily loaded by other jobs
# (so img/s is pessimistic), first 100 of 300 images (20 per style):
#   prep               CER    phone recall  invented  prices  img/s
#   none               0.053  38/43 0.884   1         85/86   1.38
#   scale (2x <1200px) 0.085  38/43 0.884   0         82/86   0.98
#   deskew             0.008  41/43 0.953   0         86/86   1.09
#   scale,deskew       0.007  42/43 0.977   0         86/86   0.71
# Then, with the default (scale <640px + deskew) and the text tidying in
# ocr.c (wrapped lines joined, "0"->"o" between numbers and words, a space
# before glued numbers), all 300 images (60 per style):
#   all      CER 0.007  phones 123/126 recall 0.976  invented 0
#            prices 256/259  0.72 img/s (one thread, load average ~10)
#   plain 26/28, colour 28/28, rotated 24/25, small 25/25, symbol 20/20
# Misses: a WhatsApp URL wrapped mid-number, a number spelled out in words
# and read "cing" for "cinq", one phone cut off at the flyer's edge.
# Deskew is what rotated flyers need (rotated CER 0.23 -> 0.002); scaling
# up only pays for small type (small: 6/7 -> 7/7 phones), so the default
# scales only images under 640 px a side, and deskews everything.
set -eu
N=${1:-300}
shift 2>/dev/null || true
PREPS=${*:-"none scale deskew scale,deskew scale,deskew,binarize"}
OUT=out/bench
SET="$OUT/ocr-$N"
mkdir -p "$OUT"

make --no-print-directory VARIANT=release build/release/libatalaya.a >/dev/null
# shellcheck disable=SC2046
cc -std=c17 -D_GNU_SOURCE -O2 -Isrc bench/ocr_bench.c build/release/libatalaya.a \
	$(pkg-config --libs libutf8proc libhs libxxhash libzstd zlib yajl libzip tesseract lept) \
	-lstdc++ -lm -pthread -o build/release/ocr_bench

if [ ! -s "$SET/manifest.tsv" ]; then
	make --no-print-directory VARIANT=release build/release/atalaya >/dev/null
	build/release/atalaya synth --posts 5000 --seed 11 -o "$SET/corpus" >/dev/null
	python3 bench/ocr_render.py "$SET/corpus/posts.jsonl" "$SET" "$N" 7
fi
for p in $PREPS; do
	echo "== prep $p ($N images)"
	build/release/ocr_bench "$SET/manifest.tsv" --prep "$p"
done
