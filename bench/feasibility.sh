#!/usr/bin/env bash
# The cost of feasibility: `--forecast --schedule quarter` against the same
# report without them, on the national roll-up (examples/national) and on a
# plan of 1,000,000 localities (bench/gen_plan 1000000), json output. Prints
# the mean wall and CPU (user + system) seconds of RUNS runs of each, and the
# ratios. CPU time is the fairer figure on a shared machine.
# Usage (from the top of the source tree):
#   bench/feasibility.sh [ONTRACK] [GEN_PLAN] [RUNS]
set -euo pipefail
ontrack=$(realpath "${1:-build/ontrack}")
gen=${2:-build-bench/gen_plan}
runs=${3:-5}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$gen" 1000000 >"$dir/1m.toml"

# mean wall and CPU seconds of `runs` runs of the command
measure() {
    local wall=0 cpu=0 line
    for ((i = 0; i < runs; i++)); do
        line=$({ /usr/bin/time -f '%e %U %S' "$@" >/dev/null; } 2>&1 | tail -1)
        wall=$(echo "$wall + $(echo "$line" | cut -d' ' -f1)" | bc -l)
        cpu=$(echo "$cpu + $(echo "$line" | cut -d' ' -f2) + $(echo "$line" | cut -d' ' -f3)" | bc -l)
    done
    printf '%.3f %.3f' "$(echo "$wall / $runs" | bc -l)" "$(echo "$cpu / $runs" | bc -l)"
}

echo "| plan | wall s | wall s with | ratio | CPU s | CPU s with | ratio |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for plan in examples/national/national.toml "$dir/1m.toml"; do
    read -r w0 c0 <<<"$(measure "$ontrack" --as-of 2026-11-23 -f json "$plan")"
    read -r w1 c1 <<<"$(measure "$ontrack" --as-of 2026-11-23 -f json --forecast --schedule quarter "$plan")"
    name=$([[ $plan == "$dir"/* ]] && echo "1,000,000 localities" || echo "national roll-up")
    printf '| %s | %s | %s | %.2f | %s | %s | %.2f |\n' "$name" "$w0" "$w1" "$(echo "$w1 / $w0" | bc -l)" \
        "$c0" "$c1" "$(echo "$c1 / $c0" | bc -l)"
done
