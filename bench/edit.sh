#!/usr/bin/env bash
# bench/edit.sh [IMPORT_SIZE] [RECORD_SIZE]  (default: 100000 1000000)
#
# The edit commands against a report on the same plan:
#   import --apply of IMPORT_SIZE records (a planned date for every locality)
#   into a plan of IMPORT_SIZE localities: at most 3x the report's time;
#   record of one event on a plan of RECORD_SIZE localities: at most 1.5x
#   the report's time and peak memory.
# Builds in Release (build-bench/, as bench/run.sh does), writes its plans to
# bench/out/, prints a Markdown table on stdout. Needs hyperfine and GNU time
# (Debian: apt-get install -y hyperfine time). Not a test: nothing here runs
# in CTest.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
build="$root/build-bench"
out="$here/out"
as_of=2026-11-23
import_size=${1:-100000}
record_size=${2:-1000000}
log() { printf '%s\n' "$*" >&2; }
for tool in hyperfine /usr/bin/time; do
    command -v "$tool" >/dev/null || { log "error: $tool not found (Debian: hyperfine, time)"; exit 2; }
done

log "== building (Release) in $build"
cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=Release >&2
cmake --build "$build" -j"$(nproc)" >&2
gen="$build/gen_plan"
ontrack="$build/ontrack/ontrack"
mkdir -p "$out"

plan_of() { # N -> path of a generated plan of N localities
    local f="$out/plan-$1.toml"
    [ -s "$f" ] || "$gen" "$1" >"$f"
    printf '%s\n' "$f"
}

# mean_s JSON: the mean of a hyperfine --export-json file, in seconds.
mean_s() { sed -n 's/.*"mean": *\([0-9.e-]*\).*/\1/p' "$1" | head -n 1; }
peak_kib() { /usr/bin/time -f '%M' -o "$out/time.txt" "$@" >/dev/null 2>&1 || true; tail -n 1 "$out/time.txt"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

# import: a planned date for every locality, by its code.
plan=$(plan_of "$import_size")
records="$out/records-$import_size.csv"
{ echo "code,event,date"; awk -F'"' '/^id = /{ print $2 ",planned,2036-06-30" }' "$plan"; } >"$records"
work="$out/work.toml"
log "== import --apply: $import_size records into $import_size localities"
hyperfine -N -w 1 -r 5 --export-json "$out/report-import.json" -i "$ontrack $plan --as-of $as_of -f json" >&2
hyperfine -w 1 -r 5 --export-json "$out/import.json" --prepare "cp $plan $work" \
    "$ontrack import $records --plan $work --apply" >&2
report_import=$(mean_s "$out/report-import.json")
import_s=$(mean_s "$out/import.json")

plan=$(plan_of "$record_size")
log "== record: one event into $record_size localities"
id=$(awk -F'"' '/^id = /{ print $2; exit }' "$plan")
hyperfine -N -w 1 -r 5 --export-json "$out/report-record.json" -i "$ontrack $plan --as-of $as_of -f json" >&2
hyperfine -w 1 -r 5 --export-json "$out/record.json" --prepare "cp $plan $work" \
    "$ontrack record $work --id $id --planned 2036-06-30" >&2
report_record=$(mean_s "$out/report-record.json")
record_s=$(mean_s "$out/record.json")
report_kib=$(peak_kib "$ontrack" "$plan" --as-of "$as_of" -f json)
cp "$plan" "$work"
record_kib=$(peak_kib "$ontrack" record "$work" --id "$id" --planned 2036-06-30)
rm -f "$work"

cat <<EOT
| run | time | vs report | peak RSS | vs report | target |
|---|---|---|---|---|---|
| report, $import_size localities | ${report_import} s | | | | |
| import --apply, $import_size records | ${import_s} s | $(ratio "$import_s" "$report_import")x | | | <= 3x time |
| report, $record_size localities | ${report_record} s | | $((report_kib / 1024)) MiB | | |
| record, $record_size localities | ${record_s} s | $(ratio "$record_s" "$report_record")x | $((record_kib / 1024)) MiB | $(ratio "$record_kib" "$report_kib")x | <= 1.5x time and memory |
EOT
