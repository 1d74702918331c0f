#include "src/cli/tm_common.h"

#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <limits>

#include "src/core/error.h"
#include "src/core/utf8.h"

namespace ancre::cli {

namespace {

// The wait the last store opened with (BusyTimeoutFromArgs), for DbErrorMessage.
int busy_timeout_used_ms = tm::OpenOptions{}.lock_wait_ms;

}  // namespace

void AddDbOption(po::options_description* o) {
  o->add_options()(
      "db", po::value<std::string>()->default_value(tm::DefaultStorePath()),
      "translation memory: a file, or sqlite:FILE (default: $ANCRE_DB, else ancre.sqlite)");
  AddBusyTimeoutOption(o);
}

void AddBusyTimeoutOption(po::options_description* o) {
  o->add_options()("busy-timeout", po::value<int>()->default_value(tm::OpenOptions{}.lock_wait_ms),
                   "milliseconds to wait while another process writes to the TM");
}

int BusyTimeoutFromArgs(const po::variables_map& vm) {
  const int ms =
      static_cast<int>(RangeOption("", vm, "busy-timeout", 0, std::numeric_limits<double>::max()));
  busy_timeout_used_ms = ms;
  return ms;
}

tm::OpenOptions OpenOptionsFromArgs(const po::variables_map& vm, bool write, bool create) {
  tm::OpenOptions options;
  options.read_only = !write;
  options.create = create;
  options.lock_wait_ms = BusyTimeoutFromArgs(vm);
  return options;
}

std::string DbErrorMessage(const DbError& e) {
  if (dynamic_cast<const LockedError*>(&e) == nullptr) return e.what();
  char waited[32];
  std::snprintf(waited, sizeof waited, "%g", busy_timeout_used_ms / 1000.0);
  return std::string(e.what()) + " (gave up after waiting " + waited +
         " s; --busy-timeout MILLISECONDS waits longer, e.g. --busy-timeout " +
         std::to_string(std::max(60000, busy_timeout_used_ms * 10)) + ")";
}

std::string ErrorMessage(const std::exception& e) {
  const std::string what = e.what();
  if (const auto* missing = dynamic_cast<const tm::NoSuchTranslationMemory*>(&e)) {
    return what + ", or create one with 'ancre align FR EN --db " + missing->name() + "'";
  }
  if (const auto* absent = dynamic_cast<const tm::RecordNotFound*>(&e)) {
    if (absent->kind() == tm::RecordNotFound::Kind::kAlignmentRun) {
      return what + "; 'ancre show --db " + absent->tm_name() + "' lists the runs";
    }
    return what + "; 'ancre stats --documents --db " + absent->tm_name() + "' lists them";
  }
  if (dynamic_cast<const tm::BadImportUnit*>(&e) != nullptr) {
    return what +
           "; fix the unit, or import with --on-bad-unit warn (or skip) to import the other "
           "units (nothing was imported)";
  }
  if (dynamic_cast<const tm::InvalidUnitLanguage*>(&e) != nullptr) {
    return what + "; export with --src-lang and --tgt-lang";
  }
  if (const auto* mismatch = dynamic_cast<const LanguageMismatchError*>(&e)) {
    return what +
           (mismatch->swapped() ? "; swap the files, or --src-lang and --tgt-lang"
                                : "; check --src-lang and --tgt-lang") +
           ", or pass --force if the languages are right (nothing was aligned)";
  }
  if (const auto* db = dynamic_cast<const DbError*>(&e)) return DbErrorMessage(*db);
  return what;
}

namespace {

// Whether `head` (the start of a file) is an XML document whose root is <tmx>.
bool LooksLikeTmx(std::string head) {
  if (head.size() >= 2 &&
      (head.compare(0, 2, "\xFF\xFE") == 0 || head.compare(0, 2, "\xFE\xFF") == 0)) {
    // UTF-16: keep the ASCII bytes, enough to find the root element.
    std::string ascii;
    for (char c : head) {
      if (c != '\0') ascii.push_back(c);
    }
    head = ascii;
  }
  return head.find("<tmx") != std::string::npos;
}

}  // namespace

void RequireTmPath(const std::string& command, const std::string& db, bool create) {
  const std::filesystem::path file = tm::TranslationMemory::Files(db).file;
  if (file.empty()) return;  // not a file (":memory:")
  const std::string head = (command.empty() ? "" : command + ": ") + "--db " + db;
  std::error_code ec;
  const std::filesystem::file_status st = std::filesystem::status(file, ec);
  if (st.type() == std::filesystem::file_type::not_found) {
    const std::filesystem::path folder = file.parent_path();
    if (create && !folder.empty() && !std::filesystem::is_directory(folder, ec)) {
      throw Error(head + ": the folder " + folder.string() +
                  " does not exist; create it first, or give another path");
    }
    return;
  }
  if (st.type() == std::filesystem::file_type::directory) {
    throw Error(head + ": is a folder, not a translation memory; give the path of a TM file (" +
                (file / "tm.sqlite").string() + ")");
  }
  if (st.type() != std::filesystem::file_type::regular) return;
  std::ifstream in(file, std::ios::binary);
  std::string bytes(512, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<size_t>(in.gcount()));
  // SQLite's file format: every database file begins with this 16-byte string.
  static constexpr std::string_view kSqliteHeader("SQLite format 3\0", 16);
  if (bytes.empty() || std::string_view(bytes).substr(0, 16) == kSqliteHeader) return;
  if (LooksLikeTmx(bytes)) {
    throw Error(head + ": is a TMX file, not a translation memory; import it into one first: " +
                "ancre import " + db + " --db tm.sqlite (then give --db tm.sqlite)");
  }
  throw Error(head +
              ": is not a translation memory (ancre keeps a TM in a SQLite file); check the "
              "path, or give a new file name to create one");
}

tm::TranslationMemory OpenStore(const po::variables_map& vm, bool write, bool create) {
  RequireTmPath("", vm["db"].as<std::string>(), write && create);
  return tm::TranslationMemory(vm["db"].as<std::string>(), OpenOptionsFromArgs(vm, write, create));
}

tm::TranslationMemory OpenStoreForSearch(const po::variables_map& vm) {
  tm::TranslationMemory store = OpenStore(vm, /*write=*/false);
  if (const int64_t unindexed = store.UnindexedUnits(); unindexed > 0) {
    std::cerr << "ancre: warning: " << store.name() << ": " << unindexed
              << " translation unit(s) stored by an interrupted run are not indexed yet and are "
                 "not searched; any command that writes to the TM indexes them, e.g. 'ancre tm "
                 "check --db "
              << store.name() << "'\n";
  }
  return store;
}

void RequireUtf8(std::string_view s, const std::string& what) {
  size_t bad = Utf8InvalidOffset(s);
  if (bad != std::string_view::npos) {
    throw UsageError(what + ": invalid UTF-8 at byte " + std::to_string(bad) +
                     "; pass UTF-8 text (check the terminal's encoding)");
  }
}

std::string TerminalText(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (size_t i = 0; i < utf8.size(); ++i) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    if (c < 0x20 || c == 0x7F) {
      // Unicode Control Pictures: U+2400 + c for C0, U+2421 for DEL (E2 90 80..A1).
      const unsigned picture = c == 0x7F ? 0x21 : c;
      out += "\xE2\x90";
      out.push_back(static_cast<char>(0x80 + picture));
    } else if (c == 0xC2 && i + 1 < utf8.size() &&
               static_cast<unsigned char>(utf8[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(utf8[i + 1]) <= 0x9F) {
      char code[16];
      std::snprintf(code, sizeof code, "\\u%04X", static_cast<unsigned char>(utf8[i + 1]));
      out += code;
      ++i;
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

std::string FormatNumber(double value) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.2f", value);
  std::string s = buf;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s == "-0" ? "0" : s;
}

bool Confirm(const std::string& command, const std::string& question, bool yes) {
  if (yes) return true;
  if (!IsTerminal(STDIN_FILENO)) {
    throw UsageError(command +
                     ": this changes the translation memory; add --yes to confirm "
                     "(or --dry-run to only see what would change)");
  }
  std::cerr << question << " [y/N] " << std::flush;
  std::string answer;
  std::getline(std::cin, answer);
  return answer == "y" || answer == "Y" || answer == "yes";
}

int64_t ChooseRun(const tm::TranslationMemory& store, int64_t run_id, int64_t document_id) {
  if (run_id > 0) return run_id;  // LoadAlignment says if it is missing
  const std::vector<tm::StoredRun> runs = store.Alignments(document_id);
  if (runs.empty()) {
    throw Error(store.name() + ": no alignment run" +
                (document_id > 0 ? " of document " + std::to_string(document_id) : "") +
                "; store one with 'ancre align FR EN --db " + store.name() +
                "' (runs and documents: 'ancre show --db " + store.name() + "')");
  }
  return runs.back().id;
}

void ReportFileSizeLimitAsError() {
  // POSIX: with SIGXFSZ ignored, a write past RLIMIT_FSIZE fails with EFBIG.
  std::signal(SIGXFSZ, SIG_IGN);
}

void AddModeAndOriginOptions(po::options_description* o, const std::string& default_mode) {
  o->add_options()  //
      ("mode", po::value<std::string>()->default_value(default_mode),
       "parallel: translations only; comparable: only comparable pairs (sentences of two "
       "articles that report the same fact, not translations of each other); any: both, the "
       "comparable ones marked")  //
      ("origin", po::value<std::string>(), "only units that were aligned, imported or edited");
}

std::pair<std::string, std::string> ModeAndOriginFromArgs(const std::string& command,
                                                          const po::variables_map& vm) {
  const std::string mode = vm["mode"].as<std::string>();
  if (mode != "parallel" && mode != "comparable" && mode != "any") {
    throw UsageError(command + ": --mode must be parallel (translations), comparable or any");
  }
  std::string origin;
  if (vm.count("origin")) {
    origin = vm["origin"].as<std::string>();
    if (origin != "aligned" && origin != "imported" && origin != "edited") {
      throw UsageError(command + ": --origin must be aligned, imported or edited");
    }
  }
  return {mode, origin};
}

}  // namespace ancre::cli
