// The translation memory speaks in its own terms: no string in tm/ names a
// command-line option or an ancre command (the command line adds those, see
// src/cli/tm_common.h ErrorMessage). Scans the sources' string literals.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace {

// The ordinary string literals of C++ source text: comments, character
// literals and raw strings (SQL, whose comments start with --) are skipped.
std::vector<std::string> StringLiterals(const std::string& src) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < src.size()) {
    if (src.compare(i, 2, "//") == 0) {
      i = src.find('\n', i);
      if (i == std::string::npos) break;
    } else if (src.compare(i, 2, "/*") == 0) {
      i = src.find("*/", i + 2);
      if (i == std::string::npos) break;
      i += 2;
    } else if (src.compare(i, 2, "R\"") == 0) {
      const size_t open = src.find('(', i + 2);
      const std::string close = ")" + src.substr(i + 2, open - i - 2) + "\"";
      i = src.find(close, open);
      if (i == std::string::npos) break;
      i += close.size();
    } else if (src[i] == '\'' || src[i] == '"') {
      const char quote = src[i++];
      std::string literal;
      while (i < src.size() && src[i] != quote) {
        if (src[i] == '\\') literal.push_back(src[i++]);
        literal.push_back(src[i++]);
      }
      ++i;
      if (quote == '"') out.push_back(literal);
    } else {
      ++i;
    }
  }
  return out;
}

TEST(MessagesTest, ScannerFindsLiteralsAndSkipsCommentsAndRawStrings) {
  const auto found = StringLiterals(
      "// \"no\"\nx = \"a --b\"; /* \"no\" */ c = '\"'; s = R\"sql(-- \"no\")sql\"; t = "
      "\"c\\\"d\";");
  EXPECT_EQ(found, (std::vector<std::string>{"a --b", "c\\\"d"}));
}

TEST(MessagesTest, NoStringInTmNamesAnOptionOrACommand) {
  const std::filesystem::path tm = std::filesystem::path(ANCRE_TEST_DATA) / ".." / ".." / "tm";
  ASSERT_TRUE(std::filesystem::is_directory(tm)) << tm;
  const std::regex cli(R"(--[a-z]|'ancre [a-z])");
  size_t files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(tm)) {
    const auto ext = entry.path().extension();
    if (ext != ".cc" && ext != ".h") continue;
    ++files;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    for (const std::string& literal : StringLiterals(text.str())) {
      EXPECT_FALSE(std::regex_search(literal, cli)) << entry.path() << ": \"" << literal << "\"";
    }
  }
  EXPECT_GT(files, 20u);
}

}  // namespace
