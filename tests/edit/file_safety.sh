#!/usr/bin/env bash
# What an edit keeps of the user's file and what it leaves behind: mode,
# group, owner, symbolic and hard links, read-only plans, '-', standard input
# as the output, the lock, signals during a write, stale temporaries, and
# write errors on standard output for every command.
# Usage: file_safety.sh ONTRACK
set -uo pipefail
ontrack=$(realpath "$1")
dir=$(mktemp -d)
chmod 755 "$dir"
trap 'rm -rf "$dir"' EXIT
cd "$dir" || exit 1
failures=0 checked=0

pass() { checked=$((checked + 1)); echo "ok   $1"; }
fail() { checked=$((checked + 1)); failures=$((failures + 1)); echo "FAIL $1"; }
check() { local name=$1; shift; if "$@"; then pass "$name"; else fail "$name"; fi; }

plan_text() {
  printf '[plan]\nname = "t"\n\n[[milestone]]\ndeadline = 2030-12-31\ntarget = "50%%"\n\n'
  printf '[[locality]]\nid = "A"\nname = "Alpha"\n\n[[locality]]\nid = "B"\nname = "Beta"\n'
}
fresh() { rm -f "$1"; plan_text >"$1"; }
record() { "$ontrack" record "$@" --lock-timeout 2; }
leftovers() { ls -A "${1:-.}" | grep -E '\.lock$|\.ontrack-' || true; }

# The mode is kept.
for mode in 600 640 664; do
  fresh plan.toml; chmod "$mode" plan.toml
  record plan.toml --id A --certified 2026-01-05 >/dev/null 2>err
  check "mode $mode kept" [ "$(stat -c %a plan.toml)" = "$mode" ]
done
check "the edit is in the file" grep -q '^certified = 2026-01-05$' plan.toml

# The group is kept; as root the owner is kept too.
if [[ $(id -u) == 0 ]]; then
  fresh plan.toml; chown 65534:100 plan.toml; chmod 664 plan.toml
  record plan.toml --id A --certified 2026-01-05 >/dev/null
  check "as root: owner and group kept" [ "$(stat -c %u:%g plan.toml)" = "65534:100" ]

  if command -v setpriv >/dev/null; then
    # A colleague in the plan's group edits it: the file becomes the
    # colleague's, in the same group, with the same mode.
    mkdir shared; chgrp 100 shared; chmod 2775 shared
    plan_text >shared/plan.toml; chgrp 100 shared/plan.toml; chmod 664 shared/plan.toml
    setpriv --reuid 65534 --regid 100 --clear-groups "$ontrack" record shared/plan.toml --id A --certified 2026-01-05 \
      >/dev/null 2>err
    check "a group member's edit: owner becomes the writer, group and mode kept" \
      [ "$(stat -c %u:%g:%a shared/plan.toml)" = "65534:100:664" ]
    # Someone outside the group who may write the file cannot keep its group:
    # refused before anything changes.
    mkdir open; chmod 777 open
    plan_text >open/plan.toml; chgrp 100 open/plan.toml; chmod 666 open/plan.toml
    before=$(md5sum <open/plan.toml)
    setpriv --reuid 65534 --regid 65534 --clear-groups "$ontrack" record open/plan.toml --id A \
      --certified 2026-01-05 >/dev/null 2>err
    rc=$?
    check "group that cannot be kept: exit 2" [ "$rc" = 2 ]
    check "group that cannot be kept: said why" grep -q "cannot keep its group" err
    check "group that cannot be kept: file unchanged" [ "$(md5sum <open/plan.toml)" = "$before" ]
    check "group that cannot be kept: nothing left" [ -z "$(leftovers open)" ]
  else
    echo "skip setpriv cases: no setpriv"
  fi
else
  echo "skip owner and group cases: not root"
fi

# A symbolic link is followed: the plan it names is edited, the link stays.
mkdir -p real; fresh real/plan.toml; ln -sf real/plan.toml link.toml
record link.toml --id A --certified 2026-01-05 >/dev/null
check "symlink: still a link" [ -L link.toml ]
check "symlink: its target edited" grep -q '^certified = 2026-01-05$' real/plan.toml
check "symlink: nothing left beside the target" [ -z "$(leftovers real)" ]

# A plan with two hard links is refused.
fresh plan.toml; ln -f plan.toml hard.toml
record plan.toml --id A --certified 2026-01-05 >/dev/null 2>err
rc=$?
check "hard link: exit 2" [ "$rc" = 2 ]
check "hard link: said why" grep -q "hard links" err
check "hard link: unchanged" cmp -s plan.toml hard.toml
check "hard link: unchanged text" [ "$(plan_text | md5sum)" = "$(md5sum <plan.toml)" ]
rm -f hard.toml

# A read-only plan is refused, even for root in a writable folder.
fresh plan.toml; chmod 444 plan.toml
record plan.toml --id A --certified 2026-01-05 >/dev/null 2>err
rc=$?
check "read-only: exit 2" [ "$rc" = 2 ]
check "read-only: said why" grep -q "read-only" err
check "read-only: unchanged" [ "$(plan_text | md5sum)" = "$(md5sum <plan.toml)" ]
chmod 644 plan.toml

