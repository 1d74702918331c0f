// A review session: one run of one TM under review by one reviewer, as the
// review page sees it. It keeps the run's review state, takes the page's
// requests (JSON), applies each as one change of the TM (actions.h,
// realign.h) and answers what changed, so that a page of 10,000 beads
// redraws only those. The JSON is what the page script reads:
//
//   state:  {"run":{...},"reviewer":"ana","source":[segment...],"target":[...],
//            "beads":[bead...],"undoable":0,"redoable":0}
//   segment {"n":3,"text":"original","edited":"reviewer's text"|null,
//            "anchors":[{"b":0,"e":10,"kind":"date","key":"--10-27"}]}
//   bead    {"id":7,"version":0,"src":[3],"tgt":[3],"score":0.93,"band":"high",
//            "status":"automatic","reviewer":"","reviewed":"","anchors":[...]}
//   change: {"beads":[bead...],"removed":[7,8],"edits":[{"target":true,"n":3,
//            "text":...}],"undoable":1,"redoable":0}
//
// Thread-safety: every public function takes the session's lock (one
// change at a time); the TM must be used by nothing else meanwhile.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "src/align/aligner.h"
#include "tm/translation_memory.h"

namespace ancre::review {

struct SessionOptions {
  std::string reviewer;  // written on every bead changed; not empty
  // What "re-align the rest" aligns with (languages and lexicon; the mode
  // is the run's).
  align::AlignOptions align;
  // Called once, at the first "re-align the rest", when align.lexicon is
  // null: loads the lexicon (which takes seconds), or returns null for none.
  std::function<std::shared_ptr<const align::Lexicon>()> load_lexicon;
};

// A request the page should not have sent (HTTP 400): unknown action,
// missing field. The message says what.
class BadRequest : public Error {
 public:
  using Error::Error;
};

class Session {
 public:
  // Opens run `run` of `memory` for review (TranslationMemory::LoadReview).
  // `memory` must outlive the session. Throws what LoadReview throws.
  Session(tm::TranslationMemory& memory, int64_t run, SessionOptions options);

  // The whole state, as JSON.
  std::string StateJson();

  // Applies one request and returns the change as JSON. The request:
  // {"action":NAME, "versions":{"ID":VERSION,...}, ...} where versions are
  // those the page shows (each overrides the session's, so that a page that
  // missed another page's change is refused) and NAME one of
  //   confirm, reject, confirm-above   {"bead":ID}
  //   merge      {"bead":ID,"next":true|false}
  //   split      {"bead":ID,"src_at":N,"tgt_at":N}
  //   move       {"bead":ID,"target":true|false,"down":true|false}
  //   link       {"src":N,"tgt":N}
  //   edit       {"target":true|false,"n":N,"text":"..."}
  //   undo, redo, realign
  // Throws BadRequest, ActionError (actions.h), tm::StaleReview (the session
  // then reloads its state from the TM), Error and DbError from the TM.
  std::string Act(std::string_view request);

  int64_t run() const { return run_; }
  const std::string& reviewer() const { return options_.reviewer; }
  size_t beads();

 private:
  std::string Apply(const tm::ReviewResult& result);

  tm::TranslationMemory& memory_;
  int64_t run_;
  SessionOptions options_;
  std::mutex mutex_;
  tm::ReviewState state_;
};

}  // namespace ancre::review
