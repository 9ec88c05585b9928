# The po.up_to_date test: po/ontrack.pot holds exactly the messages xgettext
# finds in src/ now (update.cmake extracts them again into the build tree),
# and every po/<lang>.po translates all of them, none fuzzy, none missing.
#   cmake -DSOURCE_DIR=... -DXGETTEXT=... -DMSGFMT=... -DMSGCMP=... -DWORK=dir
#         -DLINGUAS=vi -P po/check.cmake
# On failure: cmake --build build --target update-po, then translate what
# msgfmt --statistics reports as untranslated or fuzzy.
cmake_minimum_required(VERSION 3.16)

set(fresh ${WORK}/ontrack.pot)
execute_process(COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${SOURCE_DIR} -DXGETTEXT=${XGETTEXT} -DPOT=${fresh} -P
                        ${SOURCE_DIR}/po/update.cmake RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "extracting the messages failed")
endif()
set(failures "")
# msgcmp A B: every message of B is in A. Both ways: the same messages.
foreach(pair "${fresh};${SOURCE_DIR}/po/ontrack.pot" "${SOURCE_DIR}/po/ontrack.pot;${fresh}")
    execute_process(COMMAND ${MSGCMP} --use-untranslated ${pair} RESULT_VARIABLE rc ERROR_VARIABLE err)
    if(NOT rc EQUAL 0)
        string(APPEND failures "po/ontrack.pot is out of date with src/ (run the update-po target):\n${err}\n")
    endif()
endforeach()
foreach(lang IN LISTS LINGUAS)
    set(po ${SOURCE_DIR}/po/${lang}.po)
    execute_process(COMMAND ${MSGCMP} ${po} ${fresh} RESULT_VARIABLE rc ERROR_VARIABLE err)
    if(NOT rc EQUAL 0)
        string(APPEND failures "po/${lang}.po lacks translations:\n${err}\n")
    endif()
    execute_process(COMMAND ${MSGFMT} -c --check-format --statistics -o /dev/null ${po} RESULT_VARIABLE rc
                    OUTPUT_VARIABLE out ERROR_VARIABLE stats)
    if(NOT rc EQUAL 0 OR stats MATCHES "fuzzy|untranslated")
        string(APPEND failures "po/${lang}.po: ${stats}\n")
    endif()
endforeach()
if(failures)
    message(FATAL_ERROR "${failures}")
endif()
