#include "src/cli/options.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ext/stdio_filebuf.h>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <limits>
#include <optional>
#include <random>
#include <sstream>
#include <stdexcept>

#include "src/core/error.h"
#include "src/core/language_tag.h"
#include "tm/translation_memory.h"

namespace ancre::cli {

namespace {

// The options that name a language, in every command that has them. Each is
// parsed once here, so the commands and the libraries only see canonical tags
// ("FR", "fr_FR" -> "fr", "fr-FR").
constexpr const char* kLanguageOptions[] = {"src-lang", "tgt-lang", "lang", "from", "to"};

// Replaces each language option's value by its canonical tag. An empty value
// (the "any language" default) and search's "any" are kept. Throws
// UsageError naming the option and the closest valid code.
void CanonicalizeLanguageOptions(const std::string& command, po::variables_map* vm) {
  for (const char* name : kLanguageOptions) {
    auto it = vm->find(name);
    if (it == vm->end() || it->second.empty()) continue;
    const std::string* value = boost::any_cast<std::string>(&it->second.value());
    if (value == nullptr || value->empty() || *value == "any") continue;
    std::string error;
    const std::optional<LanguageTag> tag = LanguageTag::TryParse(*value, &error);
    if (!tag) throw UsageError(command + ": --" + name + ": " + error);
    it->second.value() = tag->str();
  }
}

}  // namespace

void ParseArgs(const std::string& command, const std::vector<std::string>& args,
               const po::options_description& visible,
               const po::positional_options_description& positional, po::variables_map* vm) {
  try {
    po::store(
        po::command_line_parser(args)
            .options(visible)
            .positional(positional)
            .style(po::command_line_style::default_style & ~po::command_line_style::allow_guessing)
            .run(),
        *vm);
    if (vm->count("help")) return;  // --help wins over missing required options
    po::notify(*vm);
  } catch (const po::error& e) {
    throw UsageError(command + ": " + e.what() + " (see 'ancre " + command + " --help')");
  }
  CanonicalizeLanguageOptions(command, vm);
}

bool ParseCommandLine(const std::string& command, const std::vector<std::string>& args,
                      const po::options_description& visible,
                      const std::vector<std::string>& positional, std::string (*help)(),
                      po::variables_map* vm) {
  po::options_description all;
  all.add(visible);
  po::positional_options_description positions;
  for (const std::string& name : positional) {
    all.add_options()(name.c_str(), po::value<std::string>(), name.c_str());
    positions.add(name.c_str(), 1);
  }
  ParseArgs(command, args, all, positions, vm);
  if (vm->count("help")) {
    std::cout << help();
    return false;
  }
  return true;
}

namespace {

// "<what>: <strerror(errno)>".
std::string WithErrno(const std::string& what) { return what + ": " + std::strerror(errno); }

// Six random letters or digits: 62^6 names, drawn from the kernel's generator.
std::string RandomSuffix() {
  static const char kChars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  std::random_device device;
  std::uniform_int_distribution<int> pick(0, 61);
  std::string s(6, ' ');
  for (char& c : s) c = kChars[pick(device)];
  return s;
}

bool Exists(const std::string& path) {
  struct stat st;
  return lstat(path.c_str(), &st) == 0 || errno != ENOENT;
}

}  // namespace

TemporaryFile::TemporaryFile(const std::string& target, unsigned mode,
                             const std::vector<std::string>& side_suffixes) {
  const std::filesystem::path p(target);
  // NAME_MAX is 255 bytes on every Linux file system: keep room for the rest.
  std::string name = p.filename().string().substr(0, 200);
  const std::filesystem::path folder = p.parent_path();
  for (int attempt = 0; attempt < 100; ++attempt) {
    std::string path = (folder / ("." + name + ".ancre-" + RandomSuffix())).string();
    std::vector<std::string> side_files;
    for (const std::string& suffix : side_suffixes) side_files.push_back(path + suffix);
    // Creation and registration form one step for the interruption handler:
    // an interruption cannot leave the new file behind, and the handler never
    // sees a path that is not ours (a name taken by another file is never
    // registered).
    CommitSection hold;
    // O_EXCL: fails on any existing name, a symbolic link included (POSIX
    // open(): "If O_CREAT and O_EXCL are set ... and the path names a symbolic
    // link, open() shall fail with EEXIST"); O_NOFOLLOW says so twice.
    const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                        static_cast<mode_t>(mode));
    if (fd < 0) {
      if (errno == EEXIST) continue;
      throw IoError(WithErrno(target + ": cannot create a file in its folder") +
                    "; check the folder exists and is writable");
    }
    if (std::any_of(side_files.begin(), side_files.end(), Exists)) {
      close(fd);
      unlink(path.c_str());
      continue;
    }
    cleanups_.push_back(std::make_unique<InterruptCleanup>(path));
    for (const std::string& f : side_files) {
      cleanups_.push_back(std::make_unique<InterruptCleanup>(f));
    }
    path_ = std::move(path);
    side_files_ = std::move(side_files);
    fd_ = fd;
    return;
  }
  throw IoError(target + ": cannot create a temporary file next to it (100 names taken)");
}

