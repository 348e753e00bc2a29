# export gexf/graphml on a synthetic corpus: well-formed XML (xmllint
# --noout), the structure the formats require (checked with XPath), and the
# same bytes on a second run. Schema validation (xmllint --schema) needs the
# GEXF 1.3 and GraphML XSDs; no Debian package ships them and CI has no
# network, so it is not run here (see the report in the commit log).
. tests/cli/common.inc
command -v xmllint >/dev/null || fail "xmllint missing (apt-get install libxml2-utils)"
expect_exit 0 "$ATL" -q synth --posts 400 --seed 7 -o "$T/c"
expect_exit 0 "$ATL" scan -q -j 2 -o "$T/s" "$T/c/posts.jsonl"
expect_exit 0 "$ATL" export -q --format gexf -o "$T/g.gexf" "$T/s"
expect_exit 0 "$ATL" export -q --format graphml -o "$T/g.graphml" "$T/s"
xmllint --noout "$T/g.gexf" || fail "gexf is not well-formed"
xmllint --noout "$T/g.graphml" || fail "graphml is not well-formed"

x() {	# FILE XPATH -> its value
	xmllint --xpath "$2" "$1" 2>/dev/null
}
G='/*[local-name()="gexf"]'
[ "$(x "$T/g.gexf" "string($G/@version)")" = "1.3" ] || fail "gexf version"
[ "$(x "$T/g.gexf" "namespace-uri($G)")" = "http://gexf.net/1.3" ] || fail "gexf namespace"
[ "$(x "$T/g.gexf" "string($G/*[local-name()='graph']/@mode)")" = dynamic ] || fail "gexf mode"
n_nodes=$(x "$T/g.gexf" "count($G/*[local-name()='graph']/*[local-name()='nodes']/*[local-name()='node'])")
n_edges=$(x "$T/g.gexf" "count($G/*[local-name()='graph']/*[local-name()='edges']/*[local-name()='edge'])")
echo "gexf: $n_nodes nodes, $n_edges edges" >&2
[ "$n_nodes" -gt 0 ] && [ "$n_edges" -gt 0 ] || fail "gexf has $n_nodes nodes, $n_edges edges"
# every edge end is a node; every attvalue refers to a declared attribute
bad=$(x "$T/g.gexf" "count(//*[local-name()='edge'][not(@target = //*[local-name()='node']/@id) or not(@source = //*[local-name()='node']/@id)])")
[ "$bad" -eq 0 ] || fail "$bad gexf edges point at no node"
bad=$(x "$T/g.gexf" "count(//*[local-name()='attvalue'][not(@for = //*[local-name()='attribute']/@id)])")
[ "$bad" -eq 0 ] || fail "$bad gexf attvalues without a declared attribute"
# node count = clustered posts + distinct accounts/indicators of them
posts=$(jq -r 'select(.cluster != null) | .id' "$T/s/posts.jsonl" | wc -l)
[ "$(x "$T/g.gexf" "count(//*[local-name()='node'][starts-with(@id,'msg:')])")" -eq "$posts" ] || fail "gexf post nodes != clustered posts ($posts)"

M='/*[local-name()="graphml"]'
[ "$(x "$T/g.graphml" "namespace-uri($M)")" = "http://graphml.graphdrawing.org/xmlns" ] || fail "graphml namespace"
[ "$(x "$T/g.graphml" "string($M/*[local-name()='graph']/@edgedefault)")" = directed ] || fail "graphml edgedefault"
[ "$(x "$T/g.graphml" "count(//*[local-name()='node'])")" -eq "$n_nodes" ] || fail "graphml and gexf node counts differ"
[ "$(x "$T/g.graphml" "count(//*[local-name()='edge'])")" -eq "$n_edges" ] || fail "graphml and gexf edge counts differ"
bad=$(x "$T/g.graphml" "count(//*[local-name()='data'][not(@key = //*[local-name()='key']/@id)])")
[ "$bad" -eq 0 ] || fail "$bad graphml data without a key"
bad=$(x "$T/g.graphml" "count(//*[local-name()='edge'][not(@target = //*[local-name()='node']/@id)])")
[ "$bad" -eq 0 ] || fail "$bad graphml edges point at no node"

# same input, same bytes
expect_exit 0 "$ATL" export -q --format gexf -o "$T/g2.gexf" "$T/s"
cmp -s "$T/g.gexf" "$T/g2.gexf" || fail "gexf differs between runs"
# the other formats run on the same folder and are parseable
expect_exit 0 "$ATL" export -q --format stix --all -o "$T/b.json" "$T/s"
jq -e '.type == "bundle" and (.objects | length > 2)' "$T/b.json" >/dev/null || fail "stix bundle"
expect_exit 0 "$ATL" export -q --format esbulk -o "$T/es" "$T/s"
[ "$(wc -l <"$T/es/posts.ndjson")" -eq $((2 * $(wc -l <"$T/s/posts.jsonl"))) ] || fail "esbulk lines"
jq -e . "$T/es/index-template.json" >/dev/null || fail "index template"
expect_exit 2 "$ATL" export --format pdf "$T/s"
expect_exit 2 "$ATL" export --format stix --tlp white "$T/s"
expect_exit 1 "$ATL" export --format csv "$T/missing"
exit 0
