// Lookup, concordance search, analysis, and maintenance of a TranslationMemory.
#include <gtest/gtest.h>

#include <random>

#include "src/core/error.h"
#include "tm/cat_match.h"
#include "tm/translation_memory.h"

namespace ancre::tm {
namespace {

TranslationUnit Unit(std::string source, std::string target, double score = 1.0) {
  TranslationUnit u;
  u.src_lang = "fr";
  u.tgt_lang = "en";
  u.source = std::move(source);
  u.target = std::move(target);
  u.score = score;
  u.origin = Origin::kImported;
  u.document = "test.tmx";
  return u;
}

TranslationMemory SmallTm() {
  TranslationMemory store(":memory:", {});
  store.AddUnits({
      Unit("Les deux pays créeront une équipe conjointe.",
           "The two countries will create a joint team."),
      Unit("Les deux pays créeront une cellule conjointe.",
           "The two countries will create a joint unit."),
      Unit("La réunion a eu lieu à Séoul.", "The meeting took place in Seoul."),
      Unit("Les escroqueries en ligne se multiplient.", "Online scams are multiplying.", 0.35),
      Unit("Le groupe de travail se réunira en novembre.", "The task force will meet in November."),
  });
  return store;
}

LookupOptions Options(double threshold, size_t max = 10, std::string src_lang = "",
                      std::string tgt_lang = "") {
  LookupOptions o;
  o.threshold = threshold;
  o.max = max;
  o.src_lang = std::move(src_lang);
  o.tgt_lang = std::move(tgt_lang);
  return o;
}

SearchOptions Side(std::string lang) {
  SearchOptions o;
  o.lang = std::move(lang);
  return o;
}

SearchOptions Fragment() {
  SearchOptions o;
  o.substring = true;
  return o;
}

PruneOptions Below(double score, bool dry_run) {
  PruneOptions o;
  o.below = score;
  o.dry_run = dry_run;
  return o;
}

std::vector<int64_t> Ids(const std::vector<FuzzyMatch>& matches) {
  std::vector<int64_t> ids;
  for (const auto& m : matches) ids.push_back(m.tu);
  return ids;
}

TEST(LookupTest, OnlyIdenticalTextScoresHundred) {
  TranslationMemory store = SmallTm();
  auto same = store.Lookup("Les deux pays créeront une équipe conjointe.", {});
  ASSERT_FALSE(same.empty());
  EXPECT_DOUBLE_EQ(same[0].score, 100.0);
  EXPECT_TRUE(same[0].differences.empty());
  // Other case, no final full stop: the same words, not the same text.
  auto m = store.Lookup("les deux pays créeront une ÉQUIPE conjointe", {});
  ASSERT_FALSE(m.empty());
  EXPECT_LT(m[0].score, 100.0);
  EXPECT_DOUBLE_EQ(
      m[0].score,
      CompareForMatch("les deux pays créeront une ÉQUIPE conjointe", m[0].source).score);
  EXPECT_DOUBLE_EQ(m[0].word_score, 100.0);
  EXPECT_EQ(m[0].differences, (std::vector<std::string>{"case", "punctuation"}));
  EXPECT_EQ(m[0].target, "The two countries will create a joint team.");
  EXPECT_EQ(m[0].document, "test.tmx");
  EXPECT_TRUE(m[0].edits.empty());
  auto accents = store.Lookup("La reunion a eu lieu a Seoul.", {});
  ASSERT_FALSE(accents.empty());
  EXPECT_LT(accents[0].score, 100.0);
  EXPECT_EQ(accents[0].differences, std::vector<std::string>{"accents"});
}

TEST(LookupTest, RanksByScoreAndSaysWhatDiffers) {
  TranslationMemory store = SmallTm();
  const std::string query = "Les deux pays créeront une équipe commune.";
  auto m = store.Lookup(query, Options(70));
  ASSERT_EQ(m.size(), 2u);
  EXPECT_DOUBLE_EQ(m[0].word_score, 100.0 * 6 / 7);
  EXPECT_DOUBLE_EQ(m[0].score, CompareForMatch(query, m[0].source).score);
  EXPECT_EQ(m[0].source, "Les deux pays créeront une équipe conjointe.");
  ASSERT_EQ(m[0].edits.size(), 1u);
  EXPECT_EQ(m[0].edits[0].query_word, "commune");
  EXPECT_EQ(m[0].edits[0].candidate_word, "conjointe");
  EXPECT_DOUBLE_EQ(m[1].word_score, 100.0 * 5 / 7);
  EXPECT_GT(m[0].score, m[1].score);
}

TEST(LookupTest, LooksUpBothDirectionsOfTheTm) {
  TranslationMemory store = SmallTm();
  const std::string query = "The meeting took place in Seoul.";
  // Without the query's language, only source sides are searched.
  EXPECT_TRUE(store.Lookup(query, {}).empty());
  for (const LookupOptions& options : {Options(70, 10, "en"), Options(70, 10, "en", "fr")}) {
    auto m = store.Lookup(query, options);
    ASSERT_EQ(m.size(), 1u);
    EXPECT_TRUE(m[0].reversed);
    EXPECT_DOUBLE_EQ(m[0].score, 100.0);
    EXPECT_EQ(m[0].source, query);
    EXPECT_EQ(m[0].target, "La réunion a eu lieu à Séoul.");
    EXPECT_EQ(m[0].src_lang, "en");
    EXPECT_EQ(m[0].tgt_lang, "fr");
    EXPECT_EQ(Ids(m), Ids(store.LookupByScan(query, options)));
  }
  EXPECT_TRUE(store.Lookup(query, Options(70, 10, "en", "de")).empty());
  // A French query on the same TM still reads it as it is.
  auto forward = store.Lookup("La réunion a eu lieu à Séoul.", Options(70, 10, "fr", "en"));
  ASSERT_EQ(forward.size(), 1u);
  EXPECT_FALSE(forward[0].reversed);
}

TEST(LookupTest, AdaptsTheTargetForANumberTheAnchorsPair) {
  TranslationMemory store(":memory:", {});
  TranslationUnit u = Unit("La police a arrêté 30 personnes le 27 octobre.",
                           "Police arrested 130 and then 30 people on October 27.");
  u.anchors_json = R"([{"kind":"number","key":"30","src":"30","tgt":"30"},)"
                   R"({"kind":"date","key":"--10-27","src":"27 octobre","tgt":"October 27"}])";
  TranslationUnit plain = Unit("Le comité compte 12 membres.", "The committee has 12 members.");
  store.AddUnits({u, plain});
  auto m = store.Lookup("La police a arrêté 31 personnes le 28 octobre.", {});
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].differences, (std::vector<std::string>{"number 31 → 30", "number 28 → 27"}));
  EXPECT_EQ(m[0].target, "Police arrested 130 and then 30 people on October 27.");
  EXPECT_EQ(m[0].adapted_target, "Police arrested 130 and then 31 people on October 28.");
  EXPECT_EQ(m[0].adaptations, (std::vector<std::string>{"30 → 31", "27 → 28"}));
  // No anchors, no adaptation: the number is only named.
  auto p = store.Lookup("Le comité compte 13 membres.", {});
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].differences, std::vector<std::string>{"number 13 → 12"});
  EXPECT_TRUE(p[0].adapted_target.empty());
}

