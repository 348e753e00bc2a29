#!/bin/sh
# Peak RSS of the export readers on ~200 MiB generated Telegram and WhatsApp
# exports (bench/gen_exports.py; written to a temporary directory, deleted
# afterwards). Not a test: prints one line per format.
#   sh bench/exports_mem.sh [SIZE_MIB]     (after `make VARIANT=release`)
set -eu
SIZE=${1:-200}
LIB=build/release/libatalaya.a
[ -f "$LIB" ] || make --no-print-directory VARIANT=release "$LIB" >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
PKGS="libutf8proc libhs libxxhash libzstd zlib yajl libzip"
# shellcheck disable=SC2046
cc -std=c17 -O2 -Isrc -o "$tmp/read_export" bench/read_export.c "$LIB" \
	$(pkg-config --libs $PKGS) -lstdc++ -lm -pthread
for kind in telegram whatsapp; do
	python3 bench/gen_exports.py "$kind" "$SIZE" "$tmp/$kind.in"
	bytes=$(wc -c < "$tmp/$kind.in")
	/usr/bin/time -f "%M %e" -o "$tmp/time" "$tmp/read_export" "$tmp/$kind.in" > "$tmp/out"
	read -r rss secs < "$tmp/time"
	echo "$kind: $((bytes / 1048576)) MiB in ${secs}s, peak RSS $((rss / 1024)) MiB: $(cat "$tmp/out")"
done
