#!/usr/bin/env bash
# Hostile input: each file either works (exit 0 or 1, a report on stdout) or
# ends with exit 2 and a located message on stderr, never a crash, within a
# time limit and, outside sanitizer builds, a memory limit.
# Usage: hostile.sh ONTRACK [--large] [ONTRACK_TESTS]   (--large adds the 300 MB
# file; with the unit-test binary, the split and the whole parse are compared
# on every hostile file below 1 MiB)
set -uo pipefail
ontrack=$(realpath "$1")
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
  # The limit is 96 MiB (100,663,296 bytes): just under it loads, above it is refused before reading.
  { printf '%s' "$plan_head"; yes '# padding comment, padding comment, padding comment, padding comment, padding' | head -c 100000000; } >"$dir/big.toml"
  expect "a file of 100 MB, just under the 96 MiB limit" report "$dir/big.toml"
  { printf '%s' "$plan_head"; yes '# padding comment, padding comment, padding comment, padding comment, padding' | head -c 300000000; } >"$dir/big.toml"
  expect "a file of 300 MB, above the limit" error "$dir/big.toml" ':1:1: error: the file is larger than 96 MiB'
  rm -f "$dir/big.toml"
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

# 8. Second round: overflow, memory budget, threads, inert messages.
# expect_run NAME RC STDERR-PATTERN FORBIDDEN-STDOUT-PATTERN ULIMIT-KB ARGS...: exit status RC exactly,
# stderr matching, stdout free of the forbidden pattern, within 60 s (ULIMIT-KB 0: the usual 4 GiB).
expect_run() {
  local name=$1 want=$2 pattern=$3 forbidden=$4 kb=$5
  shift 5
  checked=$((checked + 1))
  (if ((kb)); then ulimit -v "$kb"; else limit_memory; fi
   timeout 60 "$ontrack" "$@" >"$dir/out" 2>"$dir/err" </dev/null)
  local rc=$? ok=1
  [[ $rc == "$want" ]] || ok=0
  [[ -z $pattern ]] || grep -qE -- "$pattern" "$dir/err" || ok=0
  [[ -z $forbidden ]] || ! grep -qaE -- "$forbidden" "$dir/out" || ok=0
  if ((ok)); then
    echo "ok   $name (exit $rc)"
  else
    failures=$((failures + 1))
    echo "FAIL $name (exit $rc, expected $want${pattern:+ and /$pattern/ on stderr}${forbidden:+, no /$forbidden/ on stdout})"
    head -c 600 "$dir/err"
  fi
}
for total in 8000000000000000000 9000000000000000000 9223372036854775807; do
  printf '[plan]\nname = "big"\ntotal = %s\n[[milestone]]\ndeadline = 2025-12-31\ntarget = %s\n' "$total" "$((total - 1))" >"$dir/axis.toml"
  # The chart's axis: no negative label, no endless tick loop.
  expect_run "html chart with total = $total and a count target" 1 '' '>-[0-9]' 0 --as-of 2026-01-01 -f html "$dir/axis.toml"
done
printf '[plan]\nname = "half"\ntotal = 5000000000000000000\n[[milestone]]\ndeadline = 2025-12-31\ntarget = 1\n' >"$dir/half.toml"
cp "$dir/half.toml" "$dir/half2.toml"  # one file given twice would be refused: its units counted twice
expect_run "a roll-up of two plans of 5e18 units saturates, never wraps" 1 '' '-8446744073709551616|"total": -' 0 \
  --as-of 2026-01-01 -f json "$dir/half.toml" "$dir/half2.toml"
if [[ -z ${ONTRACK_SANITIZED:-} ]]; then
  # An array of five million numbers costs ~40 bytes a byte: under 150 MB of address space it must end
  # in a located, translated message, whether parsed whole or in pieces on several threads.
  { printf '%s' "$plan_head"; printf '[[locality]]\nname = "a"\nkind = ['; yes '0,' | head -n 5000000 | tr -d '\n'; printf '0]\n'; } >"$dir/budget.toml"
  expect_run "a plan over the memory budget (ulimit -v 150 MB)" 2 '^.*budget\.toml:1:1: error: too large to load: its 10 MiB need more than the 146 MiB' '' 150000 \
    --as-of 2026-01-01 "$dir/budget.toml"
  { printf '%s' "$plan_head" | sed 's/total = 10/total = 5000/'
    awk 'BEGIN { a = "0"; for (i = 0; i < 2000; i++) a = a ",0"; for (k = 0; k < 2500; k++) printf "[[locality]]\nname = \"L%d\"\nkind = [%s]\n", k, a }'
  } >"$dir/budget_split.toml"
  expect_run "a split plan over the budget: the worker threads' std::bad_alloc reaches the main thread" 2 \
    '^.*budget_split\.toml:[0-9]+:[0-9]+: error: ' '' 150000 --as-of 2026-01-01 "$dir/budget_split.toml"
  rm -f "$dir/budget.toml" "$dir/budget_split.toml"
fi

