#include <gtest/gtest.h>

#include <filesystem>

#include "src/core/error.h"
#include "tests/cli/run_ancre.h"
#include "tm/sqlite/sqlite_tm.h"
#include "tm/translation_memory.h"

namespace ancre::tm {
namespace {

// A small aligned document pair built in memory.
struct Pair {
  std::string fr_text =
      "Les deux pays créeront une équipe conjointe.\nLa réunion a eu lieu à Séoul le 27 octobre.\n"
      "Merci.\n";
  std::string en_text =
      "The two countries will set up a joint team.\nThe meeting took place in Seoul on October "
      "27.\n";
  Document fr;
  Document en;
  DocumentAnchors fr_anchors;
  Alignment alignment;

  Pair() {
    fr.language = "fr";
    en.language = "en";
    AddSegments(fr_text, &fr);
    AddSegments(en_text, &en);
    fr_anchors.resize(fr.segments.size());
    fr_anchors[1].push_back({AnchorKind::kDate, "", "27 octobre", {0, 0}, "--10-27", 1.0});
    fr_anchors[1].back().span = {fr.segments[1].span.begin + 38, fr.segments[1].span.begin + 48};
    Bead b0{{0}, {0}, 0.92, {}};
    Bead b1{{1}, {1}, 0.85, {{AnchorKind::kDate, "--10-27", "27 octobre", "October 27"}}};
    Bead b2{{2}, {}, 0.0, {}};
    alignment.beads = {b0, b1, b2};
  }
  static void AddSegments(const std::string& text, Document* doc) {
    size_t begin = 0;
    while (begin < text.size()) {
      size_t end = text.find('\n', begin);
      Segment s;
      s.index = doc->segments.size();
      s.number = s.index;
      s.span = {begin, end};
      s.text = text.substr(begin, end - begin);
      s.paragraph = s.index;
      doc->segments.push_back(s);
      begin = end + 1;
    }
  }
  DocumentRecord Fr() const {
    return {"a.fr.txt", fr_text, "fr", "", "2025-10-28", &fr, &fr_anchors, {}};
  }
  DocumentRecord En() const { return {"a.en.txt", en_text, "en", "", "", &en, nullptr, {}}; }
};

UnitFilter Filter(std::string src_lang, double min_score = 0.0) {
  UnitFilter f;
  f.src_lang = std::move(src_lang);
  f.min_score = min_score;
  return f;
}

std::vector<TranslationUnit> AllUnits(const TranslationMemory& store) {
  std::vector<TranslationUnit> units;
  store.ForEachUnit({}, [&](const TranslationUnit& u) { units.push_back(u); });
  return units;
}

TranslationUnit Imported(std::string source, std::string target, std::string document) {
  TranslationUnit u;
  u.src_lang = "fr-FR";
  u.tgt_lang = "en-GB";
  u.source = std::move(source);
  u.target = std::move(target);
  u.origin = Origin::kImported;
  u.document = std::move(document);
  return u;
}

TEST(StoreTest, NewStoreIsEmptyAndAtCurrentSchema) {
  TranslationMemory store(":memory:", {});
  TmStats st = store.Stats();
  EXPECT_EQ(st.schema_version, internal::kSchemaVersion);
  EXPECT_EQ(st.units, 0);
  EXPECT_EQ(st.documents, 0);
}

TEST(StoreTest, SavesDocumentsSegmentsUnitsAndEvidence) {
  TranslationMemory store(":memory:", {});
  Pair p;
  SaveResult r = store.SaveAlignment(p.Fr(), p.En(), p.alignment, AlignmentRecord{});
  EXPECT_FALSE(r.already_stored);
  EXPECT_EQ(r.documents_added, 2u);
  EXPECT_EQ(r.segments_added, 5u);
  EXPECT_EQ(r.units_added, 2u);
  EXPECT_EQ(r.beads_skipped, 1u);
  auto units = AllUnits(store);
  ASSERT_EQ(units.size(), 2u);
  EXPECT_EQ(units[1].source, "La réunion a eu lieu à Séoul le 27 octobre.");
  EXPECT_EQ(units[1].target, "The meeting took place in Seoul on October 27.");
  EXPECT_EQ(units[1].src_lang, "fr");
  EXPECT_DOUBLE_EQ(units[1].score, 0.85);
  EXPECT_EQ(units[1].bead_type, "1-1");
  EXPECT_EQ(units[1].origin, Origin::kAligned);
  EXPECT_EQ(units[1].document, "a.fr.txt | a.en.txt");
  EXPECT_NE(units[1].anchors_json.find("\"key\":\"--10-27\""), std::string::npos);
  EXPECT_EQ(units[1].created.size(), 16u);  // YYYYMMDDThhmmssZ
  TmStats st = store.Stats();
  EXPECT_EQ(st.anchors, 1);
  ASSERT_EQ(st.anchors_by_kind.size(), 1u);
  EXPECT_EQ(st.anchors_by_kind[0].name, "date");
}

TEST(StoreTest, SavingTheSameAlignmentTwiceWritesNothing) {
  TranslationMemory store(":memory:", {});
  Pair p;
  store.SaveAlignment(p.Fr(), p.En(), p.alignment, {});
  TmStats before = store.Stats();
  SaveResult again = store.SaveAlignment(p.Fr(), p.En(), p.alignment, {});
  EXPECT_TRUE(again.already_stored);
  TmStats after = store.Stats();
  EXPECT_EQ(after.documents, before.documents);
  EXPECT_EQ(after.segments, before.segments);
  EXPECT_EQ(after.units, before.units);
  EXPECT_EQ(after.provenances, before.provenances);
  EXPECT_EQ(after.alignments, before.alignments);
}

TEST(StoreTest, SamePairFromAnotherDocumentIsOneUnitWithTwoProvenances) {
  TranslationMemory store(":memory:", {});
  Pair p;
  store.SaveAlignment(p.Fr(), p.En(), p.alignment, {});
  Pair q;
  q.fr_text += "Encore.\n";  // another document: different content hash
  q.fr.segments.clear();
  Pair::AddSegments(q.fr_text, &q.fr);
  q.fr_anchors.resize(q.fr.segments.size());
  DocumentRecord fr2 = q.Fr();
  fr2.path = "b.fr.txt";
  SaveResult r = store.SaveAlignment(fr2, q.En(), q.alignment, {});
  EXPECT_EQ(r.units_added, 0u);
  EXPECT_EQ(r.units_existing, 2u);
  EXPECT_EQ(r.documents_added, 1u);
  TmStats st = store.Stats();
  EXPECT_EQ(st.units, 2);
  EXPECT_EQ(st.provenances, 4);
  EXPECT_EQ(st.alignments, 2);
}

TEST(StoreTest, BeadsNameSegmentsByPositionAndTheTmKeepsTheirNumbers) {
  TranslationMemory store(":memory:", {});
  Pair p;
  // Presegmented input: segments are numbered by input line; line 1 was empty.
  p.fr.segments[1].number = 2;
  p.fr.segments[2].number = 3;
  p.alignment.beads = {{{0}, {0}, 0.9, {}}, {{1}, {1}, 0.8, {}}};
  const SaveResult saved = store.SaveAlignment(p.Fr(), p.En(), p.alignment, AlignmentRecord{});
  auto units = AllUnits(store);
  ASSERT_EQ(units.size(), 2u);
  EXPECT_EQ(units[1].source, p.fr.segments[1].text);
  const StoredAlignment stored = store.LoadAlignment(saved.alignment_id);
  ASSERT_EQ(stored.source.size(), 3u);
  EXPECT_EQ(stored.source[1].index, 2u);
  EXPECT_EQ(stored.source[2].index, 3u);
  ASSERT_EQ(stored.beads.size(), 2u);
  EXPECT_EQ(stored.beads[1].src, std::vector<size_t>{2});  // by number
  EXPECT_EQ(stored.beads[1].tgt, std::vector<size_t>{1});
  p.alignment.beads = {{{3}, {1}, 0.8, {}}};  // position 3 does not exist
  AlignmentRecord other_run;
  other_run.mode = "comparable";
  EXPECT_THROW(store.SaveAlignment(p.Fr(), p.En(), p.alignment, other_run), Error);
}

TEST(StoreTest, RejectsABeadNamingAMissingSegment) {
  TranslationMemory store(":memory:", {});
  Pair p;
  p.alignment.beads.push_back({{7}, {0}, 0.5, {}});
  EXPECT_THROW(store.SaveAlignment(p.Fr(), p.En(), p.alignment, {}), Error);
  EXPECT_EQ(store.Stats().documents, 0);  // rolled back
  EXPECT_EQ(store.Stats().units, 0);
}

TEST(StoreTest, AddUnitsDeduplicatesWithinTheBatchAndKeepsExtras) {
  TranslationMemory store(":memory:", {});
  TranslationUnit a = Imported("Bonjour.", "Hello.", "a.tmx");
  a.tuid = "7";
  a.props = {{"x-client", "ACME"}};
  a.notes = {"checked"};
  a.source_markup = "<bpt i=\"1\">&lt;b&gt;</bpt>Bonjour.<ept i=\"1\">&lt;/b&gt;</ept>";
  TranslationUnit b = Imported("Bonjour.", "Hello.", "b.tmx");
  TranslationUnit c = Imported("Merci.", "Thanks.", "a.tmx");
  AddResult r = store.AddUnits({a, b, c});
  EXPECT_EQ(r.added, 2u);
  EXPECT_EQ(r.existing, 1u);
  auto units = AllUnits(store);
  ASSERT_EQ(units.size(), 2u);
  EXPECT_EQ(units[0].tuid, "7");
  EXPECT_EQ(units[0].props, a.props);
  EXPECT_EQ(units[0].notes, a.notes);
  EXPECT_EQ(units[0].source_markup, a.source_markup);
  EXPECT_EQ(units[0].origin, Origin::kImported);
  EXPECT_EQ(units[0].document, "a.tmx");
  EXPECT_EQ(store.Stats().provenances, 3);
  // Importing the same file again adds nothing.
  store.AddUnits({a});
  EXPECT_EQ(store.Stats().provenances, 3);
}

TEST(StoreTest, AddUnitsRejectsAUnitWithoutTargetAndAddsNothing) {
  TranslationMemory store(":memory:", {});
  TranslationUnit bad = Imported("Bonjour.", "", "a.tmx");
  EXPECT_THROW(store.AddUnits({Imported("Merci.", "Thanks.", "a.tmx"), bad}), Error);
  EXPECT_EQ(store.Stats().units, 0);
}

TEST(StoreTest, ForEachUnitFiltersByLanguagePrefixAndScore) {
  TranslationMemory store(":memory:", {});
  TranslationUnit low = Imported("Peut-être.", "Maybe.", "a.tmx");
  low.score = 0.3;
  TranslationUnit de = Imported("Ja.", "Yes.", "a.tmx");
  de.src_lang = "de";
  store.AddUnits({Imported("Oui.", "Yes.", "a.tmx"), low, de});
  size_t fr = 0;
  store.ForEachUnit(Filter("fr"), [&](const TranslationUnit&) { ++fr; });
  EXPECT_EQ(fr, 2u);
  size_t good = 0;
  store.ForEachUnit(Filter("fr", 0.5), [&](const TranslationUnit&) { ++good; });
  EXPECT_EQ(good, 1u);
  size_t none = 0;
  store.ForEachUnit(Filter("f"), [&](const TranslationUnit&) { ++none; });
  EXPECT_EQ(none, 0u);  // "f" is not a prefix at a hyphen
}

// Tags an older ancre stored as typed ("FR_fr") match as their canonical
// form, with fallback to the primary language both ways, and are read back
// canonical.
TEST(StoreTest, ForEachUnitMatchesLanguagesWithFallbackWhateverTheirStoredCase) {
  TranslationMemory store(":memory:", {});
  TranslationUnit legacy = Imported("Oui.", "Yes.", "a.tmx");
  legacy.src_lang = "FR_fr";
  TranslationUnit plain = Imported("Non.", "No.", "a.tmx");
  plain.src_lang = "fr";
  TranslationUnit canadian = Imported("Char.", "Car.", "a.tmx");
  canadian.src_lang = "fr-CA";
  store.AddUnits({legacy, plain, canadian});
  const auto sources = [&](const std::string& lang) {
    std::string out;
    store.ForEachUnit(Filter(lang), [&](const TranslationUnit& u) { out += u.source; });
    return out;
  };
  EXPECT_EQ(sources("fr"), "Oui.Non.Char.");
  EXPECT_EQ(sources("fr-FR"), "Oui.Non.");  // fr-FR units, and fr ones
  EXPECT_EQ(sources("fr-CA"), "Non.Char.");
  EXPECT_EQ(sources("de"), "");
  EXPECT_EQ(AllUnits(store)[0].src_lang, "fr-FR");
}

TEST(StoreTest, ForEachUnitFiltersByDocumentSinceAndOriginAndGivesTheRun) {
  TranslationMemory store(":memory:", {});
  Pair p;
  AlignmentRecord run;
  run.mode = "comparable";
  const SaveResult saved = store.SaveAlignment(p.Fr(), p.En(), p.alignment, run);
  TranslationUnit old = Imported("Oui.", "Yes.", "old.tmx");
  old.created = "20200101T000000Z";
  TranslationUnit recent = Imported("Non.", "No.", "new.tmx");
  recent.created = "20240501T000000Z";
  store.AddUnits({old, recent});
  const auto ids = [&](const UnitFilter& f) {
    std::vector<std::string> sources;
    store.ForEachUnit(f, [&](const TranslationUnit& u) { sources.push_back(u.source); });
    return sources;
  };
  UnitFilter by_label;
  by_label.documents = {"new.tmx"};
  EXPECT_EQ(ids(by_label), std::vector<std::string>{"Non."});
  UnitFilter by_side;
  by_side.documents = {"a.en.txt"};  // one side of "a.fr.txt | a.en.txt"
  EXPECT_EQ(ids(by_side).size(), 2u);
  UnitFilter by_id;
  by_id.document_ids = {store.Documents().front().id};
  EXPECT_EQ(ids(by_id).size(), 2u);
  by_id.document_ids = {9999};
  EXPECT_TRUE(ids(by_id).empty());
  UnitFilter since;
  since.since = "20230101T000000Z";
  EXPECT_EQ(ids(since).size(), 3u);  // the aligned pair (created now) and "Non."
  UnitFilter imported;
  imported.origin = "imported";
  EXPECT_EQ(ids(imported), (std::vector<std::string>{"Oui.", "Non."}));

  auto units = AllUnits(store);
  ASSERT_EQ(units.size(), 4u);
  EXPECT_EQ(units[0].mode, "comparable");
  EXPECT_EQ(units[0].run, saved.alignment_id);
  EXPECT_EQ(units[2].mode, "");
  EXPECT_EQ(units[2].run, 0);
}

TEST(StoreTest, LoadsAStoredRunWithSegmentsAnchorsAndBeads) {
  TranslationMemory store(":memory:", {});
  Pair p;
  AlignmentRecord record;
  record.mode = "parallel";
  const SaveResult saved = store.SaveAlignment(p.Fr(), p.En(), p.alignment, record);
  const std::vector<StoredRun> runs = store.Alignments();
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].id, saved.alignment_id);
  EXPECT_EQ(runs[0].mode, "parallel");
  EXPECT_EQ(runs[0].source.path, "a.fr.txt");
  EXPECT_EQ(runs[0].target.language, "en");
  EXPECT_EQ(runs[0].pairs, 2);
  EXPECT_EQ(store.Alignments(runs[0].target.id).size(), 1u);
  EXPECT_TRUE(store.Alignments(runs[0].target.id + 100).empty());

