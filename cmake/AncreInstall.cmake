# What `cmake --install build --prefix P` puts under P:
#   bin/ancre
#   share/man/man1/ancre.1                      help2man on `ancre --help`, with every command's help
#   share/bash-completion/completions/ancre     commands, tm subcommands and options, from the help
#   include/ancre/src/pipeline/pipeline.h ...   the public headers, include paths kept
#   lib/libancre_<library>.a                    every ancre_library()
#   lib/cmake/ancre/                            find_package(ancre): targets ancre::<library>
# Included by the top-level CMakeLists.txt once every library and the binary exist.
include(CMakePackageConfigHelpers)

# The man page needs help2man. Without it the build goes on (the binary and the
# libraries are usable from the build tree), says so here, and `cmake --install`
# stops before it installs anything.
find_program(ANCRE_HELP2MAN help2man)
if(NOT ANCRE_HELP2MAN)
  message(WARNING "help2man not found: the ancre(1) man page is not built and 'cmake --install' "
                  "will refuse to run. Install help2man (Debian: apt-get install help2man, or "
                  "scripts/setup.sh) and configure again.")
  install(CODE "message(FATAL_ERROR \"ancre: the man page needs help2man, which was not found \"
                \"when this build was configured; install help2man and configure again.\")")
endif()

# Bash completion and the man page's command sections, generated from the
# binary's own help each time the binary is rebuilt: they cannot fall behind it.
set(ANCRE_COMPLETION ${PROJECT_BINARY_DIR}/ancre.bash-completion)
set(ANCRE_MAN_INCLUDE ${PROJECT_BINARY_DIR}/ancre.h2m)
add_custom_command(
  OUTPUT ${ANCRE_COMPLETION} ${ANCRE_MAN_INCLUDE}
  COMMAND ${CMAKE_COMMAND} -DANCRE=$<TARGET_FILE:ancre> -DCOMPLETION=${ANCRE_COMPLETION}
          -DMAN_INCLUDE=${ANCRE_MAN_INCLUDE} -P ${PROJECT_SOURCE_DIR}/cmake/AncreHelpFiles.cmake
  DEPENDS ancre ${PROJECT_SOURCE_DIR}/cmake/AncreHelpFiles.cmake
  COMMENT "Generating the bash completion and man page sections from ancre's help"
  VERBATIM)
set(help_files ${ANCRE_COMPLETION})
if(ANCRE_HELP2MAN)
  set(ANCRE_MAN_PAGE ${PROJECT_BINARY_DIR}/ancre.1)
  add_custom_command(
    OUTPUT ${ANCRE_MAN_PAGE}
    COMMAND ${ANCRE_HELP2MAN} --no-info --section=1
            "--name=align the sentences of two articles in two languages into a translation memory"
            --include=${ANCRE_MAN_INCLUDE} --output=${ANCRE_MAN_PAGE} $<TARGET_FILE:ancre>
    DEPENDS ancre ${ANCRE_MAN_INCLUDE}
    COMMENT "Generating the ancre(1) man page with help2man"
    VERBATIM)
  list(APPEND help_files ${ANCRE_MAN_PAGE})
  install(FILES ${ANCRE_MAN_PAGE} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endif()
add_custom_target(ancre_help_files ALL DEPENDS ${help_files})

install(TARGETS ancre RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${ANCRE_COMPLETION} RENAME ancre
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)

# The libraries and their public headers. ancre_warnings is exported with them:
# the static libraries link it privately, so their users' link line carries its
# link options (the sanitizers of an ANCRE_SANITIZE build); its compile options
# never reach them.
get_property(ANCRE_LIBRARIES GLOBAL PROPERTY ANCRE_LIBRARIES)
get_property(library_dirs GLOBAL PROPERTY ANCRE_LIBRARY_DIRS)
set_target_properties(ancre_warnings PROPERTIES EXPORT_NAME warnings)
install(TARGETS ${ANCRE_LIBRARIES} ancre_warnings EXPORT ancreTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
ancre_public_headers(ANCRE_PUBLIC_HEADERS ${library_dirs})
foreach(header ${ANCRE_PUBLIC_HEADERS})
  get_filename_component(dir ${header} DIRECTORY)
  install(FILES ${PROJECT_SOURCE_DIR}/${header} DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/ancre/${dir})
endforeach()

set(config_dir ${CMAKE_INSTALL_LIBDIR}/cmake/ancre)
install(EXPORT ancreTargets NAMESPACE ancre:: DESTINATION ${config_dir})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/ancreConfig.cmake.in
                              ${PROJECT_BINARY_DIR}/ancreConfig.cmake INSTALL_DESTINATION ${config_dir})
# 0.x: a new minor version may change the API.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/ancreConfigVersion.cmake
                                 COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/ancreConfig.cmake ${PROJECT_BINARY_DIR}/ancreConfigVersion.cmake
              ${PROJECT_SOURCE_DIR}/cmake/FindStemmer.cmake
        DESTINATION ${config_dir})
