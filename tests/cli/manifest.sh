# scan writes DIR/manifest.json: each input's and each output's SHA-256 agree
# with sha256sum, the model id and the options are there, and a second run
# gives the same hashes for everything but summary.json (it holds timings).
. tests/cli/common.inc
D=tests/data/redact
expect_exit 0 "$ATL" scan -q -j 2 -o "$T/out" "$D/posts.jsonl" "$D/chat.txt"
M=$T/out/manifest.json
jq -e '.tool == "atalaya" and (.version | length > 0) and (.model | length > 0) and (.options.argv | contains("scan"))' "$M" >/dev/null || fail "manifest header"
[ "$(jq '.inputs | length' "$M")" -eq 2 ] || fail "two inputs expected"
jq -r '.inputs[] | .sha256 + "  " + .path' "$M" | sha256sum -c --quiet - || fail "input hashes"
(cd "$T/out" && jq -r '.outputs[] | .sha256 + "  " + .file' manifest.json | sha256sum -c --quiet -) || fail "output hashes"
jq -r '.outputs[].file' "$M" | tr '\n' ' ' >"$T/files"
[ "$(cat "$T/files")" = "networks.jsonl posts.jsonl rejects.jsonl report.html summary.json " ] || fail "outputs: $(cat "$T/files")"
expect_exit 0 "$ATL" scan -q -j 1 -o "$T/out2" "$D/posts.jsonl" "$D/chat.txt"
j='del(.options.argv) | .outputs |= map(select(.file != "summary.json"))'
[ "$(jq -c "$j" "$M")" = "$(jq -c "$j" "$T/out2/manifest.json")" ] || fail "manifest differs between runs"
exit 0
