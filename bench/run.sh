#!/usr/bin/env bash
# bench/run.sh [SIZES...]  (default: 1000 10000 100000 1000000)
#
# Builds ontrack, gen_plan and parse_baseline in Release (build-bench/),
# generates the plans into bench/out/, times ontrack against the parse-only
# baseline with hyperfine, measures peak RSS with GNU time, counts
# instructions on data/haiphong.toml with callgrind, and prints a Markdown
# report on stdout (progress and hyperfine's own output go to stderr):
#   bench/run.sh > report.md
# Needs: cmake, a C++17 compiler, fmt, toml++, hyperfine, GNU time, valgrind
# (Debian: apt-get install -y hyperfine time valgrind). About 3 minutes on a
# 2-core machine for the default sizes. Not a test: nothing here runs in CTest.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
build="$root/build-bench"
out="$here/out"
as_of=2026-11-23
haiphong="$root/data/haiphong.toml"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000 1000000)

log() { printf '%s\n' "$*" >&2; }

# Tools: install from Debian's packages when missing and we are root.
need() { # command package
    command -v "$1" >/dev/null 2>&1 && return 0
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        log "installing $2"
        apt-get install -y "$2" >&2
    else
        log "error: $1 not found (Debian package: $2)"
        exit 2
    fi
}
need hyperfine hyperfine
need /usr/bin/time time
need valgrind valgrind

log "== building (Release) in $build"
cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=Release >&2
cmake --build "$build" -j"$(nproc)" >&2
gen="$build/gen_plan"
base="$build/parse_baseline"
ontrack="$build/ontrack/ontrack"

mkdir -p "$out"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# peak_kib MAX_STATUS ARGS...: runs ARGS once under GNU time and prints its
# peak resident set size in KiB. Also the sanity check that makes hyperfine's
# --ignore-failure safe: the run must exit normally with a status of at most
# MAX_STATUS (ontrack exits 1 when behind) and print something, or we stop.
peak_kib() {
    local max=$1 f="$out/time.txt" status
    shift
    /usr/bin/time -f '%x %M' -o "$f" "$@" >"$out/stdout.txt" 2>"$out/stderr.txt" || true
    status=$(tail -n 1 "$f" | cut -d' ' -f1)
    if grep -q 'terminated by signal' "$f" || [ "$status" -gt "$max" ] || [ ! -s "$out/stdout.txt" ]; then
        log "error: '$*' failed: $(head -n 1 "$f")"
        head -n 5 "$out/stderr.txt" >&2
        exit 1
    fi
    tail -n 1 "$f" | cut -d' ' -f2
}

# mean_s CSV NAME: the mean wall time (s) of command NAME in a hyperfine CSV export.
mean_s() { awk -F, -v n="$2" '$1 == n { print $2 }' "$1"; }
# cpu_s CSV NAME: its mean CPU time, user + system (s).
cpu_s() { awk -F, -v n="$2" '$1 == n { print $5 + $6 }' "$1"; }

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }

declare -A t_base t_ont m_base m_ont
rows=() cpu_rows=()
for n in "${sizes[@]}"; do
    plan="$out/plan-$n.toml"
    log "== $n localities: generating $plan"
    "$gen" "$n" >"$plan"
    runs=5 # 3 above 100k; more for the small, noisy sizes, which cost little
    [ "$n" -gt 100000 ] && runs=3
    [ "$n" -le 10000 ] && runs=20
    m_base[$n]=$(peak_kib 0 "$base" "$plan")
    m_ont[$n]=$(peak_kib 1 "$ontrack" "$plan" --as-of "$as_of" --format json)
    csv="$out/hyperfine-$n.csv"
    hyperfine -N -i --warmup 1 --runs "$runs" --export-csv "$csv" --export-json "$out/hyperfine-$n.json" \
        -n baseline "$base $plan" \
        -n ontrack "$ontrack $plan --as-of $as_of --format json" >&2
    t_base[$n]=$(mean_s "$csv" baseline)
    t_ont[$n]=$(mean_s "$csv" ontrack)
    cpu_rows+=("$(printf '| %s | %.4f | %.4f | %s |' "$n" "$(cpu_s "$csv" baseline)" "$(cpu_s "$csv" ontrack)" \
        "$(ratio "$(cpu_s "$csv" ontrack)" "$(cpu_s "$csv" baseline)")")")
    mb=$(awk -v b="$(stat -c %s "$plan")" 'BEGIN { printf "%.1f", b / 1e6 }')
    rows+=("$(printf '| %s | %s | %.4f | %.4f | %s | %s | %s | %s |' "$n" "$mb" "${t_base[$n]}" "${t_ont[$n]}" \
        "$(ratio "${t_ont[$n]}" "${t_base[$n]}")" "$(mib "${m_base[$n]}")" "$(mib "${m_ont[$n]}")" \
        "$(ratio "${m_ont[$n]}" "${m_base[$n]}")")")
done

log "== data/haiphong.toml"
hp_m_base=$(peak_kib 0 "$base" "$haiphong")
hp_m_ont=$(peak_kib 1 "$ontrack" "$haiphong" --as-of "$as_of" --format json)
csv="$out/hyperfine-haiphong.csv"
hyperfine -N -i --warmup 20 --runs 200 --export-csv "$csv" --export-json "$out/hyperfine-haiphong.json" \
    -n baseline "$base $haiphong" \
    -n ontrack "$ontrack $haiphong --as-of $as_of --format json" >&2
