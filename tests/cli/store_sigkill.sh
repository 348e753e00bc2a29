# Crash safety: SIGKILL an ingest at random moments (STORE_KILLS times, 100
# by default); after every kill the database passes integrity_check, and
# after re-running the same ingest it holds every post exactly once, all
# linked. The database is started afresh every 10 kills, and whenever an
# ingest finished before its kill, so that kills land in every phase
# (batches, relink).
. tests/cli/common.inc
command -v sqlite3 >/dev/null || fail "needs the sqlite3 shell"
kills=${STORE_KILLS:-100}
"$ATL" synth --posts 1500 --seed 21 -o "$T/c" >/dev/null 2>&1
in="$T/c/posts.jsonl"
want=$(jq -r '[.platform, .id] | @tsv' "$in" | sort -u | wc -l)
ms() { date +%s%3N; }
: >"$T/empty.jsonl"
t=$(ms); "$ATL" ingest -q --db "$T/s.db" "$T/empty.jsonl"; s=$(($(ms) - t))
t=$(ms); "$ATL" ingest -q --db "$T/d.db" --batch 50 "$in"; d=$(($(ms) - t))
lo=$((s * 8 / 10))
hi=$((d + 50))
verify() {
	"$ATL" ingest -q --db "$T/k.db" --batch 50 "$in" || fail "re-run failed"
	got=$(sqlite3 "$T/k.db" "SELECT count(*) FROM post")
	uniq=$(sqlite3 "$T/k.db" "SELECT count(*) FROM (SELECT DISTINCT platform, source_id FROM post)")
	pend=$(sqlite3 "$T/k.db" "SELECT count(*) FROM post WHERE pending")
	[ "$got" -eq "$want" ] && [ "$uniq" -eq "$want" ] || fail "after kills: $got posts ($uniq distinct), want $want"
	[ "$pend" -eq 0 ] || fail "$pend posts left unlinked"
	a=$(sqlite3 "$T/k.db" "SELECT count(DISTINCT network) FROM post WHERE network IS NOT NULL")
	b=$(sqlite3 "$T/k.db" "SELECT count(*) FROM network")
	[ "$a" -eq "$b" ] || fail "$a networks on posts, $b in network table"
}
n=0
tries=0
while [ $n -lt "$kills" ]; do
	tries=$((tries + 1))
	[ $tries -le $((kills * 3)) ] || fail "only $n kills in $tries tries"
	[ $((n % 10)) -eq 0 ] && [ ! -e "$T/k.db.fresh$n" ] && { rm -f "$T"/k.db*; : >"$T/k.db.fresh$n"; }
	"$ATL" ingest -q --db "$T/k.db" --batch 50 "$in" 2>/dev/null &
	pid=$!
	sleep "$(awk -v s="$$$tries" -v lo="$lo" -v hi="$hi" 'BEGIN { srand(s); printf "%.3f", (lo + rand() * (hi - lo)) / 1000 }')"
	if kill -9 "$pid" 2>/dev/null; then
		n=$((n + 1))
		wait "$pid" 2>/dev/null || true
	else
		# it finished first: a complete database teaches nothing more, so
		# the next try starts from an empty one; and ingests run faster
		# now than when hi was measured (the machine's load changed), so
		# the kills come sooner from now on
		wait "$pid" 2>/dev/null || true
		hi=$((hi * 9 / 10))
		[ "$hi" -gt $((lo + 5)) ] || hi=$((lo + 5))
		rm -f "$T"/k.db "$T"/k.db-wal "$T"/k.db-shm
		continue
	fi
	[ -e "$T/k.db" ] || continue
	ok=$(sqlite3 "$T/k.db" "PRAGMA integrity_check")
	[ "$ok" = ok ] || fail "integrity_check after kill $n: $ok"
	if [ $((n % 10)) -eq 0 ] && [ $n -gt 0 ]; then
		verify
	fi
done
verify
exit 0
