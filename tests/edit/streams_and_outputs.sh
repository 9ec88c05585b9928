#!/usr/bin/env bash
# What a run does when its streams fail, and where a report may be written,
# through the real binary:
#  1. every command with standard error full or closed and standard output
#     full or closed: only the documented statuses (0, 1, 2), never an abort
#     or a signal; an edit whose summary cannot be written leaves the plan as
#     it was (exit 2), and a retry then succeeds;
#  2. -o onto any file the report reads (a part, a nested roll-up's part,
#     through a symbolic link, a hard link, ./ and ../dir/) is refused with
#     exit 2 and the file is unchanged.
# Usage: streams_and_outputs.sh ONTRACK SOURCE_DIR
set -uo pipefail
ontrack=$(realpath "$1")
src=$(realpath "$2")
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir" || exit 1
export ONTRACK_TODAY=2026-11-30 LC_ALL=C LANG=C LANGUAGE= LC_MESSAGES=
failures=0
pass() { echo "ok   $1"; }
fail() { failures=$((failures + 1)); echo "FAIL $1"; }

cp -r "$src/tests/e2e/plans/rollup" rollup
cp "$src/data/haiphong.toml" plan.toml
printf 'code,name,type\n1,An,xã\n2,Binh,phường\n' >roster.csv
printf 'code,event,date\n11629,certified,2026-11-20\n' >records.csv

# status NAME ALLOWED... -- COMMAND: runs COMMAND (a shell string), passes
# when its status is one of ALLOWED.
status() {
  local name=$1 allowed=() rc
  shift
  while [[ $1 != -- ]]; do allowed+=("$1"); shift; done
  shift
  bash -c "$1" >/dev/null 2>&1
  rc=$?
  for a in "${allowed[@]}"; do [[ $rc == "$a" ]] && { pass "$name ($rc)"; return; }; done
  fail "$name: exit $rc, expected one of ${allowed[*]}"
}

# 1. Every command under each broken stream. A report of a plan behind its
# milestones is 1; an edit whose standard output fails is 2.
commands=(
  "'$ontrack' plan.toml --as-of 2026-11-23"
  "'$ontrack' plan.toml --as-of 2026-11-23 --forecast --explain --chart"
  "'$ontrack' rollup/national.toml --as-of 2026-11-23 -f json"
  "'$ontrack' plan.toml --as-of 2026-11-23 -o report.csv"
  "'$ontrack' no-such-plan.toml"
  "'$ontrack' --no-such-option"
  "'$ontrack' --help"
  "'$ontrack' --version"
  "'$ontrack' check plan.toml rollup/national.toml rollup/north.toml"
  "'$ontrack' import records.csv --plan plan.toml"
  "'$ontrack' init --units roster.csv"
  "'$ontrack' init --units roster.csv -o new.toml --force"
)
for c in "${commands[@]}"; do
  for redirect in "2>/dev/full" "2>&-" ">/dev/full" ">&-" ">/dev/full 2>&-" ">&- 2>&-"; do
    status "${c//"'$ontrack'"/ontrack} $redirect" 0 1 2 -- "$c $redirect"
  done
done

# record and import --apply: standard output full or closed, the plan is
# unchanged and the status 2; with standard error broken as well, the same.
for redirect in ">/dev/full" ">&-" ">/dev/full 2>&-" ">&- 2>/dev/full"; do
  cp "$src/data/haiphong.toml" edit.toml
  status "record $redirect: exit 2" 2 -- "'$ontrack' record edit.toml --id 11629 --certified 2026-11-20 $redirect"
  cmp -s edit.toml "$src/data/haiphong.toml" && pass "record $redirect: plan unchanged" ||
    fail "record $redirect: plan changed"
  status "import --apply $redirect: exit 2" 2 -- "'$ontrack' import records.csv --plan edit.toml --apply $redirect"
  cmp -s edit.toml "$src/data/haiphong.toml" && pass "import --apply $redirect: plan unchanged" ||
    fail "import --apply $redirect: plan changed"
  ls -A | grep -q ontrack- && fail "record $redirect: a temporary file is left" || pass "record $redirect: nothing left"
done
# Standard error broken: it never decides the status; the plan is changed.
cp "$src/data/haiphong.toml" edit.toml
status "record 2>&-: exit 0" 0 -- "'$ontrack' record edit.toml --id 11629 --certified 2026-11-20 2>&-"
grep -q 'certified = 2026-11-20' edit.toml && pass "record 2>&-: recorded" || fail "record 2>&-: not recorded"
# The reader gone: exit 2, nothing replaced (no SIGPIPE after the replace).
cp "$src/data/haiphong.toml" edit.toml
rc=$( (sleep 0; "$ontrack" record edit.toml --id 11629 --certified 2026-11-20 2>/dev/null; echo $? >rc) | true; cat rc)
[[ $rc == 2 ]] && pass "record | (reader gone): exit 2" || fail "record | (reader gone): exit $rc"
cmp -s edit.toml "$src/data/haiphong.toml" && pass "record | (reader gone): plan unchanged" ||
  fail "record | (reader gone): plan changed"

# 2. -o onto a file the report reads, by any path.
mkdir -p other
ln -s rollup/north.toml link.toml
ln rollup/south.toml hard.toml
cp -r rollup before
refuse() {
  local name=$1 out=$2
  shift 2
  err=$("$ontrack" "$@" --as-of 2026-11-23 -o "$out" 2>&1 >/dev/null)
  rc=$?
  if [[ $rc == 2 && $err == *"refusing to write the report over a plan it reads"* ]] && diff -r rollup before >/dev/null
  then pass "$name"; else fail "$name: exit $rc: $err"; fi
}
refuse "-o onto a part" rollup/north.toml rollup/national.toml
refuse "-o onto a nested roll-up's part" rollup/east/east_one.toml rollup/national.toml
refuse "-o onto a nested roll-up" rollup/east/east.toml rollup/national.toml
refuse "-o onto a part through a symbolic link" link.toml rollup/national.toml
refuse "-o onto a part through a hard link" hard.toml rollup/national.toml
refuse "-o onto a part through ./" ./rollup/./north.toml rollup/national.toml
refuse "-o onto a part through ../dir/" other/../rollup/north.toml rollup/national.toml
refuse "-o onto the plan itself, json" ./rollup/north.toml rollup/north.toml -f json
# A file read is never written; an unrelated file is.
"$ontrack" rollup/national.toml --as-of 2026-11-23 -o other/report.json >/dev/null 2>&1
[[ -s other/report.json ]] && pass "-o elsewhere: written" || fail "-o elsewhere: not written"

# 3. The first real reason: a folder the user may not write is "Permission
# denied", not the "No such file or directory" of a second attempt. Run as
# nobody when the test runs as root (root may write anywhere).
mkdir locked && cp "$src/data/haiphong.toml" locked/plan.toml && chmod 755 locked && chmod 666 locked/plan.toml
as_user=()
if [[ $(id -u) == 0 ]] && command -v setpriv >/dev/null; then
  as_user=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
  chmod 755 "$dir"
fi
if [[ $(id -u) != 0 || ${#as_user[@]} -gt 0 ]]; then
  err=$("${as_user[@]}" "$ontrack" record locked/plan.toml --id 11629 --certified 2026-11-20 2>&1 >/dev/null)
  [[ $err == *"plan.toml.lock: cannot create the lock file: Permission denied"* ]] &&
    pass "record in a folder not writable: Permission denied" || fail "record in a folder not writable: $err"
fi

echo "$failures failure(s)"
[[ $failures == 0 ]]
