# Case database: ten ingests give the networks of one scan (up to naming),
# re-ingesting adds nothing, edited posts are versions, queries, report,
# watchlists with alerts, STIX import.
. tests/cli/common.inc
. tests/cli/store.inc
"$ATL" synth --posts 5000 --seed 3 -o "$T/c" >/dev/null 2>&1
mkdir "$T/parts"
split -n l/10 -d "$T/c/posts.jsonl" "$T/parts/p"
set -- "$T"/parts/p*
[ $# -eq 10 ] || fail "split into $# parts"
"$ATL" scan -q -o "$T/scan" "$@"
for f in "$@"; do
	"$ATL" ingest -q --db "$T/case.db" "$f"
done
"$ATL" report -q --db "$T/case.db" -o "$T/rep"

# the same partition of posts into networks, and the same post lines
part "$T/scan/posts.jsonl" >"$T/p.scan"
part "$T/rep/posts.jsonl" >"$T/p.db"
[ -s "$T/p.scan" ] || fail "scan found no networks"
cmp "$T/p.scan" "$T/p.db" || fail "ten ingests differ from one scan"
sed 's/"cluster":[^}]*}$//' "$T/scan/posts.jsonl" >"$T/l.scan"
sed 's/"cluster":[^}]*}$//' "$T/rep/posts.jsonl" >"$T/l.db"
cmp "$T/l.scan" "$T/l.db" || fail "report posts.jsonl differs from scan"
[ "$(wc -l <"$T/rep/networks.jsonl")" -eq "$(wc -l <"$T/scan/networks.jsonl")" ] || fail "network count"
"$ATL" networks --db "$T/case.db" >"$T/nets"
cmp "$T/nets" "$T/rep/networks.jsonl" || fail "networks differs from report"
[ "$(jq .accepted "$T/rep/summary.json")" -eq 5000 ] || fail "summary accepted"
[ "$(jq .clusters "$T/rep/summary.json")" -eq "$(jq .clusters "$T/scan/summary.json")" ] || fail "summary clusters"

# re-ingesting adds nothing
"$ATL" ingest --db "$T/case.db" "$3" 2>"$T/err"
grep -q " 0 new posts" "$T/err" || fail "re-ingest added posts: $(cat "$T/err")"
"$ATL" report -q --db "$T/case.db" -o "$T/rep2"
cmp "$T/rep/posts.jsonl" "$T/rep2/posts.jsonl" || fail "re-ingest changed posts"

# queries: phone (given in another spelling), network, text
p=$(jq -r '.indicators.phones[].value' "$T/scan/posts.jsonl" | sort | uniq -c | sort -rn | awk 'NR == 1 { print $2 }')
want=$(jq -r --arg p "$p" 'select(any(.indicators.phones[]; .value == $p)) | .id' "$T/scan/posts.jsonl" | wc -l)
"$ATL" query --db "$T/case.db" --json "phone:$p" >"$T/q"
[ "$(wc -l <"$T/q")" -eq "$want" ] || fail "phone:$p gave $(wc -l <"$T/q"), want $want"
spaced=$(echo "$p" | sed 's/^\(+[0-9][0-9]\)\([0-9][0-9]\)/\1 \2 /')
"$ATL" query --db "$T/case.db" --json "phone:$spaced" | cmp - "$T/q" || fail "phone spelling '$spaced'"
n1=$(jq -r 'select(.id == "N1") | .size' "$T/rep/networks.jsonl")
"$ATL" query --db "$T/case.db" --json network:N1 >"$T/q"
[ "$(wc -l <"$T/q")" -eq "$n1" ] || fail "network:N1 gave $(wc -l <"$T/q"), want $n1"
[ "$(jq -r .cluster "$T/q" | sort -u)" = N1 ] || fail "network:N1 rows carry another cluster"
id=$(jq -r 'select(.text | test("^[A-Za-z]+ [A-Za-z]+ [A-Za-z]+ ")) | .id' "$T/scan/posts.jsonl" | head -1)
words=$(jq -r --arg id "$id" 'select(.id == $id) | .text' "$T/scan/posts.jsonl" | cut -d' ' -f1-3)
"$ATL" query --db "$T/case.db" --json "text:$words" | jq -r .id | grep -qx "$id" || fail "text:$words misses $id"
"$ATL" query --db "$T/case.db" "text:$words" | head -1 | grep -q '^ID ' || true
expect_exit 2 "$ATL" query --db "$T/case.db" "fax:123"
expect_exit 1 "$ATL" query --db "$T/none.db" "phone:$p"
[ ! -e "$T/none.db" ] || fail "query created a database"

# watchlists: a watched phone and network raise alerts for new posts only
"$ATL" watch add -q --db "$T/case.db" "phone:$p" network:N1
"$ATL" watch list --db "$T/case.db" >"$T/w"
grep -qx "phone:$p" "$T/w" || fail "watch list: $(cat "$T/w")"
grep -qx "network:N1" "$T/w" || fail "watch list lacks N1"
printf '{"id":"new1","platform":"facebook","author":"t1","text":"Cruce seguro, pago al llegar, info %s"}\n' "$p" >"$T/new.jsonl"
"$ATL" ingest --db "$T/case.db" --alerts "$T/alerts.jsonl" "$T/new.jsonl" 2>"$T/err"
grep -q "ALERT phone:$p in post new1" "$T/err" || fail "no alert on stderr: $(cat "$T/err")"
[ "$(jq -r 'select(.post == "new1" and .reason == "indicator") | .watch' "$T/alerts.jsonl")" = "phone:$p" ] ||
	fail "alerts file: $(cat "$T/alerts.jsonl")"
"$ATL" ingest -q --db "$T/case.db" --alerts "$T/alerts.jsonl" "$T/new.jsonl"
[ "$(jq -r 'select(.reason == "indicator") | .post' "$T/alerts.jsonl" | wc -l)" -eq 1 ] || fail "alert repeated"
"$ATL" watch rm -q --db "$T/case.db" network:N1
"$ATL" watch list --db "$T/case.db" | grep -q network: && fail "watch rm"

# an edited post is a new version, not a duplicate
printf '{"id":"new1","platform":"facebook","author":"t1","text":"Cruce seguro, pago al llegar (editado), info %s"}\n' "$p" >"$T/edit.jsonl"
"$ATL" ingest -q --db "$T/case.db" "$T/edit.jsonl"
"$ATL" report -q --db "$T/case.db" -o "$T/rep3"
[ "$(jq -r 'select(.id == "new1") | .id' "$T/rep3/posts.jsonl" | wc -l)" -eq 2 ] || fail "versions"
[ "$(wc -l <"$T/rep3/posts.jsonl")" -eq 5002 ] || fail "posts after edit"

# STIX import
cat >"$T/bundle.json" <<'JSON'
{"type": "bundle", "id": "bundle--5d0092c5", "objects": [
 {"type": "indicator", "spec_version": "2.1", "id": "indicator--1", "name": "red GT",
  "pattern": "[phone-number:value = '+502 5555 0199'] OR [url:value = 'https://wa.me/50255550199']",
  "pattern_type": "stix", "valid_from": "2026-01-01T00:00:00Z"},
 {"type": "user-account", "id": "user-account--2", "account_login": "Viajes_Seguros_GT"}
]}
JSON
"$ATL" watch import --db "$T/case.db" "$T/bundle.json" 2>"$T/err"
grep -q "3 indicators" "$T/err" || fail "import: $(cat "$T/err")"
"$ATL" watch list --db "$T/case.db" >"$T/w"
grep -q "^phone:+50255550199" "$T/w" || fail "stix phone: $(cat "$T/w")"
grep -q "^link:wa.me/50255550199" "$T/w" || fail "stix link"
grep -q "^handle:@viajes_seguros_gt" "$T/w" || fail "stix account"
printf '{"id":"gt1","platform":"telegram","author":"x","text":"Salimos el lunes de Guate, escribir al wa.me/50255550199"}\n' >"$T/gt.jsonl"
"$ATL" ingest -q --db "$T/case.db" --alerts "$T/alerts.jsonl" "$T/gt.jsonl"
jq -r 'select(.post == "gt1") | .watch' "$T/alerts.jsonl" | grep -qx "link:wa.me/50255550199" || fail "stix alert"
exit 0
