// Fuzzes opening a translation memory: a valid TM file with bytes of the
// input written over it (the input is a list of patches: 2 bytes of offset
// in 64-byte units, 1 byte of length, then that many bytes), or, when the
// first byte is 'S', a valid TM changed by one SQL statement (the rest of
// the input: CREATE VIEW, DROP TABLE, CREATE TRIGGER ... as a hostile tool
// would). Opening read-only must either succeed or throw an ancre error;
// an opened TM must answer Stats() and Check() (or throw an ancre error),
// never crash or hang.
#include <sqlite3.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "src/core/error.h"
#include "tm/translation_memory.h"

namespace {

namespace fs = std::filesystem;

fs::path Scratch() {
  static const fs::path dir = [] {
    fs::path d = fs::temp_directory_path() / ("ancre-tm-open-fuzz-" + std::to_string(getpid()));
    fs::create_directories(d);
    return d;
  }();
  return dir;
}

// The bytes of a small valid TM (built once, checkpointed, no WAL left).
const std::string& ValidTm() {
  static const std::string bytes = [] {
    const fs::path path = Scratch() / "valid.sqlite";
    {
      ancre::tm::TranslationMemory store(path.string(), ancre::tm::OpenOptions{});
      std::vector<ancre::tm::TranslationUnit> units(3);
      const char* texts[][2] = {{"Bonjour.", "Hello."},
                                {"Le 27 octobre.", "On October 27."},
                                {"Hun Manet à Séoul.", "Hun Manet in Seoul."}};
      for (size_t k = 0; k < units.size(); ++k) {
        units[k].src_lang = "fr";
        units[k].tgt_lang = "en";
        units[k].source = texts[k][0];
        units[k].target = texts[k][1];
        units[k].document = "fuzz";
        units[k].created = "20250101T000000Z";
      }
      store.AddUnits(units);
    }
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }();
  return bytes;
}

void WriteFile(const fs::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const fs::path path = Scratch() / "case.sqlite";
  std::error_code ec;
  for (const char* side : {"-wal", "-shm", "-journal"}) fs::remove(path.string() + side, ec);
  std::string tm = ValidTm();
  if (size > 0 && data[0] == 'S') {
    WriteFile(path, tm);
    const std::string sql(reinterpret_cast<const char*>(data + 1), size - 1);
    sqlite3* db = nullptr;
    if (sqlite3_open(path.c_str(), &db) == SQLITE_OK) {
      sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);  // may fail: fine
    }
    sqlite3_close(db);
  } else {
    for (size_t i = 0; i + 3 <= size;) {
      const size_t offset = (static_cast<size_t>(data[i]) << 8 | data[i + 1]) * 64;
      const size_t length = data[i + 2];
      i += 3;
      for (size_t k = 0; k < length && i < size; ++k, ++i) {
        if (offset + k < tm.size()) tm[offset + k] = static_cast<char>(data[i]);
      }
    }
    WriteFile(path, tm);
  }
  try {
    ancre::tm::OpenOptions options;
    options.read_only = true;
    options.create = false;
    options.lock_wait_ms = 0;
    ancre::tm::TranslationMemory store(path.string(), options);
    try {
      (void)store.Stats();
      (void)store.Check();
    } catch (const ancre::Error&) {
      // A damaged page found while reading: reported, not a crash.
    }
  } catch (const ancre::Error&) {
    // Refused on open: what a damaged or crafted file must get.
  }
  return 0;
}
