#include "src/review/session.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <utility>

#include "src/core/bead_json.h"
#include "src/report/view.h"
#include "src/review/actions.h"
#include "src/review/realign.h"

namespace ancre::review {
namespace {

using Json = nlohmann::json;

// The report's bands of the run's mode (src/report/view.h); "none" for a
// sentence alone.
std::string_view BandOf(const tm::ReviewBead& b, std::string_view mode) {
  if (b.src.empty() || b.tgt.empty()) return "none";
  return report::BandName(report::BandOf(b.score, mode));
}

Json AnchorsJson(const std::string& anchors_json) {
  Json out = Json::array();
  for (const SharedAnchor& a : SharedAnchorsFromJson(anchors_json)) {
    out.push_back({{"kind", AnchorKindName(a.kind)},
                   {"key", a.key},
                   {"src", a.src_text},
                   {"tgt", a.tgt_text}});
  }
  return out;
}

Json BeadJson(const tm::ReviewBead& b, std::string_view mode) {
  return {{"id", b.id},
          {"version", b.version},
          {"position", b.position},
          {"src", b.src},
          {"tgt", b.tgt},
          {"score", b.score},
          {"band", BandOf(b, mode)},
          {"status", tm::BeadStatusName(b.status)},
          {"reviewer", b.reviewer},
          {"reviewed", b.reviewed},
          {"anchors", AnchorsJson(b.anchors_json)}};
}

Json SegmentsJson(const std::vector<tm::StoredSegment>& segments) {
  Json out = Json::array();
  for (const tm::StoredSegment& s : segments) {
    Json anchors = Json::array();
    for (const Anchor& a : s.anchors) {
      anchors.push_back({{"b", a.span.begin},
                         {"e", a.span.end},
                         {"kind", AnchorKindName(a.kind)},
                         {"key", a.key}});
    }
    out.push_back(
        {{"n", s.index}, {"text", s.original}, {"edited", nullptr}, {"anchors", anchors}});
  }
  return out;
}

Json EditsJson(const std::vector<tm::SegmentEdit>& edits) {
  Json out = Json::array();
  for (const tm::SegmentEdit& e : edits) {
    out.push_back({{"target", e.target}, {"n", e.index}, {"text", e.text}});
  }
  return out;
}

// request[key] as T, or BadRequest naming the field.
template <typename T>
T Field(const Json& request, const char* key) {
  auto it = request.find(key);
  if (it == request.end()) throw BadRequest(std::string("the request has no \"") + key + "\"");
  try {
    return it->get<T>();
  } catch (const Json::exception&) {
    throw BadRequest(std::string("the request's \"") + key + "\" is not of the right type");
  }
}

}  // namespace

Session::Session(tm::TranslationMemory& memory, int64_t run, SessionOptions options)
    : memory_(memory), run_(run), options_(std::move(options)), state_(memory.LoadReview(run)) {}

size_t Session::beads() {
  std::lock_guard<std::mutex> lock(mutex_);
  return state_.beads.size();
}

std::string Session::StateJson() {
  std::lock_guard<std::mutex> lock(mutex_);
  const tm::StoredRun& run = state_.alignment.run;
  Json state = {{"run",
                 {{"id", run.id},
                  {"mode", run.mode},
                  {"label", run.label},
                  {"created", run.created},
                  {"source", {{"path", run.source.path}, {"lang", run.source.language}}},
                  {"target", {{"path", run.target.path}, {"lang", run.target.language}}}}},
                {"reviewer", options_.reviewer},
                {"source", SegmentsJson(state_.alignment.source)},
                {"target", SegmentsJson(state_.alignment.target)},
                {"beads", Json::array()},
                {"edits", EditsJson(state_.edits)},
                {"undoable", state_.undoable},
                {"redoable", state_.redoable}};
  for (const tm::ReviewBead& b : state_.beads) state["beads"].push_back(BeadJson(b, run.mode));
  // Invalid UTF-8 cannot be in the TM's texts (validated where it entered);
  // replace rather than fail if it ever is.
  return state.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string Session::Act(std::string_view request_text) {
  std::lock_guard<std::mutex> lock(mutex_);
  Json request;
  try {
    request = Json::parse(request_text);
  } catch (const Json::exception&) {
    throw BadRequest("the request is not JSON");
  }
  if (!request.is_object()) throw BadRequest("the request is not a JSON object");
  const std::string action = Field<std::string>(request, "action");
  // The page's versions: a bead it shows at an older version than the TM's
  // is refused by the TM, whatever this session knows. They stand in for the
  // session's while the change is made (no copy of a large state).
  std::vector<std::pair<tm::ReviewBead*, int64_t>> own;
  struct Restore {  // before the state changes: the pointers are into it
    std::vector<std::pair<tm::ReviewBead*, int64_t>>& own;
    ~Restore() {
      for (auto& [bead, version] : own) bead->version = version;
    }
  };
  const std::string& who = options_.reviewer;
  const bool replay = action == "undo" || action == "redo";
  tm::ReviewChange change;
  {
    Restore restore{own};
    tm::ReviewState& state = state_;
    if (auto it = request.find("versions"); it != request.end() && it->is_object()) {
      std::map<int64_t, int64_t> versions;
      for (const auto& [id, version] : it->items()) {
        if (!version.is_number_integer()) throw BadRequest("a version is not a number");
        try {
          versions[std::stoll(id)] = version.get<int64_t>();
        } catch (const std::exception&) {
          throw BadRequest("a bead id in \"versions\" is not a number");
        }
      }
      for (tm::ReviewBead& b : state.beads) {
        if (auto v = versions.find(b.id); v != versions.end() && v->second != b.version) {
          own.push_back({&b, b.version});
          b.version = v->second;
        }
      }
    }
    if (replay) {
      // the log says what to undo or redo
    } else if (action == "confirm") {
      change = Confirm(state, Field<int64_t>(request, "bead"), who);
    } else if (action == "reject") {
      change = Reject(state, Field<int64_t>(request, "bead"), who);
    } else if (action == "confirm-above") {
      change = ConfirmAllAbove(state, Field<int64_t>(request, "bead"), who);
    } else if (action == "merge") {
      change = Merge(state, Field<int64_t>(request, "bead"), Field<bool>(request, "next"), who);
    } else if (action == "split") {
      change = Split(state, Field<int64_t>(request, "bead"), Field<size_t>(request, "src_at"),
                     Field<size_t>(request, "tgt_at"), who);
    } else if (action == "move") {
      change = Move(state, Field<int64_t>(request, "bead"), Field<bool>(request, "target"),
                    Field<bool>(request, "down"), who);
    } else if (action == "link") {
      change = Link(state, Field<size_t>(request, "src"), Field<size_t>(request, "tgt"), who);
    } else if (action == "edit") {
      change = EditSegment(state, Field<bool>(request, "target"), Field<size_t>(request, "n"),
                           Field<std::string>(request, "text"), who);
    } else if (action == "realign") {
      if (!options_.align.lexicon && options_.load_lexicon) {
        options_.align.lexicon = options_.load_lexicon();
        options_.load_lexicon = nullptr;
      }
      change = RealignRest(state, options_.align, who);
    } else {
      throw BadRequest("unknown action \"" + action + "\"");
    }
  }
  try {
    if (action == "undo") return Apply(memory_.UndoReview(run_));
    if (action == "redo") return Apply(memory_.RedoReview(run_));
    if (change.put.empty() && change.removed.empty() && change.edits.empty()) {
      // Nothing to change (re-align made the same beads): nothing logged.
      return Json({{"beads", Json::array()},
                   {"removed", Json::array()},
                   {"edits", EditsJson(state_.edits)},
                   {"undoable", state_.undoable},
                   {"redoable", state_.redoable}})
          .dump();
    }
    return Apply(memory_.ApplyReview(run_, change));
  } catch (const tm::StaleReview&) {
    state_ = memory_.LoadReview(run_);  // what the TM holds now
    throw;
  }
}

std::string Session::Apply(const tm::ReviewResult& result) {
  // The session's copy follows the TM: beads removed or rewritten go, the
  // written ones come, in position order.
  std::vector<int64_t> gone = result.removed;
  for (const tm::ReviewBead& b : result.beads) gone.push_back(b.id);
  std::sort(gone.begin(), gone.end());
  auto& beads = state_.beads;
  beads.erase(std::remove_if(beads.begin(), beads.end(),
                             [&](const tm::ReviewBead& b) {
                               return std::binary_search(gone.begin(), gone.end(), b.id);
                             }),
              beads.end());
  for (const tm::ReviewBead& b : result.beads) {
    auto at = std::upper_bound(
        beads.begin(), beads.end(), b, [](const tm::ReviewBead& x, const tm::ReviewBead& y) {
          return x.position != y.position ? x.position < y.position : x.id < y.id;
        });
    beads.insert(at, b);
  }
  state_.edits = result.edits;
  state_.undoable = result.undoable;
  state_.redoable = result.redoable;
  Json change = {{"beads", Json::array()},
                 {"removed", result.removed},
                 {"edits", EditsJson(result.edits)},
                 {"undoable", result.undoable},
                 {"redoable", result.redoable}};
  for (const tm::ReviewBead& b : result.beads)
    change["beads"].push_back(BeadJson(b, state_.alignment.run.mode));
  return change.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace ancre::review
