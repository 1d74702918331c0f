# Writes two files from the help the ancre binary prints, so that they follow
# the commands and options the binary really has:
#   COMPLETION   bash completion: commands, the subcommands of `tm`, and the
#                options of each (file names everywhere else)
#   MAN_INCLUDE  a help2man include file: one man page subsection per command
#                holding its `ancre help COMMAND` text
# Usage: cmake -DANCRE=build/ancre -DCOMPLETION=out.bash -DMAN_INCLUDE=out.h2m -P AncreHelpFiles.cmake
# Run by the build (cmake/AncreInstall.cmake) whenever the binary changes.

function(ancre_help out)
  execute_process(COMMAND ${ANCRE} ${ARGN} OUTPUT_VARIABLE text ERROR_VARIABLE err
                  RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "'ancre ${ARGN}' failed (${rc}): ${err}")
  endif()
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

# The lines of a help text as a CMake list. Brackets and semicolons have meanings
# in CMake lists; the parse needs neither, so they are dropped.
function(ancre_lines out text)
  string(REGEX REPLACE "[][;]" "" text "${text}")
  string(REPLACE "\n" ";" lines "${text}")
  set(${out} "${lines}" PARENT_SCOPE)
endfunction()

# The options an option block lists ("  -f [ --format ] arg (=text)  ..."):
# short and long names.
function(ancre_option_names out line)
  set(names)
  if(line MATCHES "^  (-[A-Za-z0-9])  (--[A-Za-z0-9-]+)")
    list(APPEND names ${CMAKE_MATCH_1} ${CMAKE_MATCH_2})
  elseif(line MATCHES "^  (--[A-Za-z0-9-]+)")
    list(APPEND names ${CMAKE_MATCH_1})
  endif()
  set(${out} ${names} PARENT_SCOPE)
endfunction()

# Roff for a help text shown as is: backslashes escaped, minus signs kept as
# minus signs (options stay copyable), lines starting with . or ' protected.
function(ancre_roff out text)
  string(REPLACE "\\" "\\e" text "${text}")
  string(REPLACE "-" "\\-" text "${text}")
  string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" text "${text}")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

ancre_help(main_help --help)
ancre_lines(main_lines "${main_help}")
set(commands)
set(in_commands FALSE)
foreach(line IN LISTS main_lines)
  if(line STREQUAL "Commands:")
    set(in_commands TRUE)
  elseif(in_commands AND line STREQUAL "")
    break()
  elseif(in_commands AND line MATCHES "^  ([a-z][a-z0-9-]*) ")
    list(APPEND commands ${CMAKE_MATCH_1})
  endif()
endforeach()
if(NOT commands)
  message(FATAL_ERROR "no command found under 'Commands:' in 'ancre --help'")
endif()
list(JOIN commands " " command_words)

set(cases "")
set(man "[COMMANDS]\n")
foreach(command ${commands})
  ancre_help(help help ${command})
  ancre_roff(roff "${help}")
  string(APPEND man ".SS \"ancre ${command}\"\n.nf\n${roff}\n.fi\n")
  ancre_lines(lines "${help}")
  # A command with subcommands says so on its usage line: "Usage: ancre tm merge|prune|check"
  # and lists each one's options under "Options of tm merge:".
  set(subcommands)
  foreach(line IN LISTS lines)
    if(line MATCHES "^Usage: ancre ${command} ([a-z]+(\\|[a-z]+)+)")
      string(REPLACE "|" ";" subcommands "${CMAKE_MATCH_1}")
      break()
    endif()
  endforeach()
  set(options)
  set(sub_options)
  set(section "")
  foreach(line IN LISTS lines)
    if(line MATCHES "^Options of ${command} ([a-z]+):$")
      set(section ${CMAKE_MATCH_1})
    elseif(line MATCHES "^[A-Z]")
      set(section "")
    endif()
    ancre_option_names(names "${line}")
    if(names AND section)
      list(APPEND sub_options_${section} ${names})
    elseif(names)
      list(APPEND options ${names})
    endif()
  endforeach()
  list(REMOVE_DUPLICATES options)
  list(JOIN options " " option_words)
  if(subcommands)
    list(JOIN subcommands " " sub_words)
    string(APPEND cases "    ${command})\n"
                        "      if ((COMP_CWORD == 2)) && [[ $cur != -* ]]; then\n"
                        "        words=\"${sub_words}\"\n"
                        "      elif [[ $cur == -* ]]; then\n"
                        "        case \${COMP_WORDS[2]} in\n")
    foreach(sub ${subcommands})
      list(REMOVE_DUPLICATES sub_options_${sub})
      list(JOIN sub_options_${sub} " " words)
      string(APPEND cases "          ${sub}) words=\"${words}\" ;;\n")
    endforeach()
    string(APPEND cases "          *) words=\"${option_words}\" ;;\n"
                        "        esac\n"
                        "      fi ;;\n")
  else()
    string(APPEND cases "    ${command}) [[ $cur == -* ]] && words=\"${option_words}\" ;;\n")
  endif()
endforeach()

# Where no word is offered, `complete -o default` completes file names.
file(WRITE ${COMPLETION}
"# bash completion for ancre. Generated from `ancre --help` and `ancre help COMMAND`
# when ancre is built (cmake/AncreHelpFiles.cmake): do not edit.
_ancre() {
  local cur=\${COMP_WORDS[COMP_CWORD]} words=
  COMPREPLY=()
  if ((COMP_CWORD == 1)); then
    words=\"${command_words} help --help --version\"
  else
    case \${COMP_WORDS[1]} in
    help) ((COMP_CWORD == 2)) && words=\"${command_words}\" ;;
${cases}    esac
  fi
  if [[ -n $words ]]; then
    mapfile -t COMPREPLY < <(compgen -W \"$words\" -- \"$cur\")
  fi
  return 0
}
complete -o default -F _ancre ancre
")
file(WRITE ${MAN_INCLUDE} "${man}")
