#include "output/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <string>
#include <system_error>
#include <utility>

namespace finsim {

namespace {

[[noreturn]] void fail(const std::filesystem::path& file, const std::string& action, int error) {
  if (error == ENOSPC || error == EDQUOT) {
    throw std::runtime_error(file.string() + ": disk full while writing the file");
  }
  throw std::runtime_error(file.string() + ": cannot " + action + ": " + std::strerror(error));
}

// fsync on a path; a directory needs it too, or the rename may be lost in a crash.
void sync(const std::filesystem::path& path, int flags, const std::filesystem::path& named) {
  int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) fail(named, "open " + path.string() + " to sync it", errno);
  int result = ::fsync(fd);
  int error = errno;
  ::close(fd);
  if (result != 0) fail(named, "sync " + path.string(), error);
}

// Whether process `pid` has ended: no such process, or one that exited and is waiting to be reaped (a
// zombie: a killed MPI rank whose mpirun has gone keeps its PID until something reaps it).
bool process_gone(long pid) {
  if (::kill(static_cast<pid_t>(pid), 0) != 0) return errno == ESRCH;
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string text;
  std::getline(stat, text);
  const auto paren = text.rfind(')');  // the command name may contain spaces and parentheses
  return paren != std::string::npos && paren + 2 < text.size() && (text[paren + 2] == 'Z' || text[paren + 2] == 'X');
}

// Temporaries of NAME whose process is gone. Only this machine's processes can be asked; a PID that
// is alive (or that we may not signal) is left alone.
void remove_stale_partials(const std::filesystem::path& final_path) {
  const std::string prefix = final_path.filename().string() + ".partial.";
  const std::filesystem::path dir = final_path.parent_path().empty() ? "." : final_path.parent_path();
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    const std::string digits = name.substr(prefix.size());
    if (digits.empty() || digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string::npos) continue;
    const long pid = std::stol(digits);
    if (pid > 0 && process_gone(pid)) ::unlink(entry.path().c_str());
  }
}

}  // namespace

std::filesystem::path partial_path_for(const std::filesystem::path& final_path, long pid) {
  return final_path.string() + ".partial." + std::to_string(pid);
}

PartialFile::PartialFile(std::filesystem::path final_path)
    : final_(std::move(final_path)), partial_(partial_path_for(final_, static_cast<long>(::getpid()))) {}

void PartialFile::create() {
  remove_stale_partials(final_);
  // A leftover of an earlier process that had our PID is ours to replace: that process is gone.
  ::unlink(partial_.c_str());
  const int fd = ::open(partial_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) throw std::system_error(errno, std::generic_category(), partial_.string());
  ::close(fd);
}

PartialFile::PartialFile(PartialFile&& other) noexcept
    : final_(std::move(other.final_)),
      partial_(std::move(other.partial_)),
      committed_(std::exchange(other.committed_, true)) {}

PartialFile& PartialFile::operator=(PartialFile&& other) noexcept {
  if (this != &other) {
    discard();
    final_ = std::move(other.final_);
    partial_ = std::move(other.partial_);
    committed_ = std::exchange(other.committed_, true);
  }
  return *this;
}

void PartialFile::commit() {
  if (committed_) return;
  sync(partial_, O_RDONLY, final_);
  if (::rename(partial_.c_str(), final_.c_str()) != 0) {
    fail(final_, "rename " + partial_.string() + " to it", errno);
  }
  committed_ = true;
  // Again at the end: a killed process may still have been dying when this run started (mpirun's
  // rank 0 after a SIGTERM), so its temporary was not yet stale then.
  remove_stale_partials(final_);
  std::filesystem::path directory = final_.parent_path();
  sync(directory.empty() ? "." : directory, O_RDONLY | O_DIRECTORY, final_);
}

void PartialFile::discard() noexcept {
  if (committed_ || partial_.empty()) return;
  ::unlink(partial_.c_str());
}

}  // namespace finsim
