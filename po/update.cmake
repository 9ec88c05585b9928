# Extracts the messages of src/ into POT with xgettext and, when MSGMERGE and
# LINGUAS are given, merges POT into po/<lang>.po for each language. Run by
# `cmake --build build --target update-po`, and by the po.up_to_date test
# (POT in the build tree, no merge):
#   cmake -DSOURCE_DIR=... -DXGETTEXT=xgettext -DPOT=out.pot
#         [-DMSGMERGE=msgmerge -DLINGUAS=vi] -P po/update.cmake
# The keywords: tr and trf (a message), trn and tr_plural (singular and
# plural, ngettext), N_ (a literal translated later through a variable).
# Every message is a fmt format string, never a printf one: no-c-format keeps
# msgfmt from checking '%' in "30%" as a C directive.
cmake_minimum_required(VERSION 3.16)

file(GLOB_RECURSE sources RELATIVE ${SOURCE_DIR} ${SOURCE_DIR}/src/*.cpp ${SOURCE_DIR}/src/*.hpp)
list(SORT sources)
set(keywords --keyword= --keyword=tr --keyword=trf --keyword=N_ --keyword=trn:1,2 --keyword=tr_plural:1,2)
set(flags "")
foreach(f tr:1 trf:1 N_:1 trn:1 trn:2 tr_plural:1 tr_plural:2)
    list(APPEND flags --flag=${f}:no-c-format)
endforeach()
execute_process(COMMAND ${XGETTEXT} --from-code=UTF-8 --language=C++ ${keywords} ${flags} --add-location=file
                        --sort-by-file --add-comments=TRANSLATORS: --package-name=ontrack
                        -o ${POT} ${sources}
                WORKING_DIRECTORY ${SOURCE_DIR} RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)  # its warning about --msgid-bugs-address is only shown on failure
    message(FATAL_ERROR "xgettext failed: ${err}")
endif()
if(DEFINED MSGMERGE)
    foreach(lang IN LISTS LINGUAS)
        execute_process(COMMAND ${MSGMERGE} --quiet --update --backup=none --add-location=file --sort-by-file
                                ${SOURCE_DIR}/po/${lang}.po ${POT} RESULT_VARIABLE rc)
        if(NOT rc EQUAL 0)
            message(FATAL_ERROR "msgmerge of po/${lang}.po failed")
        endif()
    endforeach()
endif()
