// ancre: align French and English (or any two languages) sentence by sentence
// into a translation memory. This file only dispatches to a subcommand and
// turns exceptions into exit codes: 0 ok, 1 error, 2 usage, 130 interrupted
// (SIGINT and SIGTERM: see signals.h).
#include <iostream>
#include <new>
#include <string>
#include <vector>

#include "src/cli/command.h"
#include "src/cli/signals.h"
#include "src/cli/tm_common.h"
#include "src/core/error.h"
#include "src/core/version.h"

namespace {

void PrintUsage(std::ostream& out) {
  out << "ancre " << ancre::kVersion
      << " — align the sentences of two articles in two languages into a translation memory\n\n"
         "Usage: ancre <command> [options]\n\nCommands:\n";
  for (const auto& c : ancre::cli::Commands()) {
    std::string name = c.name;
    name.resize(std::max<size_t>(name.size() + 2, 12), ' ');
    out << "  " << name << c.summary << "\n";
  }
  out << "\n  ancre help <command>   or   ancre <command> --help   shows a command's options and "
         "an example.\n"
         "  ancre --version        prints the version.\n\n"
         "Example:\n"
         "  ancre segment samples/cambodia-korea-scams.fr.txt --lang fr\n";
}

int Run(const std::vector<std::string>& args) {
  if (args.empty()) {
    PrintUsage(std::cerr);
    return 2;
  }
  const std::string& first = args[0];
  if (first == "--help" || first == "-h") {
    PrintUsage(std::cout);
    return 0;
  }
  if (first == "--version" || first == "-V") {
    std::cout << "ancre " << ancre::kVersion << "\n";
    return 0;
  }
  if (first == "help") {
    if (args.size() == 1) {
      PrintUsage(std::cout);
      return 0;
    }
    const auto* c = ancre::cli::FindCommand(args[1]);
    if (!c) throw ancre::UsageError("unknown command '" + args[1] + "' (see 'ancre --help')");
    std::cout << c->help();
    return 0;
  }
  const auto* c = ancre::cli::FindCommand(first);
  if (!c) throw ancre::UsageError("unknown command '" + first + "' (see 'ancre --help')");
  return c->run(std::vector<std::string>(args.begin() + 1, args.end()));
}

}  // namespace

int main(int argc, char** argv) {
  ancre::cli::InstallInterruptHandler();
  std::ios::sync_with_stdio(false);
  std::vector<std::string> args(argv + 1, argv + argc);
  try {
    return Run(args);
  } catch (const ancre::UsageError& e) {
    std::cerr << "ancre: error: " << e.what() << "\n";
    return 2;
  } catch (const ancre::Interrupted& e) {
    std::cerr << "ancre: " << e.what() << "\n";
    return 130;
  } catch (const std::bad_alloc&) {
    std::string command = "ancre";
    for (const std::string& a : args) command += " " + a;
    std::cerr << "ancre: error: out of memory running '" << command
              << "': an input is too large for this machine's memory; split it (README, "
                 "\"Hostile input\", lists the limits)\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "ancre: error: " << ancre::cli::ErrorMessage(e) << "\n";
    return 1;
  }
}
