#!/bin/sh
# Case database benchmark: ingest STORE_BENCH_POSTS synthetic posts (default
# 1M) in 10 batches, then time phone queries. Prints one line per step:
#   ingest k/10: posts/s of the batch, and the relink (load, link, write)
#   query: wall and CPU milliseconds inside the process (without startup)
# Usage: bench/store_bench.sh [WORKDIR]   (ATL=path/to/atalaya)
set -eu
ATL=${ATL:-build/release/atalaya}
N=${STORE_BENCH_POSTS:-1000000}
D=${1:-$(mktemp -d "${TMPDIR:-/tmp}/store-bench-XXXXXX")}
mkdir -p "$D"
[ -x "$ATL" ] || { echo "store_bench: build $ATL first (make release)" >&2; exit 1; }
ms() { date +%s%3N; }

if [ -z "${STORE_BENCH_QUERY_ONLY:-}" ]; then	# set: reuse WORKDIR's database
[ -s "$D/c/posts.jsonl" ] || "$ATL" synth --posts "$N" --seed 17 -o "$D/c" >/dev/null 2>&1
rm -rf "$D/parts" "$D"/case.db*
mkdir "$D/parts"
split -n l/10 -d "$D/c/posts.jsonl" "$D/parts/p"
k=0
t_all=$(ms)
for f in "$D"/parts/p*; do
	k=$((k + 1))
	n=$(wc -l <"$f")
	t=$(ms)
	"$ATL" ingest --db "$D/case.db" "$f" 2>"$D/ingest.err"
	dt=$(($(ms) - t))
	relink=$(sed -n 's/.*relink \([^)]*\)).*/\1/p' "$D/ingest.err")
	echo "store_bench: ingest $k/10: $n posts in ${dt} ms ($((n * 1000 / (dt + 1))) posts/s); relink $relink"
done
t_all=$(($(ms) - t_all))
echo "store_bench: ingest total: $N posts in ${t_all} ms ($((N * 1000 / (t_all + 1))) posts/s), database $(du -m "$D/case.db" | cut -f1) MB"

t=$(ms)
"$ATL" ingest --db "$D/case.db" "$D/parts/p00" 2>"$D/ingest.err"
echo "store_bench: re-ingest of batch 1 (nothing new): $(($(ms) - t)) ms"
fi

# the busiest phone and a rare one (sqlite3 shell: read-only look-up)
busy=$(sqlite3 "$D/case.db" "SELECT value FROM indicator WHERE kind = 0 GROUP BY value ORDER BY count(*) DESC LIMIT 1")
rare=$(sqlite3 "$D/case.db" "SELECT value FROM indicator WHERE kind = 0 GROUP BY value HAVING count(*) <= 3 LIMIT 1")
for p in "$busy" "$rare" "+5215500000000"; do
	[ -n "$p" ] || continue
	for i in 1 2 3; do
		rows=$("$ATL" query -v --db "$D/case.db" --json "phone:$p" 2>"$D/q.err" | wc -l)
	done
	echo "store_bench: query phone:$p: $rows posts, $(sed -n 's/.*query took //p' "$D/q.err") (3rd run)"
done
rows=$("$ATL" query -v --db "$D/case.db" --json --limit 1000 "text:pago" 2>"$D/q.err" | wc -l)
echo "store_bench: query text:pago (limit 1000): $rows posts, $(sed -n 's/.*query took //p' "$D/q.err")"
# Ten ingests against one scan of the same posts: the same partition of
# posts into networks, naming aside (part() from tests/cli/store.inc).
if [ -z "${STORE_BENCH_QUERY_ONLY:-}" ]; then
	. tests/cli/store.inc
	"$ATL" scan -q --no-report -o "$D/scan" "$D/c/posts.jsonl"
	"$ATL" report --db "$D/case.db" -o "$D/rep" >/dev/null 2>&1
	part "$D/scan/posts.jsonl" >"$D/p.scan"
	part "$D/rep/posts.jsonl" >"$D/p.db"
	if cmp -s "$D/p.scan" "$D/p.db"; then
		echo "store_bench: 10 ingests and one scan: the same $(wc -l <"$D/p.db") networks"
	else
		echo "store_bench: 10 ingests and one scan: networks DIFFER ($(wc -l <"$D/p.db") vs $(wc -l <"$D/p.scan"))"
	fi
fi
