#!/usr/bin/env bash
# The workbook (--format xlsx) read back two ways: its sheet XML (unzip), so
# that numbers are numeric cells and dates are date cells with the figures of
# --format json; and, where LibreOffice is installed, every sheet converted to
# csv by LibreOffice itself and compared with the same figures.
# Usage: xlsx_test.sh ONTRACK PLAN   (exit 77: unzip missing)
set -uo pipefail
ontrack=$1
plan=$2
command -v unzip >/dev/null || { echo "skip: no unzip"; exit 77; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
failures=0 checked=0
pass() { checked=$((checked + 1)); echo "ok   $1"; }
fail() { checked=$((checked + 1)); failures=$((failures + 1)); echo "FAIL $1"; }
check() { local name=$1; shift; if "$@"; then pass "$name"; else fail "$name"; fi; }

as_of=2026-11-23
opts=(--as-of "$as_of" --forecast --by kind --list overdue --since 2026-01-01)
"$ontrack" "$plan" "${opts[@]}" -o "$dir/r.xlsx" 2>"$dir/err"
check "-o r.xlsx: exit 0 or 1" test $? -le 1
check "-o r.xlsx: a zip" test "$(head -c 2 "$dir/r.xlsx")" = "PK"
"$ontrack" "$plan" --as-of "$as_of" -f json >"$dir/r.json"
"$ontrack" "$plan" "${opts[@]}" -f xlsx -o - >"$dir/stdout.xlsx" 2>/dev/null
check "-f xlsx -o - to a pipe: the same workbook size" test "$(wc -c <"$dir/stdout.xlsx")" -gt 1000

sheet() { unzip -p "$dir/r.xlsx" "xl/worksheets/sheet$1.xml"; }
unzip -p "$dir/r.xlsx" xl/workbook.xml >"$dir/workbook.xml"
for name in Summary Units "Chart data" Forecast Breakdown Changes Overdue; do
  check "a sheet named $name" grep -q "name=\"$name\"" "$dir/workbook.xml"
done

# The required counts of json are numeric cells of column D on the summary.
mapfile -t required < <(grep -o '"required": [0-9]*' "$dir/r.json" | grep -o '[0-9]*$')
sheet 1 >"$dir/summary.xml"
for n in "${required[@]}"; do
  check "required $n: a numeric cell in column D" grep -qE "<c r=\"D[0-9]+\"( s=\"[0-9]+\")?><v>$n</v></c>" "$dir/summary.xml"
done
covered=$(grep -o '"covered": [0-9]*' "$dir/r.json" | head -n 1 | grep -o '[0-9]*$')
total=$(grep -o '"total": [0-9]*' "$dir/r.json" | head -n 1 | grep -o '[0-9]*$')
# The summary carries the report's sentences as the other formats write them,
# and the milestones' certified units (column E) as numbers.
check "the as-of sentence of the other formats" grep -q "As of $as_of: $covered of $total units drug-free" "$dir/summary.xml"
check "drug-free now ($covered): a numeric cell in column E" grep -qE "<c r=\"E[0-9]+\"( s=\"[0-9]+\")?><v>$covered</v></c>" "$dir/summary.xml"
# Print setup: the chart's data hidden (never printed), every table's header
# repeated on each printed page, one page wide.
check "the chart data sheet is hidden" grep -qE '<sheet name="Chart data" sheetId="[0-9]+" state="hidden"' "$dir/workbook.xml"
check "headers repeated on printed pages" grep -qE 'Print_Titles" localSheetId="[0-9]+">Forecast!\$2:\$2' "$dir/workbook.xml"
for n in 1 3 4 5 6; do
  check "sheet $n: one page wide" bash -c "unzip -p '$dir/r.xlsx' xl/worksheets/sheet$n.xml | grep -q 'fitToHeight=\"0\"'"
done
unzip -p "$dir/r.xlsx" xl/styles.xml >"$dir/styles.xml"
check "a date format (yyyy-mm-dd in English)" grep -q 'formatCode="yyyy-mm-dd"' "$dir/styles.xml"
check "text is inline strings, never formulas" bash -c "! grep -q '<f>' '$dir/summary.xml'"

# The units sheet: one row per listed locality, plus the header.
listed=$(grep -o '"listed": [0-9]*' "$dir/r.json" | head -n 1 | grep -o '[0-9]*$')
rows=$(sheet 2 | grep -o '<row r="' | wc -l)
check "units sheet: $listed localities and a header ($rows rows)" test "$rows" -eq $((listed + 1))
check "units sheet: filters on" bash -c "unzip -p '$dir/r.xlsx' xl/worksheets/sheet2.xml | grep -q '<autoFilter'"
check "units sheet: header frozen" bash -c "unzip -p '$dir/r.xlsx' xl/worksheets/sheet2.xml | grep -q 'state=\"frozen\"'"
check "a native chart" bash -c "unzip -l '$dir/r.xlsx' | grep -q 'xl/charts/chart1.xml'"
check "print setup: A4 landscape, one page wide" \
  bash -c "grep -q 'paperSize=\"9\"' '$dir/summary.xml' && grep -q 'orientation=\"landscape\"' '$dir/summary.xml' && grep -q 'fitToHeight=\"0\"' '$dir/summary.xml'"

# Vietnamese: the date format is dd/mm/yyyy and the sheet names are Vietnamese.
"$ontrack" "$plan" --lang vi --as-of "$as_of" -o "$dir/vi.xlsx" 2>/dev/null
check "vi: dates dd/mm/yyyy" bash -c "unzip -p '$dir/vi.xlsx' xl/styles.xml | grep -q 'formatCode=\"dd/mm/yyyy\"'"
check "vi: the summary sheet is Tổng hợp" bash -c "unzip -p '$dir/vi.xlsx' xl/workbook.xml | grep -q 'name=\"Tổng hợp\"'"

# LibreOffice reads it back: every sheet to csv, the figures as json says.
if command -v soffice >/dev/null && [[ -z ${ONTRACK_SANITIZED:-} ]]; then
  (cd "$dir" && HOME="$dir" timeout 120 soffice --headless --convert-to \
    'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' r.xlsx >/dev/null 2>&1)
  summary_csv=$(ls "$dir"/r-Summary.csv 2>/dev/null)
  if [[ -n $summary_csv ]]; then
    for n in "${required[@]}"; do
      check "LibreOffice: required $n on the summary" grep -qE "^[^,]*,[^,]*,[^,]*,$n," "$summary_csv"
    done
    check "LibreOffice: the as-of day as a date" grep -q "$as_of" "$summary_csv"
    units_rows=$(($(wc -l <"$dir/r-Units.csv") - 1))
    check "LibreOffice: $listed units" test "$units_rows" -eq "$listed"
    # Kiến An's latest event, its re-certification, carries decision 2710/QĐ-UBND;
    # An Lão's plan moved once (2026-03-31, then 2026-06-30 set on 2026-02-15).
    check "LibreOffice: the latest event's decision" grep -q '^11443,Kiến An,.*,2710/QĐ-UBND,' "$dir/r-Units.csv"
    check "LibreOffice: An Lão's plan moved once" grep -qE '^11629,An Lão,.*,1$' "$dir/r-Units.csv"
  else
    fail "LibreOffice converted no sheet: $(ls "$dir")"
  fi
else
  echo "skip LibreOffice read-back: soffice not installed"
fi

echo "$checked checked, $failures failed"
((failures == 0))
