#!/bin/bash
# The office's sheet as ';' CSV, as .xlsx and as .ods (LibreOffice's, from
# sotheodoi.fods) imports to the same plan: each applied to its own copy of
# plans/quangninh.toml, the three plans are equal byte for byte.
set -euo pipefail
ontrack=${1:?usage: same_plan.sh ONTRACK}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for ext in csv xlsx ods; do
    cp "$here/../plans/quangninh.toml" "$work/$ext.toml"
    ONTRACK_TODAY=2026-11-23 "$ontrack" import "$here/sotheodoi.$ext" --plan "$work/$ext.toml" --apply >/dev/null 2>&1
done
cmp "$work/csv.toml" "$work/xlsx.toml"
cmp "$work/csv.toml" "$work/ods.toml"
# And the plan has the four events, the code with its zero and the old-style name found.
grep -c '^certified = { date = 2026-1.-.., decision = "125/QĐ-UBND" }$' "$work/csv.toml" | grep -qx 2
grep -c '^planned = { date = 2027-0.-.., set = 2026-11-23 }$' "$work/csv.toml" | grep -qx 2
