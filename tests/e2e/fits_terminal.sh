#!/usr/bin/env bash
# On a terminal, the wide tables of --explain, --by kind, --list and
# --forecast fit its width (COLUMNS=100 and 80), in both languages: text
# cells wrap, numbers never do, and a table still too wide goes in blocks of
# columns. `script` gives the report a terminal; widths are display columns
# (wc -L in a UTF-8 locale).
#   fits_terminal.sh ONTRACK PLAN
# Exit 0 pass, 1 fail, 77 skip (no `script`).
set -u
ontrack=$1 plan=$2
command -v script >/dev/null 2>&1 || { echo "SKIP: no script(1)"; exit 77; }
fail=0
for columns in 100 80; do
    for lang in en vi; do
        for option in "--explain" "--by kind" "--list overdue" "--list revoked" "--forecast"; do
            out=$(COLUMNS=$columns script -qec "'$ontrack' --as-of 2026-11-23 --color=never --lang $lang $option '$plan'" \
                /dev/null | tr -d '\r')
            widest=$(printf '%s\n' "$out" | LC_ALL=C.UTF-8 wc -L)
            lines=$(printf '%s\n' "$out" | wc -l)
            if [ "$lines" -lt 20 ] || [ "$widest" -gt "$columns" ]; then
                echo "FAIL: COLUMNS=$columns --lang $lang $option: $lines lines, $widest columns"
                fail=1
            else
                echo "ok: COLUMNS=$columns --lang $lang $option: $lines lines, at most $widest columns"
            fi
        done
    done
done
exit $fail
