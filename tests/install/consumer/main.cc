// Aligns two documents through the installed ancre pipeline library and prints
// each pair: source segment indices, target segment indices, source text,
// target text, tab-separated, then "pairs: N" on stderr.
// Usage: align_documents SRC.txt SRC_LANG TGT.txt TGT_LANG
#include <cstddef>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "src/pipeline/pipeline.h"

namespace {

std::string Join(const std::vector<size_t>& indices, const ancre::Document& doc,
                 std::string* text) {
  std::string joined;
  for (size_t i : indices) {
    if (!joined.empty()) {
      joined += ',';
      *text += ' ';
    }
    joined += std::to_string(i);
    *text += doc.segments[i].text;
  }
  return joined;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 5) {
    std::cerr << "usage: align_documents SRC.txt SRC_LANG TGT.txt TGT_LANG\n";
    return 2;
  }
  try {
    ancre::pipeline::PairOptions options;
    options.src_language = argv[2];
    options.tgt_language = argv[4];
    ancre::pipeline::AlignedPair pair = ancre::pipeline::AlignDocuments(
        ancre::text::ReadInput(argv[1], {}), ancre::text::ReadInput(argv[3], {}), options);
    size_t pairs = 0;
    for (const ancre::Bead& bead : pair.alignment.beads) {
      if (bead.src.empty() || bead.tgt.empty()) continue;
      std::string src_text, tgt_text;
      std::string src = Join(bead.src, pair.src, &src_text);
      std::string tgt = Join(bead.tgt, pair.tgt, &tgt_text);
      std::cout << src << '\t' << tgt << '\t' << src_text << '\t' << tgt_text << '\n';
      ++pairs;
    }
    std::cerr << "pairs: " << pairs << "\n";
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "align_documents: " << e.what() << "\n";
    return 1;
  }
}