TEST(LookupTest, ThresholdAndMaxLimitTheMatches) {
  TranslationMemory store = SmallTm();
  EXPECT_EQ(store.Lookup("Les deux pays créeront une équipe commune.", Options(80)).size(), 1u);
  EXPECT_EQ(store.Lookup("Les deux pays créeront une équipe commune.", Options(0, 3)).size(), 3u);
  EXPECT_TRUE(store.Lookup("Rien à voir du tout.", {}).empty());
  EXPECT_TRUE(store.Lookup(" ?! ", {}).empty());
}

TEST(LookupTest, FiltersByLanguage) {
  TranslationMemory store = SmallTm();
  EXPECT_TRUE(store.Lookup("La réunion a eu lieu à Séoul.", Options(70, 10, "de")).empty());
  EXPECT_EQ(store.Lookup("La réunion a eu lieu à Séoul.", Options(70, 10, "fr", "en")).size(), 1u);
}

TEST(LookupTest, RejectsAThresholdOutsideZeroToHundred) {
  TranslationMemory store = SmallTm();
  EXPECT_THROW(store.Lookup("x", Options(120)), Error);
}

// The index-based lookup must return exactly what scoring every TU returns.
TEST(LookupTest, IndexedLookupEqualsBruteForceScan) {
  std::mt19937 rng(42);
  const std::vector<std::string> vocabulary = {
      "le",      "la",        "les",      "de",          "des",     "pays",    "équipe", "Séoul",
      "Corée",   "Cambodge",  "police",   "escroquerie", "ligne",   "réunion", "accord", "sud",
      "nord",    "conjointe", "travail",  "27",          "octobre", "2025",    "€",      "victimes",
      "centres", "fraude",    "ministre", "annonce",     "a",       "et"};
  auto sentence = [&](size_t min_words, size_t max_words) {
    std::uniform_int_distribution<size_t> len(min_words, max_words);
    std::uniform_int_distribution<size_t> pick(0, vocabulary.size() - 1);
    std::string s;
    size_t n = len(rng);
    for (size_t i = 0; i < n; ++i) {
      if (!s.empty()) s += ' ';
      s += vocabulary[pick(rng)];
    }
    return s;
  };
  TranslationMemory store(":memory:", {});
  std::vector<TranslationUnit> units;
  for (int i = 0; i < 600; ++i) units.push_back(Unit(sentence(1, 12), "t" + std::to_string(i)));
  store.AddUnits(units);
  size_t compared = 0;
  for (int q = 0; q < 60; ++q) {
    // Half the queries are perturbed TM sources, so there are real matches.
    std::string query =
        q % 2 ? sentence(1, 12) : units[static_cast<size_t>(q) * 7].source + " fraude";
    for (double threshold : {30.0, 50.0, 70.0, 85.0, 100.0}) {
      LookupOptions options = Options(threshold, 1000);
      auto indexed = store.Lookup(query, options);
      auto scanned = store.LookupByScan(query, options);
      ASSERT_EQ(Ids(indexed), Ids(scanned)) << query << " @" << threshold;
      for (size_t i = 0; i < indexed.size(); ++i) {
        EXPECT_DOUBLE_EQ(indexed[i].score, scanned[i].score);
      }
      compared += scanned.size();
    }
  }
  EXPECT_GT(compared, 100u);  // the comparison saw real matches
}

