# Cases about what a report may not do: count a unit twice when plans are
# given at once, or fail at the calendar's edges. Included from CMakeLists.txt
# (ontrack_e2e is defined there).

# Plans given at once: a roll-up with one of its parts, one file by two
# paths, a unit code in two plans: refused, both places named.
ontrack_e2e(plans_at_once.rollup_and_part RC 2 ARGS ${AS_OF} ${ROLLUP}/national.toml ${ROLLUP}/north.toml
            STDERR_REGEX "^tests/e2e/plans/rollup/national.toml: error: already includes tests/e2e/plans/rollup/north.toml<NL>  hint: give one or the other: a unit is counted once<NL>$")
ontrack_e2e(plans_at_once.nested_part RC 2 ARGS ${AS_OF} ${ROLLUP}/east/east_one.toml ${ROLLUP}/national.toml
            STDERR_REGEX "^tests/e2e/plans/rollup/national.toml: error: already includes tests/e2e/plans/rollup/east/east_one.toml<NL>")
ontrack_e2e(plans_at_once.same_file RC 2 ARGS ${AS_OF} ${ROLLUP}/north.toml ${ROLLUP}/east/../north.toml
            STDERR_REGEX "^tests/e2e/plans/rollup/east/../north.toml: error: is the same file as tests/e2e/plans/rollup/north.toml<NL>")
ontrack_e2e(plans_at_once.shared_code RC 2 ARGS ${AS_OF} ${ROLLUP}/north.toml ${ROLLUP_BAD}/north_again.toml
            STDERR_REGEX "^tests/e2e/plans/rollup_bad/north_again.toml:[0-9]+:1: error: unit code 'A2' is also in tests/e2e/plans/rollup/north.toml, given at once<NL>.*hint: it is at tests/e2e/plans/rollup/north.toml:[0-9]+; a unit is counted once")
# check validates each file on its own: a roll-up beside its parts is fine.
ontrack_e2e(plans_at_once.check_accepts RC 0 ARGS check ${ROLLUP}/national.toml ${ROLLUP}/north.toml
            STDOUT_REGEX "national.toml: ok: 15 localities.*north.toml: ok: 4 localities")

# The calendar's edges: events and milestones on 0001-01-01, 0001-01-02 and
# 9999-12-31, every analysis at those as-of days with windows of 1, 12 and
# 1200 months (a window before the first day is cut there; one of no days
# has no pace). Milestone 2 (4 units by 9999-12-31) is behind: exit 1.
set(EDGES tests/e2e/plans/date_edges.toml)
foreach(day 0001-01-01 0001-01-02 9999-12-31)
    foreach(window 1 12 1200)
        ontrack_e2e(date_edges.table_${day}_${window} RC 1
                    ARGS --as-of ${day} --window ${window} --forecast --explain --chart --by kind --list uncovered ${EDGES}
                    STDOUT_REGEX "Pace and forecast.*How each figure is computed")
        ontrack_e2e(date_edges.json_${day}_${window} RC 1
                    ARGS --as-of ${day} --window ${window} --forecast --explain -f json ${EDGES}
                    STDOUT_REGEX "\"forecast\": ")
    endforeach()
    ontrack_e2e(date_edges.html_${day} RC 1 ARGS --as-of ${day} --forecast --explain -f html ${EDGES}
                STDOUT_REGEX "</html>")
    ontrack_e2e(date_edges.csv_${day} RC 1 ARGS --as-of ${day} --forecast -f csv ${EDGES} STDOUT_REGEX "9999-12-31")
    ontrack_e2e(date_edges.markdown_${day} RC 1 ARGS --as-of ${day} --forecast -f markdown ${EDGES}
                STDOUT_REGEX "9999-12-31")
endforeach()
# On the first day the window has no days: no pace, projection = coverage.
ontrack_e2e(date_edges.first_day_forecast RC 1 ARGS --as-of 0001-01-01 --forecast ${EDGES}
            STDOUT_REGEX "Milestone 2  9999-12-31           0.0            0.0         2  never ")
ontrack_e2e(date_edges.window_zero RC 2 ARGS --as-of 0001-01-01 --window 0 ${EDGES}
            STDERR_REGEX "^ontrack: error: --window: Value 0 not in range 1 to ")
