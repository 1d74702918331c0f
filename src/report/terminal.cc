#include "src/report/terminal.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <sstream>

#include "src/report/text_width.h"

namespace ancre::report {
namespace {

// Styles of spans of text; 0 = none.
constexpr uint8_t kPlain = 0;
constexpr uint8_t kDate = 1;
constexpr uint8_t kNumeric = 2;
constexpr uint8_t kEntity = 3;

// ECMA-48 SGR sequences.
constexpr std::string_view kReset = "\x1b[0m";
constexpr std::string_view kDim = "\x1b[2m";

std::string_view StyleSgr(uint8_t style) {
  switch (style) {
    case kDate:
      return "\x1b[1;4;34m";  // bold, underlined, blue
    case kNumeric:
      return "\x1b[1;32m";  // bold green
    case kEntity:
      return "\x1b[1;35m";  // bold magenta
    default:
      return kReset;
  }
}

std::string_view BandSgr(Band band) {
  switch (band) {
    case Band::kHigh:
      return "\x1b[1;32m";
    case Band::kMedium:
      return "\x1b[1;33m";
    case Band::kLow:
      return "\x1b[1;31m";
  }
  return kReset;
}

uint8_t KindStyle(AnchorKind kind) {
  switch (kind) {
    case AnchorKind::kDate:
      return kDate;
    case AnchorKind::kNumber:
    case AnchorKind::kPercent:
    case AnchorKind::kMoney:
      return kNumeric;
    case AnchorKind::kEntity:
    case AnchorKind::kAcronym:
      return kEntity;
  }
  return kPlain;
}

// One output line of a column: its bytes (maybe with SGR) and its cells.
struct Line {
  std::string text;
  size_t width = 0;
};

struct Word {
  size_t begin = 0;
  size_t end = 0;
  size_t width = 0;
};

std::vector<Word> Words(std::string_view text) {
  std::vector<Word> words;
  Word w;
  bool in_word = false;
  for (size_t at = 0; at < text.size();) {
    CodePoint c = DecodeAt(text, at);
    if (IsBreakingSpace(c.value)) {
      if (in_word) words.push_back(w);
      in_word = false;
    } else {
      if (!in_word) w = {at, at, 0};
      in_word = true;
      w.end = at + c.size;
      w.width += static_cast<size_t>(CellWidth(c.value));
    }
    at += c.size;
  }
  if (in_word) words.push_back(w);
  return words;
}

// Byte ranges of text forming one output line: pieces of words.
struct Piece {
  size_t begin = 0;
  size_t end = 0;
  bool space_before = false;
};

// Breaks text into lines of at most width cells; see WrapText.
std::vector<std::vector<Piece>> Layout(std::string_view text, size_t width) {
  std::vector<std::vector<Piece>> lines(1);
  size_t used = 0;
  for (const Word& w : Words(text)) {
    if (used > 0 && used + 1 + w.width > width) {
      lines.emplace_back();
      used = 0;
    }
    if (w.width <= width - used - (used > 0 ? 1 : 0)) {
      lines.back().push_back({w.begin, w.end, used > 0});
      used += w.width + (used > 0 ? 1 : 0);
      continue;
    }
    // A word wider than a whole line: cut it at code points.
    size_t at = w.begin;
    while (at < w.end) {
      size_t start = at, cells = 0;
      while (at < w.end) {
        CodePoint c = DecodeAt(text, at);
        size_t cw = static_cast<size_t>(CellWidth(c.value));
        if (cells + cw > width - used && at > start) break;
        if (cells + cw > width - used && used > 0) break;
        cells += cw;
        at += c.size;
      }
      if (at == start) {  // nothing fits after what the line has: new line
        lines.emplace_back();
        used = 0;
        continue;
      }
      lines.back().push_back({start, at, false});
      used += cells;
      if (at < w.end) {
        lines.emplace_back();
        used = 0;
      }
    }
  }
  return lines;
}

// Writes the code points of text[begin, end) with their styles.
void Emit(std::string_view text, size_t begin, size_t end, const std::vector<uint8_t>* styles,
          bool color, uint8_t* current, Line* line) {
  for (size_t at = begin; at < end;) {
    CodePoint c = DecodeAt(text, at);
    uint8_t st = styles ? (*styles)[at] : kPlain;
    if (color && st != *current) {
      line->text += StyleSgr(st);
      *current = st;
    }
    if (IsControl(c.value)) {
      line->text.push_back('?');
    } else {
      line->text.append(text.substr(at, c.size));
    }
    line->width += static_cast<size_t>(CellWidth(c.value));
    at += c.size;
  }
}

// Wrapped lines of text, styled per byte, each `indent` cells of `first`
// (first line) or spaces (next lines) before it.
std::vector<Line> WrapStyled(std::string_view text, const std::vector<uint8_t>* styles,
                             size_t width, const Line& first, bool color) {
  const size_t indent = first.width;
  std::vector<Line> out;
  for (const std::vector<Piece>& pieces : Layout(text, std::max<size_t>(2, width - indent))) {
    Line line = out.empty() ? first : Line{std::string(indent, ' '), indent};
    uint8_t current = kPlain;
    for (const Piece& p : pieces) {
      if (p.space_before) {
        // The space takes the style of the text before it, so a styled
        // anchor of several words stays one styled run.
        uint8_t st = styles && p.begin > 0 ? (*styles)[p.begin - 1] : kPlain;
        if (color && st != current) {
          line.text += StyleSgr(st);
          current = st;
        }
        line.text.push_back(' ');
        line.width += 1;
      }
      Emit(text, p.begin, p.end, styles, color, &current, &line);
    }
    if (color && current != kPlain) line.text += kReset;
    out.push_back(std::move(line));
  }
  return out;
}

std::string Digits(size_t n) { return std::to_string(n); }

std::string Score(double score) {
  std::array<char, 32> buf;
  auto r = std::to_chars(buf.data(), buf.data() + buf.size(), score, std::chars_format::fixed, 3);
  return std::string(buf.data(), r.ptr);
}

std::string Styled(std::string_view text, std::string_view sgr, bool color) {
  if (!color) return std::string(text);
  return std::string(sgr) + std::string(text) + std::string(kReset);
}

class Writer {
 public:
  Writer(const AlignmentView& view, const TextOptions& options, std::ostream& os)
      : view_(view),
        layout_(BuildLayout(view)),
        color_(options.color),
        width_(std::max(options.width, kMinTextWidth)),
        column_((width_ - 3) / 2),
        os_(os) {
    size_t max_index = 0;
    for (const Sentence& s : view.src.sentences) max_index = std::max(max_index, s.index);
    for (const Sentence& s : view.tgt.sentences) max_index = std::max(max_index, s.index);
    index_width_ = Digits(max_index).size();
  }

