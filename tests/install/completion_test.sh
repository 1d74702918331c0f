#!/usr/bin/env bash
# The bash completion offers what the binary has: every command `ancre --help`
# lists, the subcommands of `ancre tm`, and every option each command's help
# shows. The expectations are read from the help here, independently of the
# generator (cmake/AncreHelpFiles.cmake), and checked by calling the completion
# function as bash does on TAB.
# Usage: completion_test.sh ANCRE COMPLETION_FILE
set -euo pipefail
ancre=$1
# shellcheck source=/dev/null
source "$2"

failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# complete WORD... : what TAB offers after "ancre WORD..." (the last word is
# the one being completed).
complete_words() {
  COMP_WORDS=(ancre "$@")
  COMP_CWORD=$#
  COMPREPLY=()
  _ancre
  printf '%s\n' "${COMPREPLY[@]}"
}

offers() {  # offers WORD LIST: is WORD a line of LIST?
  grep -qxF -- "$1" <<<"$2"
}

commands=$("$ancre" --help | awk '/^Commands:/{c=1; next} c&&/^$/{exit} c{print $1}')
[[ $(wc -l <<<"$commands") -ge 10 ]] || fail "ancre --help lists too few commands: $commands"
first=$(complete_words "")
for command in $commands; do
  offers "$command" "$first" || fail "'ancre <TAB>' does not offer $command"
done
offers align "$(complete_words al)" || fail "'ancre al<TAB>' does not offer align"
offers tm "$(complete_words help t)" || fail "'ancre help t<TAB>' does not offer tm"

# Long options of a help text: "  --db arg", "  -f [ --format ] arg".
options_of() {
  sed -n 's/^  \(-[A-Za-z0-9] \[ \)\{0,1\}\(--[A-Za-z0-9-]*\).*/\2/p' <<<"$1" | sort -u
}

for command in $commands; do
  help=$("$ancre" help "$command")
  subcommands=$(sed -n "s/^Usage: ancre $command \([a-z]*\(|[a-z]*\)\{1,\}\).*/\1/p" <<<"$help" | tr '|' ' ')
  if [[ -z $subcommands ]]; then
    offered=$(complete_words "$command" --)
    for option in $(options_of "$help"); do
      offers "$option" "$offered" || fail "'ancre $command --<TAB>' does not offer $option"
    done
    [[ -z $(complete_words "$command" "") ]] || fail "'ancre $command <TAB>' offers words, not files"
    continue
  fi
  offered=$(complete_words "$command" "")
  for sub in $subcommands; do
    offers "$sub" "$offered" || fail "'ancre $command <TAB>' does not offer $sub"
    section=$(awk -v s="Options of $command $sub:" '$0==s{c=1; next} c&&/^[A-Z]/{exit} c' <<<"$help")
    [[ -n $section ]] || fail "ancre help $command has no 'Options of $command $sub:'"
    offered_sub=$(complete_words "$command" "$sub" --)
    for option in $(options_of "$section"); do
      offers "$option" "$offered_sub" || fail "'ancre $command $sub --<TAB>' does not offer $option"
    done
  done
done

# Known cases, in case the help's layout changed under both parsers.
offers --db "$(complete_words align --d)" || fail "'ancre align --d<TAB>' does not offer --db"
offers --below "$(complete_words tm prune --)" || fail "'ancre tm prune --<TAB>' does not offer --below"
offers prune "$(complete_words tm p)" || fail "'ancre tm p<TAB>' does not offer prune"

if ((failures > 0)); then exit 1; fi
echo "bash completion: $(wc -w <<<"$commands") commands and their options offered"
