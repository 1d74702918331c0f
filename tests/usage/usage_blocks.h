// The usage examples of ancre's public headers, as code: a header's comment
//   // Usage:                                  or
//   // Usage (given const ancre::report::AlignmentView& view):
// followed by lines "//   code" (three spaces or more after the slashes) holds
// an example; the first line with less indentation ends it. What follows
// "given" is what the example takes from its context, written as a parameter
// list; it may go on over comment lines up to the one ending in "):". A
// "// Usage:" that is followed by no code is refused, so that no example is
// silently left out. tests/usage compiles every example it finds.
// Thread-safety: pure functions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ancre::usage {

struct UsageExample {
  std::string header;  // as included: "src/pipeline/pipeline.h"
  size_t line = 0;     // 1-based line of the first line of code in the header
  std::string givens;  // parameter list, may be empty
  std::string code;    // the example, comment marks and three spaces removed
};

// The examples of one header's text. Throws std::runtime_error naming the
// header and line for a "// Usage" line without code after it.
std::vector<UsageExample> ExtractUsageExamples(std::string_view header, std::string_view text);

// A translation unit that includes every header of `all_headers` and defines
// one function per example (never called: compiling and linking it is the
// check). `root` is where the headers are; #line directives point compiler
// errors at the header's own lines.
std::string UsageExamplesSource(const std::vector<UsageExample>& examples,
                                const std::vector<std::string>& all_headers,
                                const std::string& root);

}  // namespace ancre::usage
