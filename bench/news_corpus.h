// Builds benchmark input from the French–English development news: the text of
// every <seg> of the WMT .sgm files, one paragraph per <p>, repeated to a size.
#pragma once

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace ancre::bench {

inline std::string NewsText(const std::string& lang, size_t min_bytes) {
  static const char* kSets[] = {"news-test2008", "newstest2009", "newstest2010",
                                "newstest2011",  "newstest2012", "newstest2013"};
  std::string once;
  for (const char* set : kSets) {
    std::ifstream in(std::string(ANCRE_SHARED) + "/data/wmt-newstest-fren-dev/" + set + "-src." +
                     lang + ".sgm");
    std::string line, para;
    while (std::getline(in, line)) {
      size_t b = line.find("<seg");
      if (b != std::string::npos) {
        size_t s = line.find('>', b) + 1, e = line.rfind("</seg>");
        if (e != std::string::npos && e > s) {
          if (!para.empty()) para += ' ';
          para += line.substr(s, e - s);
        }
      } else if (line.rfind("</p>", 0) == 0 || line.rfind("</h1>", 0) == 0 ||
                 line.rfind("</doc>", 0) == 0) {
        if (!para.empty()) once += para + "\n";
        para.clear();
      }
    }
  }
  if (once.empty()) return once;
  std::string text;
  text.reserve(min_bytes + once.size());
  while (text.size() < min_bytes) text += once;
  return text;
}

}  // namespace ancre::bench