  const StoredAlignment a = store.LoadAlignment(saved.alignment_id);
  ASSERT_EQ(a.source.size(), 3u);  // the unaligned "Merci." too
  ASSERT_EQ(a.target.size(), 2u);
  EXPECT_EQ(a.source[2].original, "Merci.");
  const StoredSegment& meeting = a.source[1];
  ASSERT_EQ(meeting.anchors.size(), 1u);
  const Span span = meeting.anchors[0].span;
  EXPECT_EQ(meeting.original.substr(span.begin, span.end - span.begin), "27 octobre");
  EXPECT_EQ(meeting.anchors[0].key, "--10-27");
  ASSERT_EQ(a.beads.size(), 2u);  // pairs only: segment 2 is in no bead
  EXPECT_EQ(a.beads[1].src, std::vector<size_t>{1});
  EXPECT_EQ(a.beads[1].tgt, std::vector<size_t>{1});
  EXPECT_DOUBLE_EQ(a.beads[1].score, 0.85);
  ASSERT_EQ(a.beads[1].anchors.size(), 1u);
  EXPECT_EQ(a.beads[1].anchors[0].kind, AnchorKind::kDate);
  EXPECT_EQ(a.beads[1].anchors[0].src_text, "27 octobre");
  EXPECT_EQ(a.beads[1].anchors[0].tgt_text, "October 27");
  EXPECT_THROW(store.LoadAlignment(saved.alignment_id + 1), Error);
}

