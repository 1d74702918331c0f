# ancre_library(NAME folder DEPS ... PRIVATE_DEPS ... [SUBDIRS dir ...])
# Builds ancre_<NAME> (alias ancre::<NAME>) from every .cc file of the calling
# folder and of each SUBDIRS folder under it (parts of one library that
# depend on each other, e.g. tm/ and its backends).
function(ancre_library name)
  cmake_parse_arguments(ARG "" "" "DEPS;PRIVATE_DEPS;SUBDIRS" ${ARGN})
  set(patterns ${CMAKE_CURRENT_SOURCE_DIR}/*.cc)
  foreach(dir ${ARG_SUBDIRS})
    list(APPEND patterns ${CMAKE_CURRENT_SOURCE_DIR}/${dir}/*.cc)
  endforeach()
  file(GLOB sources CONFIGURE_DEPENDS ${patterns})
  if(sources)
    add_library(ancre_${name} STATIC ${sources})
    target_include_directories(ancre_${name} PUBLIC ${PROJECT_SOURCE_DIR})
    target_link_libraries(ancre_${name} PUBLIC ${ARG_DEPS} PRIVATE ${ARG_PRIVATE_DEPS} ancre_warnings)
  else()
    add_library(ancre_${name} INTERFACE)
    target_include_directories(ancre_${name} INTERFACE ${PROJECT_SOURCE_DIR})
    target_link_libraries(ancre_${name} INTERFACE ${ARG_DEPS})
  endif()
  add_library(ancre::${name} ALIAS ancre_${name})
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
