// Error types shared by every ancre library.
//
// A function that cannot do its job throws one of these. Messages name the
// file and the place (line, column or byte offset) and say what to do. Bad
// records inside a good file are not exceptions: see reporter.h.
// All types are immutable after construction and safe to share across threads.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace ancre {

// Base of every ancre error. what() is a complete sentence for the user.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A file or stream could not be opened, read or written.
class IoError : public Error {
 public:
  using Error::Error;
};

// A command-line usage mistake (unknown option, missing argument). Exit code 2.
class UsageError : public Error {
 public:
  using Error::Error;
};

// A database operation failed; keeps the backend's result code (SQLite's extended code).
class DbError : public Error {
 public:
  DbError(const std::string& message, int code) : Error(message), code_(code) {}
  int code() const { return code_; }

 private:
  int code_;
};

// Another process holds what the operation needs (another writer's lock on a
// translation memory) and did not release it within the wait allowed.
class LockedError : public DbError {
 public:
  using DbError::DbError;
};

// Input that does not follow its format. line/column are 1-based; 0 = unknown.
class ParseError : public Error {
 public:
  ParseError(const std::string& file, size_t line, size_t column, const std::string& what)
      : Error(Format(file, line, column, what)), file_(file), line_(line), column_(column) {}
  const std::string& file() const { return file_; }
  size_t line() const { return line_; }
  size_t column() const { return column_; }

 private:
  static std::string Format(const std::string& file, size_t line, size_t column,
                            const std::string& what) {
    std::string s = file;
    if (line > 0) s += ":" + std::to_string(line);
    if (column > 0) s += ":" + std::to_string(column);
    return s + ": " + what;
  }
  std::string file_;
  size_t line_;
  size_t column_;
};

// Text that is not valid in its declared encoding; byte_offset is into the input as given.
class EncodingError : public Error {
 public:
  EncodingError(const std::string& message, size_t byte_offset)
      : Error(message), byte_offset_(byte_offset) {}
  size_t byte_offset() const { return byte_offset_; }

 private:
  size_t byte_offset_;
};

// A document does not read as the language it was declared in (the
// message says which document, the declared tag and what it looks like;
// `swapped`: each reads as the other's language).
class LanguageMismatchError : public Error {
 public:
  LanguageMismatchError(const std::string& message, bool swapped)
      : Error(message), swapped_(swapped) {}
  bool swapped() const { return swapped_; }

 private:
  bool swapped_;
};

// The user interrupted the operation (SIGINT/SIGTERM). Exit code 130.
class Interrupted : public Error {
 public:
  Interrupted() : Error("interrupted, nothing written") {}
};

}  // namespace ancre
