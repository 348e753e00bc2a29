# Pass two finds the posts' lines by their newlines: lines longer than its
# 4 MiB blocks, many blocks, and a cluster whose posts lie in different
# blocks all come out labelled, with the temporary files gone.
. tests/cli/common.inc
ad="viaje seguro a estados unidos salida este sabado desde tapachula pago al llegar cupo limitado informes"
big=$(yes palabra | head -n 625000 | tr '\n' ' ')
{
	printf '{"id":"a0","author":"x","text":"%s %s"}\n' "$ad" "$big"
	awk 'BEGIN { for (i = 0; i < 30000; i++)
		printf "{\"id\":\"f%d\",\"author\":\"u%d\",\"text\":\"mensaje numero %d de relleno con unas cuantas palabras mas para llenar el bloque de lectura\"}\n", i, i, i }'
	printf '{"id":"a1","author":"y","text":"%s 1"}\n' "$ad"
	printf '{"id":"a2","author":"z","text":"%s %s"}\n' "$ad" "$big"
} >"$T/in.jsonl"
for j in 1 2; do
	"$ATL" scan -q --no-report --max-record-bytes 8M -j $j -o "$T/o$j" "$T/in.jsonl"
done
check_counts "$T/o1"
cmp "$T/o1/posts.jsonl" "$T/o2/posts.jsonl" || fail "posts.jsonl differs between -j 1 and -j 2"
cmp "$T/o1/networks.jsonl" "$T/o2/networks.jsonl" || fail "networks.jsonl differs"
[ "$(jq -r 'select(.id == "a0" or .id == "a1" or .id == "a2") | .cluster' "$T/o1/posts.jsonl" | sort -u)" = C1 ] ||
	fail "a0, a1, a2 are not one cluster"
[ "$(jq -r 'select(.id == "a1") | .text' "$T/o1/posts.jsonl")" = "$ad 1" ] || fail "a1's line is cut"
[ "$(jq -c 'select(.id == "C1") | .posts' "$T/o1/networks.jsonl")" = '["a0","a1","a2"]' ] || fail "C1's posts"
[ "$(ls -A "$T/o1" | grep -c '^\.')" -eq 0 ] || fail "temporary files left: $(ls -A "$T/o1")"
exit 0
