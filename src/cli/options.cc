#include "src/cli/options.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "src/core/error.h"

namespace ancre::cli {

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

Output::Output(const std::string& path) : path_(path) {
  if (is_stdout()) return;
  std::filesystem::path p(path);
  std::error_code ec;
  auto status = std::filesystem::status(p, ec);
  if (!ec && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
    // A device or a pipe (/dev/null, /dev/stdout, a FIFO) is written in place:
    // renaming a temporary over it would replace the device with a file.
    auto f = std::make_unique<std::ofstream>(path, std::ios::binary);
    if (!*f) throw IoError(path + ": cannot open for writing");
    file_ = std::move(f);
    return;
  }
  tmp_path_ = (p.parent_path() / ("." + p.filename().string() + ".ancre-tmp")).string();
  cleanup_ = std::make_unique<InterruptCleanup>(tmp_path_);
  auto f = std::make_unique<std::ofstream>(tmp_path_, std::ios::binary | std::ios::trunc);
  if (!*f)
    throw IoError(path + ": cannot open for writing; check the folder exists and is writable");
  file_ = std::move(f);
}

Output::~Output() {
  if (!committed_ && !tmp_path_.empty()) {
    file_.reset();
    std::remove(tmp_path_.c_str());
  }
}

std::ostream& Output::stream() { return file_ ? *file_ : std::cout; }

void Output::Commit() {
  stream().flush();
  if (!stream()) {
    throw IoError((is_stdout() ? std::string("stdout") : path_) +
                  ": write failed (disk full?); nothing was written");
  }
  if (file_ && tmp_path_.empty()) {  // a device or a pipe, written in place
    static_cast<std::ofstream*>(file_.get())->close();
    if (!*file_) throw IoError(path_ + ": write failed");
  } else if (file_) {
    static_cast<std::ofstream*>(file_.get())->close();
    if (!*file_) throw IoError(path_ + ": write failed (disk full?); nothing was written");
    // An interruption during the rename is held until it is over: the file
    // is then either published whole or not at all.
    CommitSection section;
    std::error_code ec;
    std::filesystem::rename(tmp_path_, path_, ec);
    if (ec) throw IoError(path_ + ": cannot replace the file: " + ec.message());
    cleanup_->Release();
    committed_ = true;
    section.Done();
  }
  committed_ = true;
}

bool IsTerminal(int fd) { return isatty(fd) != 0; }

}  // namespace ancre::cli
