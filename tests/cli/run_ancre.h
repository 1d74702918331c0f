// Runs the built ancre binary for end-to-end tests and captures what a user sees.
#pragma once

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace ancre::testing {

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// One shell word, whatever the string holds.
inline std::string Sh(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

inline void WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

// The sample articles as `ancre align` arguments: "FR EN --src-lang fr --tgt-lang en".
inline std::string SamplePairArgs() {
  const std::string samples = ANCRE_SAMPLES;
  return Sh(samples + "/cambodia-korea-scams.fr.txt") + " " +
         Sh(samples + "/cambodia-korea-scams.en.txt") + " --src-lang fr --tgt-lang en";
}

inline std::string ReadAll(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A fresh scratch folder under the system's temporary directory, removed on destruction.
class ScratchDir {
 public:
  ScratchDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "ancre-test-XXXXXX").string();
    path_ = mkdtemp(tmpl.data());
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

// Runs `ancre <args>` through the shell (args are shell words), with stdin from
// `stdin_data`. Returns the exit code and both streams.
inline RunResult RunAncre(const std::string& args, const std::string& stdin_data = "") {
  ScratchDir dir;
  std::ofstream(dir / "stdin", std::ios::binary) << stdin_data;
  std::string cmd = std::string("'") + ANCRE_BINARY + "' " + args + " <'" + (dir / "stdin") +
                    "' >'" + (dir / "stdout") + "' 2>'" + (dir / "stderr") + "'";
  int status = std::system(cmd.c_str());
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = ReadAll(dir / "stdout");
  r.err = ReadAll(dir / "stderr");
  return r;
}

}  // namespace ancre::testing
