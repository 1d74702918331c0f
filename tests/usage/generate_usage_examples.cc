// Writes the translation unit of every usage example of ancre's public headers.
// Usage: generate_usage_examples OUT.cc ROOT HEADER...   (HEADER relative to ROOT)
#include <exception>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "tests/usage/usage_blocks.h"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: generate_usage_examples OUT.cc ROOT HEADER...\n";
    return 2;
  }
  try {
    const std::string root = argv[2];
    std::vector<std::string> headers(argv + 3, argv + argc);
    std::vector<ancre::usage::UsageExample> examples;
    for (const std::string& header : headers) {
      std::ifstream in(root + "/" + header);
      if (!in) throw std::runtime_error("cannot read " + root + "/" + header);
      std::ostringstream text;
      text << in.rdbuf();
      for (auto& e : ancre::usage::ExtractUsageExamples(header, text.str())) {
        examples.push_back(std::move(e));
      }
    }
    const std::string source = ancre::usage::UsageExamplesSource(examples, headers, root);
    std::ofstream out(argv[1], std::ios::binary | std::ios::trunc);
    out << source;
    out.close();
    if (!out) throw std::runtime_error(std::string("cannot write ") + argv[1]);
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "generate_usage_examples: " << e.what() << "\n";
    return 1;
  }
}
