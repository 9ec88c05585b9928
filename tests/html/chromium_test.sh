#!/usr/bin/env bash
# The HTML page in headless Chromium: is the burn-up chart drawn, and does the
# page fit a phone, a desktop and an A4 sheet?
#   chromium_test.sh ONTRACK PLAN AS_OF OUT_DIR
# Writes the page of PLAN with --forecast --by kind --list overdue, in
# Vietnamese (page.html) and in English (page-en.html), into OUT_DIR, with a
# copy of each carrying a probe script, the DOM Chromium built from them, a
# PDF of each printed by Chromium and three screenshots: page-a4.png
# (1240x1754), page-phone.png (390x844) and page-phone-long.png (390x1800).
#
# Layout, measured by the probe inside an iframe of the width asked for (a
# headless window is never narrower than 500 px): at 390 px and 1200 px the
# page never scrolls sideways (documentElement.scrollWidth <= clientWidth);
# at 1200 px every table is whole (not wider than its box); dates never wrap;
# the legend's items never overlap; with the print rules applied at the A4
# text width (210 mm - 2 x 15 mm = 180 mm = 680 px) the page and every table
# fit.
#
# The expected counts are those of data/haiphong.toml on 2026-11-23 (see the
# arithmetic below); another plan or date only gets the generic checks.
# Exit 0 pass, 1 fail, 77 skip (no chromium).
set -u

