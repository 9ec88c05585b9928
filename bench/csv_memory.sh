#!/usr/bin/env bash
# bench/csv_memory.sh [MB]  (default 40)
#
# The CSV reader's memory on its worst cases: for each, a file of about MB
# megabytes, read by bench/csv_read (read_csv() as the commands call it: the
# file's bytes in memory, then the document), and its peak RSS (GNU time)
# minus the peak RSS of reading a file of one line. Prints a Markdown table
# of bytes of memory per byte of input; the budget is 16.
# Builds csv_read in build-bench/ (Release) when it is missing. Needs GNU time
# (Debian: time) and python3. Not a test: nothing here runs in CTest.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
build="$root/build-bench"
out="$here/out/csv"
mb=${1:-40}
bytes=$((mb * 1000 * 1000))
reader="$build/csv_read"

if [ ! -x "$reader" ]; then
    cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
    cmake --build "$build" -j2 --target csv_read >/dev/null
fi
mkdir -p "$out"

# name: description (python expression writing the file f of about n bytes)
gen() { # name python-body
    [ -s "$out/$1.csv" ] && return 0
    python3 - "$out/$1.csv" "$bytes" <<PY
import sys
f = open(sys.argv[1], "w", newline="")
n = int(sys.argv[2])
$2
f.close()
PY
}
gen one_line 'f.write("a\n")'
gen wide_empty 'cols = 1000
f.write(",".join("c%d" % k for k in range(cols)) + "\n")
row = "," * (cols - 1) + "\n"
f.write(row * (n // len(row)))'
gen one_row_of_commas 'f.write("," * n + "\n")'
gen quoted_empty 'cols = 1000
f.write(",".join("c%d" % k for k in range(cols)) + "\n")
row = ",".join(["\"\""] * cols) + "\n"
f.write(row * (n // len(row)))'
gen tiny_lines 'f.write("a\n" + "a\n" * (n // 2))'
gen empty_lines 'f.write("a\n" + "\n" * n)'
gen long_row_narrow_header 'f.write("a,b\n" + "," * n + "\n")'
gen doubled_quotes 'f.write("a\n" + "\"\"\"\"\"\"\n" * (n // 7))'

rss() { # file -> peak RSS in KiB
    /usr/bin/time -v "$reader" "$1" 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/ {print $2}'
}
base=$(rss "$out/one_line.csv")
echo "| input ($mb MB) | what it is | peak RSS MiB | bytes per input byte |"
echo "| --- | --- | ---: | ---: |"
for name in wide_empty one_row_of_commas quoted_empty tiny_lines empty_lines long_row_narrow_header doubled_quotes; do
    file="$out/$name.csv"
    size=$(stat -c %s "$file")
    peak=$(rss "$file")
    case $name in
        wide_empty) what='a header of 1,000 columns, then rows of 999 commas' ;;
        one_row_of_commas) what='one row of commas (the header)' ;;
        quoted_empty) what='1,000 columns of `""`' ;;
        tiny_lines) what='`a` and a line feed, on every line' ;;
        empty_lines) what='line feeds only' ;;
        long_row_narrow_header) what='a header of 2, then one row of commas' ;;
        doubled_quotes) what='`""""""` (one quote, quoted) on every line' ;;
    esac
    awk -v n="$name" -v w="$what" -v p="$peak" -v b="$base" -v s="$size" \
        'BEGIN { printf "| %s | %s | %.0f | %.1f |\n", n, w, p / 1024, (p - b) * 1024 / s }'
done