TEST(StoreTest, TextThatLooksLikeSqlIsStoredAsText) {
  TranslationMemory store(":memory:", {});
  store.AddUnits({Imported("'); DROP TABLE units; --", "x", "a.tmx")});
  auto units = AllUnits(store);
  ASSERT_EQ(units.size(), 1u);
  EXPECT_EQ(units[0].source, "'); DROP TABLE units; --");
}

// Units are indexed for lookup and search by a catch-up transaction after the
// write. A write without it (as a run killed between the two leaves) is
// invisible to lookups until the next writer opens the TM.
TEST(StoreTest, UnitsLeftUnindexedAreIndexedByTheNextWriter) {
  testing::ScratchDir dir;
  OpenOptions deferred;
  deferred.index_after_write = false;
  {
    TranslationMemory store(dir / "tm.sqlite", deferred);
    store.AddUnits({Imported("Les deux pays créeront une équipe conjointe.",
                             "The two countries will set up a joint team.", "a.tmx"),
                    Imported("Merci beaucoup.", "Thank you very much.", "a.tmx")});
    EXPECT_EQ(store.UnindexedUnits(), 2);
    EXPECT_TRUE(store.Lookup("Les deux pays créeront une équipe conjointe.", {}).empty());
    EXPECT_TRUE(store.Search("équipe", {}).empty());
  }
  OpenOptions reader;
  reader.read_only = true;
  reader.create = false;
  {
    TranslationMemory store(dir / "tm.sqlite", reader);  // a reader leaves the file as it is
    EXPECT_EQ(store.UnindexedUnits(), 2);
    EXPECT_EQ(store.Check().integrity_problems, std::vector<std::string>{});
  }
  { TranslationMemory writer(dir / "tm.sqlite", {}); }
  TranslationMemory store(dir / "tm.sqlite", reader);
  EXPECT_EQ(store.UnindexedUnits(), 0);
  ASSERT_EQ(store.Lookup("Les deux pays créeront une équipe conjointe.", {}).size(), 1u);
  EXPECT_EQ(store.Search("équipe", {}).size(), 1u);
  SearchOptions fragment;
  fragment.substring = true;
  EXPECT_EQ(store.Search("ipe con", fragment).size(), 1u);
}