# expect_inert NAME RC ARGS...: exit status RC; stdout and stderr valid UTF-8 with no control character
# but the line feed (no ESC, OSC, BEL, C1, NUL, CR) and no bidi control.
expect_inert() {
  local name=$1 want=$2
  shift 2
  checked=$((checked + 1))
  (limit_memory; cd "$dir" && timeout 60 "$ontrack" "$@" >"$dir/out" 2>"$dir/err" </dev/null)
  local rc=$? ok=1 f
  [[ $rc == "$want" ]] || ok=0
  for f in "$dir/out" "$dir/err"; do
    iconv -f UTF-8 -t UTF-8 "$f" >/dev/null 2>&1 || ok=0
    ! LC_ALL=C grep -qaP '[\x00-\x09\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\x8e\x8f\xaa-\xae]|\xe2\x81[\xa6-\xa9]' "$f" || ok=0
  done
  if ((ok)); then
    echo "ok   $name (exit $rc)"
  else
    failures=$((failures + 1))
    echo "FAIL $name (exit $rc, expected $want and nothing raw)"
    head -c 600 "$dir/out" | od -c | head -n 8
    head -c 600 "$dir/err" | od -c | head -n 8
  fi
}
esc_name=$(printf 'e\033]0;title\a\302\233\342\200\256.toml')
bad_name=$(printf 'bad\377\033.toml')
cp "$dir/edges.toml" "$dir/$esc_name"
cp "$dir/edges.toml" "$dir/$bad_name"
printf 'code,name,type\n1,A,xa\n' >"$dir/$esc_name.csv"
expect_inert "check: a file name with ESC, OSC, C1 and U+202E" 0 check "$esc_name"
expect_inert "check: a file name that is not UTF-8" 0 check "$bad_name"
expect_inert "a missing file with ESC in its name" 2 "$esc_name.missing"
for format in table json csv markdown html; do
  expect_inert "-f $format of a plan whose file name is not UTF-8" 0 --as-of 2026-01-01 -f "$format" "$bad_name"
  expect_inert "-f $format of a plan whose file name holds ESC" 0 --as-of 2026-01-01 -f "$format" "$esc_name"
done
expect_inert "json of a non-UTF-8 file name shows the byte escaped" 0 --as-of 2026-01-01 -f json "$bad_name"
grep -qF '"file": "bad\\xff\u001b.toml"' "$dir/out" || { failures=$((failures + 1)); echo "FAIL the file name in json: $(grep -a '"file"' "$dir/out")"; }
for option in --as-of --by --format --list --since --window --color; do
  expect_inert "$option with ESC, OSC and C1 in its value" 2 "$option" "$(printf '\033[2J\033]8;;x\a\302\233')" edges.toml
done
expect_inert "an unknown option with ESC in its name" 2 "$(printf -- '--\033[31mx')" edges.toml
expect_inert "init -o a file name with ESC" 0 init --units "$esc_name.csv" -o "$esc_name.new.toml"
expect_inert "init from a roster whose name holds ESC, to stdout" 0 init --units "$esc_name.csv"
expect_inert "import from a missing CSV with ESC in its name" 2 import --plan "$esc_name" "$esc_name.missing.csv"

# Output stays proportional: a 300,000-character plan name and a 300,000-character locality name among 3,000
# overdue units (~450 KB): every format but the table (whose cell width is capped on its own) and every
# option writes at most 10 times the plan. A breakdown of too many rows is refused.
awk 'BEGIN { n = ""; for (i = 0; i < 300000; i++) n = n "n"; x = ""; for (i = 0; i < 300000; i++) x = x "x"
  printf "[plan]\nname = \"%s\"\n[[milestone]]\ndeadline = 2026-12-31\ntarget = \"100%%\"\n", n
  printf "[[locality]]\nname = \"%s\"\nplanned = 2026-01-01\n", x
  for (k = 0; k < 3000; k++) printf "[[locality]]\nname = \"L%d\"\nplanned = 2026-01-01\n", k }' >"$dir/amp.toml"
plan_bytes=$(wc -c <"$dir/amp.toml")
for format in json csv markdown html; do
  for option in "" --forecast --explain --chart "--list overdue" "--by name" "--by kind" "--since 2025-01-01"; do
    [[ $format == csv && $option == --explain ]] && continue
    [[ $format != html && $option == --chart ]] && continue  # the chart is drawn in table, html and xlsx only
    checked=$((checked + 1))
    # shellcheck disable=SC2086
    bytes=$( (limit_memory; timeout 60 "$ontrack" --as-of 2026-06-01 -f "$format" $option "$dir/amp.toml" 2>/dev/null) | wc -c)
    if ((bytes > 0 && bytes <= 10 * plan_bytes)); then
      echo "ok   -f $format $option of a 300,000-character name: $bytes bytes for $plan_bytes"
    else
      failures=$((failures + 1))
      echo "FAIL -f $format $option of a 300,000-character name: $bytes bytes for $plan_bytes"
    fi
  done
done
rm -f "$dir/amp.toml"
awk 'BEGIN { printf "[plan]\nname = \"q\"\ntotal = 3000\n"
  for (k = 0; k < 2000; k++) printf "[[milestone]]\ndeadline = %04d-01-01\ntarget = 1\n", 2030 + k
  for (k = 0; k < 3000; k++) printf "[[locality]]\nname = \"L%d\"\n", k }' >"$dir/quadratic.toml"
expect_run "--by name of 3,000 localities and 2,000 milestones is refused" 2 \
  'error: --by: .*quadratic\.toml: 3000 groups × 2000 milestones make 6000000 rows, more than 1000000' '' 0 \
  --as-of 2026-06-01 --by name "$dir/quadratic.toml"

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
