#include "src/pipeline/pipeline.h"

#include <sys/stat.h>

#include <chrono>
#include <future>
#include <tuple>

#if defined(__GLIBC__)
#include <malloc.h>

#if defined(__SANITIZE_ADDRESS__)
#define ANCRE_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ANCRE_SANITIZED 1
#endif
#endif
#ifndef ANCRE_SANITIZED
#define ANCRE_SANITIZED 0
#endif
#endif

#include "src/core/error.h"
#include "src/core/language_tag.h"
#include "src/core/reporter.h"
#include "src/pipeline/freedict.h"
#include "src/pipeline/user_dictionary.h"
#include "src/text/anchors.h"
#include "src/text/language_check.h"
#include "src/text/segmenter.h"

namespace ancre::pipeline {
namespace {

Document SegmentInput(const text::InputText& input, const std::string& language,
                      const PairOptions& options) {
  text::SegmenterOptions o = options.segmentation;
  o.language = language;
  o.presegmented = options.presegmented;
  text::Segmenter segmenter(o);
  return segmenter.Segment(input);
}

// The segment texts, moved out of the document (and back by ReturnTexts):
// a long document's texts are not worth copying.
std::vector<std::string> TakeTexts(Document* doc) {
  std::vector<std::string> texts;
  texts.reserve(doc->segments.size());
  for (ancre::Segment& s : doc->segments) texts.push_back(std::move(s.text));
  return texts;
}

void ReturnTexts(std::vector<std::string>* texts, Document* doc) {
  for (size_t k = 0; k < texts->size(); ++k) doc->segments[k].text = std::move((*texts)[k]);
}

// The share of the work done when each step starts, for an ETA: a
// 16,573-line French-English pair of news (WMT newstest 2008-2013) spends
// about 1% reading, 7% segmenting, 12% finding anchors and 80% aligning (two
// passes, the second with the words learned from the first).
constexpr double kSegmentingStarts = 0.01;
constexpr double kAnchorsStarts = 0.08;
constexpr double kAligningStarts = 0.2;

// Tells options.progress that `stage` starts, `done` of the work finished.

void Report(const PairOptions& options, std::string_view stage, double done) {
  if (options.progress) options.progress({stage, done});
}

// Throws LanguageMismatchError if a document clearly reads as another
// language than it is declared in; adds a warning to `warnings` for one that
// reads as none (text::LanguageDoubt).
void CheckLanguages(const std::vector<std::string>& src, const std::vector<std::string>& tgt,
                    const PairOptions& options, std::vector<std::string>* warnings) {
  const text::LanguageProfile src_profile = text::ProfileLanguage(src);
  const text::LanguageProfile tgt_profile = text::ProfileLanguage(tgt);
  for (const auto& [side, profile, language] :
       {std::tuple{"source", &src_profile, &options.src_language},
        std::tuple{"target", &tgt_profile, &options.tgt_language}}) {
    const std::string doubt = text::LanguageDoubt(*profile, *language);
    if (!doubt.empty()) {
      warnings->push_back(std::string("the ") + side + " document is declared " + *language +
                          " but has " + doubt + "; check --" + (side[0] == 's' ? "src" : "tgt") +
                          "-lang");
    }
  }
  const std::string src_looks = text::LanguageMismatch(src_profile, options.src_language);
  const std::string tgt_looks = text::LanguageMismatch(tgt_profile, options.tgt_language);
  if (src_looks.empty() && tgt_looks.empty()) return;
  std::string message;
  if (!src_looks.empty()) {
    message =
        "the source document is declared " + options.src_language + " but reads as " + src_looks;
  }
  if (!tgt_looks.empty()) {
    message += (message.empty() ? "the target document" : "; the target document");
    message += " is declared " + options.tgt_language + " but reads as " + tgt_looks;
  }
  // Each reads as the other's language: the files (or the tags) are swapped.
  const bool swapped = !src_looks.empty() && !tgt_looks.empty() &&
                       text::LanguageMismatch(src_profile, options.tgt_language).empty() &&
                       text::LanguageMismatch(tgt_profile, options.src_language).empty();
  if (swapped) message += ": the two documents look swapped";
  throw LanguageMismatchError(message, swapped);
}

}  // namespace

AlignedPair AlignDocuments(const text::InputText& src, const text::InputText& tgt,
                           const PairOptions& given) {
  // Every step sees the canonical tags ("FR", "fr_FR" -> "fr", "fr-FR"), so
  // a spelling never changes the stemmer, the dictionary or the stored tag.
  PairOptions options = given;
  options.src_language = LanguageTag::Parse(given.src_language).str();
  options.tgt_language = LanguageTag::Parse(given.tgt_language).str();
  using Clock = std::chrono::steady_clock;
  AlignedPair out;
  // A bad user dictionary fails before anything else is done.
  std::shared_ptr<const align::Lexicon> user_lexicon = options.user_lexicon;
  if (!user_lexicon && !options.dictionary_files.empty()) {
    user_lexicon = std::make_shared<const align::Lexicon>(
        LoadUserDictionaries(options.dictionary_files, options.src_language, options.tgt_language));
  }
  // The lexicon loads on a second thread while the documents are segmented.
  std::future<align::Lexicon> lexicon;
  auto load_start = Clock::now();
  if (!options.lexicon && !options.dictionary_dir.empty()) {
    lexicon =
        std::async(options.align.threads > 1 ? std::launch::async : std::launch::deferred, [&] {
          return LoadFreeDict(options.dictionary_dir, options.src_language, options.tgt_language,
                              DefaultCacheDir());
        });
  }
  Report(options, "segmenting", kSegmentingStarts);
  out.src = SegmentInput(src, options.src_language, options);
  out.tgt = SegmentInput(tgt, options.tgt_language, options);
  if (options.anchors) {
    Report(options, "finding anchors", kAnchorsStarts);
    text::AnchorOptions so;
    so.language = options.src_language;
    so.document_date = options.document_date;
    out.src_anchors = text::AnchorExtractor(so).Extract(src, out.src);
    text::AnchorOptions to = so;
    to.language = options.tgt_language;
    out.tgt_anchors = text::AnchorExtractor(to).Extract(tgt, out.tgt);
  }
#if defined(__GLIBC__) && !ANCRE_SANITIZED
  // The anchor extractor's working memory of a long document is freed by now
  // but stays in the main heap; the aligner allocates on two threads (other
  // heaps), so give it back rather than carry it to the peak. Not under a
  // sanitizer: its allocator owns the heap, and glibc's trim would set up
  // glibc's own arena on this thread, which glibc then asserts on when the
  // thread ends (a batch worker).
  malloc_trim(0);
#endif
  align::AlignOptions ao = options.align;
  ao.src_language = options.src_language;
  ao.tgt_language = options.tgt_language;
  ao.lexicon = options.lexicon;
  if (lexicon.valid()) {
    ao.lexicon = std::make_shared<const align::Lexicon>(lexicon.get());
    out.lexicon_load_seconds = std::chrono::duration<double>(Clock::now() - load_start).count();
  }
  if (ao.lexicon) out.lexicon_pairs = ao.lexicon->size();
  ao.user_lexicon = user_lexicon;
  if (user_lexicon) out.user_lexicon_pairs = user_lexicon->size();
  Report(options, "aligning", kAligningStarts);
  std::vector<std::string> src_texts = TakeTexts(&out.src);
  std::vector<std::string> tgt_texts = TakeTexts(&out.tgt);
  if (options.check_languages) CheckLanguages(src_texts, tgt_texts, options, &out.warnings);
  std::vector<bool> src_aside, tgt_aside;
  // Only comparable mode sets furniture aside: parallel mode needs no verdicts.
  if (options.set_aside_furniture && options.align.mode != AlignMode::kParallel) {
    out.src_furniture = text::DetectFurniture(src_texts, options.src_language);
    out.tgt_furniture = text::DetectFurniture(tgt_texts, options.tgt_language);
    for (text::Furniture f : out.src_furniture) src_aside.push_back(f != text::Furniture::kNone);
    for (text::Furniture f : out.tgt_furniture) tgt_aside.push_back(f != text::Furniture::kNone);
  }
  align::CandidateScores candidates;
  out.alignment = align::Align({src_texts, out.src_anchors, &src_aside},
                               {tgt_texts, out.tgt_anchors, &tgt_aside}, ao, &out.decision,
                               options.candidates ? &candidates : nullptr);
  out.candidates = std::move(candidates.pairs);
  ReturnTexts(&src_texts, &out.src);
  ReturnTexts(&tgt_texts, &out.tgt);
  Report(options, "done", 1);
  return out;
}

std::string_view FurnitureOf(const Bead& bead, const AlignedPair& pair) {
  if (pair.alignment.mode != AlignMode::kComparable || bead.src.size() + bead.tgt.size() != 1) {
    return {};
  }
  const std::vector<text::Furniture>& f =
      bead.src.empty() ? pair.tgt_furniture : pair.src_furniture;
  const size_t i = bead.src.empty() ? bead.tgt[0] : bead.src[0];
  return i < f.size() ? text::FurnitureName(f[i]) : std::string_view{};
}

AlignedDocuments AlignFiles(const std::string& src_path, const std::string& tgt_path,
                            const text::InputOptions& src_input,
                            const text::InputOptions& tgt_input, const PairOptions& options) {
  RequireDocumentFile(src_path);
  RequireDocumentFile(tgt_path);
  AlignedDocuments out;
  out.src_path = src_path;
  out.tgt_path = tgt_path;
  if (options.progress) options.progress({"reading", 0});
  CountingReporter src_replaced, tgt_replaced;
  out.src = text::ReadInput(src_path, src_input, &src_replaced);
  out.tgt = text::ReadInput(tgt_path, tgt_input, &tgt_replaced);
  out.src_replaced = src_replaced.count();
  out.tgt_replaced = tgt_replaced.count();
  out.options = options;
  out.pair = AlignDocuments(out.src, out.tgt, options);
  return out;
}

AlignedDocuments AlignFiles(const std::string& src_path, const std::string& tgt_path,
                            const text::InputOptions& input, const PairOptions& options) {
  return AlignFiles(src_path, tgt_path, input, input, options);
}

void RequireDocumentFile(const std::string& path) {
  if (path == "-") return;
  struct stat st;
  if (stat(path.c_str(), &st) != 0) return;  // reading it says what is wrong
  if (S_ISREG(st.st_mode) || S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode)) return;
  throw IoError(path + (S_ISDIR(st.st_mode) ? ": is a folder" : ": is not a regular file") +
                ", not a text document; give the path of a text file (- reads stdin)");
}

Bead Numbered(const Bead& bead, const Document& src, const Document& tgt) {
  Bead out = bead;
  for (size_t& i : out.src) i = src.segments[i].number;
  for (size_t& j : out.tgt) j = tgt.segments[j].number;
  return out;
}

}  // namespace ancre::pipeline