  void Write() {
    Header();
    for (const Row& row : layout_.rows) WriteRow(row);
  }

 private:
  void Header() {
    std::array<size_t, 3> bands{};
    for (const Row& r : layout_.rows) {
      if (r.pair)
        bands[static_cast<size_t>(
            BandOf(view_.beads[static_cast<size_t>(r.bead)].score, view_.mode))]++;
    }
    auto side = [&](const Side& s, size_t unaligned) {
      std::string line = s.language + "  " + s.name + "  " + Digits(s.sentences.size()) +
                         " sentences, " + Digits(unaligned) + " unaligned";
      for (const std::string& l : WrapText(line, width_)) os_ << l << '\n';
    };
    side(view_.src, layout_.unaligned_src);
    side(view_.tgt, layout_.unaligned_tgt);
    std::string mode = "mode " + (view_.mode.empty() ? std::string("unknown") : view_.mode) + ", " +
                       Digits(layout_.pairs) + " pairs";
    for (const std::string& l : WrapText(mode, width_)) os_ << l << '\n';
    std::string by_band;
    for (Band b : {Band::kHigh, Band::kMedium, Band::kLow}) {
      by_band += Styled(std::string(BandName(b)) + " " + Digits(bands[static_cast<size_t>(b)]),
                        BandSgr(b), color_);
      if (b != Band::kLow) by_band += ", ";
    }
    os_ << by_band << '\n';
    for (const std::string& l : WrapText(BandMeaning(view_.mode), width_)) os_ << l << '\n';
    os_ << '\n';
  }

  // The header rule of a row: what it is, then a rule to the full width.
  void Rule(const std::string& label, std::string_view sgr, size_t label_width) {
    std::string rule = "\u2500\u2500 ";
    os_ << Styled(rule, kDim, color_) << Styled(label, sgr, color_) << ' ';
    size_t used = 3 + label_width + 1;
    std::string fill;
    for (size_t i = used; i < width_; ++i) fill += "\u2500";
    os_ << Styled(fill, kDim, color_) << '\n';
  }

