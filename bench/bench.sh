#!/bin/sh
# make bench: throughput and peak memory on generated corpora. Not a test.
#   sh bench/bench.sh [ATALAYA]
#   BENCH_SIZES="100000 1000000" (default); BENCH_10M=1 adds 10M posts.
#   BENCH_STORE=1 adds the case database (ingest 1M in 10 batches, queries);
#   BENCH_OCR=1 adds OCR quality and speed on 300 rendered ad images.
#   BENCH_EXPORT_MIB=200 (default; 0 to skip): size of the generated
#     Telegram and WhatsApp exports scanned for peak RSS (target: < 256 MiB
#     whatever the size). BENCH_BIG=1 scans 1 GiB exports (issue 5's
#     target; about 5 minutes on 2 cores, 6 GB of temporary disk).
# Prints tables and writes them to out/bench/results-<UTC time>.md, so runs
# can be compared over time.
#
# The machine may be shared: wall-clock seconds are noisy, CPU seconds
# (user + system, /usr/bin/time) are not. "posts/CPU-s" is posts per CPU
# second; "posts/s" is wall clock. Per-stage numbers are CPU microseconds
# per post from summary.json timings_s.cpu (see src/pipeline/post.h).
set -eu
ATL=${1:-build/release/atalaya}
SIZES=${BENCH_SIZES:-"100000 1000000"}
[ "${BENCH_10M:-0}" = 1 ] && SIZES="$SIZES 10000000"
EXPORT_MIB=${BENCH_EXPORT_MIB:-200}
[ "${BENCH_BIG:-0}" = 1 ] && EXPORT_MIB=1024
OUT=out/bench
mkdir -p "$OUT"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
res="$OUT/results-$stamp.md"
TIME=/usr/bin/time

# run LOG CMD...: /usr/bin/time into LOG as "user sys wall peak_kib"
run() {
	log=$1
	shift
	$TIME -f "%U %S %e %M" -o "$log" "$@"
}
field() { awk -v k="$2" '{print $k}' "$1"; }
cpu_of() { awk '{printf "%.2f", $1 + $2}' "$1"; }
ratio() { echo "$1 $2" | awk '{ if ($2 > 0) printf "%.0f", $1 / $2; else print "-" }'; }

{
echo "# atalaya bench $stamp"
echo
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg); $($ATL version | head -n 1)"
echo
echo "## End to end"
echo
echo "| posts | step | threads | CPU s | posts/CPU-s | wall s | posts/s | MB/s | peak RSS MiB |"
echo "|---|---|---|---|---|---|---|---|---|"
} | tee "$res"

stages=""
for n in $SIZES; do
	c="$OUT/corpus-$n"
	if [ ! -s "$c/posts.jsonl" ]; then
		run "$OUT/time.log" "$ATL" synth --posts "$n" --seed 99 --split heldout -o "$c" >/dev/null
		cpu=$(cpu_of "$OUT/time.log")
		printf '| %s | synth | 1 | %s | %s | %s | %s | - | %d |\n' "$n" "$cpu" "$(ratio "$n" "$cpu")" \
			"$(field "$OUT/time.log" 3)" "$(ratio "$n" "$(field "$OUT/time.log" 3)")" \
			$(($(field "$OUT/time.log" 4) / 1024)) | tee -a "$res"
	fi
	mb=$(du -m "$c/posts.jsonl" | cut -f1)
	for j in 1 2; do
		o="$OUT/scan-$n-$j"
		run "$OUT/time-$n-$j.log" "$ATL" scan -q --no-report -j $j -o "$o" "$c/posts.jsonl"
		cpu=$(cpu_of "$OUT/time-$n-$j.log")
		wall=$(field "$OUT/time-$n-$j.log" 3)
		printf '| %s | scan | %s | %s | %s | %s | %s | %s | %d |\n' "$n" "$j" "$cpu" \
			"$(ratio "$n" "$cpu")" "$wall" "$(ratio "$n" "$wall")" \
			"$(echo "$mb $wall" | awk '{ printf "%.1f", $1 / $2 }')" \
			$(($(field "$OUT/time-$n-$j.log" 4) / 1024)) | tee -a "$res"
		stages="$stages $n:$j"
	done
	w1=$(field "$OUT/time-$n-1.log" 3)
	w2=$(field "$OUT/time-$n-2.log" 3)
	echo "| $n | -j2 speed-up (wall; target >= 1.7) | | | | $(echo "$w1 $w2" | awk '{ printf "%.2fx", $1 / $2 }') | | | |" | tee -a "$res"
	if cmp -s "$OUT/scan-$n-1/posts.jsonl" "$OUT/scan-$n-2/posts.jsonl" &&
	   cmp -s "$OUT/scan-$n-1/networks.jsonl" "$OUT/scan-$n-2/networks.jsonl"; then
		echo "| $n | -j1 and -j2 outputs identical | | | | | | | |" | tee -a "$res"
	else
		echo "| $n | -j1 and -j2 outputs DIFFER | | | | | | | |" | tee -a "$res"
	fi
	# the detector alone: eval reads, normalises, extracts and scores
	run "$OUT/time-eval-$n.log" "$ATL" eval "$c/posts.jsonl" --truth "$c/truth.jsonl" \
		>"$OUT/eval-$n.txt" 2>&1 || true
	cpu=$(cpu_of "$OUT/time-eval-$n.log")
	printf '| %s | eval (classify only) | 1 | %s | %s | %s | %s | - | %d |\n' "$n" "$cpu" \
		"$(ratio "$n" "$cpu")" "$(field "$OUT/time-eval-$n.log" 3)" \
		"$(ratio "$n" "$(field "$OUT/time-eval-$n.log" 3)")" \
		$(($(field "$OUT/time-eval-$n.log" 4) / 1024)) | tee -a "$res"
