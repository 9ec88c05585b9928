# Translations (gettext). po/LINGUAS lists the languages; po/<lang>.po is
# compiled at build time (msgfmt -c --check-format) to
# ${CMAKE_BINARY_DIR}/locale/<lang>/LC_MESSAGES/ontrack.mo, which the program
# finds beside the executable (build tree) or, once installed, under
# ${CMAKE_INSTALL_LOCALEDIR} (relative to the binary, else absolute);
# $ONTRACK_LOCALEDIR overrides them. `cmake --build build --target update-po` extracts po/ontrack.pot from
# the sources (xgettext) and merges it into every po/<lang>.po (msgmerge).
include(GNUInstallDirs)

find_program(ONTRACK_MSGFMT msgfmt)
find_program(ONTRACK_XGETTEXT xgettext)
find_program(ONTRACK_MSGMERGE msgmerge)
if(NOT ONTRACK_MSGFMT)
  message(FATAL_ERROR "msgfmt not found: install gettext (apt-get install gettext)")
endif()

set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/po/LINGUAS)
file(STRINGS ${PROJECT_SOURCE_DIR}/po/LINGUAS ONTRACK_LINGUAS REGEX "^[^#]")
set(ONTRACK_MO_FILES "")
foreach(lang IN LISTS ONTRACK_LINGUAS)
  string(STRIP "${lang}" lang)
  set(dir ${CMAKE_BINARY_DIR}/locale/${lang}/LC_MESSAGES)
  add_custom_command(OUTPUT ${dir}/ontrack.mo
                     COMMAND ${CMAKE_COMMAND} -E make_directory ${dir}
                     COMMAND ${ONTRACK_MSGFMT} -c --check-format -o ${dir}/ontrack.mo ${PROJECT_SOURCE_DIR}/po/${lang}.po
                     DEPENDS ${PROJECT_SOURCE_DIR}/po/${lang}.po
                     COMMENT "Compiling po/${lang}.po"
                     VERBATIM)
  list(APPEND ONTRACK_MO_FILES ${dir}/ontrack.mo)
  install(FILES ${dir}/ontrack.mo DESTINATION ${CMAKE_INSTALL_LOCALEDIR}/${lang}/LC_MESSAGES)
endforeach()
add_custom_target(ontrack_translations ALL DEPENDS ${ONTRACK_MO_FILES})
add_dependencies(ontrack ontrack_translations)

# Only i18n.cpp knows the install directory (a new prefix rebuilds one file),
# also relative to the binary's, for an install moved elsewhere.
file(RELATIVE_PATH ONTRACK_LOCALEDIR_FROM_BINDIR ${CMAKE_INSTALL_FULL_BINDIR} ${CMAKE_INSTALL_FULL_LOCALEDIR})
set_property(SOURCE ${PROJECT_SOURCE_DIR}/src/lang/i18n.cpp APPEND
             PROPERTY COMPILE_DEFINITIONS ONTRACK_LOCALEDIR="${CMAKE_INSTALL_FULL_LOCALEDIR}"
                      ONTRACK_LOCALEDIR_FROM_BINDIR="${ONTRACK_LOCALEDIR_FROM_BINDIR}")

if(ONTRACK_XGETTEXT AND ONTRACK_MSGMERGE)
  add_custom_target(update-po
                    COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${PROJECT_SOURCE_DIR} -DXGETTEXT=${ONTRACK_XGETTEXT}
                            -DMSGMERGE=${ONTRACK_MSGMERGE} -DPOT=${PROJECT_SOURCE_DIR}/po/ontrack.pot
                            "-DLINGUAS=${ONTRACK_LINGUAS}" -P ${PROJECT_SOURCE_DIR}/po/update.cmake
                    COMMENT "Updating po/ontrack.pot and merging it into po/*.po"
                    VERBATIM)
endif()