# '-' is never a file name.
fresh plan.toml
"$ontrack" record - --id A --certified 2026-01-05 </dev/null >/dev/null 2>err
check "record -: exit 2" [ $? = 2 ]
printf 'code,event,date\nA,certified,2026-01-05\n' >records.csv
"$ontrack" import records.csv --plan - --apply <plan.toml >/dev/null 2>err
check "import --plan - --apply: exit 2" [ $? = 2 ]
"$ontrack" --as-of 2026-06-01 plan.toml -o - >out 2>err
check "report -o -: written to standard output" grep -q "Alpha\|t" out
printf 'code,name,type\n1,Alpha,xã\n' >roster.csv
"$ontrack" init --units roster.csv -o - >out 2>err
check "init -o -: written to standard output" grep -q '^\[plan\]' out
check "no file named -" [ ! -e ./- ]

# A report read from standard input is never written over that file.
fresh plan.toml
"$ontrack" - --as-of 2026-06-01 -o plan.toml <plan.toml >/dev/null 2>err
check "stdin as the output: exit 2" [ $? = 2 ]
check "stdin as the output: plan unchanged" [ "$(plan_text | md5sum)" = "$(md5sum <plan.toml)" ]

# The lock: a writer fails, naming the lock file, while another holds it
# (this shell, through flock(1) on a descriptor: held before ontrack starts).
fresh plan.toml
if command -v flock >/dev/null; then
  exec 9<>plan.toml.lock
  flock 9
  "$ontrack" record plan.toml --id A --certified 2026-01-05 --lock-timeout 0 >/dev/null 2>err
  check "lock held: exit 2" [ $? = 2 ]
  check "lock held: names the lock file" grep -q "plan.toml.lock" err
  check "lock held: plan unchanged" [ "$(plan_text | md5sum)" = "$(md5sum <plan.toml)" ]
  exec 9>&-
fi
# A lock file left by a killed process blocks nobody; its temporary file is
# removed by the next writer, which says so.
fresh plan.toml; echo 99999 >plan.toml.lock; echo junk >.plan.toml.ontrack-AbC123
record plan.toml --id A --certified 2026-01-05 >/dev/null 2>err
check "stale lock: the edit goes through" grep -q '^certified = 2026-01-05$' plan.toml
check "stale temporary: removed and said" grep -q "ontrack-AbC123" err
check "stale: nothing left" [ -z "$(leftovers)" ]

# A signal during the write of a large plan leaves nothing behind.
{
  plan_text
  for ((k = 0; k < 120000; k++)); do printf '\n[[locality]]\nid = "X%d"\nname = "Unit %d"\n' "$k" "$k"; done
} >big.toml
cp big.toml big.orig
# The signal lands at a point the test sees in the file system, never after
# a length of time: once the lock is taken (the lock file holds the writer's
# pid: the plan is being read), and once the temporary file exists (the new
# plan is being written). A writer that finishes before the point is seen
# gets its signal too late, which is no failure.
running() {
  local state
  state=$(ps -o stat= -p "$1" 2>/dev/null) && [[ $state != Z* ]]
}
lock_taken() { grep -qx "$1" big.toml.lock 2>/dev/null; }
writing() { compgen -G '.big.toml.ontrack-*' >/dev/null; }
for point in lock_taken writing; do
  for sig in TERM INT HUP; do
    rm -f big.toml.lock
    "$ontrack" record big.toml --id X5 --certified 2026-01-05 >/dev/null 2>&1 &
    pid=$!
    while running "$pid" && ! "$point" "$pid"; do sleep 0.01; done
    kill -s "$sig" "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    rc=$?
    if [[ -n $(leftovers) ]]; then
      fail "SIG$sig once $point (exit $rc): left $(leftovers)"
    elif ! cmp -s big.toml big.orig && ! grep -q '^certified = 2026-01-05$' big.toml; then
      fail "SIG$sig once $point: the plan is neither the old nor the new one"
    else
      pass "SIG$sig once $point (exit $rc): nothing left"
    fi
    cp big.orig big.toml
  done
done

# Write errors on standard output are errors, for every command.
if [[ -w /dev/full ]]; then
  fresh plan.toml
  for cmd in "check plan.toml" "--as-of 2026-06-01 plan.toml" "init --units roster.csv" \
             "import records.csv --plan plan.toml" "record plan.toml --id B --certified 2026-01-05"; do
    # shellcheck disable=SC2086
    "$ontrack" $cmd >/dev/full 2>err
    rc=$?
    if [[ $rc == 2 ]] && grep -q "No space left on device" err; then pass "> /dev/full: $cmd"; else
      fail "> /dev/full: $cmd (exit $rc: $(cat err))"; fi
  done
fi

echo "$checked checked, $failures failed"
((failures == 0))
