# Installation: `cmake --install BUILD` puts ontrack where a Debian tool
# lives; debian/ (dpkg-buildpackage) packages what it installs.
#
#   bin/ontrack                                  the program
#   share/man/man1/ontrack.1.gz                  ontrack(1) (plain ontrack.1 without gzip)
#   share/bash-completion/completions/ontrack    bash completion
#   share/zsh/vendor-completions/_ontrack        zsh completion
#   share/ontrack/                               what a user runs: haiphong.toml, cron.sh
#   share/doc/ontrack/README.md                  the README
#   share/doc/ontrack/examples/                  examples/*.toml
#
# Included at the end of the top-level CMakeLists.txt, so PROJECT_* are ontrack's.

include(GNUInstallDirs)

# Directories in the package are rwxr-xr-x whatever the umask of the build.
set(CMAKE_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

install(TARGETS ontrack RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# The man page, compressed as Debian policy asks (gzip -9n: no name, no
# time stamp, so the same page gives the same bytes).
set(ONTRACK_MAN_PAGE ${PROJECT_SOURCE_DIR}/doc/ontrack.1)
find_program(ONTRACK_GZIP gzip)
if(ONTRACK_GZIP)
  set(ONTRACK_MAN_PAGE_GZ ${CMAKE_CURRENT_BINARY_DIR}/ontrack.1.gz)
  add_custom_command(
    OUTPUT ${ONTRACK_MAN_PAGE_GZ}
    COMMAND ${ONTRACK_GZIP} -9 -n -c ${ONTRACK_MAN_PAGE} > ${ONTRACK_MAN_PAGE_GZ}
    DEPENDS ${ONTRACK_MAN_PAGE}
    COMMENT "Compressing the man page ontrack.1"
    VERBATIM)
  add_custom_target(ontrack_man_page ALL DEPENDS ${ONTRACK_MAN_PAGE_GZ})
  install(FILES ${ONTRACK_MAN_PAGE_GZ} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
  install(FILES ${ONTRACK_MAN_PAGE} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endif()

install(FILES ${PROJECT_SOURCE_DIR}/completions/ontrack.bash
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME ontrack)
install(FILES ${PROJECT_SOURCE_DIR}/completions/_ontrack
        DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)

install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
file(GLOB ONTRACK_EXAMPLE_PLANS CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/examples/*.toml)
install(FILES ${ONTRACK_EXAMPLE_PLANS} DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)
# The national roll-up example: 34 province plans and the roll-up, no recognition data.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/examples/national DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples
        FILES_MATCHING PATTERN "*.toml" PATTERN "README.md")

# Data a user runs, never from /usr/share/doc (which may be left out).
install(FILES ${PROJECT_SOURCE_DIR}/data/haiphong.toml ${PROJECT_SOURCE_DIR}/data/vietnam_units.csv
              ${PROJECT_SOURCE_DIR}/data/README.md DESTINATION ${CMAKE_INSTALL_DATADIR}/ontrack)
install(PROGRAMS ${PROJECT_SOURCE_DIR}/examples/cron.sh DESTINATION ${CMAKE_INSTALL_DATADIR}/ontrack)