TemporaryFile::~TemporaryFile() {
  if (fd_ >= 0) close(fd_);
  if (released_) return;
  // Best effort: the run's own error is what the user needs.
  unlink(path_.c_str());
  for (const std::string& f : side_files_) unlink(f.c_str());
}

int TemporaryFile::TakeFd() {
  const int fd = fd_;
  fd_ = -1;
  return fd;
}

void TemporaryFile::Release() {
  cleanups_.clear();
  for (const std::string& f : side_files_) unlink(f.c_str());
  released_ = true;
}

bool TemporaryFile::PublishAsNew(const std::string& target) {
  // renameat2(2): RENAME_NOREPLACE fails with EEXIST if the new path exists;
  // file systems without it say EINVAL, and there link(2), which never
  // replaces a file either, publishes it.
  if (renameat2(AT_FDCWD, path_.c_str(), AT_FDCWD, target.c_str(), RENAME_NOREPLACE) != 0) {
    if (errno == EEXIST) return false;
    if (errno != EINVAL && errno != ENOSYS) {
      throw IoError(WithErrno(target + ": cannot create the file"));
    }
    if (link(path_.c_str(), target.c_str()) != 0) {
      if (errno == EEXIST) return false;
      throw IoError(WithErrno(target + ": cannot create the file"));
    }
    unlink(path_.c_str());
  }
  Release();
  return true;
}

Output::Output(const std::string& path) : path_(path) {
  if (is_stdout()) return;
  struct stat st;
  const bool exists = stat(path.c_str(), &st) == 0;
  if (exists && !S_ISREG(st.st_mode)) {
    // A device or a pipe (/dev/null, /dev/stdout, a FIFO) is written in place:
    // renaming a temporary over it would replace the device with a file.
    auto f = std::make_unique<std::ofstream>(path, std::ios::binary);
    if (!*f) throw IoError(path + ": cannot open for writing");
    file_ = std::move(f);
    return;
  }
  tmp_ = std::make_unique<TemporaryFile>(path, 0666);
  // The file replaced keeps its permissions (a private TMX stays private).
  if (exists && fchmod(tmp_->fd(), st.st_mode & 07777) != 0) {
    throw IoError(WithErrno(path + ": cannot set the permissions of the new file"));
  }
  // The buffer owns the descriptor from here: it closes it in close() or
  // its destructor.
  auto buffer =
      std::make_unique<__gnu_cxx::stdio_filebuf<char>>(tmp_->fd(), std::ios::out, size_t{1} << 16);
  tmp_->TakeFd();
  file_ = std::make_unique<std::ostream>(buffer.get());
  buffer_ = std::move(buffer);
}

Output::~Output() {
  file_.reset();
  buffer_.reset();  // closes the descriptor before the temporary is removed
  tmp_.reset();
}

std::ostream& Output::stream() { return file_ ? *file_ : std::cout; }

void Output::Commit() {
  stream().flush();
  if (!stream()) {
    throw IoError((is_stdout() ? std::string("stdout") : path_) +
                  ": write failed (disk full?); nothing was written");
  }
  if (file_ && !tmp_) {  // a device or a pipe, written in place
    static_cast<std::ofstream*>(file_.get())->close();
    if (!*file_) throw IoError(path_ + ": write failed");
  } else if (tmp_) {
    auto* buffer = static_cast<__gnu_cxx::stdio_filebuf<char>*>(buffer_.get());
    // On disk before the rename: a crash then leaves the old file or the new
    // one, never a renamed empty file (ext4, XFS may reorder them otherwise).
    if (fsync(buffer->fd()) != 0) {
      throw IoError(WithErrno(path_ + ": write failed") + "; nothing was written");
    }
    if (buffer->close() == nullptr) {
      throw IoError(path_ + ": write failed (disk full?); nothing was written");
    }
    // An interruption during the rename is held until it is over: the file
    // is then either published whole or not at all.
    CommitSection section;
    if (rename(tmp_->path().c_str(), path_.c_str()) != 0) {
      throw IoError(WithErrno(path_ + ": cannot replace the file"));
    }
    tmp_->Release();
    section.Done();
  }
}

