# bash completion for ontrack(1)                              -*- shell-script -*-
#
# Installed as share/bash-completion/completions/ontrack; to try it from a
# checkout:  source completions/ontrack.bash
#
# Completes the commands (check, record, init, import), every option, the
# values of --format, --color, --lang, --list and --by, plan files (*.toml)
# where a plan is expected (a report, check, record, import --plan), CSV files
# where a CSV is (init --units, import's records), today's date for date
# options, and
# for `record FILE --id` the ids found in FILE. Needs no bash-completion
# helpers.

# The plan's locality ids (`id = "..."` lines) for `record FILE --id`.
_ontrack_ids() {
    local file=$1
    # shellcheck disable=SC2088  # a literal "~/" typed on the command line
    [[ $file == "~/"* ]] && file=$HOME/${file#"~/"}
    [[ -f $file && -r $file ]] || return 0
    sed -n 's/^[[:space:]]*id[[:space:]]*=[[:space:]]*"\([^"]*\)".*/\1/p' -- "$file" 2>/dev/null
}

# Appends the output of a command to COMPREPLY, one reply a line (no word
# splitting or globbing of file names).
_ontrack_add() {
    mapfile -t -O "${#COMPREPLY[@]}" COMPREPLY < <("$@")
}

# Adds the files matching the glob $2 and all directories to COMPREPLY.
_ontrack_files() {  # _ontrack_files WORD PATTERN...: files matching a pattern, and folders
    local word=$1 pattern
    shift
    compopt -o filenames 2>/dev/null
    for pattern in "$@"; do _ontrack_add compgen -f -X "!$pattern" -- "$word"; done
    _ontrack_add compgen -d -- "$word"
}

_ontrack() {
    local cur prev prefix=""
    COMPREPLY=()
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=""
    ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}

    # --option=value: with '=' in COMP_WORDBREAKS (the default) the words are
    # "--option" "=" "value"; without it, one word "--option=value".
    if [[ $cur == "=" ]]; then
        cur=""
    elif [[ $prev == "=" ]] && ((COMP_CWORD >= 2)); then
        prev=${COMP_WORDS[COMP_CWORD - 2]}
    elif [[ $cur == --*=* ]]; then
        prev=${cur%%=*}
        prefix=$prev=
        cur=${cur#*=}
    fi

    local commands="check record init import"
    local common_opts="--lang --quiet -q --help -h"
    local report_opts="--as-of --format -f --output -o --bom --upcoming-only --judge-parts --sort --color --no-color --window --by --since
        --list --chart --forecast --pace --schedule --explain --wide --version $common_opts"
    local record_opts="--id --name --certified --revoked --planned --decision --note --remove --move-to --allow-future --lock-timeout $common_opts"
    local init_opts="--units --sheet --milestone --province --all-provinces --name --source --output -o --force --lock-timeout $common_opts"
    local import_opts="--plan --sheet --apply --allow-future --date-order --lock-timeout $common_opts"
    # Options that take a value, in every command.
    local with_value=" --as-of --format -f --output -o --color --lang --window --pace --schedule --by --sort --since --list --id --name
        --certified --revoked --planned --decision --note --move-to --units --milestone --source --plan --lock-timeout --province "
    with_value=${with_value//$'\n'/ }

    # Find the command (the first word that is neither an option nor an
    # option's value) and, for record, its plan file, for import, its CSV.
    local command="" plan="" records="" i word skip=0 positional=0
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        if ((skip)); then
            skip=0
            continue
        fi
        case $word in
            =) skip=1 ;;  # the value of --option=value follows
            -*=*) ;;
            -*) [[ $with_value == *" $word "* ]] && skip=1 ;;
            *)
                positional=$((positional + 1))
                if ((positional == 1)) && [[ " $commands " == *" $word "* ]]; then
                    command=$word
                elif [[ $command == record && -z $plan ]]; then
                    plan=$word
                elif [[ $command == import && -z $records ]]; then
                    records=$word
                fi
                ;;
        esac
    done

    local values=""
    case $prev in
        --format | -f) values="table json csv markdown html xlsx" ;;
        --color) values="auto always never" ;;
        --lang) values="vi en" ;;
        --list) values="uncovered overdue revoked covered" ;;
        --by) values="kind id name part" ;;
        --sort) values="shortfall coverage order" ;;
        --schedule) values="month quarter year" ;;
        --date-order) values="dmy mdy" ;;
        --as-of | --certified | --revoked | --planned | --move-to) values=$(date +%Y-%m-%d) ;;
        --id) values=$(_ontrack_ids "$plan") ;;
        --output | -o)
            compopt -o filenames 2>/dev/null
            _ontrack_add compgen -f -- "$cur"
            return 0
            ;;
        --units)
            _ontrack_files "$cur" "*.csv" "*.xlsx" "*.ods"
            return 0
            ;;
        --plan)
            _ontrack_files "$cur" "*.toml"
            return 0
            ;;
        # a number, a date, DATE=TARGET, free text: nothing to offer
        --window | --pace | --since | --milestone | --name | --source | --province | --decision | --note | --sheet) return 0 ;;
    esac
    if [[ -n $values ]]; then
        _ontrack_add compgen -P "$prefix" -W "$values" -- "$cur"
        return 0
    fi
    [[ -n $prefix ]] && return 0

    local opts
    case $command in
        check) opts=$common_opts ;;
        record) opts=$record_opts ;;
        init) opts=$init_opts ;;
        import) opts=$import_opts ;;
        *) opts=$report_opts ;;
    esac
    if [[ $cur == -* ]]; then
        _ontrack_add compgen -W "$opts" -- "$cur"
        return 0
    fi
    case $command in
        check) _ontrack_files "$cur" "*.toml" ;;
        record) [[ -z $plan ]] && _ontrack_files "$cur" "*.toml" ;;
        init) ;;
        import) [[ -z $records ]] && _ontrack_files "$cur" "*.csv" "*.tsv" "*.xlsx" "*.ods" ;;
        *)
            ((positional == 0)) && _ontrack_add compgen -W "$commands" -- "$cur"
            _ontrack_files "$cur" "*.toml"
            ;;
    esac
    return 0
}

complete -F _ontrack ontrack
