#include "src/review/exchange.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <set>
#include <utility>

#include "src/report/html.h"
#include "src/review/actions.h"

namespace ancre::review {
namespace {

constexpr std::string_view kHeader = "bead\tversion\tstatus\tsrc\ttgt\tscore\tsource\ttarget";
constexpr std::string_view kJoin = " \xC2\xA6 ";  // " ¦ ": between the sentences of a side

// Tabs and line breaks would cut the line: written as spaces.
std::string Cell(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return out;
}

std::string Numbers(const std::vector<size_t>& numbers) {
  std::string out;
  for (size_t n : numbers) out += (out.empty() ? "" : ",") + std::to_string(n);
  return out;
}

// The text a page shows for a sentence: the reviewer's edit, else the original.
class Texts {
 public:
  explicit Texts(const tm::ReviewState& state) : state_(state) {
    for (const tm::SegmentEdit& e : state.edits) edits_[{e.target, e.index}] = e.text;
  }
  const tm::StoredSegment* Segment(bool target, size_t n) const {
    const auto& segments = target ? state_.alignment.target : state_.alignment.source;
    auto it = std::lower_bound(segments.begin(), segments.end(), n,
                               [](const tm::StoredSegment& s, size_t k) { return s.index < k; });
    return it != segments.end() && it->index == n ? &*it : nullptr;
  }
  std::string Of(bool target, size_t n) const {
    auto e = edits_.find({target, n});
    if (e != edits_.end()) return e->second;
    const tm::StoredSegment* s = Segment(target, n);
    return s ? s->original : "";
  }
  std::string Side(const std::vector<size_t>& numbers, bool target) const {
    std::string out;
    for (size_t n : numbers) {
      if (!out.empty()) out += kJoin;
      out += Of(target, n);
    }
    return out;
  }

