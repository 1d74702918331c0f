#include "tm/tmx/export.h"

#include <charconv>
#include <ostream>

#include "src/core/error.h"
#include "src/core/language_tag.h"
#include "tm/tmx/text.h"

namespace ancre::tm {

std::string FormatScore(double score) {
  char buf[64];
  const auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, score);
  return ec == std::errc() ? std::string(buf, ptr) : std::string("0");
}

TmxUnit ToTmxUnit(const TranslationUnit& unit, const std::string& src_lang,
                  const std::string& tgt_lang) {
  TmxUnit t;
  ToTmxUnit(unit, src_lang, tgt_lang, &t);
  return t;
}

void ToTmxUnit(const TranslationUnit& unit, const std::string& src_lang,
               const std::string& tgt_lang, TmxUnit* out) {
  TmxUnit& t = *out;
  if (!unit.tuid.empty()) {
    t.tuid = unit.tuid;
  } else if (unit.id > 0) {
    t.tuid = std::to_string(unit.id);
  } else {
    t.tuid.clear();
  }
  t.creation_date = unit.created;
  t.srclang = src_lang.empty() ? unit.src_lang : src_lang;
  t.props.resize(0);
  t.props.push_back({"x-score", FormatScore(unit.score)});
  if (!unit.bead_type.empty()) t.props.push_back({"x-bead", unit.bead_type});
  if (!unit.anchors_json.empty()) t.props.push_back({"x-anchors", unit.anchors_json});
  if (!unit.document.empty()) t.props.push_back({"x-document", unit.document});
  t.props.push_back({"x-origin", std::string(OriginName(unit.origin))});
  if (!unit.mode.empty()) t.props.push_back({"x-mode", unit.mode});
  if (unit.run > 0) t.props.push_back({"x-run", std::to_string(unit.run)});
  t.props.insert(t.props.end(), unit.props.begin(), unit.props.end());
  t.notes = unit.notes;
  t.attributes = unit.attributes;
  t.variants.resize(2);
  t.variants[0].lang = t.srclang;
  t.variants[0].text = unit.source;
  t.variants[0].markup = unit.source_markup;
  t.variants[0].notes = unit.source_notes;
  t.variants[0].props.clear();
  t.variants[1].lang = tgt_lang.empty() ? unit.tgt_lang : tgt_lang;
  t.variants[1].text = unit.target;
  t.variants[1].markup = unit.target_markup;
  t.variants[1].notes = unit.target_notes;
  t.variants[1].props.clear();
  t.line = 0;
  t.problem.clear();
}

TmxExporter::TmxExporter(std::ostream& out, const TmxExportOptions& options)
    : out_(out), options_(options) {
  for (std::string* lang : {&options_.src_lang, &options_.tgt_lang}) {
    *lang = NormalizeLanguageTag(*lang);
    if (!lang->empty() && !IsWellFormedLanguageTag(*lang)) {
      throw UsageError("'" + *lang + "' is not a BCP 47 language tag (e.g. fr-FR, en-US)");
    }
  }
}

TmxExporter::~TmxExporter() = default;

void TmxExporter::Open(const std::string& srclang) {
  TmxHeader header;
  header.srclang = srclang;
  header.creation_date = options_.creation_date;
  writer_ = std::make_unique<TmxWriter>(out_, header);
}

bool TmxExporter::Add(const TranslationUnit& unit) {
  if ((!options_.src_lang.empty() && !LanguageServes(options_.src_lang, unit.src_lang)) ||
      (!options_.tgt_lang.empty() && !LanguageServes(options_.tgt_lang, unit.tgt_lang))) {
    ++filtered_out_;
    return false;
  }
  if (!writer_) {
    Open(!options_.src_lang.empty() ? options_.src_lang : NormalizeLanguageTag(unit.src_lang));
  }
  ToTmxUnit(unit, options_.src_lang, options_.tgt_lang, &scratch_);
  return writer_->Write(scratch_);
}

void TmxExporter::Finish() {
  if (!writer_) Open(options_.src_lang.empty() ? "*all*" : options_.src_lang);
  writer_->Finish();
}

TmxWriteStats TmxExporter::stats() const { return writer_ ? writer_->stats() : TmxWriteStats{}; }

}  // namespace ancre::tm
