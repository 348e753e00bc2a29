#!/bin/sh
# make bench: throughput and peak memory on generated corpora.
#   BENCH_SIZES="100000 1000000" (default); BENCH_10M=1 adds 10M posts.
# Prints a table and writes it to out/bench/results-<UTC time>.md, so runs
# can be compared over time. Not part of the test command.
set -eu
ATL=${1:-build/release/atalaya}
SIZES=${BENCH_SIZES:-"100000 1000000"}
[ "${BENCH_10M:-0}" = 1 ] && SIZES="$SIZES 10000000"
OUT=out/bench
mkdir -p "$OUT"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
res="$OUT/results-$stamp.md"
TIME=/usr/bin/time

peak_kib() {	# the "Maximum resident set size" of a /usr/bin/time -v log
	awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}' "$1"
}

{
echo "# atalaya bench $stamp"
echo
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); $($ATL version | head -n 1)"
echo
echo "| posts | step | threads | seconds | posts/s | MB/s | peak RSS MiB |"
echo "|---|---|---|---|---|---|---|"
} | tee "$res"

for n in $SIZES; do
	c="$OUT/corpus-$n"
	if [ ! -s "$c/posts.jsonl" ]; then
		$TIME -v "$ATL" synth --posts "$n" --seed 99 --split heldout -o "$c" >/dev/null 2>"$OUT/time.log"
		s=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); t=0; for(i=1;i<=n;i++) t=t*60+a[i]; print t}' "$OUT/time.log")
		printf '| %s | synth | 1 | %.2f | %.0f | - | %.0f |\n' "$n" "$s" "$(echo "$n / $s" | bc -l)" \
			"$(echo "$(peak_kib "$OUT/time.log") / 1024" | bc -l)" | tee -a "$res"
	fi
	mb=$(du -m "$c/posts.jsonl" | cut -f1)
	for j in 1 2; do
		$TIME -v "$ATL" scan -q -j $j -o "$OUT/scan-$n-$j" "$c/posts.jsonl" 2>"$OUT/time.log"
		s=$(jq .timings_s.total "$OUT/scan-$n-$j/summary.json")
		printf '| %s | scan (end to end) | %s | %.2f | %.0f | %.1f | %.0f |\n' "$n" "$j" "$s" \
			"$(echo "$n / $s" | bc -l)" "$(echo "$mb / $s" | bc -l)" \
			"$(echo "$(peak_kib "$OUT/time.log") / 1024" | bc -l)" | tee -a "$res"
		jq -r --arg n "$n" --arg j "$j" '.timings_s | to_entries[] | select(.key != "total") |
			"| \($n) | stage: \(.key) | \($j) | \(.value) | | | |"' "$OUT/scan-$n-$j/summary.json" | tee -a "$res"
	done
	if [ -s "$OUT/scan-$n-1/posts.jsonl" ]; then
		cmp -s "$OUT/scan-$n-1/posts.jsonl" "$OUT/scan-$n-2/posts.jsonl" &&
			echo "| $n | -j1 and -j2 outputs identical | | | | | |" | tee -a "$res" ||
			echo "| $n | -j1 and -j2 outputs DIFFER | | | | | |" | tee -a "$res"
	fi
	$TIME -v "$ATL" eval "$c/posts.jsonl" --truth "$c/truth.jsonl" >"$OUT/eval-$n.txt" 2>"$OUT/time.log" || true
done
echo
echo "results: $res"
