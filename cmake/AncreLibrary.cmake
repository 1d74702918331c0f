include(GNUInstallDirs)

# ancre_library(NAME folder DEPS ... PRIVATE_DEPS ... [SUBDIRS dir ...] [PRIVATE_HEADERS glob ...])
# Builds ancre_<NAME> (alias ancre::<NAME>) from every .cc file of the calling
# folder and of each SUBDIRS folder under it (parts of one library that
# depend on each other, e.g. tm/ and its backends).
# Every library is installed and exported as ancre::<NAME> (cmake/AncreInstall.cmake),
# with the headers of its folder and subfolders under include/ancre/, except
# the PRIVATE_HEADERS (globs relative to the folder: a backend's interface and
# implementation headers, which only the library itself includes).
function(ancre_library name)
  cmake_parse_arguments(ARG "" "" "DEPS;PRIVATE_DEPS;SUBDIRS;PRIVATE_HEADERS" ${ARGN})
  foreach(pattern ${ARG_PRIVATE_HEADERS})
    file(GLOB matched CONFIGURE_DEPENDS RELATIVE ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_SOURCE_DIR}/${pattern})
    if(NOT matched)
      message(FATAL_ERROR "ancre_library(${name}): PRIVATE_HEADERS ${pattern} matches no header")
    endif()
    set_property(GLOBAL APPEND PROPERTY ANCRE_PRIVATE_HEADERS ${matched})
  endforeach()
  set(patterns ${CMAKE_CURRENT_SOURCE_DIR}/*.cc)
  foreach(dir ${ARG_SUBDIRS})
    list(APPEND patterns ${CMAKE_CURRENT_SOURCE_DIR}/${dir}/*.cc)
  endforeach()
  file(GLOB sources CONFIGURE_DEPENDS ${patterns})
  set(includes $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}>
               $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}/ancre>)
  if(sources)
    add_library(ancre_${name} STATIC ${sources})
    target_include_directories(ancre_${name} PUBLIC ${includes})
    target_compile_features(ancre_${name} PUBLIC cxx_std_20)
    target_link_libraries(ancre_${name} PUBLIC ${ARG_DEPS} PRIVATE ${ARG_PRIVATE_DEPS} ancre_warnings)
  else()
    add_library(ancre_${name} INTERFACE)
    target_include_directories(ancre_${name} INTERFACE ${includes})
    target_compile_features(ancre_${name} INTERFACE cxx_std_20)
    target_link_libraries(ancre_${name} INTERFACE ${ARG_DEPS})
  endif()
  set_target_properties(ancre_${name} PROPERTIES EXPORT_NAME ${name})
  add_library(ancre::${name} ALIAS ancre_${name})
  set_property(GLOBAL APPEND PROPERTY ANCRE_LIBRARIES ancre_${name})
  set_property(GLOBAL APPEND PROPERTY ANCRE_LIBRARY_DIRS ${CMAKE_CURRENT_SOURCE_DIR})
endfunction()

# ancre_public_headers(OUT dir...)
# The public headers of the library folders (and their subfolders), as paths
# relative to the repository root (the include paths: src/pipeline/pipeline.h).
# Every .h is public except *_internal.h, a library's PRIVATE_HEADERS, a header
# that includes a third-party header the libraries keep private (<sqlite3.h>,
# <unicode/...>, <libxml/...>, <boost/...>: the house style keeps them out of
# public headers), and a header that includes a private one.
function(ancre_public_headers out)
  set(headers)
  foreach(dir ${ARGN})
    file(GLOB_RECURSE found CONFIGURE_DEPENDS RELATIVE ${PROJECT_SOURCE_DIR} ${dir}/*.h)
    list(APPEND headers ${found})
  endforeach()
  list(REMOVE_DUPLICATES headers)
  list(SORT headers)
  get_property(private GLOBAL PROPERTY ANCRE_PRIVATE_HEADERS)
  foreach(h ${headers})
    file(STRINGS ${PROJECT_SOURCE_DIR}/${h} third_party
         REGEX "^#include <(sqlite3\\.h|unicode/|libxml/|boost/)")
    if(h MATCHES "_internal\\.h$" OR third_party)
      list(APPEND private ${h})
    endif()
  endforeach()
  # A header that includes a private header is private too, however deep.
  set(grew TRUE)
  while(grew)
    set(grew FALSE)
    foreach(h ${headers})
      if(h IN_LIST private)
        continue()
      endif()
      file(STRINGS ${PROJECT_SOURCE_DIR}/${h} quoted REGEX "^#include \"")
      foreach(line ${quoted})
        string(REGEX REPLACE "^#include \"([^\"]+)\".*" "\\1" included "${line}")
        if(included IN_LIST private)
          list(APPEND private ${h})
          set(grew TRUE)
          break()
        endif()
      endforeach()
    endforeach()
  endwhile()
  if(private)
    list(REMOVE_ITEM headers ${private})
  endif()
  set(${out} ${headers} PARENT_SCOPE)
endfunction()

# ancre_test(NAME DEPS ...): one GoogleTest binary per library, from tests/<folder>/*_test.cc.
function(ancre_test name)
  cmake_parse_arguments(ARG "" "" "DEPS" ${ARGN})
  file(GLOB sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*_test.cc)
  if(NOT sources)
    return()
  endif()
  add_executable(${name}_test ${sources})
  target_link_libraries(${name}_test PRIVATE ${ARG_DEPS} GTest::gtest GTest::gtest_main ancre_warnings)
  target_compile_definitions(${name}_test PRIVATE
    ANCRE_TEST_DATA="${PROJECT_SOURCE_DIR}/tests/data"
    ANCRE_SAMPLES="${PROJECT_SOURCE_DIR}/samples"
    ANCRE_SHARED="${PROJECT_SOURCE_DIR}/../shared"
    ANCRE_BINARY="$<TARGET_FILE:ancre>")
  gtest_discover_tests(${name}_test DISCOVERY_TIMEOUT 60 PROPERTIES LABELS ${name})
endfunction()
