#include "src/cli/command.h"

namespace ancre::cli {

// Each cmd_<name>.cc defines these two.
int RunSegment(const std::vector<std::string>& args);
std::string SegmentHelp();
int RunAlign(const std::vector<std::string>& args);
std::string AlignHelp();

const std::vector<Command>& Commands() {
  static const std::vector<Command> kCommands = {
      {"segment", "split a text into sentences (text or JSONL with byte offsets)", RunSegment,
       SegmentHelp},
      {"align", "align the sentences of two documents (parallel or comparable)", RunAlign, AlignHelp},
  };
  return kCommands;
}

const Command* FindCommand(const std::string& name) {
  for (const auto& c : Commands()) {
    if (name == c.name) return &c;
  }
  return nullptr;
}

}  // namespace ancre::cli