// A TM large enough that lookup reads only part of the word index: a few
// words in most TUs, a long tail of rare ones, many near-duplicates (so scores
// tie and fewer than all matches are returned), and TUs in another language
// pair.
class LookupEqualsScanTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::mt19937 rng(7);
    const std::vector<std::string> common = {"de", "la", "le", "et", "a", "les", "des", "en"};
    auto word = [&] {
      // Half the words are very common; the rest spread over 3,000 rarer words.
      if (rng() % 2) return common[rng() % common.size()];
      return "w" + std::to_string(std::geometric_distribution<int>(0.002)(rng) % 3000);
    };
    auto sentence = [&](size_t words) {
      std::string s;
      for (size_t i = 0; i < words; ++i) s += (i ? " " : "") + word();
      return s;
    };
    store_ = new TranslationMemory(":memory:", {});
    std::vector<TranslationUnit> units;
    for (int i = 0; i < 3000; ++i) {
      std::string source = sentence(1 + rng() % 14);
      sources_.push_back(source);
      for (int copy = 0; copy < 8; ++copy) {  // near-duplicates: one word changed or appended
        std::string variant = source;
        if (copy % 2) variant += " " + word();
        if (copy > 0) variant.replace(0, variant.find(' ') == std::string::npos ? 0 : 1, "x");
        TranslationUnit u = Unit(variant, "t" + std::to_string(i) + "." + std::to_string(copy));
        if (copy == 7) u.src_lang = "de";
        units.push_back(std::move(u));
      }
    }
    store_->AddUnits(units);
  }
  static void TearDownTestSuite() {
    delete store_;
    store_ = nullptr;
  }

  // Compares Lookup with LookupByScan; returns how many matches they share.
  static size_t ExpectSame(const std::string& query, const LookupOptions& options) {
    auto indexed = store_->Lookup(query, options);
    auto scanned = store_->LookupByScan(query, options);
    EXPECT_EQ(Ids(indexed), Ids(scanned))
        << query << " @" << options.threshold << " max " << options.max << " " << options.src_lang;
    for (size_t i = 0; i < indexed.size() && i < scanned.size(); ++i) {
      EXPECT_DOUBLE_EQ(indexed[i].score, scanned[i].score);
    }
    return scanned.size();
  }

  static TranslationMemory* store_;
  static std::vector<std::string> sources_;
};

