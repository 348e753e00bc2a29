# The hashes in manifest.json that scan takes while it writes posts.jsonl
# and networks.jsonl (and reads its inputs beside pass two) equal sha256sum
# of the files as left, at -j 1 and -j 2, for a plain and a gzip input and
# for a file that was in the output folder before (hashed by reading it);
# a second scan into the same folder describes the new files.
. tests/cli/common.inc
expect_exit 0 "$ATL" synth --posts 3000 --seed 5 --split heldout -o "$T/c"
gzip -c "$T/c/posts.jsonl" >"$T/c/posts.jsonl.gz"
check_manifest() {	# DIR
	(cd "$1" && jq -r '.outputs[] | .sha256 + "  " + .file' manifest.json | sha256sum -c --quiet -) ||
		fail "output hashes in $1"
	jq -r '.inputs[] | .sha256 + "  " + .path' "$1/manifest.json" | sha256sum -c --quiet - ||
		fail "input hashes in $1"
	for f in "$1"/*; do
		[ "$(basename "$f")" = manifest.json ] && continue
		b=$(jq --arg f "$(basename "$f")" '.outputs[] | select(.file == $f) | .bytes' "$1/manifest.json")
		[ "$b" = "$(wc -c <"$f")" ] || fail "bytes of $f: $b"
	done
}
mkdir "$T/o1"
echo "an analyst's note" >"$T/o1/notes.txt"
expect_exit 0 "$ATL" scan -q --no-report -j 1 -o "$T/o1" "$T/c/posts.jsonl" "$T/c/posts.jsonl.gz"
check_manifest "$T/o1"
[ "$(jq -r '.outputs[].file' "$T/o1/manifest.json" | tr '\n' ' ')" = "networks.jsonl notes.txt posts.jsonl rejects.jsonl summary.json " ] ||
	fail "outputs listed: $(jq -c '[.outputs[].file]' "$T/o1/manifest.json")"
[ "$(jq '[.outputs[] | select(.file == "posts.jsonl")][0].bytes' "$T/o1/manifest.json")" -gt 1000000 ] ||
	fail "posts.jsonl too small to span several writes"
expect_exit 0 "$ATL" scan -q -j 2 -o "$T/o2" "$T/c/posts.jsonl.gz" "$T/c/posts.jsonl"
check_manifest "$T/o2"
cmp -s "$T/o1/networks.jsonl" "$T/o2/networks.jsonl" || fail "networks.jsonl -j1 != -j2"
# the same folder again, with only the first half of the posts
head -n 1500 "$T/c/posts.jsonl" >"$T/c/half.jsonl"
expect_exit 0 "$ATL" scan -q --no-report -j 2 -o "$T/o1" "$T/c/half.jsonl"
check_manifest "$T/o1"
[ "$(wc -l <"$T/o1/posts.jsonl")" -eq 1500 ] || fail "second scan's posts.jsonl"
exit 0
