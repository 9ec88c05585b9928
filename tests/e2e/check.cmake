# Runs the ontrack binary once and checks what it did. Used by CTest as
#   cmake -DONTRACK=... -DARGS=... -DEXPECT_RC=... [...] -P check.cmake
# (see ontrack_e2e() in CMakeLists.txt, which fills these in).
#
# Inputs (all paths absolute or relative to the working directory):
#   ONTRACK              the binary
#   ARGS                 its arguments joined with "^^" (a CMake list cannot
#                        survive add_test); an argument spelt <EMPTY> is
#                        passed as the empty string (the run then goes
#                        through /bin/sh so that the empty argument survives)
#   STDIN                file fed to standard input (default: /dev/null)
#   EXPECT_RC            the exit status
#   EXPECT_STDOUT        file that stdout must equal byte for byte
#   EXPECT_STDOUT_REGEX  regex stdout must match
#   REJECT_STDOUT_REGEX  regex stdout must NOT match
#   STRIP_SGR            when true, ANSI SGR sequences (ESC [ ... m) are
#                        removed from stdout before EXPECT_STDOUT is compared
#   EXPECT_STDERR        file that stderr must equal byte for byte
#   EXPECT_STDERR_REGEX  regex stderr must match
#   OUT_DIR, CASE        where the actual output is saved on failure
#   JSON_SCHEMA          when set, a json document on stdout (it starts with
#                        "{") must be valid under this schema
#                        (validate_json.py, python3-jsonschema)
# Without an EXPECT_STDERR* stderr must be empty. With EXPECT_RC 2 (an error)
# stdout must be empty. In regexes <ESC> stands for the escape character,
# <SGR> for a whole ANSI SGR sequence and <NL> for a newline (so that no
# bracket or semicolon has to survive CMake's list handling in add_test).
cmake_minimum_required(VERSION 3.16)

string(ASCII 27 esc)
set(failures "")
macro(fail what)
    string(APPEND failures "  - ${what}\n")
endmacro()

foreach(required ONTRACK EXPECT_RC)
    if(NOT DEFINED ${required})
        message(FATAL_ERROR "check.cmake: ${required} is not set")
    endif()
endforeach()
if(EXPECT_RC EQUAL 2 AND (DEFINED EXPECT_STDOUT OR DEFINED EXPECT_STDOUT_REGEX))
    message(FATAL_ERROR "check.cmake: an error case (exit 2) must expect an empty stdout")
endif()
if(NOT EXPECT_RC EQUAL 2 AND NOT DEFINED EXPECT_STDOUT AND NOT DEFINED EXPECT_STDOUT_REGEX)
    message(FATAL_ERROR "check.cmake: a case that succeeds must say what stdout should be")
endif()

function(expand_placeholders var)
    set(text "${${var}}")
    string(REPLACE "<ESC>" "${esc}" text "${text}")
    string(REPLACE "<NL>" "\n" text "${text}")
    string(REPLACE "<SGR>" "${esc}\\[[0-9;]*m" text "${text}")
    set(${var} "${text}" PARENT_SCOPE)
endfunction()

# The command line.
set(argv "")
set(has_empty FALSE)
if(NOT "${ARGS}" STREQUAL "")
    string(REPLACE "^^" ";" argv "${ARGS}")
endif()
foreach(a IN LISTS argv)
    if(a STREQUAL "<EMPTY>")
        set(has_empty TRUE)
    endif()
endforeach()
if(NOT DEFINED STDIN)
    set(STDIN /dev/null)
endif()

if(has_empty)
    # Quote every argument for sh: 'it'\''s'.
    set(script "exec")
    foreach(a IN LISTS ONTRACK argv)
        if(a STREQUAL "<EMPTY>")
            set(a "")
        endif()
        string(REPLACE "'" "'\\''" a "${a}")
        string(APPEND script " '${a}'")
    endforeach()
    execute_process(COMMAND /bin/sh -c "${script}" INPUT_FILE "${STDIN}" OUTPUT_VARIABLE out ERROR_VARIABLE err
                    RESULT_VARIABLE rc)
else()
    execute_process(COMMAND "${ONTRACK}" ${argv} INPUT_FILE "${STDIN}" OUTPUT_VARIABLE out ERROR_VARIABLE err
                    RESULT_VARIABLE rc)
endif()

# Exit status.
if(NOT "${rc}" STREQUAL "${EXPECT_RC}")
    fail("exit status is ${rc}, expected ${EXPECT_RC}")
endif()

# Standard output.
set(compared "${out}")
if(STRIP_SGR)
    string(REGEX REPLACE "${esc}\\[[0-9;]*m" "" compared "${compared}")
