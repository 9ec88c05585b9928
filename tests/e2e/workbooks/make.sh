#!/bin/bash
# Makes the workbook fixtures of the import and init tests with LibreOffice:
# the ';' CSV files records_vi.csv and roster_vi.csv become an .xlsx and an
# .ods each in OUTDIR (every column read as text, as an office keeps codes
# and typed dates), and each flat OpenDocument source here (.fods: written
# by hand, with date cells, merged cells and a hidden row) becomes an .xlsx
# and an .ods too. The committed files were made so:
#     tests/e2e/workbooks/make.sh tests/e2e/workbooks
# Exit 77 (skipped) when soffice is not installed.
set -euo pipefail
out=${1:?usage: make.sh OUTDIR}
here=$(cd "$(dirname "$0")" && pwd)
command -v soffice >/dev/null || exit 77
mkdir -p "$out"
out=$(cd "$out" && pwd)
# A profile of its own: another soffice running does not take the conversion.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
convert() {  # convert FILTER-OPTIONS SOURCE FORMAT
    local options=$1 source=$2 format=$3
    soffice -env:UserInstallation="file://$profile" --headless ${options:+--infilter="$options"} \
        --convert-to "$format" --outdir "$out" "$source" >/dev/null 2>&1
    [ -s "$out/$(basename "${source%.*}").$format" ] || { echo "soffice did not convert $source" >&2; exit 1; }
}
for csv in "$here"/../records_vi.csv "$here"/../roster_vi.csv; do
    # Separator ';', quote '"', UTF-8 (76), from line 1, columns 1-8 text (2).
    convert "CSV:59,34,76,1,1/2/2/2/3/2/4/2/5/2/6/2/7/2/8/2" "$csv" xlsx
    convert "CSV:59,34,76,1,1/2/2/2/3/2/4/2/5/2/6/2/7/2/8/2" "$csv" ods
done
for fods in "$here"/*.fods; do
    [ -e "$fods" ] || continue
    convert "" "$fods" xlsx
    convert "" "$fods" ods
done
