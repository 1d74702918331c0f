// TranslationMemory: opening by URI, and the calls forwarded to the backend.
#include "tm/translation_memory.h"

#include <cstdlib>

#include "src/core/error.h"
#include "tm/backend.h"
#include "tm/sqlite/sqlite_tm.h"

namespace ancre::tm {
namespace {

// The SQLite path a URI names, or throws UsageError for a URI no backend of
// this build serves.
std::filesystem::path SqlitePath(std::string_view uri) {
  constexpr std::string_view kSqlite = "sqlite:";
  if (uri.rfind(kSqlite, 0) == 0) {
    std::string_view path = uri.substr(kSqlite.size());
    // sqlite:///abs/path and sqlite://rel as well as sqlite:path.
    if (path.rfind("//", 0) == 0) path.remove_prefix(2);
    if (path.empty()) throw UsageError("'" + std::string(uri) + "': no file after sqlite:");
    return std::filesystem::path(std::string(path));
  }
  for (std::string_view scheme : {"postgresql:", "postgres:"}) {
    if (uri.rfind(scheme, 0) == 0) {
      throw UsageError("'" + std::string(uri) +
                       "': this build of ancre has no PostgreSQL backend yet; give the path "
                       "of a SQLite TM (or sqlite:PATH)");
    }
  }
  // Another scheme (a few letters, then "://"): not a file name either.
  const size_t colon = uri.find("://");
  if (colon != std::string_view::npos && colon > 0 &&
      uri.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789+.-") >= colon) {
    throw UsageError("'" + std::string(uri) + "': no translation memory backend for '" +
                     std::string(uri.substr(0, colon)) +
                     ":' in this build; give the path of a SQLite TM (or sqlite:PATH)");
  }
  return std::filesystem::path(std::string(uri));
}

}  // namespace

void CheckModeFilter(std::string_view mode) {
  if (!mode.empty() && mode != "any" && mode != "parallel" && mode != "comparable") {
    throw UsageError("'" + std::string(mode) +
                     "' is no mode: give parallel (translations), comparable (pairs that report "
                     "the same fact) or any");
  }
}

void CheckOriginFilter(std::string_view origin) {
  Origin o;
  if (!origin.empty() && !ParseOrigin(origin, &o)) {
    throw UsageError("'" + std::string(origin) +
                     "' is no origin: give aligned, imported or edited");
  }
}

TranslationMemory::TranslationMemory(std::string_view uri, const OpenOptions& options)
    : backend_(std::make_unique<internal::SqliteTm>(SqlitePath(uri), options)) {}

TranslationMemory::~TranslationMemory() = default;
TranslationMemory::TranslationMemory(TranslationMemory&&) noexcept = default;
TranslationMemory& TranslationMemory::operator=(TranslationMemory&&) noexcept = default;

TmFiles TranslationMemory::Files(std::string_view uri) {
  return internal::SqliteTm::Files(SqlitePath(uri));
}

internal::Backend& TranslationMemory::backend() const {
  if (!backend_) throw Error("the translation memory is closed");
  return *backend_;
}

const std::string& TranslationMemory::name() const { return backend().name(); }
bool TranslationMemory::read_only() const { return backend().read_only(); }
int64_t TranslationMemory::UnindexedUnits() const { return backend().UnindexedUnits(); }
int64_t TranslationMemory::UpdateIndexes() { return backend().UpdateIndexes(); }

SaveResult TranslationMemory::SaveAlignment(const DocumentRecord& source,
                                            const DocumentRecord& target,
                                            const Alignment& alignment,
                                            const AlignmentRecord& run) {
  return backend().SaveAlignment(source, target, alignment, run);
}

AddResult TranslationMemory::AddUnits(const std::vector<TranslationUnit>& units) {
  size_t next = 0;
  return backend().AddUnits([&](TranslationUnit* u) {
    if (next == units.size()) return false;
    *u = units[next++];
    return true;
  });
}

AddResult TranslationMemory::AddUnits(const std::function<bool(TranslationUnit*)>& next) {
  return backend().AddUnits(next);
}

void TranslationMemory::ForEachUnit(
    const UnitFilter& filter, const std::function<void(const TranslationUnit&)>& visit) const {
  backend().ForEachUnit(filter, visit);
}

std::vector<FuzzyMatch> TranslationMemory::Lookup(std::string_view query,
                                                  const LookupOptions& options) const {
  return backend().Lookup(query, options);
}

std::vector<FuzzyMatch> TranslationMemory::LookupByScan(std::string_view query,
                                                        const LookupOptions& options) const {
  return backend().LookupByScan(query, options);
}

std::vector<ConcordanceHit> TranslationMemory::Search(std::string_view query,
                                                      const SearchOptions& options) const {
  return backend().Search(query, options);
}

std::vector<ConcordanceHit> TranslationMemory::Search(const ConcordanceQuery& query,
                                                      const SearchOptions& options) const {
  return backend().Search(query, options);
}

Analysis TranslationMemory::Analyze(const std::vector<std::string>& segments,
                                    const LookupOptions& options) const {
  struct Band {
    const char* name;
    double min;
  };
  static constexpr Band kBands[] = {{"100%", 100.0},  {"95–99%", 95.0}, {"85–94%", 85.0},
                                    {"75–84%", 75.0}, {"50–74%", 50.0}, {"no match", -1.0}};
  Analysis analysis;
  for (const Band& b : kBands) analysis.buckets.push_back({b.name, 0, 0});
  LookupOptions best = options;
  best.threshold = 50.0;
  best.max = 1;
  for (const std::string& segment : segments) {
    const auto words = static_cast<int64_t>(SplitMatchWords(segment).size());
    double score = -1.0;
    if (words > 0) {
      auto matches = Lookup(segment, best);
      if (!matches.empty()) score = matches.front().score;
    }
    for (size_t b = 0; b < std::size(kBands); ++b) {
      if (score >= kBands[b].min) {
        ++analysis.buckets[b].segments;
        analysis.buckets[b].words += words;
        break;
      }
    }
    ++analysis.segments;
    analysis.words += words;
  }
  return analysis;
}

TmStats TranslationMemory::Stats() const { return backend().Stats(); }
std::vector<DocumentInfo> TranslationMemory::Documents() const { return backend().Documents(); }

std::vector<StoredRun> TranslationMemory::Alignments(int64_t document_id) const {
  return backend().Alignments(document_id);
}

StoredAlignment TranslationMemory::LoadAlignment(int64_t alignment_id) const {
  return backend().LoadAlignment(alignment_id);
}

ReviewState TranslationMemory::LoadReview(int64_t alignment_id) {
  return backend().LoadReview(alignment_id);
}
ReviewResult TranslationMemory::ApplyReview(int64_t alignment_id, const ReviewChange& change) {
  return backend().ApplyReview(alignment_id, change);
}
ReviewResult TranslationMemory::UndoReview(int64_t alignment_id) {
  return backend().UndoReview(alignment_id);
}
ReviewResult TranslationMemory::RedoReview(int64_t alignment_id) {
  return backend().RedoReview(alignment_id);
}

CheckReport TranslationMemory::Check() const { return backend().Check(); }
PruneResult TranslationMemory::Prune(const PruneOptions& options) {
  return backend().Prune(options);
}

MergeResult TranslationMemory::Merge(const TranslationMemory& other) {
  return backend().Merge(other.backend());
}

bool TranslationMemory::Close() {
  const bool complete = backend().Close();
  backend_.reset();
  return complete;
}

std::string DefaultStorePath() {
  const char* env = std::getenv("ANCRE_DB");
  if (env && *env) return env;
  return "ancre.sqlite";
}

}  // namespace ancre::tm
