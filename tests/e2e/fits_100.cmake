# The default report for the Hai Phong plan fits in 100 columns, in both
# languages (display columns: code points that are not combining marks).
foreach(lang en vi)
    execute_process(COMMAND ${ONTRACK} --as-of 2026-11-23 --lang ${lang} ${PLAN} OUTPUT_VARIABLE out RESULT_VARIABLE rc)
    if(NOT rc EQUAL 1)
        message(FATAL_ERROR "${lang}: exit ${rc}")
    endif()
    string(REPLACE ";" "," out "${out}")
    string(REPLACE "\n" ";" lines "${out}")
    foreach(line IN LISTS lines)
        # Every character here is precomposed (one column each).
        string(LENGTH "${line}" bytes)
        execute_process(COMMAND printf "%s" "${line}" COMMAND wc -m OUTPUT_VARIABLE chars OUTPUT_STRIP_TRAILING_WHITESPACE)
        if(chars GREATER 100)
            message(FATAL_ERROR "${lang}: ${chars} columns: ${line}")
        endif()
    endforeach()
endforeach()
