#include "tests/usage/usage_blocks.h"

#include <sstream>
#include <stdexcept>

namespace ancre::usage {

std::vector<UsageExample> ExtractUsageExamples(std::string_view header, std::string_view text) {
  std::vector<UsageExample> examples;
  std::istringstream in{std::string(text)};
  enum class State { kNone, kGivens, kCode } state = State::kNone;
  size_t number = 0;
  auto refuse = [&](const std::string& what) {
    throw std::runtime_error(std::string(header) + ":" + std::to_string(number) + ": " + what);
  };
  // "given ..." may go on over comment lines up to the one ending in "):".
  auto add_givens = [&](std::string part) {
    UsageExample& e = examples.back();
    if (part.size() >= 2 && part.compare(part.size() - 2, 2, "):") == 0) {
      part.resize(part.size() - 2);
      state = State::kCode;
    }
    if (!e.givens.empty()) e.givens += ' ';
    e.givens += part;
  };
  for (std::string line; std::getline(in, line);) {
    ++number;
    if (state == State::kGivens) {
      if (line.rfind("// ", 0) != 0) refuse("\"// Usage (given\" does not end with \"):\"");
      add_givens(line.substr(line.find_first_not_of(" /")));
      continue;
    }
    if (state == State::kCode) {
      UsageExample& e = examples.back();
      if (line.rfind("//   ", 0) == 0) {
        if (e.code.empty()) e.line = number;
        e.code += line.substr(5) + "\n";
        continue;
      }
      if (e.code.empty()) refuse("\"// Usage\" is not followed by lines of code (\"//   code\")");
      state = State::kNone;
    }
    if (line == "// Usage:") {
      examples.push_back({std::string(header), 0, "", ""});
      state = State::kCode;
    } else if (line.rfind("// Usage (given ", 0) == 0) {
      examples.push_back({std::string(header), 0, "", ""});
      state = State::kGivens;
      add_givens(line.substr(16));
    }
  }
  ++number;
  if (state == State::kGivens) refuse("\"// Usage (given\" does not end with \"):\"");
  if (state == State::kCode && examples.back().code.empty()) refuse("\"// Usage\" ends the file");
  return examples;
}

std::string UsageExamplesSource(const std::vector<UsageExample>& examples,
                                const std::vector<std::string>& all_headers,
                                const std::string& root) {
  std::string out =
      "// Generated from the \"// Usage\" comments of ancre's public headers by\n"
      "// tests/usage/generate_usage_examples: do not edit.\n"
      "#include <iostream>\n#include <string>\n#include <vector>\n\n";
  for (const std::string& h : all_headers) out += "#include \"" + h + "\"\n";
  out += "\nnamespace ancre::usage::compiled {\n\n";
  for (size_t i = 0; i < examples.size(); ++i) {
    const UsageExample& e = examples[i];
    out += "// " + e.header + "\n";
    out += "void Example" + std::to_string(i) + "(" + e.givens + ") {\n";
    out += "#line " + std::to_string(e.line) + " \"" + root + "/" + e.header + "\"\n";
    out += e.code;
    out += "}\n\n";
  }
  out += "}  // namespace ancre::usage::compiled\n\n";
  out += "namespace ancre::usage {\n\n";
  out += "// The headers and lines of the examples compiled above.\n";
  out += "extern const std::vector<std::string> kCompiledExamples = {\n";
  for (const UsageExample& e : examples) {
    out += "    \"" + e.header + ":" + std::to_string(e.line) + "\",\n";
  }
  out += "};\n\n}  // namespace ancre::usage\n";
  return out;
}

}  // namespace ancre::usage
