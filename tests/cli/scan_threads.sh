# The output bytes do not depend on the number of threads.
. tests/cli/common.inc
"$ATL" synth --posts 3000 --seed 11 --bad-lines 7 -o "$T/c" >/dev/null
for j in 1 2 3 7; do
	"$ATL" scan -q -j $j -o "$T/o$j" "$T/c/posts.jsonl"
done
for f in posts.jsonl networks.jsonl rejects.jsonl; do
	cmp "$T/o1/$f" "$T/o2/$f" || fail "$f differs between -j 1 and -j 2"
	cmp "$T/o1/$f" "$T/o3/$f" || fail "$f differs between -j 1 and -j 3"
	cmp "$T/o1/$f" "$T/o7/$f" || fail "$f differs between -j 1 and -j 7"
done
check_counts "$T/o2"
jq 'del(.timings_s, .threads, .options)' "$T/o1/summary.json" >"$T/s1"
jq 'del(.timings_s, .threads, .options)' "$T/o2/summary.json" >"$T/s2"
cmp "$T/s1" "$T/s2" || fail "summary differs"
exit 0
