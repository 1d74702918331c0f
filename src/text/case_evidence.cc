#include "src/text/case_evidence.h"

namespace ancre::text {
namespace {

// Punctuation after which a capital says nothing: sentence ends, colons,
// opening quotes and brackets, dashes introducing a line.
bool OpensSentence(const Token& t) {
  static const std::string_view kOpeners[] = {
      ".",      "!",      "?", ":",      "\u00AB", "\"", "\u201C", "\u201E", "\u2039", "(", "[",
      "\u2014", "\u2013", "-", "\u2026", "\u2018", "'",  "*",      "\u2022", "|",      "/"};
  for (std::string_view o : kOpeners) {
    if (t.norm == o) return true;
  }
  return false;
}

}  // namespace

bool IsSentenceInitial(const std::vector<Token>& tokens, size_t k) {
  for (size_t j = k; j > 0; --j) {
    const Token& p = tokens[j - 1];
    if (p.kind != TokenKind::kPunct) return false;
    if (OpensSentence(p)) return true;
  }
  return true;
}

bool IsTitleCase(const std::vector<Token>& tokens, const AnchorLexicon& lexicon) {
  // Headlines in title case are an English habit: French, German, Czech,
  // Russian ... write them as sentences, and there a line of capitalised
  // words is a sentence full of names ("Президент России Владимир Путин
  // встретился с Ангелой Меркель в Берлине.").
  if (lexicon.language() != "en") return false;
  size_t content = 0, capitalized = 0;
  for (size_t k = 0; k < tokens.size(); ++k) {
    const Token& t = tokens[k];
    if (t.kind != TokenKind::kWord || t.joined || t.end - t.begin < 4 ||
        lexicon.IsFunctionWord(t)) {
      continue;
    }
    ++content;
    if (t.upper_initial) ++capitalized;
  }
  // Headlines capitalize every content word; a sentence with a long name
  // ("the Commission for Combating Online Scams yesterday") keeps lower-case ones.
  return capitalized >= 4 && (content - capitalized) * 8 <= content;
}

uint64_t CaseEvidence::HashOf(std::string_view word) {
  uint64_t h = 14695981039346656037ull;  // FNV-1a
  for (char c : word) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h;
}

const CaseEvidence::Entry* CaseEvidence::Find(std::string_view folded) const {
  if (slots_.empty()) return nullptr;
  const uint64_t h = HashOf(folded);
  const size_t mask = slots_.size() - 1;
  for (size_t i = h & mask; slots_[i].entry != 0; i = (i + 1) & mask) {
    const Entry& e = entries_[slots_[i].entry - 1];
    if (slots_[i].hash == h && e.word == folded) return &e;
  }
  return nullptr;
}

uint32_t CaseEvidence::Intern(std::string_view word) {
  if ((entries_.size() + 1) * 2 > slots_.size()) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(std::max<size_t>(1024, old.size() * 2), Slot{});
    const size_t mask = slots_.size() - 1;
    for (const Slot& s : old) {
      if (s.entry == 0) continue;
      size_t i = s.hash & mask;
      while (slots_[i].entry != 0) i = (i + 1) & mask;
      slots_[i] = s;
    }
  }
  const uint64_t h = HashOf(word);
  const size_t mask = slots_.size() - 1;
  size_t i = h & mask;
  for (; slots_[i].entry != 0; i = (i + 1) & mask) {
    if (slots_[i].hash == h && entries_[slots_[i].entry - 1].word == word) {
      return slots_[i].entry - 1;
    }
  }
  entries_.push_back({std::string(word), &lexicon_.Facts(word), 0, 0});
  slots_[i] = {h, static_cast<uint32_t>(entries_.size())};
  return static_cast<uint32_t>(entries_.size() - 1);
}

void CaseEvidence::Add(std::vector<Token>* tokens) {
  static const WordFacts kNone;
  scratch_.resize(tokens->size());
  for (size_t k = 0; k < tokens->size(); ++k) {
    Token& t = (*tokens)[k];
    if (t.kind != TokenKind::kWord && t.kind != TokenKind::kPunct) {
      t.facts = &kNone;
      continue;
    }
    scratch_[k] = Intern(t.norm);
    t.facts = entries_[scratch_[k]].facts;
  }
  const bool title = IsTitleCase(*tokens, lexicon_);
  for (size_t k = 0; k < tokens->size(); ++k) {
    const Token& t = (*tokens)[k];
    if (t.kind != TokenKind::kWord || t.all_upper) continue;
    if (!t.upper_initial) {
      ++entries_[scratch_[k]].lower;
    } else if (!title && !t.joined && !IsSentenceInitial(*tokens, k)) {
      // After an elided article ("l'Europe") the capital is the word's own.
      ++entries_[scratch_[k]].capitalized_inside;
    }
  }
}

int CaseEvidence::lower(std::string_view folded) const {
  const Entry* e = Find(folded);
  return e == nullptr ? 0 : e->lower;
}

int CaseEvidence::capitalized_inside(std::string_view folded) const {
  const Entry* e = Find(folded);
  return e == nullptr ? 0 : e->capitalized_inside;
}

}  // namespace ancre::text
