// What the translation-memory subcommands (lookup, search, stats, analyze, tm)
// share: the --db option, opening the store, argument validation, confirmation
// of destructive changes, and number formatting. Not thread-safe (stdio).
#pragma once

#include <string>
#include <string_view>

#include "src/cli/options.h"
#include "src/core/error.h"
#include "tm/translation_memory.h"

namespace ancre::cli {

// Adds --db PATH (default $ANCRE_DB or ancre.sqlite) to o.
void AddDbOption(po::options_description* o);

// Adds --busy-timeout MS (default tm::OpenOptions' 5000); AddDbOption includes it.
void AddBusyTimeoutOption(po::options_description* o);

// The --busy-timeout value; UsageError if negative. Remembered for DbErrorMessage.
int BusyTimeoutFromArgs(const po::variables_map& vm);

// e's message; when the TM was locked by another writer (LockedError),
// followed by how long ancre waited and the --busy-timeout that waits longer.
std::string DbErrorMessage(const DbError& e);

// e's message, followed for the translation memory's typed errors
// (tm/errors.h) by the command that helps: the option to use, or the command
// that lists what exists.
std::string ErrorMessage(const std::exception& e);

// The store options --db's companions ask for (busy timeout), for reading
// (the file must exist) or writing (created if missing only when `create`).
tm::OpenOptions OpenOptionsFromArgs(const po::variables_map& vm, bool write, bool create = false);

// Throws Error naming `command` (if not empty) if `db` (a --db argument) cannot be a
// translation memory, before any work is done: an existing file that is not
// one (a TMX file — with the import command that reads it —, a text file), a
// folder, or, when `create`, a path whose folder is missing. A URI that is not
// a file, a TM file, an empty file and a missing file in an existing folder
// pass (opening the TM says what else is wrong).
void RequireTmPath(const std::string& command, const std::string& db, bool create);

// Opens the TM named by --db (RequireTmPath first). For reading, the file must exist and is never
// modified; for writing it is created if missing only when `create`.
// Throws what tm::TranslationMemory's constructor throws.
tm::TranslationMemory OpenStore(const po::variables_map& vm, bool write, bool create = false);

// Opens the TM named by --db for a search (lookup, search, analyze): read-only,
// and warns on stderr when units a run interrupted between storing and
// indexing them are not searchable yet.
tm::TranslationMemory OpenStoreForSearch(const po::variables_map& vm);

// Throws UsageError naming `what` if s is not valid UTF-8.
void RequireUtf8(std::string_view s, const std::string& what);

// Adds --mode (default `default_mode`) and --origin, the filters that tell
// translations from comparable pairs and aligned units from imported ones.
void AddModeAndOriginOptions(po::options_description* o, const std::string& default_mode);
// The values of --mode and --origin (empty when not given), checked; throws
// UsageError naming the option otherwise.
std::pair<std::string, std::string> ModeAndOriginFromArgs(const std::string& command,
                                                          const po::variables_map& vm);

// utf8 made safe to write to a terminal: each C0 control character (tab and
// line breaks included) and DEL becomes its visible Control Picture (ESC is
// U+241B, TAB U+2409, DEL U+2421), each C1 control (U+0080..U+009F) a
// \u0085-style escape; everything else is kept. A document's ESC [31m then
// shows as text instead of recolouring the terminal.
std::string TerminalText(std::string_view utf8);

// A percentage or score with at most two decimals and no trailing zeros: 87.5, 100, 66.67.
std::string FormatNumber(double value);

// Asks before a destructive change. On a terminal asks "<question> [y/N]" on
// stderr; otherwise `yes` (the --yes flag) must be set. Returns true to proceed;
// throws UsageError when stdin is not a terminal and --yes is missing.
bool Confirm(const std::string& command, const std::string& question, bool yes);

// The run `ancre report --db` and `ancre show` display: run_id if > 0 (Error
// if the TM lacks it), else the latest run of document_id if > 0, else the
// latest run. Throws Error if there is none.
int64_t ChooseRun(const tm::TranslationMemory& store, int64_t run_id, int64_t document_id);

// Makes writes beyond the file size limit (ulimit -f) fail with an error that
// the TM reports and rolls back, instead of killing the process with SIGXFSZ.
void ReportFileSizeLimitAsError();

}  // namespace ancre::cli
