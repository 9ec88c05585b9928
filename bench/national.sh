#!/usr/bin/env bash
# The national roll-up (examples/national: 35 files, 3,321 units) against one
# plan of the same 3,321 units (names made unique with their province code,
# the two national milestones), with hyperfine.
# Usage (from the top of the source tree): bench/national.sh [ONTRACK]
set -euo pipefail
ontrack=$(realpath "${1:-build/ontrack}")
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
awk -F, 'NR == 1 { next }
  NR == 2 { print "[plan]\nname = \"All 3,321 units in one plan\"\n\n[[milestone]]\ndeadline = 2025-12-31\ntarget = \"20%\"\n\n[[milestone]]\ndeadline = 2030-12-31\ntarget = \"50%\"" }
  { printf "\n[[locality]]\nid = \"%s\"\nname = \"%s (%s)\"\nkind = \"%s\"\n", $1, $2, $4, $3 }' \
  data/vietnam_units.csv >"$dir/single.toml"
"$ontrack" check "$dir/single.toml" examples/national/national.toml
hyperfine -i --warmup 5 --min-runs 50 -N --export-markdown "$dir/result.md" \
  "$ontrack --as-of 2026-11-23 $dir/single.toml" \
  "$ontrack --as-of 2026-11-23 examples/national/national.toml"
sed "s|$dir/||; s|$ontrack|ontrack|" "$dir/result.md"