endif()
if(DEFINED EXPECT_STDOUT)
    file(READ "${EXPECT_STDOUT}" want)
    if(NOT "${compared}" STREQUAL "${want}")
        fail("stdout differs from ${EXPECT_STDOUT}")
        set(stdout_file_differs TRUE)
    endif()
endif()
if(DEFINED EXPECT_STDOUT_REGEX)
    expand_placeholders(EXPECT_STDOUT_REGEX)
    if(NOT "${out}" MATCHES "${EXPECT_STDOUT_REGEX}")
        fail("stdout does not match the regex ${EXPECT_STDOUT_REGEX}")
    endif()
endif()
if(DEFINED REJECT_STDOUT_REGEX)
    expand_placeholders(REJECT_STDOUT_REGEX)
    if("${out}" MATCHES "${REJECT_STDOUT_REGEX}")
        fail("stdout matches the rejected regex ${REJECT_STDOUT_REGEX}")
    endif()
endif()
if(EXPECT_RC EQUAL 2 AND NOT "${out}" STREQUAL "")
    fail("stdout is not empty on an error")
endif()
# The json contract: every document the suite produces is valid under the
# schema, which describes every member (an undescribed one fails).
if(DEFINED JSON_SCHEMA AND "${out}" MATCHES "^{")
    file(MAKE_DIRECTORY "${OUT_DIR}")
    set(json_file "${OUT_DIR}/${CASE}.validated.json")
    file(WRITE "${json_file}" "${out}")
    execute_process(COMMAND python3 "${CMAKE_CURRENT_LIST_DIR}/validate_json.py" "${JSON_SCHEMA}" "${json_file}"
                    OUTPUT_VARIABLE invalid ERROR_VARIABLE invalid RESULT_VARIABLE valid_rc)
    if(NOT valid_rc EQUAL 0)
        fail("stdout is not valid under ${JSON_SCHEMA}: ${invalid}")
    endif()
endif()

# Standard error.
if(DEFINED EXPECT_STDERR)
    file(READ "${EXPECT_STDERR}" want_err)
    if(NOT "${err}" STREQUAL "${want_err}")
        fail("stderr differs from ${EXPECT_STDERR}")
        set(stderr_file_differs TRUE)
    endif()
elseif(DEFINED EXPECT_STDERR_REGEX)
    expand_placeholders(EXPECT_STDERR_REGEX)
    if(NOT "${err}" MATCHES "${EXPECT_STDERR_REGEX}")
        fail("stderr does not match the regex ${EXPECT_STDERR_REGEX}")
    endif()
elseif(NOT "${err}" STREQUAL "")
    fail("stderr is not empty")
endif()

if(failures STREQUAL "")
    return()
endif()

# Report: the command, what went wrong, the actual output and a diff.
if(NOT DEFINED OUT_DIR)
    set(OUT_DIR "${CMAKE_CURRENT_LIST_DIR}")
endif()
if(NOT DEFINED CASE)
    set(CASE "case")
endif()
file(MAKE_DIRECTORY "${OUT_DIR}")
file(WRITE "${OUT_DIR}/${CASE}.stdout" "${out}")
file(WRITE "${OUT_DIR}/${CASE}.stderr" "${err}")
find_program(DIFF diff)
string(REPLACE ";" " " shown "${argv}")
set(details "")
foreach(stream stdout stderr)
    if(${stream}_file_differs AND DIFF)
        if(stream STREQUAL "stdout")
            set(expected_file "${EXPECT_STDOUT}")
            set(actual_file "${OUT_DIR}/${CASE}.stdout")
            if(STRIP_SGR)
                file(WRITE "${OUT_DIR}/${CASE}.stdout-stripped" "${compared}")
                set(actual_file "${OUT_DIR}/${CASE}.stdout-stripped")
            endif()
        else()
            set(expected_file "${EXPECT_STDERR}")
            set(actual_file "${OUT_DIR}/${CASE}.stderr")
        endif()
        execute_process(COMMAND "${DIFF}" -u "${expected_file}" "${actual_file}" OUTPUT_VARIABLE d)
        string(APPEND details "--- diff of ${stream} (expected, actual):\n${d}")
    endif()
endforeach()
message(FATAL_ERROR
        "e2e case ${CASE} failed\n"
        "command: ${ONTRACK} ${shown}\n"
        "${failures}"
        "--- stdout (saved in ${OUT_DIR}/${CASE}.stdout):\n${out}\n"
        "--- stderr (saved in ${OUT_DIR}/${CASE}.stderr):\n${err}\n"
        "${details}")
