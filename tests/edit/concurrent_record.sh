#!/usr/bin/env bash
# Several `ontrack record` processes at once on one plan: no edit may be lost,
# and each process either succeeds or fails with the lock message.
# Usage: concurrent_record.sh ONTRACK [ROUNDS]
set -uo pipefail
ontrack=$1
rounds=${2:-200}
# On tmpfs where there is one: fsync is then free and 2,000 edits fit in seconds.
if [[ -d /dev/shm && -w /dev/shm ]]; then dir=$(mktemp -d -p /dev/shm); else dir=$(mktemp -d); fi
trap 'rm -rf "$dir"' EXIT
plan=$dir/plan.toml
failures=0

make_plan() {  # make_plan N: N localities U1..UN, none certified
  {
    printf '[plan]\nname = "stress"\n\n[[milestone]]\ndeadline = 2030-12-31\ntarget = "50%%"\n'
    for ((k = 1; k <= $1; k++)); do printf '\n[[locality]]\nid = "U%d"\nname = "Unit %d"\n' "$k" "$k"; done
  } >"$plan"
}

# run_round N: N writers start together, each certifies its own unit.
run_round() {
  local n=$1 k pids=() ok=0 locked=0
  make_plan "$n"
  for ((k = 1; k <= n; k++)); do
    "$ontrack" record "$plan" --id "U$k" --certified 2026-01-0$(((k - 1) % 9 + 1)) --lock-timeout 30 \
      >"$dir/out.$k" 2>"$dir/err.$k" &
    pids+=($!)
  done
  for ((k = 1; k <= n; k++)); do
    if wait "${pids[k - 1]}"; then
      ok=$((ok + 1))
    elif grep -q 'is editing this file' "$dir/err.$k"; then
      locked=$((locked + 1))
    else
      echo "FAIL: writer $k of $n: $(cat "$dir/err.$k")"
      failures=$((failures + 1))
    fi
  done
  local events
  events=$(grep -c '^certified = ' "$plan")
  if ((events != ok)); then
    echo "FAIL: $n writers, $ok succeeded, $locked timed out, but the plan holds $events events"
    failures=$((failures + 1))
  fi
  if ls -A "$dir" | grep -q '\.lock$\|\.ontrack-'; then
    echo "FAIL: left behind: $(ls -A "$dir" | grep '\.lock$\|\.ontrack-')"
    failures=$((failures + 1))
  fi
}

for n in 2 8; do
  for ((r = 0; r < rounds; r++)); do run_round "$n"; done
  echo "$n writers: $rounds rounds"
done
"$ontrack" check "$plan" >/dev/null || { echo "FAIL: the last plan does not check"; failures=$((failures + 1)); }
if ((failures)); then
  echo "$failures failures"
  exit 1
fi
echo "no edit lost"