if [ $# -ne 4 ]; then
    echo "usage: $0 ONTRACK PLAN AS_OF OUT_DIR" >&2
    exit 2
fi
ontrack=$1 plan=$2 as_of=$3 out=$4

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

page() {  # page LANG: the page on stdout; exit 0 (on track) or 1 (behind) is a page
    "$ontrack" --as-of "$as_of" --lang "$1" -f html --forecast --by kind --list overdue "$plan"
    [ $? -le 1 ]
}
if ! page vi >"$out/page.html" || ! page en >"$out/page-en.html"; then
    echo "FAIL: $ontrack --as-of $as_of -f html ... $plan"
    exit 1
fi
for p in page page-en; do
    check "$p: the page is not empty" test -s "$out/$p.html"
    check "$p: the page has no external references" \
        bash -c '! grep -Eiq "https?://|src=|@import|url\(" "$1"' _ "$out/$p.html"
done

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
    var svg = document.querySelector("svg.chart");
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

# The layout probe: run inside an iframe of the width asked for, it measures
# the page and posts the numbers to the frame, which writes them into its DOM.
# With ?print=1 it first applies the print rules on screen (and drops the
# narrow-screen ones), to measure the printout at the A4 text width.
layout_probe='<script>
window.addEventListener("load", function () {
  var r = [];
  try {
    if (location.search.indexOf("print=1") >= 0) {
      for (var s of document.styleSheets) for (var rule of s.cssRules) if (rule.media) {
        if (rule.media.mediaText === "print") rule.media.mediaText = "all";
        else if (rule.media.mediaText.indexOf("max-width") >= 0) rule.media.mediaText = "not all";
      }
    }
    var de = document.documentElement;
    r.push("client=" + de.clientWidth, "scroll=" + de.scrollWidth);
    var wide = 0, k = 0;
    document.querySelectorAll(".table-wrap").forEach(function (w) {
      var t = Math.ceil(w.querySelector("table").getBoundingClientRect().width);
      r.push("table" + k++ + "=" + t + "/" + w.clientWidth);
      if (t > w.clientWidth) wide++;
    });
    r.push("tables=" + k, "tables_wider=" + wide);
    var wrapped = 0, dates = document.querySelectorAll("td.date, th.date");
    dates.forEach(function (cell) {
      var range = document.createRange(); range.selectNodeContents(cell);
      if (range.getClientRects().length > 1) wrapped++;
    });
    r.push("dates=" + dates.length, "dates_wrapped=" + wrapped);
    var items = Array.from(document.querySelectorAll("ul.legend li")).map(function (e) { return e.getBoundingClientRect(); });
    var overlaps = 0;
    for (var i = 0; i < items.length; i++) for (var j = i + 1; j < items.length; j++) {
      var a = items[i], b = items[j];
      if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) overlaps++;
    }
    r.push("legend=" + items.length, "legend_overlaps=" + overlaps);
  } catch (e) { r.push("error=" + String(e).replace(/\s+/g, "_")); }
  parent.postMessage(r.join(" "), "*");
});
</script>'
cat >"$out/frame.html" <<'EOF'
<!doctype html><html><body style="margin:0"><iframe id="f" style="border:0"></iframe>
<script>
var q = new URLSearchParams(location.search), f = document.getElementById("f");
f.style.width = q.get("w") + "px";
f.style.height = (q.get("h") || 900) + "px";
window.addEventListener("message", function (e) { document.body.setAttribute("data-layout", e.data); });
f.src = q.get("src") + (q.get("print") ? "?print=1" : "");
</script></body></html>
EOF
measure() {  # measure PAGE WIDTH [print]: the probe's numbers
    local query="w=$2&src=$1-layout.html"
    [ $# -eq 3 ] && query="$query&print=1"
    run_chromium --window-size=1300,900 --virtual-time-budget=10000 --dump-dom "file://$out/frame.html?$query" |
        sed -n 's/.*data-layout="\([^"]*\)".*/\1/p' | head -1
}
for p in page page-en; do
    awk -v probe="$layout_probe" '/<\/body>/ { print probe } { print }' "$out/$p.html" >"$out/$p-layout.html"
    for view in 390 1200 680:print; do
        width=${view%%:*}
        if [ "$view" = 680:print ]; then layout=$(measure "$p" 680 print); else layout=$(measure "$p" "$width"); fi
        echo "$p at $view: $layout"
        lget() { printf '%s\n' $layout | sed -n "s/^$1=//p"; }
        check "$p at $view: measured" test -n "$layout" -a -z "$(lget error)"
        check "$p at $view: the page does not scroll sideways ($(lget scroll) <= $(lget client))" \
            test "$(lget scroll)" -le "$(lget client)" 2>/dev/null
        check "$p at $view: no date wraps" test "$(lget dates_wrapped)" = 0 -a "$(lget dates)" -gt 0 2>/dev/null
        check "$p at $view: the legend's $(lget legend) items do not overlap" \
            test "$(lget legend_overlaps)" = 0 -a "$(lget legend)" = 4
        # Every table whole on a desktop and on paper; on a phone a table may scroll in its box.
        if [ "$width" != 390 ]; then
            check "$p at $view: every table is whole ($(lget tables) tables)" \
                test "$(lget tables_wider)" = 0 -a "$(lget tables)" -gt 0 2>/dev/null
        fi
    done
done

# A4 print: one PDF per page whose pages are A4 (595 x 842 points).
for p in page page-en; do
    run_chromium --no-pdf-header-footer --print-to-pdf="$out/$p.pdf" "file://$out/$p.html" >/dev/null
    check "$p: printed to PDF" test -s "$out/$p.pdf"
    check "$p: the PDF pages are A4" grep -aqE '/MediaBox \[ ?0 0 59[45](\.[0-9]+)? 84[12](\.[0-9]+)? ?\]' "$out/$p.pdf"
done

# Screenshots for the README.
run_chromium --hide-scrollbars --window-size=1240,1754 --screenshot="$out/page-a4.png" "file://$out/page.html" \
    >/dev/null
# A phone's 390 px through the frame (a headless window is at least 500 px wide).
run_chromium --hide-scrollbars --window-size=500,844 --virtual-time-budget=5000 --screenshot="$out/page-phone.png" \
    "file://$out/frame.html?w=390&h=844&src=page.html" >/dev/null
run_chromium --hide-scrollbars --window-size=500,1800 --virtual-time-budget=5000 \
    --screenshot="$out/page-phone-long.png" "file://$out/frame.html?w=390&h=1800&src=page.html" >/dev/null
check "A4-sized screenshot" test -s "$out/page-a4.png"
check "phone-sized screenshots" test -s "$out/page-phone.png" -a -s "$out/page-phone-long.png"
echo "screenshots: $out/page-a4.png $out/page-phone.png $out/page-phone-long.png"

exit $fail
