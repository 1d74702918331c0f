#include "tm/tmx/import.h"

#include <algorithm>
#include <charconv>
#include <unordered_set>
#include <utility>

#include "src/core/error.h"
#include "src/core/language_tag.h"
#include "tm/errors.h"
#include "tm/tmx/text.h"

namespace ancre::tm {
namespace {

// Index of the variant that best serves lang (ties: the first), or -1.
int BestVariant(const TmxUnit& unit, const std::string& lang, int exclude) {
  int best = -1;
  LanguageMatch best_rank = LanguageMatch::kNone;
  for (size_t i = 0; i < unit.variants.size(); ++i) {
    if (static_cast<int>(i) == exclude) continue;
    const LanguageMatch rank = LanguageMatchRank(lang, unit.variants[i].lang);
    if (rank > best_rank) {
      best_rank = rank;
      best = static_cast<int>(i);
    }
  }
  return best;
}

// Props and notes in a set of seen keys: linear in their number (a unit may
// hold up to TmxLimits::kMaxProps of each).
std::string Key(const Prop& p) { return p.type + '\0' + p.value; }
const std::string& Key(const std::string& note) { return note; }

template <typename T>
void AppendUnique(const std::vector<T>& from, std::unordered_set<std::string>* seen,
                  std::vector<T>* to) {
  for (const T& x : from) {
    if (seen->insert(Key(x)).second) to->push_back(x);
  }
}

}  // namespace

TmxImporter::TmxImporter(TmxReader& reader, const TmxImportOptions& options, Reporter& reporter)
    : reader_(reader), options_(options), reporter_(reporter) {
  if (options_.document.empty()) options_.document = reader_.name();
  if (options_.now.empty()) options_.now = TmxDateNow();
  for (std::string* lang : {&options_.src_lang, &options_.tgt_lang}) {
    *lang = NormalizeLanguageTag(*lang);
    if (!lang->empty() && !IsWellFormedLanguageTag(*lang)) {
      throw UsageError("'" + *lang + "' is not a BCP 47 language tag (e.g. fr, en-US)");
    }
  }
}

bool TmxImporter::NextBatch(size_t max_pairs, std::vector<TranslationUnit>* batch) {
  batch->clear();
  while (batch->size() < std::max<size_t>(max_pairs, 1) && reader_.Next(&unit_)) {
    ++stats_.units;
    Convert(unit_, batch);
  }
  stats_.pairs += batch->size();
  return !batch->empty();
}

void TmxImporter::Bad(const TmxUnit& unit, const std::string& what) {
  const std::string tu = unit.tuid.empty() ? "<tu>" : "<tu tuid=\"" + unit.tuid + "\">";
  if (options_.on_bad_unit == OnBadRecord::kFail) {
    throw BadImportUnit(reader_.name(), unit.line, 0, tu + ": " + what);
  }
  ++stats_.bad_units;
  reporter_.BadRecord(reader_.name() + ":" + std::to_string(unit.line), tu + ": " + what);
}

void TmxImporter::Convert(const TmxUnit& unit, std::vector<TranslationUnit>* out) {
  for (const Variant& v : unit.variants) stats_.languages.insert(v.lang);
  if (!unit.problem.empty()) return Bad(unit, unit.problem);
  for (const Variant& v : unit.variants) {
    if (!IsWellFormedLanguageTag(v.lang)) {
      return Bad(unit, "xml:lang=\"" + v.lang + "\" is not a BCP 47 language tag");
    }
  }
  if (unit.variants.size() < 2) {
    return Bad(unit, "only one language (" +
                         (unit.variants.empty() ? std::string("none") : unit.variants[0].lang) +
                         "): a unit needs a source and a target");
  }

  // The source variant.
  int src = -1;
  if (!options_.src_lang.empty()) {
    src = BestVariant(unit, options_.src_lang, -1);
    if (src < 0) {
      ++stats_.outside_pair;
      return;
    }
  } else {
    const std::string& srclang = !unit.srclang.empty() ? unit.srclang : reader_.header().srclang;
    if (srclang.empty() || srclang == "*all*") {
      src = 0;
    } else {
      src = BestVariant(unit, srclang, -1);
      if (src < 0) return Bad(unit, "no <tuv> in the source language " + srclang);
    }
  }
  // The target variants.
  std::vector<int> targets;
  if (!options_.tgt_lang.empty()) {
    const int tgt = BestVariant(unit, options_.tgt_lang, src);
    if (tgt < 0) {
      ++stats_.outside_pair;
      return;
    }
    targets.push_back(tgt);
  } else {
    std::unordered_set<std::string> seen = {unit.variants[src].lang};
    for (size_t i = 0; i < unit.variants.size(); ++i) {
      if (seen.insert(unit.variants[i].lang).second) targets.push_back(static_cast<int>(i));
    }
    if (targets.empty()) {
      return Bad(unit, "every <tuv> is in " + unit.variants[src].lang + ": no target language");
    }
  }
  const Variant& s = unit.variants[src];
  if (s.text.empty()) return Bad(unit, "the " + s.lang + " segment is empty");
  for (int t : targets) {
    if (unit.variants[t].text.empty()) {
      return Bad(unit, "the " + unit.variants[t].lang + " segment is empty");
    }
  }

  // Fields shared by every pair of the unit.
  TranslationUnit base;
  base.origin = Origin::kImported;
  base.score = 1.0;
  base.document = options_.document;
  base.tuid = unit.tuid;
  if (auto date = ToTmxDate(unit.creation_date)) {
    base.created = *date;
  } else {
    if (!unit.creation_date.empty()) ++stats_.dates_ignored;
    base.created = options_.now;
  }
  std::vector<Prop> props;
  for (const Prop& p : unit.props) {
    if (p.type == "x-score") {
      double score = 0;
      const auto [ptr, ec] =
          std::from_chars(p.value.data(), p.value.data() + p.value.size(), score);
      if (ec == std::errc() && ptr == p.value.data() + p.value.size() && score >= 0 && score <= 1) {
        base.score = score;
        continue;
      }
    } else if (p.type == "x-bead") {
      base.bead_type = p.value;
      continue;
    } else if (p.type == "x-anchors") {
      base.anchors_json = p.value;
      continue;
    } else if (p.type == "x-document" && !p.value.empty()) {
      base.document = p.value;
      continue;
    } else if (p.type == "x-origin" && ParseOrigin(p.value, &base.origin)) {
      continue;
    }
    props.push_back(p);
  }
  base.notes = unit.notes;
  // TMX 1.4b: dates in TMX form, usagecount a number; anything else is not kept.
  base.attributes.creation_id = unit.attributes.creation_id;
  base.attributes.change_id = unit.attributes.change_id;
  base.attributes.change_date = ToTmxDate(unit.attributes.change_date).value_or("");
  base.attributes.last_usage_date = ToTmxDate(unit.attributes.last_usage_date).value_or("");
  const std::string& count = unit.attributes.usage_count;
  if (!count.empty() && count.size() <= 18 &&
      std::all_of(count.begin(), count.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    base.attributes.usage_count = count;
  }

  for (int t : targets) {
    const Variant& v = unit.variants[t];
    TranslationUnit u = base;
    u.src_lang = s.lang;
    u.tgt_lang = v.lang;
    u.source = s.text;
    u.target = v.text;
    u.source_markup = s.markup;
    u.target_markup = v.markup;
    u.props.clear();
    std::unordered_set<std::string> seen;
    AppendUnique(props, &seen, &u.props);
    AppendUnique(s.props, &seen, &u.props);
    AppendUnique(v.props, &seen, &u.props);
    // Notes stay where they were written: on the unit, on the source, on the target.
    u.notes.clear();
    seen.clear();
    AppendUnique(base.notes, &seen, &u.notes);
    u.source_notes.clear();
    seen.clear();
    AppendUnique(s.notes, &seen, &u.source_notes);
    u.target_notes.clear();
    seen.clear();
    AppendUnique(v.notes, &seen, &u.target_notes);
    out->push_back(std::move(u));
  }
}

}  // namespace ancre::tm