TEST(StoreTest, UpdateIndexesIndexesOnlyWhatIsMissing) {
  OpenOptions deferred;
  deferred.index_after_write = false;
  TranslationMemory store(":memory:", deferred);
  store.AddUnits({Imported("Bonjour.", "Hello.", "a.tmx")});
  EXPECT_EQ(store.UpdateIndexes(), 1);
  store.AddUnits({Imported("Bonjour.", "Hello.", "b.tmx"), Imported("Merci.", "Thanks.", "b.tmx")});
  EXPECT_EQ(store.UnindexedUnits(), 1);  // "Bonjour." was already there
  EXPECT_EQ(store.UpdateIndexes(), 1);
  EXPECT_EQ(store.UpdateIndexes(), 0);
  EXPECT_TRUE(store.Check().ok());
}

// Pruning a unit not indexed yet must not touch the indexes, and a unit
// stored later under the id of a pruned one must still be indexed.
TEST(StoreTest, PruneKeepsTheIndexesRightAroundUnindexedUnits) {
  OpenOptions deferred;
  deferred.index_after_write = false;
  TranslationMemory store(":memory:", deferred);
  TranslationUnit low = Imported("Une phrase peu sûre.", "A doubtful sentence.", "a.tmx");
  low.score = 0.2;
  TranslationUnit high = Imported("Une phrase sûre.", "A sure sentence.", "a.tmx");
  high.score = 0.9;
  store.AddUnits({high});
  store.UpdateIndexes();
  store.AddUnits({low});  // not indexed
  PruneOptions prune;
  prune.below = 0.4;
  EXPECT_EQ(store.Prune(prune).units, 1);
  EXPECT_TRUE(store.Check().ok());
  // Now the indexed top unit goes, and a new unit may take its id.
  prune.below = 0.95;
  EXPECT_EQ(store.Prune(prune).units, 1);
  TranslationUnit next = Imported("Une autre phrase.", "Another sentence.", "b.tmx");
  next.score = 0.99;
  store.AddUnits({next});
  EXPECT_EQ(store.UnindexedUnits(), 1);
  EXPECT_EQ(store.UpdateIndexes(), 1);
  EXPECT_TRUE(store.Check().ok()) << store.Check().integrity_problems.size();
  ASSERT_EQ(store.Lookup("Une autre phrase.", {}).size(), 1u);
  EXPECT_EQ(store.Search("autre", {}).size(), 1u);
}