TranslationMemory* LookupEqualsScanTest::store_ = nullptr;
std::vector<std::string> LookupEqualsScanTest::sources_;

TEST_F(LookupEqualsScanTest, ShortQueriesOfCommonWordsOnly) {
  const std::vector<std::string> queries = {"de la",           "le et",
                                            "de la le",        "a les des",
                                            "de de la",        "et a en les",
                                            "la le et de des", "de la le et a",
                                            "en en en",        "les des de la et a en",
                                            "la la le le a",   "a",
                                            "des en de les la"};
  size_t matches = 0;
  for (const std::string& q : queries) {
    for (double threshold : {50.0, 70.0, 85.0, 100.0}) {
      for (size_t max : {1, 10, 100000}) {
        matches += ExpectSame(q, Options(threshold, max));
      }
    }
  }
  // Fewer than the words alone find: a match shows (and is kept at) its
  // character-level score, which case and punctuation lower.
  EXPECT_GT(matches, 500u);
}

TEST_F(LookupEqualsScanTest, NearDuplicatesWithFewOrAllMatchesReturned) {
  std::mt19937 rng(11);
  size_t matches = 0;
  for (int q = 0; q < 20; ++q) {
    // A TM source with one word dropped, as a translator's sentence differs.
    std::string query = sources_[rng() % sources_.size()];
    const size_t space = query.find(' ', rng() % query.size());
    if (space != std::string::npos) query.erase(space, query.find(' ', space + 1) - space);
    for (double threshold : {30.0, 70.0, 90.0}) {
      for (size_t max : {1, 10, 100000}) {
        matches += ExpectSame(query, Options(threshold, max));
      }
    }
    matches += ExpectSame(query, Options(70, 5, "fr"));
    matches += ExpectSame(query, Options(70, 5, "de", "en"));
  }
  EXPECT_GT(matches, 200u);
}

// A fragment found in more than `max` sources and in a newer target only: the
// newest units win whichever side holds the fragment, as without the bound
// that skips older units once one side has given `max` hits.
TEST(SearchTest, SubstringGivesTheNewestUnitsFromEitherSide) {
  TranslationMemory store(":memory:", {});
  std::vector<TranslationUnit> units;
  units.push_back(Unit("Une phrase sans le mot.", "An old xqzwkv sentence."));  // id 1: too old
  for (int i = 0; i < 30; ++i) {
    units.push_back(Unit("La phrase xqzwkv numéro " + std::to_string(i) + ".",
                         "Sentence number " + std::to_string(i) + "."));
  }
  units.push_back(Unit("La phrase la plus récente.", "The newest xqzwkv sentence."));  // id 32
  store.AddUnits(units);
  SearchOptions o = Fragment();
  o.max = 5;
  auto hits = store.Search("qzwk", o);
  std::vector<int64_t> ids;
  for (const auto& h : hits) ids.push_back(h.tu);
  EXPECT_EQ(ids, (std::vector<int64_t>{32, 31, 30, 29, 28}));
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].target_hits.size(), 1u);
  o.max = 40;  // all of them, the oldest too
  EXPECT_EQ(store.Search("qzwk", o).size(), 32u);
}

