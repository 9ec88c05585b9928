#!/bin/sh
# cron.sh: run ontrack from cron and keep a dated CSV of the upcoming
# milestones.
#
# Usage:  examples/cron.sh [PLAN]
#         /usr/share/ontrack/cron.sh [PLAN]     (as installed by the package)
#
# Environment (all optional):
#   PLAN     plan file (default data/haiphong.toml; the first argument wins).
#            cron starts in $HOME, so give an absolute path or cd first.
#   ONTRACK  the ontrack binary (default: `ontrack` from $PATH)
#   OUT_DIR  where the CSV files go (default /var/tmp/ontrack)
#
# Each run writes OUT_DIR/<plan>-YYYY-MM-DD.csv (a second run on the same day
# replaces it). The CSV is written to a temporary file in OUT_DIR and then
# renamed, so a reader never sees a half-written file.
#
# Exit status, mirroring ontrack's:
#   0  every upcoming milestone is on track (prints nothing)
#   1  behind plan: one alert line on stderr, so cron mails it
#   2  input error (bad plan file, bad option) or ontrack could not run;
#      ontrack's own message and one line from this script go to stderr and
#      no CSV is kept
#
# Example crontab line (every morning at 06:15):
#   15 6 * * * cd /srv/ontrack && TZ=Asia/Ho_Chi_Minh PLAN=data/haiphong.toml examples/cron.sh
# (TZ: today is Vietnam's date even on a server that runs on UTC.)

set -eu

ONTRACK=${ONTRACK:-ontrack}
PLAN=${1:-${PLAN:-data/haiphong.toml}}
OUT_DIR=${OUT_DIR:-/var/tmp/ontrack}

mkdir -p "$OUT_DIR"

stamp=$(date +%Y-%m-%d)
base=$(basename "$PLAN" .toml)
out=$OUT_DIR/$base-$stamp.csv
tmp=$OUT_DIR/.$base-$stamp.csv.$$

# Remove the temporary file however we leave (after a successful mv it is
# already gone). The signal traps turn a signal into a normal exit so that
# the EXIT trap runs.
trap 'rm -f "$tmp"' EXIT
trap 'exit 2' HUP INT TERM

# `|| rc=$?` keeps set -e from aborting on ontrack's non-zero exit.
rc=0
"$ONTRACK" --format csv --upcoming-only "$PLAN" >"$tmp" || rc=$?

case $rc in
    0)
        mv -f "$tmp" "$out"
        exit 0
        ;;
    1)
        mv -f "$tmp" "$out"
        echo "ontrack ALERT: $PLAN is behind plan on $stamp (details: $out)" >&2
        exit 1
        ;;
    2)
        echo "ontrack: input error in $PLAN (exit 2); no report written" >&2
        exit 2
        ;;
    *)
        echo "ontrack: '$ONTRACK' failed with exit status $rc on $PLAN; no report written" >&2
        exit 2
        ;;
esac
