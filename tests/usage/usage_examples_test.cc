// The usage examples of the public headers are compiled and linked into this
// test (the generated usage_examples.cc): an example that does not compile
// fails the build at the header's own line. These tests check that the
// extraction finds what a reader sees.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "tests/usage/usage_blocks.h"

namespace ancre::usage {

extern const std::vector<std::string> kCompiledExamples;  // usage_examples.cc

namespace {

std::vector<std::string> Lines(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

TEST(UsageExamplesTest, ExtractsTheCodeAndWhatItIsGiven) {
  const std::string header =
      "// The thing.\n"
      "//\n"
      "// Usage (given const Thing& t, int n):\n"
      "//   Frob(t, n);\n"
      "//     Twice(t);\n"
      "//\n"
      "// Thread-safety: none.\n"
      "// Usage: as prose, not an example.\n"
      "#pragma once\n";
  std::vector<UsageExample> got = ExtractUsageExamples("x/thing.h", header);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].header, "x/thing.h");
  EXPECT_EQ(got[0].line, 4u);
  EXPECT_EQ(got[0].givens, "const Thing& t, int n");
  EXPECT_EQ(got[0].code, "Frob(t, n);\n  Twice(t);\n");
  EXPECT_EQ(ExtractUsageExamples("x/a.h", "// Usage:\n//   A();\n")[0].givens, "");
  got = ExtractUsageExamples("x/a.h",
                             "// Usage (given int a,\n//                int b):\n//   F(a, b);\n");
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].givens, "int a, int b");
  EXPECT_EQ(got[0].code, "F(a, b);\n");
}

TEST(UsageExamplesTest, RefusesAUsageLineWithoutCode) {
  EXPECT_THROW(ExtractUsageExamples("x/thing.h", "// Usage:\n// prose\n"), std::runtime_error);
  EXPECT_THROW(ExtractUsageExamples("x/thing.h", "// Usage:\n"), std::runtime_error);
  EXPECT_THROW(ExtractUsageExamples("x/thing.h", "// Usage (given int a,\n#pragma once\n"),
               std::runtime_error);
}

// Every library but core (plain types) opens its main header with an
// example; every "// Usage" block of a public header is compiled.
TEST(UsageExamplesTest, EveryLibraryHasACompiledExample) {
  std::set<std::string> with_example;
  for (const std::string& e : kCompiledExamples) {
    with_example.insert(e.substr(0, e.rfind('/')));
  }
  for (const std::string& dir : Lines(ANCRE_LIBRARY_DIRS_FILE)) {
    if (dir == "src/core") continue;
    EXPECT_TRUE(with_example.count(dir)) << dir << " has no compiled usage example";
  }
  size_t usage_lines = 0;
  for (const std::string& header : Lines(ANCRE_PUBLIC_HEADERS_FILE)) {
    for (const std::string& line : Lines(std::string(ANCRE_ROOT) + "/" + header)) {
      if (line.rfind("// Usage:", 0) == 0 && line.size() == 9) ++usage_lines;
      if (line.rfind("// Usage (given ", 0) == 0) ++usage_lines;
    }
  }
  EXPECT_GT(usage_lines, 10u);
  EXPECT_EQ(kCompiledExamples.size(), usage_lines);
}

}  // namespace
}  // namespace ancre::usage
