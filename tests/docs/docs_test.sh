#!/usr/bin/env bash
# Docs that cannot drift: every option and subcommand that the real binary's
# --help lists must be in the man page, in both completions and in the
# README; every environment variable that src/ reads must be in the man
# page's ENVIRONMENT section.
#   docs_test.sh ONTRACK SOURCE_DIR
# Exit 0 pass, 1 fail (naming everything missing).
set -uo pipefail

if [[ $# -ne 2 ]]; then
    echo "usage: $0 ONTRACK SOURCE_DIR" >&2
    exit 2
fi
ontrack=$1 src=$(cd "$2" && pwd) || exit 2
man=$src/doc/ontrack.1 bash_completion=$src/completions/ontrack.bash zsh_completion=$src/completions/_ontrack
readme=$src/README.md
for f in "$man" "$bash_completion" "$zsh_completion" "$readme"; do
    [[ -r $f ]] || { echo "FAIL: cannot read $f"; exit 1; }
done

failures=0
missing() {  # missing WHERE WHAT
    echo "FAIL: $1 lacks $2"
    failures=$((failures + 1))
}

# help TEXT -> the option names of its option lines ("  -o,--output FILE ...").
help_options() {
    sed -n 's/^  \(-[^ ]*\).*/\1/p' <<<"$1" | tr ',' '\n' | grep -E '^--?[[:alnum:]]' | sort -u
}

help_of() {  # help_of [SUBCOMMAND]: English help, whatever the machine's locale
    env -u LANGUAGE -u LC_MESSAGES LC_ALL=C LANG=C "$ontrack" "$@" --help
}

main_help=$(help_of) || { echo "FAIL: ontrack --help exited $?"; exit 1; }
subcommands=$(sed -n '/^Subcommands:/,/^$/s/^  \([[:alnum:]][-[:alnum:]]*\) .*/\1/p' <<<"$main_help")
[[ -n $subcommands ]] || { echo "FAIL: ontrack --help lists no subcommands"; exit 1; }
[[ $subcommands == *check* ]] || { echo "FAIL: ontrack --help does not list 'check' (help format changed?)"; exit 1; }

# The man page's text with roff's "\-" as "-", and the body of one of its
# sections or synopses.
man_text=$(sed 's/\\-/-/g' "$man")
man_synopsis_of() {  # .SY "ontrack SUB" ... .YS
    awk -v sub_="ontrack $1" '
        /^\.SY/ { on = (index($0, "\"" sub_ "\"") > 0) }
        on { print }
        /^\.YS/ { on = 0 }' <<<"$man_text"
}
man_section() {  # .SH NAME ... next .SH
    awk -v name="$1" '/^\.SH/ { on = ($0 == ".SH " name) } on { print }' <<<"$man_text"
}

# An option as a word of its own: "--name" but not "--names" or "x--name".
has_word() {  # has_word WORD TEXT
    grep -Eq -- "(^|[^-[:alnum:]])$(sed 's/[.[\*^$]/\\&/g' <<<"$1")([^-[:alnum:]]|$)" <<<"$2"
}

# Runs the bash completion for the words given (the last is the word being
# completed) and prints the replies, one a line.
bash_complete() {
    (
        cd "$tmp" || exit 1
        # shellcheck disable=SC1090
        source "$bash_completion"
        COMP_WORDS=(ontrack "$@")
        COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
        COMPREPLY=()
        _ontrack
        printf '%s\n' "${COMPREPLY[@]}"
    )
}

# zsh: the _arguments specs of one command (its "SUB)" branch), or of the
# report (the report=( ... ) array).
zsh_block() {
    if [[ $1 == report ]]; then
        awk '/^  report=\(/ { on = 1 } on { print } on && /^  \)/ { exit }' "$zsh_completion"
    else
        awk -v sub_="$1)" '$1 == sub_ { on = 1 } on { print } on && /;;/ { exit }' "$zsh_completion"
    fi
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
touch "$tmp/plan.toml" "$tmp/records.csv"

readme_text=$(cat "$readme")
zsh_common=$(awk '/^  common=\(/ { on = 1 } on { print } on && /^  \)/ { exit }' "$zsh_completion")
checked=0

# check_options COMMAND OPTIONS... (COMMAND "report" for the top level)
check_options() {
    local command=$1 opt words
    shift
    local zsh_text
    zsh_text=$(zsh_block "$command")$'\n'$zsh_common
    local synopsis=""
    [[ $command != report ]] && synopsis=$(man_synopsis_of "$command")
    if [[ $command == report ]]; then words=(-); else words=("$command" -); fi
    local replies
    replies=$(bash_complete "${words[@]}")
    for opt in "$@"; do
        checked=$((checked + 1))
        local what="'$opt'"
        [[ $command != report ]] && what="'$command $opt'"
        has_word "$opt" "$man_text" || missing "doc/ontrack.1" "$what"
        # A command's own options are in its synopsis too (--help is not).
        if [[ -n $synopsis && $opt != -h && $opt != --help ]]; then
            has_word "$opt" "$synopsis" || missing "the SYNOPSIS of ontrack $command in doc/ontrack.1" "$what"
        fi
        grep -qxF -- "$opt" <<<"$replies" || missing "completions/ontrack.bash (completing 'ontrack ${words[*]}')" "$what"
        has_word "$opt" "$zsh_text" || missing "completions/_ontrack (the $command specs)" "$what"
        has_word "$opt" "$readme_text" || missing "README.md" "$what"
    done
}

# shellcheck disable=SC2046  # one option a word
check_options report $(help_options "$main_help")
top_replies=$(bash_complete "")
for sub in $subcommands; do
    checked=$((checked + 1))
    grep -q "^\.SY \"ontrack $sub\"" <<<"$man_text" || missing "the SYNOPSIS of doc/ontrack.1" "'ontrack $sub'"
    grep -qxF "$sub" <<<"$top_replies" || missing "completions/ontrack.bash (completing 'ontrack ')" "'$sub'"
    grep -q "^ *'$sub:" "$zsh_completion" || missing "completions/_ontrack (the commands)" "'$sub'"
    has_word "ontrack $sub" "$readme_text" || missing "README.md" "'ontrack $sub'"
    sub_help=$(help_of "$sub") || { missing "ontrack $sub --help" "a zero exit status"; continue; }
    # shellcheck disable=SC2046
    check_options "$sub" $(help_options "$sub_help")
done

# The values of each enumerated option, as --help shows them ("--by {kind,id,name,part}",
# made from the table of names in src/), are in the man page's paragraph on
# the option, and both completions offer them.
man_option_paragraph() {  # the man page's lines from OPTION's definition to the next option's
    awk -v opt="$1" '
        function defines(line) { return line ~ /^\.B[IR]? +-/ }
        on && prev == ".TP" && defines($0) { exit }
        !on && prev == ".TP" && defines($0) && index($0, opt) { on = 1 }
        on { print }
        { prev = $0 }' <<<"$man_text"
}
check_values() {  # check_values HELP WORDS... (the words before the option, to complete it)
    local help=$1 line opt values value
    shift
    while IFS= read -r line; do
        opt=$(sed -n 's/^ *\(-[^ ]*,\)\{0,1\}\(--[[:alnum:]-]*\) {\([^}]*\)}.*/\2/p' <<<"$line")
        values=$(sed -n 's/^ *\(-[^ ]*,\)\{0,1\}--[[:alnum:]-]* {\([^}]*\)}.*/\2/p' <<<"$line" | tr ',' ' ')
        [[ -n $opt && -n $values ]] || continue
        local paragraph replies zsh_line
        paragraph=$(man_option_paragraph "$opt")
        replies=$(bash_complete "$@" "$opt" "")
        zsh_line=$(grep -F -- "$opt=" "$zsh_completion")
        for value in $values; do
            checked=$((checked + 1))
            has_word "$value" "$paragraph" || missing "doc/ontrack.1 (the paragraph on $opt)" "'$opt $value'"
            grep -qxF -- "$value" <<<"$replies" || missing "completions/ontrack.bash (completing '$opt ')" "'$value'"
            has_word "$value" "$zsh_line" || missing "completions/_ontrack (the $opt spec)" "'$opt $value'"
        done
    done <<<"$help"
}
check_values "$main_help"
for sub in $subcommands; do
    check_values "$(help_of "$sub")" "$sub"
done

# Where a plan is expected the completions offer .toml files, where a CSV
# is, .csv files.
expect_files() {  # expect_files WANT UNWANTED WORDS...
    local want=$1 unwanted=$2 replies
    shift 2
    replies=$(bash_complete "$@")
    checked=$((checked + 1))
    if ! grep -qxF "$want" <<<"$replies" || grep -qxF "$unwanted" <<<"$replies"; then
        echo "FAIL: completions/ontrack.bash completing 'ontrack $*' offers [$(tr '\n' ' ' <<<"$replies")], not $want"
        failures=$((failures + 1))
    fi
}
expect_files plan.toml records.csv ""
expect_files plan.toml records.csv check ""
expect_files plan.toml records.csv record ""
expect_files records.csv plan.toml init --units ""
expect_files records.csv plan.toml import ""
expect_files plan.toml records.csv import records.csv --plan ""
expect_files plan.toml records.csv import --plan ""

# The environment: every variable src/ reads is in ENVIRONMENT.
environment=$(man_section ENVIRONMENT)
variables=$(grep -rhoE 'getenv\("[A-Z_]+"\)' "$src/src" | sed 's/.*("\(.*\)")/\1/' | sort -u)
for var in $variables LANGUAGE; do
    checked=$((checked + 1))
    has_word "$var" "$environment" || missing "the ENVIRONMENT section of doc/ontrack.1" "$var"
done
for status in 0 1 2; do
    checked=$((checked + 1))
    grep -qx "\.B $status" <<<"$(man_section "EXIT STATUS")" || missing "the EXIT STATUS section of doc/ontrack.1" "$status"
done

if ((failures)); then
    echo "docs: $failures missing of $checked checks"
    exit 1
fi
echo "docs: all $checked checks pass"
