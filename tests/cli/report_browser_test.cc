// The HTML report in a real browser: headless Chromium loads the page from
// disk (no network), runs its script, and the DOM it ends with must hold
// exactly the pairs, unaligned sentences and highlighted anchors that
// `ancre align --format jsonl` reports for the same input.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "tests/cli/run_ancre.h"

namespace ancre::testing {
namespace {

// What the jsonl contract says the page must show.
struct Expected {
  size_t pairs = 0;
  size_t unaligned = 0;  // sentences in no pair
  size_t anchors = 0;    // shared anchors of pairs, each highlighted on both sides
};

size_t CountOf(const std::string& s, const std::string& needle) {
  size_t n = 0;
  for (size_t at = s.find(needle); at != std::string::npos; at = s.find(needle, at + 1)) ++n;
  return n;
}

size_t Lines(const std::string& s) { return CountOf(s, "\n"); }

// A comparable sentence may be in several pairs (links): it is unaligned
// only when in none, and each row showing it highlights the anchors of all
// its links (the report flags anchors per sentence).
Expected FromJsonl(const std::string& jsonl, size_t src_sentences, size_t tgt_sentences) {
  struct Pair {
    std::vector<size_t> src, tgt;
    std::vector<std::string> keys;
  };
  std::vector<Pair> pairs;
  std::istringstream in(jsonl);
  const std::regex indices(R"re("(src|tgt)":\[([0-9,]*)\])re");
  const std::regex key(R"re("key":"([^"]*)")re");
  for (std::string line; std::getline(in, line);) {
    Pair p;
    bool src_seen = false, tgt_seen = false;
    for (auto it = std::sregex_iterator(line.begin(), line.end(), indices);
         it != std::sregex_iterator() && !(src_seen && tgt_seen); ++it) {
      std::vector<size_t>& list = (*it)[1] == "src" ? p.src : p.tgt;
      ((*it)[1] == "src" ? src_seen : tgt_seen) = true;
      std::istringstream items((*it)[2].str());
      for (std::string n; std::getline(items, n, ',');) list.push_back(std::stoul(n));
    }
    if (p.src.empty() || p.tgt.empty()) continue;
    for (auto it = std::sregex_iterator(line.begin(), line.end(), key);
         it != std::sregex_iterator(); ++it) {
      p.keys.push_back((*it)[1]);
    }
    pairs.push_back(std::move(p));
  }
  // Per side and sentence, the keys of all its links.
  std::map<std::pair<char, size_t>, std::set<std::string>> keys_of;
  for (const Pair& p : pairs) {
    for (size_t i : p.src) keys_of[{'s', i}].insert(p.keys.begin(), p.keys.end());
    for (size_t j : p.tgt) keys_of[{'t', j}].insert(p.keys.begin(), p.keys.end());
  }
  Expected e;
  e.pairs = pairs.size();
  for (const Pair& p : pairs) {
    const std::set<std::string> own(p.keys.begin(), p.keys.end());
    for (char side : {'s', 't'}) {
      std::set<std::string> extra;
      for (size_t k : side == 's' ? p.src : p.tgt) {
        for (const std::string& x : keys_of[{side, k}]) {
          if (own.count(x) == 0) extra.insert(x);
        }
      }
      e.anchors += p.keys.size() + extra.size();
    }
  }
  e.unaligned = src_sentences + tgt_sentences - keys_of.size();
  return e;
}

std::string Chromium() {
  for (const char* name : {"chromium", "chromium-browser", "google-chrome"}) {
    std::string cmd = std::string("command -v ") + name + " >/dev/null 2>&1";
    if (std::system(cmd.c_str()) == 0) return name;
  }
  return "";
}

// Runs headless Chromium on a page with a fresh profile; returns its stdout.
std::string RunChromium(const std::string& browser, const ScratchDir& dir,
                        const std::string& args) {
  std::string cmd = browser +
                    " --headless --no-sandbox --disable-gpu --disable-quic --no-first-run"
                    " --disable-background-networking --disable-component-update --disable-sync"
                    " --hide-scrollbars --user-data-dir='" +
                    (dir / "profile") + "' " + args + " >'" + (dir / "chromium.out") + "' 2>'" +
                    (dir / "chromium.err") + "'";
  EXPECT_EQ(std::system(cmd.c_str()), 0) << ReadAll(dir / "chromium.err");
  return ReadAll(dir / "chromium.out");
}

// The first `n` <seg> texts of a WMT .sgm file, one per line.
std::string Segs(const std::string& sgm_path, size_t n, size_t skip_index = SIZE_MAX) {
  std::string sgm = ReadAll(sgm_path);
  const std::regex seg(R"re(<seg id="[0-9]+">\s*(.*?)\s*</seg>)re");
  std::string out;
  size_t k = 0;
  for (auto it = std::sregex_iterator(sgm.begin(), sgm.end(), seg);
       it != std::sregex_iterator() && k < n; ++it, ++k) {
    if (k != skip_index) out += (*it)[1].str() + "\n";
  }
  return out;
}

class ReportBrowserTest : public ::testing::Test {
 protected:
  void SetUp() override {
    browser_ = Chromium();
    if (browser_.empty()) {
      GTEST_SKIP() << "SKIPPED: chromium is not installed (scripts/setup.sh --test installs it); "
                      "the HTML report was not checked in a browser";
    }
  }

  // Renders the report of `args` (two files and options) and checks the DOM
  // against the jsonl of the same alignment.
  void CheckAgainstJsonl(const std::string& args, size_t src_sentences, size_t tgt_sentences,
                         const std::string& screenshot = "") {
    RunResult html = RunAncre("report " + args + " -o '" + (dir_ / "report.html") + "'");
    ASSERT_EQ(html.exit_code, 0) << html.err;
    RunResult jsonl = RunAncre("align " + args + " --format jsonl");
    ASSERT_EQ(jsonl.exit_code, 0) << jsonl.err;
    Expected want = FromJsonl(jsonl.out, src_sentences, tgt_sentences);

    std::string dom =
        RunChromium(browser_, dir_, "--dump-dom 'file://" + (dir_ / "report.html") + "'");
    ASSERT_NE(dom.find("</html>"), std::string::npos) << "no DOM from the browser";
    EXPECT_EQ(CountOf(dom, " data-bead=\""), want.pairs);
    EXPECT_EQ(CountOf(dom, " data-unaligned=\""), want.unaligned);
    EXPECT_EQ(CountOf(dom, "<mark class=\"k-"), want.anchors);
    EXPECT_EQ(CountOf(dom, "<mark "), CountOf(dom, "<mark class=\"k-"));
    // The script ran: the filters were revealed and counted every row.
    const size_t rows = want.pairs + CountOf(dom, "class=\"row lone\"");
    EXPECT_NE(dom.find(std::to_string(rows) + " of " + std::to_string(rows) + " rows shown"),
              std::string::npos);
    EXPECT_EQ(dom.find("<form class=\"filters\" id=\"filters\" hidden"), std::string::npos);

    if (!screenshot.empty()) {
      RunChromium(browser_, dir_,
                  "--window-size=1280,1600 --screenshot='" + (dir_ / screenshot) + "' 'file://" +
                      (dir_ / "report.html") + "'");
      ASSERT_TRUE(std::filesystem::exists(dir_ / screenshot));
      EXPECT_GT(std::filesystem::file_size(dir_ / screenshot), 20000u);  // not a blank page
    }
  }

  std::string browser_;
  ScratchDir dir_;
};

TEST_F(ReportBrowserTest, SampleReportShowsWhatTheJsonlSays) {
  const std::string fr = std::string(ANCRE_SAMPLES) + "/cambodia-korea-scams.fr.txt";
  const std::string en = std::string(ANCRE_SAMPLES) + "/cambodia-korea-scams.en.txt";
  RunResult fr_segs = RunAncre("segment '" + fr + "' --lang fr");
  RunResult en_segs = RunAncre("segment '" + en + "' --lang en");
  ASSERT_EQ(fr_segs.exit_code, 0) << fr_segs.err;
  ASSERT_EQ(en_segs.exit_code, 0) << en_segs.err;
  CheckAgainstJsonl("'" + fr + "' '" + en + "' --src-lang fr --tgt-lang en", Lines(fr_segs.out),
                    Lines(en_segs.out), "report.png");
}

TEST_F(ReportBrowserTest, ParallelNewsWithAnOmissionShowsWhatTheJsonlSays) {
  const std::string dir = std::string(ANCRE_SHARED) + "/data/wmt-newstest-fren-dev/";
  if (!std::filesystem::exists(dir + "newssyscomb2009-src.fr.sgm")) {
    GTEST_SKIP() << "SKIPPED: the WMT dev news are not in ../shared";
  }
  std::ofstream(dir_ / "fr.txt") << Segs(dir + "newssyscomb2009-src.fr.sgm", 40);
  std::ofstream(dir_ / "en.txt") << Segs(dir + "newssyscomb2009-src.en.sgm", 40, 17);
  CheckAgainstJsonl("'" + (dir_ / "fr.txt") + "' '" + (dir_ / "en.txt") +
                        "' --src-lang fr --tgt-lang en --presegmented --mode parallel",
                    40, 39);
}

}  // namespace
}  // namespace ancre::testing
