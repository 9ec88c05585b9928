#!/bin/bash
# The committed workbooks are what LibreOffice makes of their sources: made
# again with make.sh, each reads as the committed one does (import, or init
# for the roster). Exit 77 (skipped) when soffice is not installed.
set -euo pipefail
ontrack=${1:?usage: regenerate.sh ONTRACK}
here=$(cd "$(dirname "$0")" && pwd)
command -v soffice >/dev/null || exit 77
fresh=$(mktemp -d)
trap 'rm -rf "$fresh"' EXIT
"$here/make.sh" "$fresh"
plan_of() {  # the plan a workbook's records are for
    case $1 in
    sotheodoi*) echo "$here/../plans/quangninh.toml" ;;
    *) echo "$here/../plans/stale_plan.toml" ;;
    esac
}
read_it() {  # read_it WORKBOOK: what ontrack makes of it, the folder left out
    local book=$1 name
    name=$(basename "$book")
    cd "$(dirname "$book")"
    case $name in
    roster*) ONTRACK_TODAY=2026-11-23 "$ontrack" init --units "$name" --milestone 2026-12-31=1 2>&1 ;;
    *) ONTRACK_TODAY=2026-11-23 "$ontrack" import "$name" --plan "$(plan_of "$name")" 2>&1 ;;
    esac
}
status=0
for book in "$here"/*.xlsx "$here"/*.ods; do
    if ! diff <(read_it "$book") <(read_it "$fresh/$(basename "$book")"); then
        echo "$(basename "$book") made again reads otherwise (above)" >&2
        status=1
    fi
done
exit $status
