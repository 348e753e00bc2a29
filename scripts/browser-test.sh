#!/bin/sh
# The report's end-to-end test: scan a synthetic corpus plus the XSS fixture
# (tests/data/xss.jsonl), open DIR/report.html in headless Chromium (Debian's
# /usr/bin/chromium, driven by playwright-core from npm) and run
# tests/browser/report.test.mjs: no console or page errors, no dialog, no
# inline handlers, sorting and filtering work, the table and a chart are
# visible. Screenshots go to out/browser/report.png and report-network.png.
#
# Installs what is missing: chromium (and node/npm) with apt-get when run as
# root, playwright-core with npm (tests/browser/package-lock.json). When they
# cannot be installed it prints "browser test: SKIPPED (reason)" and exits 0.
#
#   sh scripts/browser-test.sh [ATALAYA_BINARY]     (default build/debug/atalaya)
set -u
cd "$(dirname "$0")/.." || exit 1
BIN=${1:-build/debug/atalaya}
OUT=out/browser
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
mkdir -p "$OUT"
log=$OUT/setup.log
: >"$log"

skip() {
	echo "browser test: SKIPPED ($1)"
	exit 0
}

apt_install() {	# as root only; a failed install is reported by the caller
	[ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 || return 1
	DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" >>"$log" 2>&1 ||
		{ apt-get update >>"$log" 2>&1 &&
		  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" >>"$log" 2>&1; }
}

if [ ! -x "$CHROMIUM" ]; then
	apt_install chromium || true
	[ -x "$CHROMIUM" ] || skip "chromium is not installed and could not be installed (see $log)"
fi
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
	apt_install nodejs npm || true
	command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 ||
		skip "node/npm are not installed and could not be installed (see $log)"
fi
if [ ! -f tests/browser/node_modules/playwright-core/package.json ]; then
	(cd tests/browser && npm ci --no-audit --no-fund) >>"$log" 2>&1 ||
		skip "npm could not install playwright-core (offline? see $log)"
fi
if [ ! -x "$BIN" ]; then
	make --no-print-directory "$BIN" >>"$log" 2>&1 || { echo "browser test ... FAILED (cannot build $BIN)"; exit 1; }
fi

rm -rf "$OUT/corpus" "$OUT/scan"
if ! "$BIN" synth --posts 3000 --seed 5 -o "$OUT/corpus" >>"$log" 2>&1 ||
   ! "$BIN" -q scan -o "$OUT/scan" "$OUT/corpus/posts.jsonl" tests/data/xss.jsonl >>"$log" 2>&1; then
	tail -n 20 "$log"
	echo "browser test ... FAILED (scan)"
	exit 1
fi
if node tests/browser/report.test.mjs "$OUT/scan/report.html" "$OUT/report.png" >"$OUT/test.log" 2>&1; then
	echo "browser test ... ok ($(tail -n 1 "$OUT/test.log"))"
else
	sed 's/^/    /' "$OUT/test.log" | tail -n 30
	echo "browser test ... FAILED"
	exit 1
fi