namespace {

// The absolute path with the symbolic links of its existing part resolved;
// empty if that fails.
std::string Resolved(const std::string& path) {
  std::error_code ec;
  const std::filesystem::path absolute = std::filesystem::absolute(path, ec);
  if (ec) return "";
  const std::filesystem::path resolved = std::filesystem::weakly_canonical(absolute, ec);
  return ec ? "" : resolved.string();
}

// Whether a and b name the same file: the same device and inode when both
// exist, else the same path once resolved.
bool SameFile(const std::string& a, const std::string& b) {
  struct stat sa, sb;
  const bool a_exists = stat(a.c_str(), &sa) == 0;
  const bool b_exists = stat(b.c_str(), &sb) == 0;
  if (a_exists && b_exists) return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
  if (a_exists != b_exists) return false;
  const std::string ra = Resolved(a);
  return !ra.empty() && ra == Resolved(b);
}

}  // namespace

void RequireOutputIsNotTm(const std::string& command, const std::string& output,
                          const std::string& db) {
  if (output.empty() || output == "-" || db.empty()) return;
  const tm::TmFiles files = tm::TranslationMemory::Files(db);
  if (files.file.empty()) return;
  // Working files are named after the TM's real path (a symbolic link to a
  // TM keeps them next to the TM), so both spellings count.
  const std::string file = files.file.string();
  const std::string real = Resolved(file);
  std::vector<std::string> suffixes = {""};
  suffixes.insert(suffixes.end(), files.working_suffixes.begin(), files.working_suffixes.end());
  for (const std::string& suffix : suffixes) {
    if (SameFile(output, file + suffix) || (!real.empty() && SameFile(output, real + suffix))) {
      throw UsageError(command + ": the output file " + output + " is " +
                       (suffix.empty() ? "" : "a working file of ") + "the translation memory " +
                       db + "; writing there would destroy the TM; give another -o file");
    }
  }
}

void RequireOptionFile(const std::string& option, const std::string& path) {
  if (path == "-") return;
  struct stat st;
  if (stat(path.c_str(), &st) != 0) {
    throw UsageError(option + " " + path + ": " + std::strerror(errno) + "; check the path");
  }
  if (S_ISREG(st.st_mode) || S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode)) return;
  throw UsageError(option + " " + path +
                   (S_ISDIR(st.st_mode) ? ": is a folder" : ": is not a regular file") +
                   "; give the path of a file");
}

void RequireOptionFolder(const std::string& option, const std::string& path) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0) {
    throw UsageError(option + " " + path + ": " + std::strerror(errno) + "; check the path");
  }
  if (!S_ISDIR(st.st_mode)) {
    throw UsageError(option + " " + path +
                     ": is not a folder; give the folder of the dictionaries");
  }
}

double RangeOption(const std::string& command, const po::variables_map& vm, const std::string& name,
                   double lo, double hi) {
  const boost::any& any = vm[name].value();
  double value = 0;
  if (const double* d = boost::any_cast<double>(&any)) {
    value = *d;
  } else if (const int* i = boost::any_cast<int>(&any)) {
    value = *i;
  } else if (const int64_t* l = boost::any_cast<int64_t>(&any)) {
    value = static_cast<double>(*l);
  } else {
    throw std::logic_error("RangeOption: --" + name + " is not a number option");
  }
  if (value >= lo && value <= hi) return value;
  auto number = [](double x) {
    std::ostringstream s;
    s << x;
    return s.str();
  };
  std::string message = (command.empty() ? "" : command + ": ") + "--" + name + " " +
                        number(value) + " is out of range; give " +
                        (hi == std::numeric_limits<double>::max()
                             ? "a number of at least " + number(lo)
                             : "a number from " + number(lo) + " to " + number(hi));
  if (hi == 1.0 && value > 1.0 && value <= 100.0) {
    message +=
        " (scores are fractions: for " + number(value) + "% write " + number(value / 100.0) + ")";
  }
  throw UsageError(message);
}

void AddProgressOption(po::options_description* o) {
  o->add_options()("progress",
                   "show progress on stderr even when it is not a terminal (--quiet hides it)");
}

bool ProgressWanted(const po::variables_map& vm) {
  if (vm.count("quiet")) return false;
  return vm.count("progress") > 0 || IsTerminal(STDERR_FILENO);
}

bool IsTerminal(int fd) { return isatty(fd) != 0; }

}  // namespace ancre::cli
