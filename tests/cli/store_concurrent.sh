# Two ingests into one database at once serialise (BEGIN IMMEDIATE, busy
# timeout) and lose nothing; queries and reports work while they run (WAL).
. tests/cli/common.inc
. tests/cli/store.inc
command -v sqlite3 >/dev/null || fail "needs the sqlite3 shell"
"$ATL" synth --posts 4000 --seed 8 -o "$T/c" >/dev/null 2>&1
head -n 2000 "$T/c/posts.jsonl" >"$T/a.jsonl"
tail -n +2001 "$T/c/posts.jsonl" >"$T/b.jsonl"
"$ATL" ingest -q --db "$T/x.db" "$T/a.jsonl"	# something to read meanwhile
"$ATL" ingest -q --db "$T/x.db" --batch 100 "$T/b.jsonl" &
p1=$!
"$ATL" ingest -q --db "$T/x.db" --batch 100 "$T/b.jsonl" "$T/a.jsonl" &
p2=$!
reads=0
while kill -0 "$p1" 2>/dev/null || kill -0 "$p2" 2>/dev/null; do
	"$ATL" query --db "$T/x.db" --json network:N1 >/dev/null || fail "query during ingest"
	"$ATL" report -q --db "$T/x.db" -o "$T/rep" || fail "report during ingest"
	[ "$(wc -l <"$T/rep/posts.jsonl")" -ge 2000 ] || fail "report lost posts"
	reads=$((reads + 1))
done
wait "$p1" || fail "first ingest failed"
wait "$p2" || fail "second ingest failed"
[ $reads -gt 0 ] || fail "no read overlapped the ingests"
[ "$(sqlite3 "$T/x.db" "PRAGMA integrity_check")" = ok ] || fail "integrity"
[ "$(sqlite3 "$T/x.db" "SELECT count(*) FROM post")" -eq 4000 ] || fail "post count"
[ "$(sqlite3 "$T/x.db" "SELECT count(*) FROM post WHERE pending")" -eq 0 ] || fail "unlinked posts"
# the same networks as one sequential ingest of the same posts in the same order
sqlite3 "$T/x.db" "SELECT source_id FROM post ORDER BY id" >"$T/order"
awk 'NR == FNR { pos[$0] = NR; next } { match($0, /"id":"[^"]*"/); id = substr($0, RSTART + 6, RLENGTH - 7); print pos[id] "\t" $0 }' \
	"$T/order" "$T/c/posts.jsonl" | sort -n | cut -f2- >"$T/seq.jsonl"
"$ATL" ingest -q --db "$T/y.db" "$T/seq.jsonl"
"$ATL" report -q --db "$T/x.db" -o "$T/rx"
"$ATL" report -q --db "$T/y.db" -o "$T/ry"
part "$T/rx/posts.jsonl" >"$T/px"
part "$T/ry/posts.jsonl" >"$T/py"
cmp "$T/px" "$T/py" || fail "concurrent ingests give other networks than a sequential one"
exit 0
