# scan writes DIR/report.html (unless --no-report); `atalaya report DIR`
# writes it from the outputs, the same bytes as the scan's; hostile fields (tests/data/xss.jsonl) stay text;
# a folder without scan outputs fails with exit 1, a bad option with 2.
. tests/cli/common.inc
expect_exit 0 "$ATL" scan -q -o "$T/a" tests/data/xss.jsonl tests/data/cli/mixed.jsonl
[ -f "$T/a/report.html" ] || fail "scan wrote no report.html"
ls -a "$T/a" | grep -q 'report.html.tmp' && fail "a report.html.tmp was left behind"
expect_exit 0 "$ATL" scan -q --no-report -o "$T/b" tests/data/xss.jsonl tests/data/cli/mixed.jsonl
[ -f "$T/b/report.html" ] && fail "--no-report wrote report.html"
expect_exit 0 "$ATL" report "$T/b"
[ -f "$T/b/report.html" ] || fail "report wrote no report.html"
cp "$T/a/report.html" "$T/first.html"
expect_exit 0 "$ATL" report "$T/a"
cmp -s "$T/a/report.html" "$T/first.html" || fail "report differs from the scan's own"
grep -q "Content-Security-Policy\" content=\"default-src 'none'; style-src 'sha256-" "$T/a/report.html" || fail "no CSP"
[ "$(grep -o '<script' "$T/a/report.html" | wc -l)" -eq 1 ] || fail "not exactly one <script"
grep -q '<img' "$T/a/report.html" && fail "an <img> element"
grep -q 'href="javascript' "$T/a/report.html" && fail "a javascript: link"
grep -q '&lt;script&gt;alert(1)&lt;/script&gt;' "$T/a/report.html" || fail "payload not shown as text"
mkdir "$T/empty"
expect_exit 1 "$ATL" report "$T/empty"
grep -q "summary.json" "$T/stderr" || fail "error does not name summary.json"
expect_exit 2 "$ATL" report
expect_exit 2 "$ATL" report --bogus "$T/a"
exit 0
