#include <gtest/gtest.h>

#include <map>
#include <sstream>
#include <string>

#include "src/core/error.h"
#include "tm/errors.h"
#include "tm/tmx/export.h"
#include "tm/tmx/import.h"
#include "tm/translation_memory.h"

namespace ancre::tm {
namespace {

std::string Tmx(const std::string& body, const std::string& srclang = "en-US") {
  return "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header creationtool=\"t\" "
         "creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"t\" adminlang=\"en\" srclang=\"" +
         srclang + "\" datatype=\"plaintext\"/>\n<body>\n" + body + "</body></tmx>\n";
}

struct Result {
  std::vector<TranslationUnit> pairs;
  TmxImportStats stats;
  std::vector<std::string> reported;
};

class ListReporter : public Reporter {
 public:
  void BadRecord(const std::string& where, const std::string& what) override {
    lines.push_back(where + ": " + what);
  }
  std::vector<std::string> lines;
};

Result Import(std::unique_ptr<TmxReader> reader, TmxImportOptions options = {}) {
  ListReporter reporter;
  options.now = "20250101T000000Z";
  TmxImporter importer(*reader, options, reporter);
  Result r;
  std::vector<TranslationUnit> batch;
  while (importer.NextBatch(2, &batch)) r.pairs.insert(r.pairs.end(), batch.begin(), batch.end());
  r.stats = importer.stats();
  r.reported = reporter.lines;
  return r;
}

TmxImportOptions Pair(const std::string& src, const std::string& tgt,
                      OnBadRecord policy = OnBadRecord::kFail) {
  TmxImportOptions o;
  o.src_lang = src;
  o.tgt_lang = tgt;
  o.on_bad_unit = policy;
  return o;
}

Result ImportString(const std::string& xml, TmxImportOptions options = {}) {
  return Import(TmxReader::FromMemory(xml, "in.tmx"), std::move(options));
}

const char kMulti[] =
    "<tu tuid=\"m\"><tuv xml:lang=\"en-US\"><seg>XXx</seg></tuv><tuv xml:lang=\"en-GB\"><seg>XXX"
    "</seg></tuv><tuv xml:lang=\"fr-CA\"><seg>YYY</seg></tuv><tuv xml:lang=\"sr\"><seg>ZZZ</seg>"
    "</tuv></tu>\n";

TEST(TmxImportTest, MultilingualUnitWithoutPairGivesOnePairPerTarget) {
  const Result r = ImportString(Tmx(kMulti));
  ASSERT_EQ(r.pairs.size(), 3u);
  EXPECT_EQ(r.pairs[0].src_lang, "en-US");
  EXPECT_EQ(r.pairs[0].tgt_lang, "en-GB");
  EXPECT_EQ(r.pairs[1].tgt_lang, "fr-CA");
  EXPECT_EQ(r.pairs[2].target, "ZZZ");
  EXPECT_EQ(r.pairs[0].origin, Origin::kImported);
  EXPECT_EQ(r.pairs[0].document, "in.tmx");
  EXPECT_EQ(r.pairs[0].created, "20250101T000000Z");
}

TEST(TmxImportTest, RequestedPairPicksVariantsWithRegionFallback) {
  const Result r = ImportString(Tmx(kMulti), Pair("fr", "en"));
  ASSERT_EQ(r.pairs.size(), 1u);
  EXPECT_EQ(r.pairs[0].src_lang, "fr-CA");  // fr-CA serves fr
  EXPECT_EQ(r.pairs[0].source, "YYY");
  EXPECT_EQ(r.pairs[0].tgt_lang, "en-US");  // first of the en variants
  const Result exact = ImportString(Tmx(kMulti), Pair("fr", "en-gb"));
  EXPECT_EQ(exact.pairs.at(0).target, "XXX");
}

TEST(TmxImportTest, UnitsWithoutRequestedLanguagesAreCountedNotReported) {
  const Result r = ImportString(Tmx(kMulti), Pair("de", "en"));
  EXPECT_TRUE(r.pairs.empty());
  EXPECT_EQ(r.stats.outside_pair, 1u);
  EXPECT_TRUE(r.reported.empty());
  EXPECT_EQ(r.stats.languages.count("sr"), 1u);
}

const char kBad[] =
    "<tu tuid=\"ok1\"><tuv xml:lang=\"en\"><seg>a</seg></tuv><tuv xml:lang=\"fr\"><seg>b</seg>"
    "</tuv></tu>\n"
    "<tu tuid=\"one\"><tuv xml:lang=\"en\"><seg>lonely</seg></tuv></tu>\n"
    "<tu tuid=\"ok2\"><tuv xml:lang=\"en\"><seg>c</seg></tuv><tuv xml:lang=\"fr\"><seg>d</seg>"
    "</tuv></tu>\n";

TEST(TmxImportTest, BadUnitFailsTheImportByDefaultWithItsLine) {
  try {
    ImportString(Tmx(kBad, "en"));
    FAIL() << "no exception";
  } catch (const ParseError& e) {
    EXPECT_EQ(e.line(), 5u);
    EXPECT_NE(std::string(e.what()).find("tuid=\"one\""), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("only one language"), std::string::npos) << e.what();
  }
}

TEST(TmxImportTest, BadUnitIsReportedAndSkippedUnderWarn) {
  const Result r = ImportString(Tmx(kBad, "en"), Pair("", "", OnBadRecord::kWarn));
  ASSERT_EQ(r.pairs.size(), 2u);
  EXPECT_EQ(r.pairs[1].tuid, "ok2");
  EXPECT_EQ(r.stats.bad_units, 1u);
  ASSERT_EQ(r.reported.size(), 1u);
  EXPECT_EQ(r.reported[0].rfind("in.tmx:5: <tu tuid=\"one\">", 0), 0u) << r.reported[0];
}

// A <tu> with `props` <prop>, `notes` <note> (half on the <tu>, half on its
// en <tuv>) and `variants` <tuv> (fr, en, then three-letter languages).
std::string HostileUnit(size_t props, size_t notes, size_t variants) {
  std::string tu = "<tu tuid=\"big\">";
  for (size_t i = 0; i < props; ++i) tu += "<prop type=\"p\">" + std::to_string(i) + "</prop>";
  for (size_t i = 0; i < notes / 2; ++i) tu += "<note>" + std::to_string(i) + "</note>";
  tu += "<tuv xml:lang=\"fr\"><seg>Bonjour.</seg></tuv><tuv xml:lang=\"en\">";
  for (size_t i = notes / 2; i < notes; ++i) tu += "<note>" + std::to_string(i) + "</note>";
  tu += "<seg>Hello.</seg></tuv>";
  for (size_t i = 2; i < variants; ++i) {
    const std::string lang = {'a', static_cast<char>('a' + i / 26 % 26),
                              static_cast<char>('a' + i % 26)};
    tu += "<tuv xml:lang=\"" + lang + "\"><seg>x</seg></tuv>";
  }
  return tu + "</tu>\n";
}

TEST(TmxImportTest, UnitBeyondThePropNoteOrVariantLimitIsABadUnit) {
  const std::pair<std::string, std::string> cases[] = {
      {HostileUnit(TmxLimits::kMaxProps + 1, 0, 2), "more than 1000 <prop> in one <tu>"},
      {HostileUnit(0, TmxLimits::kMaxNotes + 1, 2), "more than 1000 <note> in one <tu>"},
      {HostileUnit(0, 0, TmxLimits::kMaxVariants + 1), "more than 100 <tuv> in one <tu>"},
  };
  for (const auto& [unit, problem] : cases) {
    const Result r = ImportString(Tmx(unit + kBad, "fr"), Pair("", "", OnBadRecord::kWarn));
    EXPECT_EQ(r.stats.bad_units, 2u);
    ASSERT_EQ(r.reported.size(), 2u);
    EXPECT_NE(r.reported[0].find(problem), std::string::npos) << r.reported[0];
    EXPECT_EQ(r.pairs.size(), 2u);  // the good units of kBad
    try {
      ImportString(Tmx(unit, "fr"));
      FAIL() << "imported";
    } catch (const BadImportUnit& e) {
      // The policy to change is the caller's to name, in its own terms.
      EXPECT_NE(std::string(e.what()).find(problem), std::string::npos) << e.what();
      EXPECT_EQ(std::string(e.what()).find("--"), std::string::npos) << e.what();
    }
  }
}

TEST(TmxImportTest, UnitAtTheLimitsKeepsItsDistinctPropsAndNotesOnce) {
  std::string unit = HostileUnit(TmxLimits::kMaxProps, TmxLimits::kMaxNotes, 2);
  const Result r = ImportString(Tmx(unit, "fr"));
  ASSERT_EQ(r.pairs.size(), 1u);
  EXPECT_EQ(r.pairs[0].props.size(), TmxLimits::kMaxProps);
  EXPECT_EQ(r.pairs[0].notes.size() + r.pairs[0].target_notes.size(), TmxLimits::kMaxNotes);
  EXPECT_EQ(r.pairs[0].target_notes.size(), TmxLimits::kMaxNotes / 2);
  // The same note on the <tu> and the <tuv>, the same prop twice: kept once.
  const Result twice = ImportString(
      Tmx("<tu><prop type=\"a\">1</prop><prop type=\"a\">1</prop><prop type=\"a\">2</prop>"
          "<note>n</note><tuv xml:lang=\"fr\"><note>n</note><seg>a</seg></tuv>"
          "<tuv xml:lang=\"en\"><seg>b</seg></tuv></tu>",
          "fr"));
  ASSERT_EQ(twice.pairs.size(), 1u);
  EXPECT_EQ(twice.pairs[0].props.size(), 2u);
  EXPECT_EQ(twice.pairs[0].notes.size(), 1u);
  const Result many = ImportString(Tmx(HostileUnit(0, 0, TmxLimits::kMaxVariants), "fr"));
  EXPECT_EQ(many.pairs.size(), TmxLimits::kMaxVariants - 1);
}

TEST(TmxImportTest, EmptySegmentAndBadLanguageTagAreBadUnits) {
  Result r = ImportString(
      Tmx("<tu><tuv xml:lang=\"en\"><seg><ph>&lt;br/></ph></seg></tuv>"
          "<tuv xml:lang=\"fr\"><seg>x</seg></tuv></tu>\n"
          "<tu><tuv xml:lang=\"en\"><seg>y</seg></tuv><tuv xml:lang=\"French\"><seg>x</seg></tuv>"
          "</tu>\n",
          "en"),
      Pair("", "", OnBadRecord::kSkip));
  EXPECT_TRUE(r.pairs.empty());
  ASSERT_EQ(r.reported.size(), 2u);
  EXPECT_NE(r.reported[0].find("segment is empty"), std::string::npos);
  EXPECT_NE(r.reported[1].find("not a BCP 47"), std::string::npos);
}

TEST(TmxImportTest, ReadsBackProvenancePropsAndMergesTheRest) {
  const Result r = ImportString(
      Tmx("<tu tuid=\"9\" creationdate=\"20240501T101112Z\"><prop type=\"x-score\">0.5</prop>"
          "<prop type=\"x-bead\">1-2</prop><prop type=\"x-document\">d</prop>"
          "<prop type=\"x-origin\">aligned</prop><prop type=\"Txt::FileName\">f</prop>"
          "<note>n</note><tuv xml:lang=\"fr\"><prop type=\"Txt::FileName\">f</prop>"
          "<note>nf</note><seg>a</seg></tuv><tuv xml:lang=\"en\"><seg>b</seg></tuv></tu>\n",
          "fr"));
  ASSERT_EQ(r.pairs.size(), 1u);
  const TranslationUnit& u = r.pairs[0];
  EXPECT_DOUBLE_EQ(u.score, 0.5);
  EXPECT_EQ(u.bead_type, "1-2");
  EXPECT_EQ(u.document, "d");
  EXPECT_EQ(u.origin, Origin::kAligned);
  EXPECT_EQ(u.created, "20240501T101112Z");
  EXPECT_EQ(u.props, (std::vector<Prop>{{"Txt::FileName", "f"}}));
  EXPECT_EQ(u.notes, std::vector<std::string>{"n"});
  EXPECT_EQ(u.source_notes, std::vector<std::string>{"nf"});
  EXPECT_TRUE(u.target_notes.empty());
}

// ---------------------------------------------------------------------------
// The sample files of other tools.

std::string Sample(const std::string& name) {
  return std::string(ANCRE_SHARED) + "/tmx/samples/" + name;
}

struct SampleCase {
  const char* file;
  size_t units;
  size_t pairs;
  const char* src_lang;
  const char* tgt_lang;
};

class TmxSampleTest : public ::testing::TestWithParam<SampleCase> {};

TEST_P(TmxSampleTest, ImportsTheExpectedPairs) {
  const SampleCase& c = GetParam();
  const Result r = Import(TmxReader::Open(Sample(c.file)));
  EXPECT_EQ(r.stats.units, c.units);
  ASSERT_EQ(r.pairs.size(), c.pairs);
  EXPECT_EQ(r.pairs[0].src_lang, c.src_lang);
  EXPECT_EQ(r.pairs[0].tgt_lang, c.tgt_lang);
  EXPECT_TRUE(r.reported.empty());
  for (const auto& p : r.pairs) {
    EXPECT_FALSE(p.source.empty());
    EXPECT_FALSE(p.target.empty());
  }
}

INSTANTIATE_TEST_SUITE_P(
    Samples, TmxSampleTest,
    ::testing::Values(
        SampleCase{"01-lisa-ImportTest2A-utf16le-inline.tmx", 7, 7, "en-US", "fr-CA"},
        SampleCase{"02-lisa-ImportTest1G-utf16be-charrefs.tmx", 3, 3, "en-US", "en-GB"},
        SampleCase{"03-lisa-ImportTest2C-allattrs-notes-props-sub.tmx", 1, 2, "en-US", "fr"},
        SampleCase{"04-olifant-props-uppercase-dupsources.tmx", 9, 9, "en-US", "fr-FR"},
        SampleCase{"05-ttk-multilang-4tuv.tmx", 1, 3, "en-US", "en-GB"},
        SampleCase{"06-omegat-project_save-tmx11.tmx", 5, 5, "en", "fr"},
        SampleCase{"07-okapi-aligner-sample14b-props-tuid.tmx", 25, 25, "en-US", "de-DE"}));

TEST(TmxSampleFilesTest, InlineSampleKeepsMarkupAndStripsItForMatching) {
  const Result r = Import(TmxReader::Open(Sample("01-lisa-ImportTest2A-utf16le-inline.tmx")));
  ASSERT_EQ(r.pairs.size(), 7u);
  EXPECT_EQ(r.pairs[0].source, "The big black cat sleeps.");
  EXPECT_EQ(r.pairs[0].target, "Le gros chat noir dors.");
  EXPECT_NE(r.pairs[0].source_markup.find("<bpt i=\"1\" x=\"1\" type=\"bold\">&lt;b&gt;</bpt>"),
            std::string::npos)
      << r.pairs[0].source_markup;
  // The unit written fr-CA first still has en-US as its source.
  EXPECT_EQ(r.pairs[6].source, "Some text with a part highlighted.");
  EXPECT_EQ(r.pairs[6].target, "Du texte avec une portion d\u00e9limit\u00e9e.");
}

TEST(TmxSampleFilesTest, CharacterReferencesEqualLiteralCharacters) {
  const Result r = Import(TmxReader::Open(Sample("02-lisa-ImportTest1G-utf16be-charrefs.tmx")));
  ASSERT_EQ(r.pairs.size(), 3u);
  for (const auto& p : r.pairs) EXPECT_EQ(p.source, p.target);
}

TEST(TmxSampleFilesTest, AllAttributesSampleKeepsNotesAndProps) {
  const Result r =
      Import(TmxReader::Open(Sample("03-lisa-ImportTest2C-allattrs-notes-props-sub.tmx")),
             Pair("en", "fr"));
  ASSERT_EQ(r.pairs.size(), 1u);
  EXPECT_EQ(r.pairs[0].source, "Click  to start.");
  EXPECT_EQ(r.pairs[0].tuid, "tu001");
  EXPECT_EQ(r.pairs[0].created, "20020523T091200Z");
  EXPECT_EQ(r.pairs[0].props, (std::vector<Prop>{{"myPropeType", "Data"}}));
  EXPECT_EQ(r.pairs[0].notes, (std::vector<std::string>{"Text of tu note 1", "Text of tu note 2"}));
  // Each <tuv>'s note stays with its variant (written twice there: kept once).
  EXPECT_EQ(r.pairs[0].source_notes, std::vector<std::string>{"Text of tuv en note 1"});
  EXPECT_EQ(r.pairs[0].target_notes, std::vector<std::string>{"Text of tuv fr note 1"});
  const TuAttributes& a = r.pairs[0].attributes;
  EXPECT_EQ(a.creation_id, "ys");
  EXPECT_EQ(a.change_id, "ys");
  EXPECT_EQ(a.change_date, "20020523T091200Z");
  EXPECT_EQ(a.usage_count, "100");
  EXPECT_EQ(a.last_usage_date, "20020523T091200Z");
}

TEST(TmxSampleFilesTest, NegativeSampleReportsBrokenInlineMarkupByUnitAndLine) {
  try {
    Import(TmxReader::Open(Sample("90-NEGATIVE-omegat-invalid-inline.tmx")));
    FAIL() << "no exception";
  } catch (const ParseError& e) {
    EXPECT_EQ(e.line(), 9u);
    EXPECT_NE(std::string(e.what()).find("<ept i=\"1\"> (line 12) has no <bpt i=\"1\">"),
              std::string::npos)
        << e.what();
  }
  const Result r = Import(TmxReader::Open(Sample("90-NEGATIVE-omegat-invalid-inline.tmx")),
                          Pair("", "", OnBadRecord::kWarn));
  EXPECT_TRUE(r.pairs.empty());
  EXPECT_EQ(r.reported.size(), 1u);
}

// ---------------------------------------------------------------------------
// Round trips through an in-memory store.

std::string ExportAll(const TranslationMemory& store) {
  std::ostringstream out;
  TmxExportOptions options;
  options.creation_date = "20250101T000000Z";
  TmxExporter exporter(out, options);
  store.ForEachUnit({}, [&](const TranslationUnit& u) { exporter.Add(u); });
  exporter.Finish();
  return out.str();
}

void ImportInto(TranslationMemory* store, const std::string& xml) {
  const Result r = ImportString(xml);
  store->AddUnits(r.pairs);
}

TEST(TmxRoundTripTest, ImportExportImportGivesTheSameUnits) {
  for (const char* file :
       {"01-lisa-ImportTest2A-utf16le-inline.tmx",
        "03-lisa-ImportTest2C-allattrs-notes-props-sub.tmx",
        "04-olifant-props-uppercase-dupsources.tmx", "07-okapi-aligner-sample14b-props-tuid.tmx"}) {
    TranslationMemory first(":memory:", {});
    first.AddUnits(Import(TmxReader::Open(Sample(file))).pairs);
    TranslationMemory second(":memory:", {});
    ImportInto(&second, ExportAll(first));
    std::vector<TranslationUnit> a, b;
    first.ForEachUnit({}, [&](const TranslationUnit& u) { a.push_back(u); });
    second.ForEachUnit({}, [&](const TranslationUnit& u) { b.push_back(u); });
    ASSERT_EQ(a.size(), b.size()) << file;
    ASSERT_FALSE(a.empty());
    for (size_t i = 0; i < a.size(); ++i) {
      EXPECT_EQ(a[i].src_lang, b[i].src_lang) << file;
      EXPECT_EQ(a[i].tgt_lang, b[i].tgt_lang) << file;
      EXPECT_EQ(a[i].source, b[i].source) << file;
      EXPECT_EQ(a[i].target, b[i].target) << file;
      EXPECT_EQ(a[i].source_markup, b[i].source_markup) << file;
      EXPECT_EQ(a[i].target_markup, b[i].target_markup) << file;
      EXPECT_EQ(a[i].props, b[i].props) << file;
      EXPECT_EQ(a[i].notes, b[i].notes) << file;
      EXPECT_EQ(a[i].attributes, b[i].attributes) << file;
      EXPECT_EQ(a[i].source_notes, b[i].source_notes) << file;
      EXPECT_EQ(a[i].target_notes, b[i].target_notes) << file;
      if (std::string(file).rfind("03-", 0) == 0) {
        // What the sample holds is stored, not only carried through.
        EXPECT_EQ(a[i].attributes.usage_count, "100");
        EXPECT_EQ(a[i].target_notes, std::vector<std::string>{"Text of tuv fr note 1"});
      }
      // A unit without tuid is exported with its id as tuid.
      if (!a[i].tuid.empty()) {
        EXPECT_EQ(a[i].tuid, b[i].tuid) << file;
      }
      EXPECT_EQ(a[i].created, b[i].created) << file;
    }
  }
}

TEST(TmxRoundTripTest, ExportImportExportIsByteIdentical) {
  TranslationMemory tm(":memory:", {});
  TranslationUnit u;
  u.src_lang = "fr";
  u.tgt_lang = "en";
  u.source = "Les deux pays cr\u00e9eront une \u00e9quipe\u202f!";
  u.target = "The two countries will set up a team. It starts in May.";
  u.score = 0.8125;
  u.bead_type = "1-2";
  u.anchors_json = "[{\"kind\":\"date\",\"text\":\"May\"}]";
  u.document = "korea.fr.txt | korea.en.txt";
  u.created = "20240501T101112Z";
  tm.AddUnits({u});
  const std::string first = ExportAll(tm);
  TranslationMemory again(":memory:", {});
  ImportInto(&again, first);
  EXPECT_EQ(ExportAll(again), first);
  EXPECT_NE(first.find("<prop type=\"x-bead\">1-2</prop>"), std::string::npos) << first;
}

}  // namespace
}  // namespace ancre::tm