TEST(SearchTest, FindsWordsAcrossAccentsAndShowsTheTranslation) {
  TranslationMemory store = SmallTm();
  auto hits = store.Search("seoul", {});
  ASSERT_EQ(hits.size(), 1u);  // "Séoul" in French, "Seoul" in English: one TU
  EXPECT_EQ(hits[0].source, "La réunion a eu lieu à Séoul.");
  EXPECT_EQ(hits[0].target_hits.size(), 1u);
  EXPECT_EQ(hits[0].target, "The meeting took place in Seoul.");
  ASSERT_EQ(hits[0].source_hits.size(), 1u);
  EXPECT_EQ(hits[0].source.substr(hits[0].source_hits[0].first,
                                  hits[0].source_hits[0].second - hits[0].source_hits[0].first),
            "Séoul");
}

TEST(SearchTest, SupportsPhrasesPrefixesAndNear) {
  TranslationMemory store = SmallTm();
  EXPECT_EQ(store.Search("\"task force\"", {}).size(), 1u);
  EXPECT_EQ(store.Search("\"force task\"", {}).size(), 0u);
  EXPECT_EQ(store.Search("escroq*", {}).size(), 1u);
  EXPECT_EQ(store.Search("NEAR(pays conjointe, 4)", {}).size(), 2u);
  EXPECT_EQ(store.Search("NEAR(deux conjointe, 1)", {}).size(), 0u);
}

TEST(SearchTest, CombinesTermsWithOrAndNot) {
  TranslationMemory store = SmallTm();
  EXPECT_EQ(store.Search("Séoul OR escroqueries", {}).size(), 2u);
  EXPECT_EQ(store.Search("conjointe NOT cellule", {}).size(), 1u);
  EXPECT_EQ(store.Search("(équipe OR cellule) AND pays", {}).size(), 2u);
  EXPECT_EQ(store.Search("task - force", {}).size(), 1u);  // a word without letters is ignored
}

TEST(SearchTest, SearchesAQueryBuiltByTheCaller) {
  TranslationMemory store = SmallTm();
  ConcordanceQuery near;
  near.kind = ConcordanceQuery::Kind::kNear;
  near.distance = 4;
  for (const char* w : {"pays", "conjointe"}) {
    ConcordanceQuery t;
    t.kind = ConcordanceQuery::Kind::kTerm;
    t.term.words = {w};
    near.parts.push_back(t);
  }
  EXPECT_EQ(store.Search(near, {}).size(), 2u);
  near.distance = 1;
  EXPECT_EQ(store.Search(near, {}).size(), 0u);
  // Characters the index syntax gives a meaning are only text in a term.
  ConcordanceQuery quoted;
  quoted.kind = ConcordanceQuery::Kind::kTerm;
  quoted.term.words = {"task\")", "OR", "force*"};
  EXPECT_EQ(store.Search(quoted, {}).size(), 0u);
  EXPECT_TRUE(store.Search(ConcordanceQuery{}, {}).empty());
}

TEST(SearchTest, RestrictsToOneLanguageSide) {
  TranslationMemory store = SmallTm();
  EXPECT_EQ(store.Search("meeting", Side("fr")).size(), 0u);
  auto en = store.Search("meeting", Side("en"));
  ASSERT_EQ(en.size(), 1u);
  EXPECT_TRUE(en[0].source_hits.empty());
  EXPECT_EQ(en[0].target_hits.size(), 1u);
}

TEST(SearchTest, InvalidSyntaxIsSearchedAsPlainWords) {
  TranslationMemory store = SmallTm();
  EXPECT_TRUE(store.Search("'); DROP TABLE units; --", {}).empty());
  EXPECT_EQ(store.Stats().units, 5);
  EXPECT_EQ(store.Search("Séoul (réunion", {}).size(), 1u);
  EXPECT_EQ(store.Search("\"Séoul", {}).size(), 1u);     // unterminated string
  EXPECT_EQ(store.Search("lieu:Séoul", {}).size(), 0u);  // "no such column": plain words
  EXPECT_TRUE(store.Search("", {}).empty());
}

