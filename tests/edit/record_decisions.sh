#!/usr/bin/env bash
# record --decision/--note, --planned appending with set = today, --remove and
# --move-to, and import with decision and note columns, run through the real
# binary: each resulting plan is compared byte for byte with the text written
# out here by hand, each refusal with its message, line and hint.
# Usage: record_decisions.sh ONTRACK
set -uo pipefail
ontrack=$(realpath "$1")
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir" || exit 1
export ONTRACK_TODAY=2026-11-30 LC_ALL=C LANG=C LANGUAGE= LC_MESSAGES=
failures=0

pass() { echo "ok   $1"; }
fail() { failures=$((failures + 1)); echo "FAIL $1"; }
# same NAME EXPECTED ACTUAL
same() {
  if [[ $2 == "$3" ]]; then pass "$1"; else fail "$1"; diff <(printf '%s\n' "$2") <(printf '%s\n' "$3"); fi
}

head='[plan]
name = "t"

[[milestone]]
deadline = 2030-12-31
target = 1
'
fresh() {
  printf '%s\n[[locality]]\nid = "A"\nname = "An Lão"\nplanned = 2026-06-30   # council\n' "$head" >plan.toml
}

# 1. A certification with its decision and a note: an inline table.
fresh
out=$("$ontrack" record plan.toml --id A --certified 2026-11-20 --decision "1234/QĐ-UBND" --note "after review")
same "record --decision: summary" "An Lão (A): certified 2026-11-20 added (line 12)" "$out"
same "record --decision: the file" "$head
[[locality]]
id = \"A\"
name = \"An Lão\"
planned = 2026-06-30   # council
certified = { date = 2026-11-20, decision = \"1234/QĐ-UBND\", note = \"after review\" }" "$(cat plan.toml)"

# 2. A new planned date is appended, stamped with today; the old one stays.
fresh
out=$("$ontrack" record plan.toml --id A --planned 2027-03-31 --note "moved by the council")
same "record --planned: summary" "An Lão (A): planned 2027-03-31 replaces 2026-06-30 (line 11)" "$out"
same "record --planned: appended" "$head
[[locality]]
id = \"A\"
name = \"An Lão\"
planned = [2026-06-30, { date = 2027-03-31, set = 2026-11-30, note = \"moved by the council\" }]   # council" \
  "$(cat plan.toml)"
# The report lists the move: one entry set on or before 2026-11-30 besides the first.
out=$("$ontrack" plan.toml --as-of 2026-12-01 --list uncovered -f csv | tail -n 1)
same "the list counts one move" "t,uncovered,An Lão,A,,2027-03-31,,,,1" "$out"
out=$("$ontrack" plan.toml --as-of 2026-11-29 --list uncovered -f csv | tail -n 1)
same "a day before it was set, the old plan" "t,uncovered,An Lão,A,,2026-06-30,,,,0" "$out"

# 3. Remove and move.
fresh
"$ontrack" record plan.toml --id A --certified 2026-01-05 --decision "9/QĐ-UBND" >/dev/null
"$ontrack" record plan.toml --id A --revoked 2026-03-01 >/dev/null
out=$("$ontrack" record plan.toml --id A --certified 2026-01-05 --move-to 2026-01-15)
same "record --move-to: summary" "An Lão (A): certified 2026-01-05 moved to 2026-01-15 (line 12)" "$out"
same "record --move-to: the decision stays" "$head
[[locality]]
id = \"A\"
name = \"An Lão\"
planned = 2026-06-30   # council
certified = { date = 2026-01-15, decision = \"9/QĐ-UBND\" }
revoked = 2026-03-01" "$(cat plan.toml)"
err=$("$ontrack" record plan.toml --id A --certified 2026-01-15 --remove 2>&1 >/dev/null)
rc=$?
same "removing the certification before a revocation: refused" "2 plan.toml:12:1: error: revoked on 2026-03-01 before it was ever certified" \
  "$rc $(head -n 1 <<<"$err")"
err=$("$ontrack" record plan.toml --id A --revoked 2026-03-02 --remove 2>&1 >/dev/null)
same "removing a date not there: the hint lists the dates" "plan.toml:13:11: error: An Lão (A) has no revoked date 2026-03-02
    revoked = 2026-03-01
              ^
  hint: its dates: certified = 2026-01-15; revoked = 2026-03-01; planned = 2026-06-30" "$err"
out=$("$ontrack" record plan.toml --id A --revoked 2026-03-01 --remove)
same "record --remove: summary" "An Lão (A): revoked 2026-03-01 removed (line 13)" "$out"
"$ontrack" record plan.toml --id A --certified 2026-01-15 --remove >/dev/null
same "record --remove: the lines go, decision and all" "$head
[[locality]]
id = \"A\"
name = \"An Lão\"
planned = 2026-06-30   # council" "$(cat plan.toml)"

# 4. import with decision and note columns.
fresh
printf 'code,event,date,decision,note\nA,certified,2026-11-20,77/QĐ-UBND,\nA,planned,2027-01-31,,"two\nlines"\n' >records.csv
"$ontrack" import records.csv --plan plan.toml --apply >/dev/null
rc=$?
same "import with decisions: applied" "0" "$rc"
same "import with decisions: the file" "$head
[[locality]]
id = \"A\"
name = \"An Lão\"
planned = [2026-06-30, { date = 2027-01-31, set = 2026-11-30, note = \"two\\nlines\" }]   # council
certified = { date = 2026-11-20, decision = \"77/QĐ-UBND\" }" "$(cat plan.toml)"
printf 'code,event,date,decision\nA,planned,2027-02-28,5/QĐ-UBND\n' >bad.csv
err=$("$ontrack" import bad.csv --plan plan.toml 2>&1 >/dev/null | head -n 1)
same "import: a planned record has no decision" "bad.csv:2:22: error: a planned record has no decision" "$err"

# 5. The decision arrives after the event was typed in: given to it in place.
fresh
"$ontrack" record plan.toml --id A --certified 2026-01-05 >/dev/null
"$ontrack" record plan.toml --id A --revoked 2026-03-01 --note "council" >/dev/null
out=$("$ontrack" record plan.toml --id A --certified 2026-01-05 --decision "12/QĐ-UBND")
rc=$?
same "a decision added to a certification: summary" "0 An Lão (A): decision 12/QĐ-UBND added to certified 2026-01-05 (line 12)" "$rc $out"
out=$("$ontrack" record plan.toml --id A --revoked 2026-03-01 --decision "30/QĐ-UBND")
same "a decision added to an inline table: summary" "An Lão (A): decision 30/QĐ-UBND added to revoked 2026-03-01 (line 13)" "$out"
same "the two events amended in place" "$head
[[locality]]
id = \"A\"
name = \"An Lão\"
planned = 2026-06-30   # council
certified = { date = 2026-01-05, decision = \"12/QĐ-UBND\" }
revoked = { date = 2026-03-01, decision = \"30/QĐ-UBND\", note = \"council\" }" "$(cat plan.toml)"
before=$(cat plan.toml)
err=$("$ontrack" record plan.toml --id A --certified 2026-01-05 --decision "13/QĐ-UBND" 2>&1 >/dev/null)
rc=$?
same "another decision: refused at the one recorded" "2 plan.toml:12:45: error: certified 2026-01-05 of An Lão (A) already has decision 12/QĐ-UBND
    certified = { date = 2026-01-05, decision = \"12/QĐ-UBND\" }
                                                ^
  hint: to give it decision 13/QĐ-UBND instead, remove the event (record --remove) and record it again, or edit the file" "$rc $err"
err=$("$ontrack" record plan.toml --id A --certified 2026-01-05 --decision "12/QĐ-UBND" 2>&1 >/dev/null | head -n 1)
same "the same decision: already recorded" "plan.toml:12:13: error: certified 2026-01-05 is already recorded for An Lão (A)" "$err"
same "refused twice: the plan is unchanged" "$before" "$(cat plan.toml)"
out=$(LANGUAGE=vi LC_ALL=C.UTF-8 "$ontrack" record plan.toml --id A --certified 2026-01-05 --note "bản chính")
same "a note added, in Vietnamese" "An Lão (A): đã bổ sung ghi chú cho sự kiện được công nhận ngày 05/01/2026 (dòng 12)" "$out"

# An event moved into the future is refused as one recorded there would be.
fresh
"$ontrack" record plan.toml --id A --certified 2026-11-01 >/dev/null
err=$("$ontrack" record plan.toml --id A --certified 2026-11-01 --move-to 2026-12-05 2>&1 >/dev/null | head -n 1)
same "record --move-to after today: refused" "ontrack: error: 2026-12-05 is after today (2026-11-30): an event is recorded once it has happened; a date still to come is --planned, and --allow-future records it anyway" "$err"
"$ontrack" record plan.toml --id A --certified 2026-11-01 --move-to 2026-12-05 --allow-future >/dev/null
same "record --move-to with --allow-future" "certified = 2026-12-05" "$(tail -n 1 plan.toml)"

# A planned record stamped today cannot go after a plan set later.
printf '%s\n[[locality]]\nid = "A"\nname = "An Lão"\nplanned = { date = 2027-06-30, set = 2026-12-01 }\n' "$head" >plan.toml
printf 'code,event,date\nA,planned,2027-09-30\n' >later.csv
err=$("$ontrack" import later.csv --plan plan.toml --apply 2>&1 >/dev/null | head -n 1)
same "import: a plan set after today" "later.csv:2:1: error: the plan of An Lão was set on 2026-12-01, after today (2026-11-30)" "$err"
record_err=$("$ontrack" record plan.toml --id A --planned 2027-09-30 2>&1 >/dev/null | head -n 1)
same "record: the same, refused by the loader's rule" "plan.toml:11:62: error: planned date set on 2026-11-30, before the one before it (set on 2026-12-01)" "$record_err"

# A planned date on or before the latest event is recorded, with check's
# warning at the locality's [[locality]] line (8).
fresh
"$ontrack" record plan.toml --id A --certified 2026-11-20 >/dev/null
err=$("$ontrack" record plan.toml --id A --planned 2026-11-01 2>&1 >/dev/null)
rc=$?
same "record --planned before the latest event: warned" "0 plan.toml:8: warning: An Lão: planned 2026-11-01 is not after its latest event (certified 2026-11-20); it was fulfilled or overtaken and counts as no plan: give a new planned date or remove it" "$rc $err"
err=$("$ontrack" record plan.toml --id A --planned 2026-12-20 2>&1 >/dev/null)
same "record --planned after the latest event: no warning" "" "$err"

echo "$failures failed"
[[ $failures == 0 ]]
