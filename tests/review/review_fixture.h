// A TM in memory holding one small run to review: four French and four
// English lines, the aligner's pairs 0-0, 1-1, 2-2, fr 3 and en 3 alone.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "tm/translation_memory.h"

namespace ancre::review::testing {

class ReviewFixture : public ::testing::Test {
 protected:
  ReviewFixture() : tm_(":memory:", {}) {
    fr_.language = "fr";
    en_.language = "en";
    Add(fr_text_, &fr_);
    Add(en_text_, &en_);
    Alignment a;
    a.beads = {{{0}, {0}, 0.9, {}}, {{1}, {1}, 0.8, {}}, {{2}, {2}, 0.7, {}}};
    run_ = tm_.SaveAlignment({"a.fr", fr_text_, "fr", "", "", &fr_, nullptr, {}},
                             {"a.en", en_text_, "en", "", "", &en_, nullptr, {}}, a, {})
               .alignment_id;
  }

  tm::ReviewState Load() { return tm_.LoadReview(run_); }

  // "source|target|origin" of every unit, sorted.
  std::vector<std::string> Units() const {
    std::vector<std::string> out;
    tm_.ForEachUnit({}, [&](const tm::TranslationUnit& u) {
      out.push_back(u.source + "|" + u.target + "|" + std::string(tm::OriginName(u.origin)));
    });
    std::sort(out.begin(), out.end());
    return out;
  }

  static void Add(const std::string& text, Document* doc) {
    for (size_t begin = 0; begin < text.size();) {
      const size_t end = text.find('\n', begin);
      Segment s;
      s.index = s.number = s.paragraph = doc->segments.size();
      s.span = {begin, end};
      s.text = text.substr(begin, end - begin);
      doc->segments.push_back(s);
      begin = end + 1;
    }
  }

  std::string fr_text_ = "Un.\nDeux.\nTrois.\nQuatre.\n";
  std::string en_text_ = "One.\nTwo.\nThree.\nFour.\n";
  Document fr_, en_;
  tm::TranslationMemory tm_;
  int64_t run_ = 0;
};

}  // namespace ancre::review::testing
