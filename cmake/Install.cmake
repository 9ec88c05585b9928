# Installation and packaging: `cmake --install BUILD` puts ontrack where a
# Debian tool lives, and `cpack -G DEB` (run in BUILD) makes a .deb of it.
#
#   bin/ontrack                                  the program
#   share/man/man1/ontrack.1.gz                  ontrack(1) (plain ontrack.1 without gzip)
#   share/bash-completion/completions/ontrack    bash completion
#   share/zsh/vendor-completions/_ontrack        zsh completion
#   share/doc/ontrack/README.md                  the README
#   share/doc/ontrack/examples/                  examples/*.toml, examples/cron.sh, haiphong.toml
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
install(FILES ${ONTRACK_EXAMPLE_PLANS} ${PROJECT_SOURCE_DIR}/data/haiphong.toml
        DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)
install(PROGRAMS ${PROJECT_SOURCE_DIR}/examples/cron.sh DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)

# ---------------------------------------------------------------- CPack (.deb)
set(CPACK_PACKAGE_NAME ontrack)
set(CPACK_PACKAGE_VENDOR "ontrack")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(ONTRACK_DEB_MAINTAINER "ontrack maintainers <maintainers@ontrack.invalid>"
    CACHE STRING "Maintainer field of the .deb")
set(CPACK_PACKAGE_CONTACT "${ONTRACK_DEB_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${ONTRACK_DEB_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "check whether a drug-free localities plan is on track")
set(CPACK_PACKAGE_DESCRIPTION
    "ontrack reads a plan written in TOML (localities with the dates they were
certified drug-free or had that recognition revoked, the dates the rest are
planned, and milestones with cumulative targets), works out coverage at every
milestone deadline, and reports an on-track or behind verdict with the
shortfall, as a table, Markdown, CSV, JSON or HTML.
.
The package ships the Hai Phong plan and other examples in
/usr/share/doc/ontrack/examples.")
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # ontrack_VERSION_ARCH.deb
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

# Depends: worked out by dpkg-shlibdeps (from dpkg-dev) from the libraries
# the binary links; without it, or with -DONTRACK_DEB_SHLIBDEPS=OFF, the
# list below (Debian 12's names).
find_program(ONTRACK_DPKG_SHLIBDEPS dpkg-shlibdeps)
if(ONTRACK_DPKG_SHLIBDEPS)
  set(ONTRACK_DEB_SHLIBDEPS_DEFAULT ON)
else()
  set(ONTRACK_DEB_SHLIBDEPS_DEFAULT OFF)
endif()
option(ONTRACK_DEB_SHLIBDEPS "Let dpkg-shlibdeps work out the .deb's Depends" ${ONTRACK_DEB_SHLIBDEPS_DEFAULT})
if(ONTRACK_DEB_SHLIBDEPS)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
else()
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS OFF)
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "libfmt9, libtomlplusplus3, libc6, libstdc++6, libgcc-s1")
endif()

# `cpack --config CPackSourceConfig.cmake`: a source tarball without builds.
set(CPACK_SOURCE_GENERATOR TGZ)
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/" "/build[^/]*/" "/bench/out/" "\\\\.swp$")

include(CPack)
