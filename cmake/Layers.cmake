# The layers of src/, one static library each (see ARCHITECTURE.md). Each
# library puts only its own folder on the include path of what links it, and
# links only the layers below it, so a file that includes a header of a layer
# it may not use does not compile: compute cannot include i18n or render,
# model nothing above text, and nothing includes cli (which is no library).
#
#   text     utf8, unicode (utf8proc), suggest, msgid   (no language, no plan)
#   model    plan structs, dates, targets, history rule <- text
#   lang     i18n (gettext), diagnostics, library words <- model, text
#   load     bytes -> TOML -> validated model           <- lang, model, text
#   compute  pure numbers of a plan on a day            <- model, text
#   render   one file per format, all wording           <- compute, lang
#   edit     record, import, init: plans written safely <- load
#   cli      CLI11 wiring and the report action         <- everything
#
# Each layer's sources are listed (a file is in the build because it is named
# here, not because it lies in the folder): src/LAYER/NAME.cpp as NAME.
function(ontrack_layer name)
  cmake_parse_arguments(PARSE_ARGV 1 layer "" "" "SOURCES;LINKS")
  list(TRANSFORM layer_SOURCES PREPEND ${PROJECT_SOURCE_DIR}/src/${name}/)
  list(TRANSFORM layer_SOURCES APPEND .cpp)
  add_library(ontrack_${name} STATIC ${layer_SOURCES})
  target_include_directories(ontrack_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src/${name})
  target_link_libraries(ontrack_${name} PUBLIC ${layer_LINKS} PRIVATE ontrack_warnings)
endfunction()

ontrack_layer(text
  SOURCES
    suggest
    unicode
    utf8
  LINKS fmt::fmt PkgConfig::UTF8PROC)
ontrack_layer(model
  SOURCES
    date
    history
    milestone_rule
    model
    target
  LINKS ontrack_text)
ontrack_layer(lang
  SOURCES
    console
    diagnostic
    failure
    i18n
    library_messages
  LINKS ontrack_model ontrack_text fmt::fmt)
ontrack_layer(load
  SOURCES
    allocator
    batch_parse
    csv_header
    csv_reader
    csv_sheet
    file_identity
    huge_pages
    key_depth
    load
    locality_reader
    ods_sheet
    parallel_for
    parsed_localities
    plan_set
    plan_file
    plan_head
    plan_split
    plan_text
    rollup
    toml_access
    toml_string
    unique_names
    workbook
    xlsx_sheet
    xml_stream
    zip_archive
  LINKS ontrack_lang ontrack_model ontrack_text tomlplusplus::tomlplusplus Threads::Threads PkgConfig::EXPAT
        ${CMAKE_DL_LIBS})
# libzip: its headers only; load/zip_archive.cpp opens the library when a
# workbook is first read (see there why).
target_include_directories(ontrack_load PRIVATE ${LIBZIP_INCLUDE_DIRS})
ontrack_layer(compute
  SOURCES
    analysis
    breakdown
    changes
    chart_data
    compute
    draws
    feasibility
    feasibility_explain
    forecast
    league
    listing
    part_forecast
    schedule
    throughput
  LINKS ontrack_model ontrack_text)
# libxlsxwriter: its headers only; render/xlsx.cpp opens the library when a
# workbook is first written (see there why).
ontrack_layer(render
  SOURCES
    chart_svg
    chart_text
    csv
    document
    document_tables
    explain
    explain_feasibility
    feasibility_tables
    feasibility_words
    html
    json
    json_feasibility
    json_writer
    markdown
    render
    table
    wording
    xlsx
    xlsx_book
  LINKS ontrack_compute ontrack_lang ${CMAKE_DL_LIBS})
target_include_directories(ontrack_render PRIVATE ${XLSXWRITER_INCLUDE_DIRS})
ontrack_layer(edit
  SOURCES
    file_lock
    import
    locality_editor
    name_lookup
    output_file
    plan_edit
    provinces
    record_columns
    record_rows
    roster
    text_map
  LINKS ontrack_load)

# Every layer but cli, for the tests, the fuzzer and the HTML test page.
add_library(ontrack_layers INTERFACE)
target_link_libraries(ontrack_layers INTERFACE ontrack_edit ontrack_render ontrack_load ontrack_compute)

# The command line: a library too (the tests do not link it), and main.cpp.
ontrack_layer(cli
  SOURCES
    app
    check_command
    errors
    help_language
    import_command
    init_command
    record_command
    report_command
    run
  LINKS ontrack_layers CLI11::CLI11)
target_compile_definitions(ontrack_cli PRIVATE ONTRACK_VERSION="${PROJECT_VERSION}")
add_executable(ontrack src/main.cpp)
target_link_libraries(ontrack PRIVATE ontrack_cli ontrack_warnings)
