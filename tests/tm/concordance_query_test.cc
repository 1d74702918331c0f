#include "tm/concordance_query.h"

#include <gtest/gtest.h>

#include <string>

#include "tm/sqlite/fts5_query.h"

namespace ancre::tm {
namespace {

using Kind = ConcordanceQuery::Kind;

// The query as FTS5 gets it: shows the parse tree compactly.
std::string Fts5(const std::string& text) {
  return internal::ToFts5(ConcordanceQuery::Parse(text));
}

TEST(ConcordanceQueryTest, WordsAreAllRequired) {
  const ConcordanceQuery q = ConcordanceQuery::Parse("task force");
  ASSERT_EQ(q.kind, Kind::kAll);
  ASSERT_EQ(q.parts.size(), 2u);
  EXPECT_EQ(q.parts[0].term.words, std::vector<std::string>{"task"});
  EXPECT_EQ(q.parts[1].term.words, std::vector<std::string>{"force"});
  EXPECT_FALSE(q.parts[0].term.prefix);
}

TEST(ConcordanceQueryTest, OneWordIsATerm) {
  const ConcordanceQuery q = ConcordanceQuery::Parse("  Séoul ");
  ASSERT_EQ(q.kind, Kind::kTerm);
  EXPECT_EQ(q.term.words, std::vector<std::string>{"Séoul"});
}

TEST(ConcordanceQueryTest, PhrasesKeepTheirWordsInOrder) {
  const ConcordanceQuery q = ConcordanceQuery::Parse("\"équipe  conjointe\"");
  ASSERT_EQ(q.kind, Kind::kTerm);
  EXPECT_EQ(q.term.words, (std::vector<std::string>{"équipe", "conjointe"}));
  EXPECT_EQ(Fts5("\"équipe  conjointe\""), "\"équipe conjointe\"");
}

TEST(ConcordanceQueryTest, PrefixesOfWordsAndOfPhrases) {
  EXPECT_TRUE(ConcordanceQuery::Parse("escroq*").term.prefix);
  EXPECT_EQ(ConcordanceQuery::Parse("escroq*").term.words, std::vector<std::string>{"escroq"});
  const ConcordanceQuery phrase = ConcordanceQuery::Parse("\"task for\"*");
  EXPECT_TRUE(phrase.term.prefix);
  EXPECT_EQ(phrase.term.words, (std::vector<std::string>{"task", "for"}));
  EXPECT_EQ(Fts5("escroq* \"task for\"*"), "\"escroq\"* \"task for\"*");
}

TEST(ConcordanceQueryTest, NearWithAndWithoutDistance) {
  const ConcordanceQuery q = ConcordanceQuery::Parse("NEAR(task \"joint force\", 3)");
  ASSERT_EQ(q.kind, Kind::kNear);
  EXPECT_EQ(q.distance, 3);
  ASSERT_EQ(q.parts.size(), 2u);
  EXPECT_EQ(q.parts[1].term.words, (std::vector<std::string>{"joint", "force"}));
  EXPECT_EQ(ConcordanceQuery::Parse("NEAR (a b)").distance, ConcordanceQuery::kDefaultNearDistance);
  EXPECT_EQ(Fts5("NEAR(a b,5)"), "NEAR(\"a\" \"b\", 5)");
}

TEST(ConcordanceQueryTest, OperatorsBindAsInFts5) {
  // Side by side binds tightest, then NOT, AND, OR.
  EXPECT_EQ(Fts5("a OR b c"), "\"a\" OR (\"b\" \"c\")");
  EXPECT_EQ(Fts5("a NOT b c"), "\"a\" NOT (\"b\" \"c\")");
  EXPECT_EQ(Fts5("c NOT a OR b"), "(\"c\" NOT \"a\") OR \"b\"");
  EXPECT_EQ(Fts5("c AND a OR b"), "(\"c\" \"a\") OR \"b\"");
  EXPECT_EQ(Fts5("(a OR b) c"), "\"c\" AND (\"a\" OR \"b\")");
  const ConcordanceQuery q = ConcordanceQuery::Parse("a NOT b");
  ASSERT_EQ(q.kind, Kind::kNot);
  EXPECT_EQ(q.parts[1].term.words, std::vector<std::string>{"b"});
}

TEST(ConcordanceQueryTest, OperatorsAreCapitalWordsOnly) {
  EXPECT_EQ(Fts5("rock or roll"), "\"rock\" \"or\" \"roll\"");
  EXPECT_EQ(Fts5("ORANGE NOTE"), "\"ORANGE\" \"NOTE\"");
  EXPECT_EQ(Fts5("NEAR me"), "\"NEAR\" \"me\"");
}

TEST(ConcordanceQueryTest, PunctuationStaysInsideWords) {
  EXPECT_EQ(Fts5("l'équipe 3,400 U.S."), "\"l'équipe\" \"3,400\" \"U.S.\"");
  EXPECT_EQ(Fts5("task - force"), "\"task\" \"-\" \"force\"");
}

TEST(ConcordanceQueryTest, QuotesInsideAPhraseAreDoubled) {
  const ConcordanceQuery q = ConcordanceQuery::Parse("\"say \"\"hi\"\"\"");
  EXPECT_EQ(q.term.words, (std::vector<std::string>{"say", "\"hi\""}));
  EXPECT_EQ(internal::ToFts5(q), "\"say \"\"hi\"\"\"");
}

TEST(ConcordanceQueryTest, TextOutsideTheGrammarIsSearchedAsPlainWords) {
  for (const char* text : {"l'équipe (conjointe", "\"unterminated", "a OR", "NOT a", "NEAR(a b, x)",
                           "a ) b", "'); DROP TABLE units; --"}) {
    EXPECT_EQ(ConcordanceQuery::Parse(text), ConcordanceQuery::Words(text)) << text;
  }
  EXPECT_EQ(Fts5("'); DROP TABLE units; --"), "\"');\" \"DROP\" \"TABLE\" \"units;\" \"--\"");
  EXPECT_EQ(Fts5("\"a b"), "\"\"\"a\" \"b\"");
}

TEST(ConcordanceQueryTest, EmptyQueriesMatchNothing) {
  EXPECT_TRUE(ConcordanceQuery::Parse("").empty());
  EXPECT_TRUE(ConcordanceQuery::Parse(" \t ").empty());
  EXPECT_TRUE(ConcordanceQuery::Words("").empty());
  EXPECT_FALSE(ConcordanceQuery::Parse("a").empty());
  EXPECT_EQ(internal::ToFts5(ConcordanceQuery::Parse(" ")), "");
}

TEST(ConcordanceQueryTest, DeepNestingIsReadAsWords) {
  const std::string deep = std::string(200, '(') + "a" + std::string(200, ')');
  EXPECT_EQ(ConcordanceQuery::Parse(deep), ConcordanceQuery::Words(deep));
  EXPECT_EQ(Fts5("((a))"), "\"a\"");
}

}  // namespace
}  // namespace ancre::tm
