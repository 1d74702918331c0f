// Fuzzes the TMX reader and, through it, the writer. Arbitrary bytes must
// either read or throw an ancre error (never crash, never expand entities).
// Round trip: every unit read without a problem is written by TmxWriter and
// read back; a unit written comes back with the same tuid, the same variants
// (language tags in canonical form, texts trimmed) and the same props (an
// untyped prop typed "x-unnamed") and notes; a unit not written had fewer than two variants with
// text, or none first. A second round trip changes nothing (a fixed point).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "src/core/error.h"
#include "src/core/language_tag.h"
#include "tm/tmx/reader.h"
#include "tm/tmx/text.h"
#include "tm/tmx/writer.h"

namespace {

using ancre::tm::TmxUnit;

void Check(bool ok, const char* what) {
  if (!ok) {
    fprintf(stderr, "property violated: %s\n", what);
    abort();
  }
}

std::vector<TmxUnit> ReadAll(const std::string& xml, ancre::tm::TmxHeader* header) {
  std::vector<TmxUnit> units;
  auto reader = ancre::tm::TmxReader::FromMemory(xml, "fuzz.tmx");
  *header = reader->header();
  TmxUnit unit;
  while (reader->Next(&unit)) units.push_back(unit);
  return units;
}

void Dump(const char* what, const TmxUnit& u) {
  fprintf(stderr, "%s: line %zu tuid '%s'\n", what, u.line, u.tuid.c_str());
  for (const ancre::tm::Prop& p : u.props) {
    fprintf(stderr, "  prop '%s' = '%s'\n", p.type.c_str(), p.value.c_str());
  }
  for (const std::string& n : u.notes) fprintf(stderr, "  note '%s'\n", n.c_str());
  for (const ancre::tm::Variant& v : u.variants) {
    fprintf(stderr, "  tuv %s '%s' markup '%s'\n", v.lang.c_str(), v.text.c_str(),
            v.markup.c_str());
    for (const ancre::tm::Prop& p : v.props) {
      fprintf(stderr, "    prop '%s' = '%s'\n", p.type.c_str(), p.value.c_str());
    }
    for (const std::string& n : v.notes) fprintf(stderr, "    note '%s'\n", n.c_str());
  }
}

// Writes the units without a problem; returns the file and, for each unit,
// whether it was written.
std::string WriteAll(const ancre::tm::TmxHeader& header, const std::vector<TmxUnit>& units,
                     std::vector<bool>* written) {
  std::ostringstream out;
  ancre::tm::TmxHeader h = header;
  h.creation_date = "20250101T000000Z";  // else "now": files would differ by the clock
  ancre::tm::TmxWriter writer(out, h);
  for (const TmxUnit& u : units) {
    bool ok = false;
    if (u.problem.empty()) {
      try {
        ok = writer.Write(u);
      } catch (const ancre::Error&) {
        // A language tag that is not BCP 47: the writer refuses the unit.
      }
    }
    written->push_back(ok);
  }
  writer.Finish();
  return out.str();
}

// The text a variant is written with: forbidden characters removed, trimmed.
std::string Cleaned(std::string text) {
  ancre::tm::RemoveXmlForbidden(&text);
  return std::string(ancre::tm::TrimSpace(text));
}

// Props as the writer writes them: TMX requires a type ("x-unnamed" when
// there is none); forbidden characters removed.
std::vector<ancre::tm::Prop> Written(std::vector<ancre::tm::Prop> props) {
  for (ancre::tm::Prop& p : props) {
    if (p.type.empty()) p.type = "x-unnamed";
    ancre::tm::RemoveXmlForbidden(&p.type);
    ancre::tm::RemoveXmlForbidden(&p.value);
  }
  return props;
}

std::vector<std::string> Written(std::vector<std::string> notes) {
  for (std::string& n : notes) ancre::tm::RemoveXmlForbidden(&n);
  return notes;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string xml(reinterpret_cast<const char*>(data), size);
  ancre::tm::TmxHeader header;
  std::vector<TmxUnit> units;
  try {
    units = ReadAll(xml, &header);
  } catch (const ancre::Error&) {
    return 0;
  }
  if (header.srclang.empty() ||
      !ancre::IsWellFormedLanguageTag(ancre::NormalizeLanguageTag(header.srclang))) {
    if (header.srclang != "*all*") header.srclang = "fr";
  }

  std::vector<bool> written;
  std::string first;
  try {
    first = WriteAll(header, units, &written);
  } catch (const ancre::Error&) {
    return 0;  // the header itself cannot be written
  }
  ancre::tm::TmxHeader header2;
  std::vector<TmxUnit> back;
  try {
    back = ReadAll(first, &header2);
  } catch (const ancre::Error& e) {
    fprintf(stderr, "%s\n%s\n", e.what(), first.c_str());
    Check(false, "the writer's output reads back");
  }

  size_t k = 0;
  for (size_t i = 0; i < units.size(); ++i) {
    if (!written[i]) continue;
    Check(k < back.size(), "every unit written reads back");
    const TmxUnit& u = units[i];
    const TmxUnit& r = back[k++];
    const auto check = [&](bool ok, const char* what) {
      if (!ok) {
        Dump("read", u);
        Dump("read back", r);
      }
      Check(ok, what);
    };
    check(r.problem.empty(), "a unit written reads back without a problem");
    check(r.tuid == u.tuid, "tuid survives");
    check(r.props == Written(u.props) && r.notes == Written(u.notes), "props and notes survive");
    std::vector<const ancre::tm::Variant*> expected;
    for (const ancre::tm::Variant& v : u.variants) {
      if (!Cleaned(v.text).empty()) expected.push_back(&v);
    }
    check(r.variants.size() == expected.size(), "every variant with text survives");
    for (size_t j = 0; j < expected.size(); ++j) {
      check(r.variants[j].lang == ancre::NormalizeLanguageTag(expected[j]->lang),
            "language tags survive in canonical form");
      check(r.variants[j].text == Cleaned(expected[j]->text), "texts survive, trimmed");
      check(r.variants[j].props == Written(expected[j]->props) &&
                r.variants[j].notes == Written(expected[j]->notes),
            "variant props and notes survive");
    }
  }
  Check(k == back.size(), "nothing more reads back than was written");

  // Writing what was read back gives the same units again (the markup may
  // differ in how it spells characters: "&#x165;" or the character itself).
  std::vector<bool> written2;
  const std::string second = WriteAll(header2, back, &written2);
  for (bool w : written2) Check(w, "a unit read back is written again");
  ancre::tm::TmxHeader header3;
  const std::vector<TmxUnit> again = ReadAll(second, &header3);
  Check(again.size() == back.size(), "the second round trip keeps every unit");
  for (size_t i = 0; i < again.size(); ++i) {
    Check(again[i].tuid == back[i].tuid && again[i].props == back[i].props &&
              again[i].notes == back[i].notes && again[i].srclang == back[i].srclang &&
              again[i].creation_date == back[i].creation_date,
          "the second round trip keeps the unit's attributes");
    Check(again[i].variants.size() == back[i].variants.size(),
          "the second round trip keeps the variants");
    for (size_t j = 0; j < again[i].variants.size(); ++j) {
      const ancre::tm::Variant& a = again[i].variants[j];
      const ancre::tm::Variant& b = back[i].variants[j];
      Check(a.lang == b.lang && a.text == b.text && a.props == b.props && a.notes == b.notes &&
                a.markup.empty() == b.markup.empty(),
            "the second round trip keeps the variants' content");
    }
  }
  return 0;
}