TEST(SearchTest, FindsFragmentsInsideWordsWithTheTrigramIndex) {
  TranslationMemory store = SmallTm();
  auto hits = store.Search("croquer", Fragment());
  ASSERT_EQ(hits.size(), 1u);
  ASSERT_EQ(hits[0].source_hits.size(), 1u);
  EXPECT_EQ(hits[0].source_hits[0].first, 6u);  // "Les es|croqueries"
  EXPECT_THROW(store.Search("cr", Fragment()), Error);
  EXPECT_TRUE(store.Search("100%", Fragment()).empty());
}

// The message of the UsageError that searching query throws, or "" if none.
std::string SearchRefusal(const TranslationMemory& store, const std::string& query,
                          const SearchOptions& options = {}) {
  try {
    store.Search(query, options);
  } catch (const UsageError& e) {
    return e.what();
  }
  return "";
}

std::string Repeat(const std::string& piece, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += piece + " ";
  return out;
}

TEST(SearchTest, RefusesMorePrefixTermsThanTheLimit) {
  TranslationMemory store = SmallTm();
  // 400 prefix terms took 30 s and 683 MB on a big TM; the 17th is refused.
  EXPECT_EQ(SearchRefusal(store, Repeat("escroq*", SearchLimits::kMaxPrefixTerms)), "");
  const std::string refusal =
      SearchRefusal(store, Repeat("escroq*", SearchLimits::kMaxPrefixTerms + 1));
  EXPECT_NE(refusal.find("17 prefix terms"), std::string::npos) << refusal;
  EXPECT_NE(refusal.find("at most 16"), std::string::npos) << refusal;
  // A quoted prefix phrase counts, "a*" inside quotes does not.
  EXPECT_NE(SearchRefusal(store, Repeat("\"pays\"*", 17)), "");
  EXPECT_EQ(SearchRefusal(store, "\"" + Repeat("pays*", 17) + "\""), "");
}

// Invalid UTF-8 and fragments mixing both kinds of wildcard characters are
// refused before SQLite sees them (its trigram index crashed on both: fuzzing).
TEST(SearchTest, RefusesInvalidUtf8AndMixedWildcardFragments) {
  TranslationMemory store(":memory:", OpenOptions{});
  SearchOptions substring;
  substring.substring = true;
  EXPECT_THROW(store.Search("A%*\xc0\xe2\xaa**", substring), UsageError);
  EXPECT_THROW(store.Search("K***(**%**HS", substring), UsageError);
  EXPECT_THROW(store.Search("ab%c[d", substring), UsageError);
  EXPECT_NO_THROW(store.Search("Hun%Man", substring));
  EXPECT_NO_THROW(store.Search("Hun*Man", substring));
  EXPECT_THROW(store.Search("gouv\xc3", SearchOptions{}), UsageError);
}

TEST(SearchTest, RefusesMoreTermsOrBytesThanTheLimit) {
  TranslationMemory store = SmallTm();
  EXPECT_EQ(SearchRefusal(store, Repeat("pays", SearchLimits::kMaxTerms)), "");
  std::string refusal = SearchRefusal(store, Repeat("pays", SearchLimits::kMaxTerms + 1));
  EXPECT_NE(refusal.find("65 terms"), std::string::npos) << refusal;
  // Words of a phrase count one by one, and so do the pieces of a query
  // FTS5 cannot parse (searched as plain words).
  EXPECT_NE(SearchRefusal(store, "\"" + Repeat("pays", 65) + "\""), "");
  EXPECT_NE(SearchRefusal(store, Repeat("a-b-c-d-e", 13)), "");
  refusal = SearchRefusal(store, std::string(SearchLimits::kMaxBytes + 1, 'x'));
  EXPECT_NE(refusal.find("1001 bytes"), std::string::npos) << refusal;
  EXPECT_NE(SearchRefusal(store, std::string(1001, 'x'), Fragment()), "");
  EXPECT_EQ(SearchRefusal(store, std::string(1000, 'x'), Fragment()), "");
}

