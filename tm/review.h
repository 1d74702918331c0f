// The review of an alignment run in a translation memory: the run's beads
// with an identity, a status (automatic, confirmed, rejected, edited), who
// reviewed each and when, and a version; the reviewer's edits of segment
// texts; and a log of review changes that undo and redo walk. A change is one
// transaction: its beads, the units they make and the log change together or
// not at all. Units follow their beads: a bead with sentences on both sides
// that is not rejected has a unit (its texts: the segments' normalized texts,
// or the reviewer's edits, joined by a space) with a provenance naming the
// run and the bead's segments; a bead a reviewer changed makes an "edited"
// unit; a unit no provenance keeps any more is deleted.
//
// Versions: every change gives the beads it writes a new version (the id of
// its log entry, so a version is never given twice); a change names the
// version of each bead it replaces, and is refused (StaleReview) when another
// page changed that bead meanwhile.
//
// Usage (given ancre::tm::TranslationMemory& memory, int64_t run):
//   ancre::tm::ReviewState state = memory.LoadReview(run);
//   ancre::tm::ReviewBead b = state.beads[0];
//   b.status = ancre::tm::BeadStatus::kConfirmed;
//   ancre::tm::ReviewChange change;
//   change.action = "confirm";
//   change.reviewer = "ana";
//   change.put = {b};
//   memory.ApplyReview(run, change);
//
// Plain value types; thread-safety is the TranslationMemory's.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "tm/errors.h"
#include "tm/records.h"

namespace ancre::tm {

enum class BeadStatus { kAutomatic, kConfirmed, kRejected, kEdited };

// "automatic", "confirmed", "rejected", "edited": as stored and shown.
constexpr std::string_view BeadStatusName(BeadStatus status) {
  switch (status) {
    case BeadStatus::kAutomatic:
      return "automatic";
    case BeadStatus::kConfirmed:
      return "confirmed";
    case BeadStatus::kRejected:
      return "rejected";
    case BeadStatus::kEdited:
      return "edited";
  }
  return "automatic";
}

// Sets *status from its name; returns false (leaving it) for any other text.
bool ParseBeadStatus(std::string_view name, BeadStatus* status);

// A reviewer vouched for the bead: confirmed it, or made it (edited).
constexpr bool Reviewed(BeadStatus status) {
  return status == BeadStatus::kConfirmed || status == BeadStatus::kEdited;
}

// One bead of a reviewed run. Every segment of both documents is in at least
// one bead (a segment left unaligned is a 1-0 or 0-1 bead).
struct ReviewBead {
  int64_t id = 0;            // 0 = a bead a change creates
  int64_t version = 0;       // as read; a change replacing the bead must name it
  int64_t position = 0;      // order in the run (beads are listed by position, then id)
  std::vector<size_t> src;   // source segment numbers (StoredSegment::index), ascending
  std::vector<size_t> tgt;   // target segment numbers, ascending
  double score = 0.0;        // the aligner's calibrated confidence
  std::string anchors_json;  // shared anchors (src/core/bead_json.h); may be empty
  BeadStatus status = BeadStatus::kAutomatic;
  std::string reviewer;  // who changed it last; empty for the aligner's
  std::string reviewed;  // when, UTC, TMX form YYYYMMDDThhmmssZ; empty for the aligner's
  friend bool operator==(const ReviewBead&, const ReviewBead&) = default;
};

// A reviewer's text for one segment of the run (the units use it instead of
// the segment's normalized text).
struct SegmentEdit {
  bool target = false;  // which document
  size_t index = 0;     // segment number
  std::string text;     // UTF-8, not empty
  friend bool operator==(const SegmentEdit&, const SegmentEdit&) = default;
};

// A run as a review page shows it.
struct ReviewState {
  StoredAlignment alignment;      // the run and both documents' segments
  std::vector<ReviewBead> beads;  // by position
  std::vector<SegmentEdit> edits;
  size_t undoable = 0;  // changes Undo can take back
  size_t redoable = 0;  // changes undone that Redo can make again
};

// One review change, applied in one transaction.
struct ReviewChange {
  std::string action;    // what the reviewer did, for the log: "confirm", "merge" ...
  std::string reviewer;  // who; written on every bead put
  // Beads deleted: id and the version the caller read.
  std::vector<ReviewBead> removed;
  // Beads written: id 0 creates one; another id replaces that bead, whose
  // stored version must be `version`. reviewer and reviewed are set here.
  std::vector<ReviewBead> put;
  // Segment texts set (the caller also puts every bead holding the segment).
  std::vector<SegmentEdit> edits;
};

struct ReviewResult {
  int64_t version = 0;             // the version the change gave the beads it wrote
  std::vector<ReviewBead> beads;   // the beads written, as stored (ids and versions)
  std::vector<int64_t> removed;    // ids of the beads deleted
  std::vector<SegmentEdit> edits;  // the run's edits after the change (all of them)
  size_t undoable = 0;             // as ReviewState's, after the change
  size_t redoable = 0;
};

// A change refused because a bead it names was changed (or deleted) since the
// caller read it, or no longer belongs to the run.
class StaleReview : public Error {
 public:
  StaleReview(int64_t bead, const std::string& what)
      : Error("bead " + std::to_string(bead) + " " + what +
              "; reload the alignment to see the change and try again"),
        bead_(bead) {}
  int64_t bead() const { return bead_; }

 private:
  int64_t bead_;
};

}  // namespace ancre::tm
