#!/usr/bin/env bash
# Regenerates examples/national/ from the national roster: one plan per
# province (no dates: none are published) and the roll-up national.toml with
# the national milestones; each file marked as holding no recognition data.
# Usage (from the top of the source tree): examples/national/regenerate.sh [ONTRACK]
set -euo pipefail
ontrack=${1:-build/ontrack}
dir=examples/national
"$ontrack" --lang vi init --units data/vietnam_units.csv --all-provinces -o "$dir" --force
mark='# EXAMPLE WITH NO RECOGNITION DATA: generated from data/vietnam_units.csv
# (official units and codes) by examples/national/regenerate.sh. No unit has
# a certified, revoked or planned date: none are published. Every report on
# these files shows 0 units drug-free.
'
for f in "$dir"/*.toml; do
    printf '%s\n%s' "$mark" "$(cat "$f")" >"$f.new" && printf '\n' >>"$f.new" && mv "$f.new" "$f"
done