  std::vector<Line> Column(const Side& side, const std::vector<size_t>& positions,
                           const std::vector<std::vector<bool>>& shared) {
    std::vector<Line> lines;
    for (size_t p : positions) {
      const Sentence& s = side.sentences[p];
      std::vector<uint8_t> styles(s.text.size(), kPlain);
      for (size_t k = 0; k < s.anchors.size(); ++k) {
        const AnchorMark& m = s.anchors[k];
        if (!shared[p][k] || m.begin >= m.end || m.end > s.text.size()) continue;
        std::fill(styles.begin() + static_cast<std::ptrdiff_t>(m.begin),
                  styles.begin() + static_cast<std::ptrdiff_t>(m.end), KindStyle(m.kind));
      }
      std::string ix = Digits(s.index);
      ix = std::string(index_width_ - ix.size(), ' ') + ix + " ";
      Line first{Styled(ix, kDim, color_), ix.size()};
      for (Line& l : WrapStyled(s.text, &styles, column_, first, color_)) {
        lines.push_back(std::move(l));
      }
    }
    return lines;
  }

  void WriteRow(const Row& row) {
    if (row.pair) {
      const Bead& b = view_.beads[static_cast<size_t>(row.bead)];
      Band band = BandOf(b.score, view_.mode);
      std::string label = "#" + Digits(static_cast<size_t>(row.bead)) + "  " + b.type() + "  " +
                          Score(b.score) + "  " + std::string(BandName(band));
      Rule(label, BandSgr(band), label.size());
    } else {
      std::string label = "unaligned";
      if (row.bead >= 0) label += "  #" + Digits(static_cast<size_t>(row.bead));
      // A furniture row holds one sentence, set aside by comparable mode.
      const Sentence* one =
          row.src.size() == 1 && row.tgt.empty()   ? &view_.src.sentences[row.src[0]]
          : row.tgt.size() == 1 && row.src.empty() ? &view_.tgt.sentences[row.tgt[0]]
                                                   : nullptr;
      if (one != nullptr && !one->furniture.empty()) label += "  furniture: " + one->furniture;
      Rule(label, kDim, label.size());
    }
    std::vector<Line> left = Column(view_.src, row.src, layout_.src_shared);
    std::vector<Line> right = Column(view_.tgt, row.tgt, layout_.tgt_shared);
    const std::string bar = Styled("\u2502", kDim, color_);
    for (size_t i = 0; i < std::max(left.size(), right.size()); ++i) {
      std::string out;
      if (i < left.size()) out += left[i].text;
      size_t lw = i < left.size() ? left[i].width : 0;
      out.append(column_ > lw ? column_ - lw : 0, ' ');
      out += " " + bar;
      if (i < right.size()) out += " " + right[i].text;
      os_ << out << '\n';
    }
    if (row.pair) {
      const Bead& b = view_.beads[static_cast<size_t>(row.bead)];
      for (const SharedAnchor& a : b.anchors) {
        std::string text = std::string(AnchorKindName(a.kind)) + " " + a.src_text + " = " +
                           a.tgt_text + " \u27E8" + a.key + "\u27E9";
        std::vector<uint8_t> styles(text.size(), kPlain);
        std::fill(styles.begin(),
                  styles.begin() + static_cast<std::ptrdiff_t>(AnchorKindName(a.kind).size()),
                  KindStyle(a.kind));
        Line first{"  anchor: ", 10};
        for (const Line& l : WrapStyled(text, &styles, width_, first, color_))
          os_ << l.text << '\n';
      }
    }
  }

  const AlignmentView& view_;
  const report::Layout layout_;
  const bool color_;
  const size_t width_;
  const size_t column_;
  size_t index_width_ = 1;
  std::ostream& os_;
};

}  // namespace

std::vector<std::string> WrapText(std::string_view text, size_t width) {
  std::vector<std::string> out;
  for (Line& l : WrapStyled(text, nullptr, std::max<size_t>(2, width), Line{}, false)) {
    out.push_back(std::move(l.text));
  }
  return out;
}

void WriteText(const AlignmentView& view, const TextOptions& options, std::ostream& out) {
  Writer(view, options, out).Write();
}

std::string RenderText(const AlignmentView& view, const TextOptions& options) {
  std::ostringstream s;
  WriteText(view, options, s);
  return std::move(s).str();
}

}  // namespace ancre::report
