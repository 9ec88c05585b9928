# The layers of src/, one static library each (see ARCHITECTURE.md). Each
# library puts only its own folder on the include path of what links it, and
# links only the layers below it, so a file that includes a header of a layer
# it may not use does not compile: compute cannot include i18n or render,
# model nothing above text, and nothing includes cli (which is no library).
#
#   text     utf8, unicode (utf8proc), suggest, msgid   (no language, no plan)
#   model    plan structs, dates, targets, history rule <- text
#   lang     i18n (gettext), diagnostics, library words <- model, text
#   load     bytes -> TOML -> validated model; CSV, workbooks <- lang, model, text
#   compute  pure numbers of a plan on a day            <- model, text
#   render   one file per format, all wording           <- compute, lang
#   edit     record, import, init: plans written safely <- load
#   cli      CLI11 wiring and the report action         <- everything
function(ontrack_layer name)
  cmake_parse_arguments(PARSE_ARGV 1 layer "" "" "LINKS")
  file(GLOB sources CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/${name}/*.cpp)
  add_library(ontrack_${name} STATIC ${sources})
  target_include_directories(ontrack_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src/${name})
  target_link_libraries(ontrack_${name} PUBLIC ${layer_LINKS} PRIVATE ontrack_warnings)
endfunction()

ontrack_layer(text LINKS fmt::fmt PkgConfig::UTF8PROC)
ontrack_layer(model LINKS ontrack_text)
ontrack_layer(lang LINKS ontrack_model ontrack_text fmt::fmt)
# Workbooks (.xlsx, .ods): libzip for the archive, expat for its XML
# (Debian: libzip-dev, libexpat1-dev).
pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET libzip)
pkg_check_modules(EXPAT REQUIRED IMPORTED_TARGET expat)
ontrack_layer(load LINKS ontrack_lang ontrack_model ontrack_text tomlplusplus::tomlplusplus Threads::Threads
              PkgConfig::LIBZIP PkgConfig::EXPAT)
ontrack_layer(compute LINKS ontrack_model ontrack_text)
# libxlsxwriter: its headers only; render/xlsx.cpp opens the library when a
# workbook is first written (see there why).
find_package(PkgConfig REQUIRED)
pkg_check_modules(XLSXWRITER REQUIRED xlsxwriter)
ontrack_layer(render LINKS ontrack_compute ontrack_lang ${CMAKE_DL_LIBS})
target_include_directories(ontrack_render PRIVATE ${XLSXWRITER_INCLUDE_DIRS})
ontrack_layer(edit LINKS ontrack_load)

# Every layer but cli, for the tests, the fuzzer and the HTML test page.
add_library(ontrack_layers INTERFACE)
target_link_libraries(ontrack_layers INTERFACE ontrack_edit ontrack_render ontrack_load ontrack_compute)

# The command line: a library too (the tests do not link it), and main.cpp.
ontrack_layer(cli LINKS ontrack_layers CLI11::CLI11)
target_compile_definitions(ontrack_cli PRIVATE ONTRACK_VERSION="${PROJECT_VERSION}")
add_executable(ontrack src/main.cpp)
target_link_libraries(ontrack PRIVATE ontrack_cli ontrack_warnings)
