// The typed errors of the translation memory: each carries the data a caller
// needs to say what to do in its own terms (a command line names its options,
// a program its functions). Messages say what is wrong in the library's terms
// only. Immutable after construction; safe to share across threads.
#pragma once

#include <cstdint>
#include <string>

#include "src/core/error.h"

namespace ancre::tm {

// The TM to open does not exist, and it was not to be created
// (OpenOptions::create unset, or opened read-only).
class NoSuchTranslationMemory : public IoError {
 public:
  explicit NoSuchTranslationMemory(const std::string& name)
      : IoError(name + ": no such translation memory; check the path"), name_(name) {}
  // The TM as given (a SQLite TM: its path).
  const std::string& name() const { return name_; }

 private:
  std::string name_;
};

// A record the caller named by id (an alignment run, a document) is not in the TM.
class RecordNotFound : public Error {
 public:
  enum class Kind { kAlignmentRun, kDocument };
  RecordNotFound(Kind kind, int64_t id, const std::string& tm_name)
      : Error(tm_name + ": no " + (kind == Kind::kAlignmentRun ? "alignment run " : "document ") +
              std::to_string(id)),
        kind_(kind),
        id_(id),
        tm_name_(tm_name) {}
  Kind kind() const { return kind_; }
  int64_t id() const { return id_; }
  // The TM searched, as TranslationMemory::name() gives it.
  const std::string& tm_name() const { return tm_name_; }

 private:
  Kind kind_;
  int64_t id_;
  std::string tm_name_;
};

// A unit to write whose variant has a language that is not a BCP 47 tag.
class InvalidUnitLanguage : public Error {
 public:
  InvalidUnitLanguage(const std::string& tuid, const std::string& lang)
      : Error("translation unit " + (tuid.empty() ? std::string("?") : tuid) + ": language '" +
              lang + "' is not a BCP 47 language tag"),
        lang_(lang) {}
  // The language as the unit has it.
  const std::string& lang() const { return lang_; }

 private:
  std::string lang_;
};

// A unit of an imported file that cannot be imported (one language only, an
// empty segment, a bad language tag), under OnBadRecord::kFail.
class BadImportUnit : public ParseError {
 public:
  using ParseError::ParseError;
};

}  // namespace ancre::tm
