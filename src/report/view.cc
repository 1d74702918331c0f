#include "src/report/view.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string>
#include <unordered_map>

#include "src/core/error.h"

namespace ancre::report {

BandThresholds BandThresholdsOf(std::string_view mode) {
  return mode == "comparable" ? kComparableBands : kParallelBands;
}

Band BandOf(double score, std::string_view mode) {
  const BandThresholds t = BandThresholdsOf(mode);
  if (score >= t.high) return Band::kHigh;
  if (score >= t.medium) return Band::kMedium;
  return Band::kLow;
}

std::string_view BandName(Band band) {
  switch (band) {
    case Band::kHigh:
      return "high";
    case Band::kMedium:
      return "medium";
    case Band::kLow:
      return "low";
  }
  return "low";
}

// Measured with the thresholds of kParallelBands and kComparableBands (see
// view.h for what and how); rerun the measure when the scores change.
const CalibrationRow kCalibration[6] = {
    {"parallel", Band::kHigh, kParallelBands.high, 1.0, 105265, 0.9968, 0.9940},
    {"parallel", Band::kMedium, kParallelBands.medium, kParallelBands.high, 6122, 0.9025, 0.6734},
    {"parallel", Band::kLow, 0.0, kParallelBands.medium, 144, 0.0208, 0.0},
    {"comparable", Band::kHigh, kComparableBands.high, 1.0, 15932, 0.9873, -1},
    {"comparable", Band::kMedium, kComparableBands.medium, kComparableBands.high, 3698, 0.8613, -1},
    {"comparable", Band::kLow, 0.0, kComparableBands.medium, 77, 0.0649, -1},
};

namespace {

std::string Fixed(double x, int decimals) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, x);
  return buf;
}

std::string Pad(std::string s, size_t width) {
  if (s.size() < width) s.insert(0, width - s.size(), ' ');
  return s;
}

// 105265 -> "105,265".
std::string Thousands(long n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

}  // namespace

std::string BandMeaning(std::string_view mode) {
  const std::string_view m = mode == "comparable" ? "comparable" : "parallel";
  std::string out = std::string(m) + " mode: ";
  if (m == "comparable") {
    out +=
        "a pair says that both sentences report the same fact, not that they translate "
        "each other; ";
  }
  for (const CalibrationRow& r : kCalibration) {
    if (r.mode != m) continue;
    out += std::string(BandName(r.band)) + " ";
    out +=
        r.band == Band::kLow ? "below " + Fixed(r.to, 2) : Fixed(r.from, 2) + "-" + Fixed(r.to, 2);
    out += " (" + Fixed(100 * r.correct, 1) + " %";
    if (r.band == Band::kHigh) out += " of pairs right on the development news";
    out += ")";
    out += r.band == Band::kLow ? "." : ", ";
  }
  return out;
}

std::string CalibrationTable() {
  std::string out = "  mode        band    score        pairs  correct  (with omissions)\n";
  for (const CalibrationRow& r : kCalibration) {
    std::string line = "  " + std::string(r.mode);
    line.resize(14, ' ');
    std::string band(BandName(r.band));
    band.resize(8, ' ');
    line += band + Fixed(r.from, 2) + "-" + Fixed(r.to, 2) + Pad(Thousands(r.pairs), 10) +
            Pad(Fixed(100 * r.correct, 1) + " %", 9);
    if (r.with_omissions >= 0) line += Pad(Fixed(100 * r.with_omissions, 1) + " %", 10);
    out += line + "\n";
  }
  return out;
}

