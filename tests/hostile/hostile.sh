#!/usr/bin/env bash
# Hostile input: each file either works (exit 0 or 1, a report on stdout) or
# ends with exit 2 and a located message on stderr, never a crash, within a
# time limit and, outside sanitizer builds, a memory limit.
# Usage: hostile.sh ONTRACK [--large] [ONTRACK_TESTS]   (--large adds the 300 MB
# file; with the unit-test binary, the split and the whole parse are compared
# on every hostile file below 1 MiB)
set -uo pipefail
ontrack=$1
large=${2:-}
unit_tests=${3:-}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
failures=0 checked=0
# 4 GiB of address space, unless ASan (which reserves far more) is in use.
limit_memory() { [[ -n ${ONTRACK_SANITIZED:-} ]] || ulimit -v 4194304; }

# expect NAME OUTCOME FILE [STDERR-PATTERN]: OUTCOME is "report" or "error".
expect() {
  local name=$1 outcome=$2 file=$3 pattern=${4:-}
  checked=$((checked + 1))
  (limit_memory; timeout 60 "$ontrack" --as-of 2026-01-01 "$file" >"$dir/out" 2>"$dir/err" </dev/null)
  local rc=$? ok=1
  case $outcome in
    report) [[ $rc == 0 || $rc == 1 ]] && [[ -s $dir/out ]] || ok=0 ;;
    error)
      [[ $rc == 2 && ! -s $dir/out ]] || ok=0
      grep -qE '^.+:[0-9]+:[0-9]+: error: ' "$dir/err" || ok=0 ;;
  esac
  if [[ -n $pattern ]] && ! grep -qE -- "$pattern" "$dir/err"; then ok=0; fi
  if ((ok)); then
    echo "ok   $name (exit $rc)"
  else
    failures=$((failures + 1))
    echo "FAIL $name (exit $rc, expected $outcome${pattern:+ matching /$pattern/})"
    head -c 600 "$dir/err"
  fi
}

plan_head='[plan]
name = "hostile"
total = 10
[[milestone]]
deadline = 2025-12-31
target = "10%"
'
plan() { printf '%s%s' "$plan_head" "$1" >"$dir/$2"; }

# 1. Size.
{ printf '%s' "$plan_head"; printf '[[locality]]\nname = "'; head -c 50000000 /dev/zero | tr '\0' 'x'; printf '"\ncertified = 2025-01-01\n'; } >"$dir/line50mb.toml"
expect "a single line of 50 MB" report "$dir/line50mb.toml"
if [[ $large == --large ]]; then
  { printf '%s' "$plan_head"; yes '# padding comment, padding comment, padding comment, padding comment, padding' | head -c 300000000; } >"$dir/big.toml"
  expect "a file of 300 MB" report "$dir/big.toml"
fi

# 2. Nesting.
repeat() { yes -- "$1" | head -n "$2" | tr -d '\n'; }  # TEXT COUNT
{ printf 'x = '; repeat '[' 100000; repeat ']' 100000; echo; } >"$dir/arrays.toml"
{ printf 'x = '; repeat '{a = ' 100000; printf 1; repeat '}' 100000; echo; } >"$dir/inline.toml"
{ printf a; repeat .a 100000; echo ' = 1'; } >"$dir/dotted.toml"
{ repeat '"a".' 100000; echo 'b = 1'; } >"$dir/quoted.toml"
{ printf '[a'; repeat .a 100000; echo ']'; } >"$dir/header.toml"
expect "arrays nested 100,000 deep" error "$dir/arrays.toml" 'nested value depth'
expect "inline tables nested 100,000 deep" error "$dir/inline.toml" 'nested value depth'
expect "a dotted key of 100,000 parts" error "$dir/dotted.toml" 'dotted parts'
expect "a quoted dotted key of 100,000 parts" error "$dir/quoted.toml" 'dotted parts'
expect "a table header of 100,000 parts" error "$dir/header.toml" 'dotted parts'

# 3. Bytes.
printf '[plan]\nname = "a\0b"\n' >"$dir/nul.toml"
expect "a NUL byte" error "$dir/nul.toml"
printf '[plan]\nname = "H\xf4ng"\n' >"$dir/latin1.toml"
expect "invalid UTF-8" error "$dir/latin1.toml" ':2:10: error: the file is not valid UTF-8'
{ printf '\xef\xbb\xbf'; plan '[[locality]]
name = "A"
certified = 2025-01-01
' bom-body.toml; cat "$dir/bom-body.toml"; } >"$dir/bom.toml"
expect "a byte-order mark" report "$dir/bom.toml"
plan '[[locality]]
name = "A"
certified = 2025-01-01
' crlf.toml
sed -i 's/$/\r/' "$dir/crlf.toml"
expect "CRLF line endings" report "$dir/crlf.toml"

# 4. Dates at the edges.
plan '[[locality]]
name = "A"
certified = [0001-01-01, 2024-02-29]
revoked = 2000-01-01
planned = 9999-12-31
' edges.toml
expect "dates 0001-01-01, 2024-02-29, 9999-12-31" report "$dir/edges.toml"
plan '[[locality]]
name = "A"
certified = 2025-02-30
' feb30.toml
expect "the invalid date 2025-02-30" error "$dir/feb30.toml" ':9:[0-9]+: error: .*day'

# 5. 64-bit counts.
printf '[plan]\nname = "max"\ntotal = 9223372036854775807\n[[milestone]]\ndeadline = 2025-12-31\ntarget = 9223372036854775806\n[[milestone]]\ndeadline = 2026-12-31\ntarget = "100%%"\n' >"$dir/int64.toml"
expect "total = 9223372036854775807 and a count target near it" report "$dir/int64.toml"
printf '[plan]\nname = "over"\ntotal = 9223372036854775808\n[[milestone]]\ndeadline = 2025-12-31\ntarget = 1\n' >"$dir/int64over.toml"
expect "total one above the 64-bit range" error "$dir/int64over.toml"

# 6. Thousands of milestones.
awk 'BEGIN {
  print "[plan]\nname = \"many\"\ntotal = 5000"
  k = 0
  for (y = 2000; k < 5000; y++) for (m = 1; m <= 12 && k < 5000; m++) for (d = 1; d <= 28 && k < 5000; d++)
    printf "[[milestone]]\ndeadline = %04d-%02d-%02d\ntarget = %d\n", y, m, d, ++k
}' >"$dir/milestones.toml"
expect "5,000 milestones" report "$dir/milestones.toml"

# 7. Not a regular file.
mkdir "$dir/adir"
expect "a directory" error "$dir/adir" 'a directory'
mkfifo "$dir/fifo"
expect "a FIFO (nobody writing)" error "$dir/fifo" 'a FIFO'
expect "/dev/zero" error /dev/zero 'character device'

if [[ -n $unit_tests ]]; then
  checked=$((checked + 1))
  if ONTRACK_SPLIT_DIRS=$dir "$unit_tests" "[split_files]" >"$dir/split.out" 2>&1; then
    echo "ok   split and whole parse agree on every hostile file"
  else
    failures=$((failures + 1))
    echo "FAIL split and whole parse differ"
    tail -n 40 "$dir/split.out"
  fi
fi

echo "hostile: $checked files, $failures failures"
echo "$((checked - failures)) passed, $failures failed"
((failures == 0))
