// TranslationUnit: one source/target pair of a translation memory, as stored,
// looked up, imported from and exported to TMX. Texts are UTF-8 strings with
// BCP 47 language tags; tm/ knows nothing of segmentation or ICU.
// Plain value types.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ancre::tm {

// A TMX <prop type="...">value</prop>.
struct Prop {
  std::string type;
  std::string value;
  friend bool operator==(const Prop&, const Prop&) = default;
};

// One language side of a TMX <tu> (a <tuv>).
struct Variant {
  std::string lang;    // BCP 47 with hyphens, e.g. "fr-FR"
  std::string text;    // plain text: inline elements stripped (for matching)
  std::string markup;  // the <seg> content as XML with inline elements kept; empty if none
  std::vector<Prop> props;
  std::vector<std::string> notes;
  friend bool operator==(const Variant&, const Variant&) = default;
};

// The attributes of a TMX <tu> that CAT tools write to follow a unit's life
// (TMX 1.4b, 3.4): as read, empty when absent. Kept for round trip.
struct TuAttributes {
  std::string creation_id;      // creationid: who created the unit
  std::string change_id;        // changeid: who changed it last
  std::string change_date;      // changedate: TMX form YYYYMMDDThhmmssZ
  std::string usage_count;      // usagecount: how many times it was used, digits
  std::string last_usage_date;  // lastusagedate: TMX form
  bool empty() const {
    return creation_id.empty() && change_id.empty() && change_date.empty() && usage_count.empty() &&
           last_usage_date.empty();
  }
  friend bool operator==(const TuAttributes&, const TuAttributes&) = default;
};

// A TMX <tu> with all its variants (multilingual units keep every tuv).
struct TmxUnit {
  std::string tuid;
  std::string creation_date;  // TMX form YYYYMMDDThhmmssZ, may be empty
  TuAttributes attributes;
  std::vector<Prop> props;
  std::vector<std::string> notes;
  std::vector<Variant> variants;
  size_t line = 0;      // line of <tu> in the file, for messages
  std::string srclang;  // the <tu srclang> attribute, normalized; empty if absent
  // Why this unit cannot be used as is (broken inline markup, a <tuv> without
  // language or <seg>, an unresolvable entity); empty if it is fine. The
  // importer applies the user's OnBadRecord policy to it.
  std::string problem;
};

enum class Origin { kAligned, kImported, kEdited };

// The origin's name, as stored and as TMX prop x-origin: "aligned", "imported", "edited".
constexpr std::string_view OriginName(Origin origin) {
  switch (origin) {
    case Origin::kAligned:
      return "aligned";
    case Origin::kImported:
      return "imported";
    case Origin::kEdited:
      return "edited";
  }
  return "aligned";
}

// Sets *origin from its name; returns false (leaving it) for any other text.
inline bool ParseOrigin(std::string_view name, Origin* origin) {
  for (Origin o : {Origin::kAligned, Origin::kImported, Origin::kEdited}) {
    if (name == OriginName(o)) {
      *origin = o;
      return true;
    }
  }
  return false;
}

// A stored source/target pair with its provenance and evidence.
struct TranslationUnit {
  int64_t id = 0;             // row id in the store; 0 when not stored yet
  std::string src_lang;       // BCP 47, e.g. "fr"
  std::string tgt_lang;       // BCP 47, e.g. "en"
  std::string source;         // plain text
  std::string target;         // plain text
  std::string source_markup;  // TMX inline markup kept for round trip; empty if none
  std::string target_markup;
  double score = 1.0;  // aligner confidence in [0, 1]; 1 for imported units
  Origin origin = Origin::kAligned;
  std::string bead_type;     // "1-1", "1-2" ... ; empty for imported units
  std::string anchors_json;  // shared anchors as evidence, JSON array; may be empty
  std::string document;      // provenance: document pair label or TMX file name
  std::string mode;          // alignment mode of that provenance's run ("parallel",
                             // "comparable"); empty when not aligned here
  int64_t run = 0;           // that run's id in the store (TranslationMemory::Alignments); 0 = none
  std::string created;       // UTC, TMX form YYYYMMDDThhmmssZ
  std::string tuid;          // TMX tuid when imported
  std::vector<Prop> props;   // other props kept for round trip
  std::vector<std::string> notes;         // notes of the <tu>
  TuAttributes attributes;                // TMX attributes of the <tu> kept for round trip
  std::vector<std::string> source_notes;  // notes of the source's <tuv>
  std::vector<std::string> target_notes;  // notes of the target's <tuv>
  // A reviewer confirmed or edited a bead it comes from (tm/review.h); read,
  // not written.
  bool reviewed = false;
};

}  // namespace ancre::tm