done

# Per stage, CPU microseconds per post (timings_s.cpu of summary.json).
# read_parse is the reader thread; process is the workers' sum, split
# into normalise ... render; the rest is the writer and the serial end.
{
echo
echo "## Per stage, CPU µs per post (score = detector: tactics, language, model)"
echo
echo "| posts | threads | read_parse | normalise | extract | score | sign | render | write | link_add | link_finish | pass_two | networks | total | detector posts/CPU-s |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
} | tee -a "$res"
for nj in $stages; do
	n=${nj%:*}
	j=${nj#*:}
	jq -r --arg n "$n" --arg j "$j" '.read as $p | .timings_s.cpu |
		def us(x): (x * 1e6 / $p * 100 | round) / 100;
		"| \($n) | \($j) | \(us(.read_parse)) | \(us(.normalise)) | \(us(.extract)) | \(us(.score)) | \(us(.sign)) | \(us(.render)) | \(us(.write)) | \(us(.link_add)) | \(us(.link_finish)) | \(us(.pass_two)) | \(us(.networks)) | \(us(.total)) | \(if .score > 0 then ($p / .score | round) else "-" end) |"' \
		"$OUT/scan-$n-$j/summary.json" | tee -a "$res"
done

# Exports: peak RSS must stay flat (< 256 MiB) whatever the export size.
if [ "$EXPORT_MIB" -gt 0 ]; then
	{
	echo
	echo "## Exports ($EXPORT_MIB MiB each, generated; target peak RSS < 256 MiB)"
	echo
	echo "| export | MiB | posts | CPU s | wall s | peak RSS MiB | RSS target |"
	echo "|---|---|---|---|---|---|---|"
	} | tee -a "$res"
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/atalaya-bench.XXXXXX")
	trap 'rm -rf "$tmp"' EXIT
	for kind in telegram whatsapp; do
		case $kind in
		telegram) f="$tmp/result.json" ;;
		whatsapp) f="$tmp/WhatsApp Chat with Bench.txt" ;;
		esac
		python3 bench/gen_exports.py "$kind" "$EXPORT_MIB" "$f"
		run "$tmp/time.log" "$ATL" scan -q -j 2 -o "$tmp/out-$kind" "$f" || true
		rss=$(($(field "$tmp/time.log" 4) / 1024))
		posts=$(jq .read "$tmp/out-$kind/summary.json" 2>/dev/null || echo "failed")
		printf '| %s | %d | %s | %s | %s | %d | %s |\n' "$kind" $(($(wc -c < "$f") / 1048576)) \
			"$posts" "$(cpu_of "$tmp/time.log")" "$(field "$tmp/time.log" 3)" "$rss" \
			"$([ "$rss" -lt 256 ] && echo ok || echo OVER)" | tee -a "$res"
		rm -rf "$f" "$tmp/out-$kind"
	done
fi
# The case database (1M posts in 10 ingests, phone queries) and OCR (a few
# hundred rendered ad images) take minutes: on request.
if [ "${BENCH_STORE:-0}" = 1 ]; then
	echo "## Case database" | tee -a "$res"
	ATL=$ATL sh bench/store_bench.sh "$OUT/store" 2>&1 | tee -a "$res"
fi
if [ "${BENCH_OCR:-0}" = 1 ]; then
	echo "## OCR" | tee -a "$res"
	sh bench/ocr_bench.sh 300 2>&1 | tee -a "$res"
fi
echo
echo "results: $res"