 private:
  const tm::ReviewState& state_;
  std::map<std::pair<bool, size_t>, std::string> edits_;
};

std::vector<std::string> SplitOn(std::string_view text, std::string_view separator) {
  std::vector<std::string> out;
  size_t begin = 0;
  while (true) {
    const size_t at = text.find(separator, begin);
    out.emplace_back(text.substr(begin, at == std::string_view::npos ? at : at - begin));
    if (at == std::string_view::npos) return out;
    begin = at + separator.size();
  }
}

std::string Trim(std::string_view s) {
  const size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return "";
  return std::string(s.substr(b, s.find_last_not_of(" \t\r") - b + 1));
}

// One line of the file, read.
struct Line {
  size_t number = 0;  // 1-based line of the file
  int64_t bead = 0;   // 0: a new bead
  int64_t version = 0;
  tm::BeadStatus status = tm::BeadStatus::kAutomatic;
  std::vector<size_t> src, tgt;
  std::vector<std::string> texts[2];
};

}  // namespace

std::string ToTsv(const tm::ReviewState& state) {
  const Texts texts(state);
  std::string out(kHeader);
  out += "\n";
  char score[16];
  for (const tm::ReviewBead& b : state.beads) {
    std::snprintf(score, sizeof score, "%.3f", b.score);
    out += std::to_string(b.id) + "\t" + std::to_string(b.version) + "\t" +
           std::string(tm::BeadStatusName(b.status)) + "\t" + Numbers(b.src) + "\t" +
           Numbers(b.tgt) + "\t" + score + "\t" + Cell(texts.Side(b.src, false)) + "\t" +
           Cell(texts.Side(b.tgt, true)) + "\n";
  }
  return out;
}

tm::ReviewChange FromTsv(const tm::ReviewState& state, std::string_view tsv,
                         std::string_view reviewer, const std::string& file) {
  const Texts texts(state);
  std::map<int64_t, const tm::ReviewBead*> stored;
  for (const tm::ReviewBead& b : state.beads) stored[b.id] = &b;
  std::vector<Line> lines;
  size_t number = 0;
  for (std::string_view rest = tsv; !rest.empty();) {
    const size_t end = rest.find('\n');
    std::string_view text = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    ++number;
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (number == 1) {
      if (text != kHeader) {
        throw ParseError(file, 1, 1,
                         "not a review TSV of ancre (the first line must be '" +
                             std::string(kHeader) + "' with tabs)");
      }
      continue;
    }
    if (Trim(text).empty()) continue;
    const std::vector<std::string> f = SplitOn(text, "\t");
    if (f.size() != 8) {
      throw ParseError(file, number, 1,
                       std::to_string(f.size()) + " columns; a line has 8, separated by tabs");
    }
    Line line;
    line.number = number;
    auto integer = [&](const std::string& cell, const char* what) -> int64_t {
      const std::string t = Trim(cell);
      if (t.empty()) return 0;
      int64_t v = 0;
      const auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
      if (ec != std::errc() || p != t.data() + t.size() || v < 0) {
        throw ParseError(file, number, 1, std::string(what) + " '" + t + "' is not a number");
      }
      return v;
    };
    line.bead = integer(f[0], "bead");
    line.version = integer(f[1], "version");
    if (!tm::ParseBeadStatus(Trim(f[2]), &line.status)) {
      throw ParseError(
          file, number, 1,
          "status '" + Trim(f[2]) + "' is not one of automatic, confirmed, rejected, edited");
    }
    for (const bool target : {false, true}) {
      std::set<size_t> numbers;
      for (const std::string& n : SplitOn(f[target ? 4 : 3], ",")) {
        if (Trim(n).empty()) continue;
        const auto k = static_cast<size_t>(integer(n, target ? "tgt" : "src"));
        if (!texts.Segment(target, k)) {
          throw ParseError(file, number, 1,
                           std::string("the run has no ") + (target ? "target" : "source") +
                               " sentence " + std::to_string(k));
        }
        numbers.insert(k);
      }
      (target ? line.tgt : line.src).assign(numbers.begin(), numbers.end());
      line.texts[target] = SplitOn(f[target ? 7 : 6], kJoin);
    }
    if (line.src.empty() && line.tgt.empty()) {
      throw ParseError(file, number, 1, "a bead without sentences; delete the line instead");
    }
    if (line.bead > 0 && stored.count(line.bead) == 0) {
      throw ParseError(file, number, 1,
                       "bead " + std::to_string(line.bead) +
                           " is not in this run any more; export the review again");
    }
    lines.push_back(std::move(line));
  }

  tm::ReviewChange change;
  change.action = "import";
  change.reviewer = std::string(reviewer);
  // Text edits: a sentence whose text differs from what the TM shows.
  std::set<std::pair<bool, size_t>> edited;
  for (const Line& line : lines) {
    for (const bool target : {false, true}) {
      const auto& numbers = target ? line.tgt : line.src;
      if (line.texts[target].size() != numbers.size()) continue;  // regrouped: texts not read
      for (size_t i = 0; i < numbers.size(); ++i) {
        const std::string text = Trim(line.texts[target][i]);
        if (text.empty() || text == Cell(texts.Of(target, numbers[i])) ||
            !edited.insert({target, numbers[i]}).second) {
          continue;
        }
        change.edits.push_back({target, numbers[i], text});
      }
    }
  }
  // Beads: unchanged ones keep their place; the others are put between them.
  std::set<size_t> covered[2];
  std::set<int64_t> seen;
  std::vector<tm::ReviewBead> wanted;  // in file order
  std::vector<bool> changed;
  for (const Line& line : lines) {
    tm::ReviewBead b;
    if (line.bead > 0) {
      if (!seen.insert(line.bead).second) {
        throw ParseError(file, line.number, 1,
                         "bead " + std::to_string(line.bead) + " is on two lines");
      }
      b = *stored[line.bead];
      b.version = line.version;
    }
    const bool regrouped = line.bead == 0 || b.src != line.src || b.tgt != line.tgt;
    bool touched = std::any_of(line.src.begin(), line.src.end(),
                               [&](size_t n) {
                                 return edited.count({false, n}) > 0;
                               }) ||
                   std::any_of(line.tgt.begin(), line.tgt.end(), [&](size_t n) {
                     return edited.count({true, n}) > 0;
                   });
    b.src = line.src;
    b.tgt = line.tgt;
    tm::BeadStatus status = line.status;
    if ((regrouped || touched) && status == tm::BeadStatus::kAutomatic) {
      status = tm::BeadStatus::kEdited;
    }
    changed.push_back(regrouped || touched || status != b.status);
    b.status = status;
    covered[0].insert(b.src.begin(), b.src.end());
    covered[1].insert(b.tgt.begin(), b.tgt.end());
    wanted.push_back(std::move(b));
  }
  for (const tm::ReviewBead& b : state.beads) {
    if (seen.count(b.id) == 0) change.removed.push_back(b);
  }
  // A sentence in no line stays, alone, at the end.
  for (const bool target : {false, true}) {
    for (const tm::StoredSegment& s : target ? state.alignment.target : state.alignment.source) {
      if (covered[target].count(s.index)) continue;
      tm::ReviewBead lone;
      (target ? lone.tgt : lone.src).push_back(s.index);
      wanted.push_back(std::move(lone));
      changed.push_back(true);
    }
  }
  constexpr int64_t kStep = int64_t{1} << 20;
  int64_t low = 0;
  for (size_t i = 0; i < wanted.size();) {
    if (!changed[i]) {
      if (wanted[i].position <= low) {
        throw ActionError(
            "the lines of the file are not in the run's order; keep the beads in "
            "order (move sentences between lines instead)");
      }
      low = wanted[i++].position;
      continue;
    }
    size_t j = i;
    while (j < wanted.size() && changed[j]) ++j;
    const auto n = static_cast<int64_t>(j - i);
    const int64_t high = j < wanted.size() ? wanted[j].position : low + (n + 1) * kStep;
    const int64_t step = (high - low) / (n + 1);
    if (step < 1) throw ActionError("no room for the new beads; reload the review and try again");
    for (; i < j; ++i) {
      low += step;
      wanted[i].position = low;
      change.put.push_back(std::move(wanted[i]));
    }
  }
  return change;
}

InterTextFiles ToInterText(const tm::ReviewState& state, const std::string& prefix) {
  const tm::StoredRun& run = state.alignment.run;
  const std::string src_lang = run.source.language.substr(0, run.source.language.find('-'));
  const std::string tgt_lang = run.target.language.substr(0, run.target.language.find('-'));
  InterTextFiles out;
  out.source_name = prefix + "." + src_lang + ".xml";
  out.target_name = prefix + "." + tgt_lang + ".xml";
  out.links_name = prefix + "." + src_lang + "." + tgt_lang + ".xml";
  const Texts texts(state);
  auto base = [](const std::string& path) { return path.substr(path.find_last_of('/') + 1); };
  auto document = [&](bool target) {
    std::string xml = "<?xml version='1.0' encoding='utf-8'?>\n<text>\n<p id=\"1\">\n";
    for (const tm::StoredSegment& s : target ? state.alignment.target : state.alignment.source) {
      xml += "<s id=\"1:" + std::to_string(s.index + 1) + "\">";
      report::AppendHtmlEscaped(texts.Of(target, s.index), &xml);
      xml += "</s>\n";
    }
    return xml + "</p>\n</text>\n";
  };
  out.source = document(false);
  out.target = document(true);
  std::string& links = out.links;
  links =
      "<?xml version='1.0' encoding='utf-8'?>\n<!DOCTYPE cesAlign PUBLIC \"-//CES//DTD "
      "XML cesAlign//EN\" \"\">\n<cesAlign version=\"1.0\" fromDoc=\"" +
      base(out.source_name) + "\" toDoc=\"" + base(out.target_name) +
      "\">\n<linkGrp "
      "targType=\"s\" fromDoc=\"" +
      base(out.source_name) + "\" toDoc=\"" + base(out.target_name) + "\">\n";
  auto ids = [](const std::vector<size_t>& numbers) {
    std::string s;
    for (size_t n : numbers)
      s += (s.empty() ? "" : " ") + std::string("1:") + std::to_string(n + 1);
    return s;
  };
  for (const tm::ReviewBead& b : state.beads) {
    // InterText: "man" a person's link, "auto" the aligner's; ancre's status and
    // bead id ride along as attributes of their own.
    links += "<link type=\"" + std::to_string(b.src.size()) + "-" + std::to_string(b.tgt.size()) +
             "\" xtargets=\"" + ids(b.src) + ";" + ids(b.tgt) + "\" status=\"" +
             (b.status == tm::BeadStatus::kAutomatic ? "auto" : "man") + "\" ancre-status=\"" +
             std::string(tm::BeadStatusName(b.status)) + "\" ancre-bead=\"" + std::to_string(b.id) +
             "\" ancre-version=\"" + std::to_string(b.version) + "\"/>\n";
  }
  links += "</linkGrp>\n</cesAlign>\n";
  return out;
}

}  // namespace ancre::review
