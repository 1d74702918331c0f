// The subcommands of the ancre CLI. Each lives in its own cmd_<name>.cc, which
// parses its options with Boost.Program_options and makes one library call.
#pragma once

#include <string>
#include <vector>

namespace ancre::cli {

struct Command {
  const char* name;
  const char* summary;                               // one line for `ancre --help`
  int (*run)(const std::vector<std::string>& args);  // args exclude the command name
  std::string (*help)();                             // full help text with an example
};

// Every subcommand, in the order `ancre --help` lists them.
const std::vector<Command>& Commands();

// Returns the command called name, or nullptr.
const Command* FindCommand(const std::string& name);

}  // namespace ancre::cli
