#include "output/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>
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

}  // namespace

PartialFile::PartialFile(std::filesystem::path final_path)
    : final_(std::move(final_path)), partial_(final_.string() + ".partial") {}

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
  std::filesystem::path directory = final_.parent_path();
  sync(directory.empty() ? "." : directory, O_RDONLY | O_DIRECTORY, final_);
}

void PartialFile::discard() noexcept {
  if (committed_ || partial_.empty()) return;
  ::unlink(partial_.c_str());
}

}  // namespace finsim