// The streaming form reads and prepares units on a second thread, in chunks:
// order, deduplication across chunks and the all-or-nothing rule must hold
// whatever the chunk boundaries.
TEST(StoreTest, StreamedUnitsKeepTheirOrderAndDeduplicateAcrossChunks) {
  TranslationMemory store(":memory:", {});
  store.AddUnits({Imported("Phrase 7.", "Sentence 7.", "old.tmx")});
  int n = 0;
  AddResult r = store.AddUnits([&](TranslationUnit* u) {
    if (n == 3000) return false;
    const int k = n++ % 1500;  // every unit twice, 1,500 units apart
    *u = Imported("Phrase " + std::to_string(k) + ".", "Sentence " + std::to_string(k) + ".",
                  "new.tmx");
    return true;
  });
  EXPECT_EQ(r.added, 1499u);     // "Phrase 7." was there
  EXPECT_EQ(r.existing, 1501u);  // it, and the second copy of each
  auto units = AllUnits(store);
  ASSERT_EQ(units.size(), 1500u);
  EXPECT_EQ(units[0].source, "Phrase 7.");
  EXPECT_EQ(units[1].source, "Phrase 0.");
  EXPECT_EQ(units.back().source, "Phrase 1499.");
  EXPECT_EQ(store.Stats().provenances, 1501);  // old.tmx + new.tmx for "Phrase 7."
  EXPECT_EQ(store.Lookup("Phrase 1234.", {}).size(), 1u);
}