TEST(AnalyzeTest, CountsSegmentsAndWordsInCatBuckets) {
  TranslationMemory store = SmallTm();
  Analysis a = store.Analyze({"La réunion a eu lieu à Séoul.",                     // 100
                              "Les deux pays créeront une équipe commune.",        // 85.7
                              "Le groupe de travail se réunira en décembre.",      // 87.5
                              "Rien à voir avec ce qui précède, vraiment rien."},  // none
                             {});
  EXPECT_EQ(a.segments, 4);
  ASSERT_EQ(a.buckets.size(), 6u);
  EXPECT_EQ(a.buckets[0].segments, 1);
  EXPECT_EQ(a.buckets[0].words, 7);
  EXPECT_EQ(a.buckets[2].segments, 2);
  EXPECT_EQ(a.buckets[5].segments, 1);
  EXPECT_EQ(a.buckets[5].name, "no match");
}

TEST(MaintenanceTest, PruneBelowScoreRemovesUnitsAndDryRunChangesNothing) {
  TranslationMemory store = SmallTm();
  PruneResult dry = store.Prune(Below(0.4, true));
  EXPECT_EQ(dry.units, 1);
  EXPECT_EQ(store.Stats().units, 5);
  PruneResult done = store.Prune(Below(0.4, false));
  EXPECT_EQ(done.units, 1);
  EXPECT_EQ(done.provenances, 1);
  EXPECT_EQ(store.Stats().units, 4);
  EXPECT_TRUE(store.Search("escroq*", {}).empty());  // text index follows
  EXPECT_TRUE(store.Lookup("Les escroqueries en ligne se multiplient.", {}).empty());
  EXPECT_TRUE(store.Check().ok());
}

TEST(MaintenanceTest, LookupStaysExactAfterPruning) {
  TranslationMemory store = SmallTm();
  store.Prune(Below(0.4, false));
  store.AddUnits({Unit("Les escroqueries en ligne se multiplient encore.", "Scams go on.")});
  for (const char* q : {"Les escroqueries en ligne se multiplient.", "Les deux pays créeront."}) {
    EXPECT_EQ(Ids(store.Lookup(q, Options(50, 100))), Ids(store.LookupByScan(q, Options(50, 100))))
        << q;
  }
  EXPECT_EQ(store.Lookup("Les escroqueries en ligne se multiplient.", Options(80)).size(), 1u);
}

TEST(MaintenanceTest, PruneNeedsACriterion) {
  TranslationMemory store = SmallTm();
  EXPECT_THROW(store.Prune({}), Error);
}

TEST(MaintenanceTest, CheckOfAHealthyStoreIsClean) {
  TranslationMemory store = SmallTm();
  CheckReport r = store.Check();
  EXPECT_TRUE(r.ok()) << (r.integrity_problems.empty() ? "" : r.integrity_problems[0]);
  EXPECT_EQ(r.units_without_provenance, 0);
  EXPECT_EQ(r.duplicate_units, 0);
}

TEST(MaintenanceTest, StatsCountUnitsByLanguagePairScoreAndOrigin) {
  TranslationMemory store = SmallTm();
  TmStats st = store.Stats();
  ASSERT_EQ(st.units_by_lang_pair.size(), 1u);
  EXPECT_EQ(st.units_by_lang_pair[0].name, "fr→en");
  EXPECT_EQ(st.units_by_lang_pair[0].count, 5);
  ASSERT_EQ(st.units_by_score.size(), 5u);
  EXPECT_EQ(st.units_by_score[0].count, 4);  // 0.90–1.00
  EXPECT_EQ(st.units_by_score[4].count, 1);  // 0.00–0.39
  ASSERT_EQ(st.units_by_origin.size(), 1u);
  EXPECT_EQ(st.units_by_origin[0].name, "imported");
}

}  // namespace
}  // namespace ancre::tm
