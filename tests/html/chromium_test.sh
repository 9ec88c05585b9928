#!/usr/bin/env bash
# The HTML page in headless Chromium: is the burn-up chart drawn?
#   chromium_test.sh HTML_PAGE PLAN AS_OF OUT_DIR
# HTML_PAGE is the driver printing the page (tests/html/html_page.cpp), or
# any command taking PLAN AS_OF and printing the page. Writes into OUT_DIR the
# page, a copy with a probe script, the DOM Chromium built from that copy, a
# PDF printed by Chromium and three screenshots: page-a4.png (1240x1754),
# page-phone.png (390x844) and page-phone-long.png (390x1800, down to the
# chart: headless screenshots show the top of the page only).
#
# The expected counts are those of data/haiphong.toml on 2026-11-23 (see the
# arithmetic below); another plan or date only gets the generic checks.
# Exit 0 pass, 1 fail, 77 skip (no chromium).
set -u

if [ $# -ne 4 ]; then
    echo "usage: $0 HTML_PAGE PLAN AS_OF OUT_DIR" >&2
    exit 2
fi
page_cmd=$1 plan=$2 as_of=$3 out=$4

chromium=""
for c in chromium chromium-browser; do
    if command -v "$c" >/dev/null 2>&1; then chromium=$(command -v "$c"); break; fi
done
if [ -z "$chromium" ]; then
    echo "SKIP: chromium is not installed (apt-get install chromium)"
    exit 77
fi

mkdir -p "$out" || exit 1
out=$(cd "$out" && pwd)
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

fail=0
check() {  # check DESCRIPTION COMMAND...
    local what=$1
    shift
    if "$@"; then echo "ok: $what"; else echo "FAIL: $what"; fail=1; fi
}

run_chromium() {
    timeout 60 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync --disable-extensions \
        --user-data-dir="$profile" "$@" 2>>"$out/chromium.log"
}

if ! "$page_cmd" "$plan" "$as_of" >"$out/page.html"; then
    echo "FAIL: $page_cmd $plan $as_of"
    exit 1
fi
check "the page is not empty" test -s "$out/page.html"
check "the page has no external references" \
    bash -c '! grep -Eiq "https?://|src=|@import|url\(" "$1"' _ "$out/page.html"

# The probe: measures the chart as drawn and writes the numbers into the DOM.
probe='<script>
(function () {
  var r = [];
  function series(id) {
    var e = document.getElementById(id);
    if (!e) { r.push(id + "=missing"); return; }
    var b = e.getBBox();
    r.push(id + "_w=" + Math.round(b.width), id + "_h=" + Math.round(b.height));
    var line = e.points ? e : e.querySelector("polyline");
    if (line) {
      var p = line.points, n = p.numberOfItems;
      r.push(id + "_points=" + n);
      if (n > 0) r.push(id + "_first=" + p.getItem(0).x.toFixed(1) + "," + p.getItem(0).y.toFixed(1),
                        id + "_last=" + p.getItem(n - 1).x.toFixed(1) + "," + p.getItem(n - 1).y.toFixed(1));
    }
  }
  try {
    series("actual"); series("plan"); series("targets");
    r.push("markers=" + document.querySelectorAll("#targets circle").length);
    var svg = document.querySelector("svg");
    r.push("svg_w=" + Math.round(svg.getBoundingClientRect().width));
  } catch (e) { r.push("error=" + String(e).replace(/\s+/g, "_")); }
  document.body.setAttribute("data-chart", r.join(" "));
})();
</script>'
awk -v probe="$probe" '/<\/body>/ { print probe } { print }' "$out/page.html" >"$out/probe.html"

run_chromium --dump-dom "file://$out/probe.html" >"$out/probe.dom"
chart=$(sed -n 's/.*data-chart="\([^"]*\)".*/\1/p' "$out/probe.dom" | head -1)
echo "measured: $chart"
get() { printf '%s\n' $chart | sed -n "s/^$1=//p"; }

check "the probe ran" test -n "$chart"
check "no error in the probe" test -z "$(get error)"
positive() { [ -n "$1" ] && [ "$1" -gt 0 ] 2>/dev/null; }
check "the actual line has a width" positive "$(get actual_w)"
check "the actual line has a height" positive "$(get actual_h)"
check "the plan line has a width" positive "$(get plan_w)"
check "the targets have a width" positive "$(get targets_w)"
check "the targets have a height" positive "$(get targets_h)"
check "the chart is laid out" positive "$(get svg_w)"
check "the plan starts where the actual line ends" test "$(get actual_last)" = "$(get plan_first)"

if [ "$(basename "$plan")" = haiphong.toml ] && [ "$as_of" = 2026-11-23 ]; then
    # From the rules in data/haiphong.toml's header (no [plan] start, so the
    # chart starts at the first event, 2025-03-31):
    # actual, value from each date on: 2025-03-31 11 (9 + the 2 special zones),
    # 06-30 20, 09-30 29, 12-20 37, 2026-02-27 38, 03-10 37, 04-30 38, 05-20 37,
    # 06-26 38, 08-05 37, 08-28 38, 09-15 39, 09-30 40, 10-23 41, and the
    # as-of point 2026-11-23 41: 15 points, each after the first preceded by
    # a corner of the step where the value changes (all but the as-of point):
    # 15 + 13 = 28 polyline points.
    check "actual step line has 28 points" test "$(get actual_points)" = 28
    # plan: 2026-11-23 41, 2027-03-31 44, 06-30 47, 09-30 50, 12-31 52,
    # 2028-06-30 53, 12-31 54, 2029-09-30 55, 2030-06-30 56, 12-31 57, then
    # 2035-12-31 57 (the last deadline): 11 points, and a corner before each
    # but the first and the last: 11 + 9 = 20.
    check "plan step line has 20 points" test "$(get plan_points)" = 20
    # targets: 4 milestones: a start point, 4 deadlines, 3 risers = 8.
    check "target step line has 8 points" test "$(get targets_points)" = 8
    check "one marker per milestone" test "$(get markers)" = 4
fi

# A4 print: one PDF whose pages are A4 (595 x 842 points).
run_chromium --no-pdf-header-footer --print-to-pdf="$out/page.pdf" "file://$out/page.html" >/dev/null
check "printed to PDF" test -s "$out/page.pdf"
check "the PDF pages are A4" grep -aqE '/MediaBox \[ ?0 0 59[45](\.[0-9]+)? 84[12](\.[0-9]+)? ?\]' "$out/page.pdf"

# Screenshots for the README.
run_chromium --hide-scrollbars --window-size=1240,1754 --screenshot="$out/page-a4.png" "file://$out/page.html" \
    >/dev/null
run_chromium --hide-scrollbars --window-size=390,844 --screenshot="$out/page-phone.png" "file://$out/page.html" \
    >/dev/null
run_chromium --hide-scrollbars --window-size=390,1800 --screenshot="$out/page-phone-long.png" "file://$out/page.html" \
    >/dev/null
check "A4-sized screenshot" test -s "$out/page-a4.png"
check "phone-sized screenshots" test -s "$out/page-phone.png" -a -s "$out/page-phone-long.png"
echo "screenshots: $out/page-a4.png $out/page-phone.png $out/page-phone-long.png"

exit $fail