TEST(StoreTest, StreamedUnitsAreAllOrNothingWhenTheSourceOrAUnitFails) {
  TranslationMemory store(":memory:", {});
  store.AddUnits({Imported("Bonjour.", "Hello.", "a.tmx")});
  int n = 0;
  auto source = [&](int fail_at, bool bad_unit) {
    n = 0;
    return [&n, fail_at, bad_unit](TranslationUnit* u) {
      if (n == fail_at && !bad_unit) throw Error("b.tmx:42: the source broke");
      *u = Imported("Phrase " + std::to_string(n) + ".", n == fail_at ? "" : "Sentence.", "b.tmx");
      ++n;
      return n <= 5000;
    };
  };
  EXPECT_THROW(store.AddUnits(source(1700, false)), Error);
  EXPECT_EQ(store.Stats().units, 1);
  try {
    store.AddUnits(source(2100, true));
    ADD_FAILURE() << "a unit without target was stored";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("empty source or target"), std::string::npos) << e.what();
  }
  EXPECT_EQ(store.Stats().units, 1);
  EXPECT_EQ(store.Stats().provenances, 1);
  EXPECT_TRUE(store.Check().ok());
}

// A write ends with a checkpoint: the database file itself holds the units
// once the write returns, not only the WAL.
TEST(StoreTest, AWriteEndsWithItsDataInTheDatabaseFile) {
  testing::ScratchDir dir;
  TranslationMemory store(dir / "tm.sqlite", {});
  std::vector<TranslationUnit> units;
  for (int i = 0; i < 2000; ++i) {
    units.push_back(Imported("Phrase numéro " + std::to_string(i) + " du test.",
                             "Test sentence number " + std::to_string(i) + ".", "a.tmx"));
  }
  store.AddUnits(units);
  const auto file = static_cast<int64_t>(std::filesystem::file_size(dir / "tm.sqlite"));
  EXPECT_GT(file, 500000);
  EXPECT_EQ(file, store.Stats().file_bytes);
}

TEST(StoreTest, Sha256MatchesKnownVectors) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Sha256Hex(std::string(56, 'a')),
            "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
}

}  // namespace
}  // namespace ancre::tm