namespace {

// Positions of the sentences a bead names on one side; marks them used.
// `links`: a sentence may be in several beads (comparable links).
std::vector<size_t> Positions(const std::vector<size_t>& indices,
                              const std::unordered_map<size_t, size_t>& position_of,
                              std::vector<bool>* used, size_t bead, const char* side, bool links) {
  std::vector<size_t> out;
  for (size_t index : indices) {
    auto it = position_of.find(index);
    if (it == position_of.end()) {
      throw Error("report: bead " + std::to_string(bead) + " names " + side + " sentence " +
                  std::to_string(index) + ", which the document does not have");
    }
    if ((*used)[it->second] && !links) {
      throw Error("report: " + std::string(side) + " sentence " + std::to_string(index) +
                  " is in two beads (the second is bead " + std::to_string(bead) + ")");
    }
    (*used)[it->second] = true;
    out.push_back(it->second);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::unordered_map<size_t, size_t> PositionIndex(const Side& side) {
  std::unordered_map<size_t, size_t> m;
  m.reserve(side.sentences.size());
  for (size_t p = 0; p < side.sentences.size(); ++p) m.emplace(side.sentences[p].index, p);
  return m;
}

// Row ids in the order of one document (the primary side): rows with primary
// sentences by their first one; rows with none right after the row holding
// the preceding sentence of the other side.
std::vector<size_t> OrderRows(const std::vector<Row>& rows, bool by_src, size_t n_secondary) {
  auto primary = [&](const Row& r) -> const std::vector<size_t>& { return by_src ? r.src : r.tgt; };
  auto secondary = [&](const Row& r) -> const std::vector<size_t>& {
    return by_src ? r.tgt : r.src;
  };
  std::vector<size_t> main_rows, others;
  for (size_t i = 0; i < rows.size(); ++i) {
    (primary(rows[i]).empty() ? others : main_rows).push_back(i);
  }
  std::stable_sort(main_rows.begin(), main_rows.end(), [&](size_t a, size_t b) {
    return primary(rows[a]).front() < primary(rows[b]).front();
  });
  std::stable_sort(others.begin(), others.end(), [&](size_t a, size_t b) {
    return secondary(rows[a]).front() < secondary(rows[b]).front();
  });
  // placed[s]: the main row (+1) after which secondary sentence s appears; 0 = before all.
  std::vector<size_t> placed(n_secondary, 0);
  for (size_t m = 0; m < main_rows.size(); ++m) {
    for (size_t s : secondary(rows[main_rows[m]])) placed[s] = m + 1;
  }
  // Others are taken in order of their first sentence, so the sentence just
  // before it is always placed already (it belongs to a main row or to an
  // earlier other).
  std::vector<std::vector<size_t>> after(main_rows.size() + 1);
  for (size_t o : others) {
    size_t first = secondary(rows[o]).front();
    size_t slot = first == 0 ? 0 : placed[first - 1];
    // Past the main rows without secondary sentences that follow: a parallel
    // alignment's 1-0 bead keeps its place before the next 0-1 bead.
    while (slot < main_rows.size() && secondary(rows[main_rows[slot]]).empty()) ++slot;
    after[slot].push_back(o);
    for (size_t s : secondary(rows[o])) placed[s] = slot;
  }
  std::vector<size_t> order;
  order.reserve(rows.size());
  order.insert(order.end(), after[0].begin(), after[0].end());
  for (size_t m = 0; m < main_rows.size(); ++m) {
    order.push_back(main_rows[m]);
    order.insert(order.end(), after[m + 1].begin(), after[m + 1].end());
  }
  return order;
}

// Flags, among the anchors of `positions`, the occurrence of a shared anchor.
// Returns true if one was found.
bool Highlight(const Side& side, const std::vector<size_t>& positions, const SharedAnchor& a,
               const std::string& text, std::vector<std::vector<bool>>* flags) {
  for (int pass = 0; pass < 3; ++pass) {
    for (size_t p : positions) {
      const Sentence& s = side.sentences[p];
      for (size_t k = 0; k < s.anchors.size(); ++k) {
        const AnchorMark& m = s.anchors[k];
        if ((*flags)[p][k] || m.key != a.key || m.begin >= m.end || m.end > s.text.size()) {
          continue;
        }
        if (pass < 2 && m.kind != a.kind) continue;
        if (pass == 0 && std::string_view(s.text).substr(m.begin, m.end - m.begin) != text) {
          continue;
        }
        (*flags)[p][k] = true;
        return true;
      }
    }
  }
  return false;
}

std::vector<std::vector<bool>> NoFlags(const Side& side) {
  std::vector<std::vector<bool>> f(side.sentences.size());
  for (size_t p = 0; p < f.size(); ++p) f[p].assign(side.sentences[p].anchors.size(), false);
  return f;
}

}  // namespace

Layout BuildLayout(const AlignmentView& view) {
  const size_t ns = view.src.sentences.size();
  const size_t nt = view.tgt.sentences.size();
  const std::unordered_map<size_t, size_t> src_pos = PositionIndex(view.src);
  const std::unordered_map<size_t, size_t> tgt_pos = PositionIndex(view.tgt);
  std::vector<bool> src_used(ns, false), tgt_used(nt, false);

  Layout layout;
  layout.src_shared = NoFlags(view.src);
  layout.tgt_shared = NoFlags(view.tgt);
  std::vector<Row> rows;
  rows.reserve(view.beads.size());
  for (size_t k = 0; k < view.beads.size(); ++k) {
    const Bead& b = view.beads[k];
    if (b.src.empty() && b.tgt.empty()) {
      throw Error("report: bead " + std::to_string(k) + " names no sentence on either side");
    }
    Row row;
    row.bead = static_cast<int>(k);
    // Comparable links may share a sentence (a fact restated); a parallel
    // alignment names each sentence once.
    const bool links = view.mode == "comparable" && !b.src.empty() && !b.tgt.empty();
    row.src = Positions(b.src, src_pos, &src_used, k, "source", links);
    row.tgt = Positions(b.tgt, tgt_pos, &tgt_used, k, "target", links);
    row.pair = !row.src.empty() && !row.tgt.empty();
    if (row.pair) {
      ++layout.pairs;
      for (const SharedAnchor& a : b.anchors) {
        layout.highlighted += Highlight(view.src, row.src, a, a.src_text, &layout.src_shared);
        layout.highlighted += Highlight(view.tgt, row.tgt, a, a.tgt_text, &layout.tgt_shared);
      }
    } else {
      layout.unaligned_src += row.src.size();
      layout.unaligned_tgt += row.tgt.size();
    }
    rows.push_back(std::move(row));
  }
  for (size_t p = 0; p < ns; ++p) {
    if (src_used[p]) continue;
    Row row;
    row.src = {p};
    rows.push_back(std::move(row));
    ++layout.unaligned_src;
  }
  for (size_t p = 0; p < nt; ++p) {
    if (tgt_used[p]) continue;
    Row row;
    row.tgt = {p};
    rows.push_back(std::move(row));
    ++layout.unaligned_tgt;
  }

  std::vector<size_t> by_tgt = OrderRows(rows, /*by_src=*/false, ns);
  for (size_t i = 0; i < by_tgt.size(); ++i) rows[by_tgt[i]].target_order = i;
  std::vector<size_t> by_src = OrderRows(rows, /*by_src=*/true, nt);
  layout.rows.reserve(rows.size());
  for (size_t id : by_src) layout.rows.push_back(std::move(rows[id]));
  // The first row holding each sentence (a linked sentence may be in several).
  layout.src_row.assign(ns, SIZE_MAX);
  layout.tgt_row.assign(nt, SIZE_MAX);
  for (size_t r = 0; r < layout.rows.size(); ++r) {
    for (size_t p : layout.rows[r].src) layout.src_row[p] = std::min(layout.src_row[p], r);
    for (size_t p : layout.rows[r].tgt) layout.tgt_row[p] = std::min(layout.tgt_row[p], r);
  }
  return layout;
}

}  // namespace ancre::report