hp_base=$(mean_s "$csv" baseline)
hp_ont=$(mean_s "$csv" ontrack)
# callgrind_ir ARGS...: instructions executed by one run (valgrind's "Collected" line).
callgrind_ir() {
    { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null || true; } |
        awk '/Collected :/ { print $NF }'
}
log "== callgrind on data/haiphong.toml"
ir_base=$(callgrind_ir "$base" "$haiphong")
ir_ont=$(callgrind_ir "$ontrack" "$haiphong" --as-of "$as_of" --format json)

# ---------------------------------------------------------------- report
cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
mem=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
cxx=$(awk -F= '/^CMAKE_CXX_COMPILER:/ { print $2 }' "$build/CMakeCache.txt")
echo "# ontrack benchmark"
echo
echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC'); ontrack at $(git -C "$root" describe --always --dirty 2>/dev/null || echo unknown)"
echo "- Machine: $(nproc) CPUs, $cpu, $mem RAM; $(uname -sr); $($cxx --version | head -n 1)"
echo "- Load average before / after: $load_before / $(cut -d' ' -f1-3 /proc/loadavg) (wall times are only comparable on an idle machine)"
echo "- Command: \`ontrack PLAN --as-of $as_of --format json\` vs \`parse_baseline PLAN\` (toml::parse_file only);"
echo "  Release build; hyperfine -N, warmup 1, mean of 5 runs (20 up to 10k, 3 above 100k); peak RSS from GNU time, one run."
echo
echo "| localities | file MB | baseline s | ontrack s | ratio | baseline MiB | ontrack MiB | ratio |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
echo
echo "CPU time (user + system, mean of the same runs; differs from wall time when a program uses several threads):"
echo
echo "| localities | baseline CPU s | ontrack CPU s | ratio |"
echo "|---:|---:|---:|---:|"
printf '%s\n' "${cpu_rows[@]}"
echo
echo "Scaling of ontrack's wall time (target: at most 11.0 for 10 x the localities):"
echo
for pair in "1000 10000" "10000 100000" "100000 1000000"; do
    read -r a b <<<"$pair"
    if [ -n "${t_ont[$a]:-}" ] && [ -n "${t_ont[$b]:-}" ]; then
        echo "- time($b) / time($a) = $(ratio "${t_ont[$b]}" "${t_ont[$a]}") (baseline: $(ratio "${t_base[$b]}" "${t_base[$a]}"))"
    fi
done
echo
echo "data/haiphong.toml (114 localities), a whole run each, hyperfine -N, mean of 200 runs:"
echo
echo "| | baseline | ontrack | ratio |"
echo "|---|---:|---:|---:|"
printf '| wall time ms | %.3f | %.3f | %s |\n' "$(awk -v s="$hp_base" 'BEGIN { print s * 1000 }')" \
    "$(awk -v s="$hp_ont" 'BEGIN { print s * 1000 }')" "$(ratio "$hp_ont" "$hp_base")"
printf '| peak RSS MiB | %s | %s | %s |\n' "$(mib "$hp_m_base")" "$(mib "$hp_m_ont")" "$(ratio "$hp_m_ont" "$hp_m_base")"
printf '| instructions (callgrind Ir) | %s | %s | %s |\n' "$ir_base" "$ir_ont" "$(ratio "$ir_ont" "$ir_base")"
echo

# Targets from the performance issue.
verdict() { awk -v r="$1" -v max="$2" 'BEGIN { print (r <= max ? "met" : "MISSED") }'; }
echo "Targets:"
echo
if [ -n "${t_ont[1000000]:-}" ]; then
    r=$(ratio "${t_ont[1000000]}" "${t_base[1000000]}")
    echo "- 1M wall time <= 1.10 x baseline: $r, $(verdict "$r" 1.10)"
    r=$(ratio "${m_ont[1000000]}" "${m_base[1000000]}")
    echo "- 1M peak RSS <= 1.10 x baseline: $r, $(verdict "$r" 1.10)"
    r=$(ratio "${t_ont[1000000]}" "${t_base[1000000]}")
    echo "- 1M wall time <= 0.6 x baseline (goal beyond the parser): $r, $(verdict "$r" 0.6)"
    r=$(ratio "${m_ont[1000000]}" "${m_base[1000000]}")
    echo "- 1M peak RSS <= 0.3 x baseline (goal beyond the parser): $r, $(verdict "$r" 0.3)"
fi
# A whole run of a 12 KB plan is about 4 ms of process start-up and 1 ms of
# work, and its wall time varies by 10-20% from run to run: the instruction
# count is the stable measure, the wall time is shown beside it.
r=$(ratio "$ir_ont" "$ir_base")
echo "- haiphong whole run <= 1.2 x baseline, instructions: $r, $(verdict "$r" 1.2)"
r=$(ratio "$hp_ont" "$hp_base")
echo "- haiphong whole run <= 1.2 x baseline, wall time: $r, $(verdict "$r" 1.2)"
for pair in "10000 100000" "100000 1000000"; do
    read -r a b <<<"$pair"
    if [ -n "${t_ont[$a]:-}" ] && [ -n "${t_ont[$b]:-}" ]; then
        r=$(ratio "${t_ont[$b]}" "${t_ont[$a]}")
        echo "- time($b) / time($a) <= 11: $r, $(verdict "$r" 11)"
    fi
done
