#include "run/spill_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <stdexcept>
#include <system_error>

namespace finsim {
namespace {

// An unnamed file in `dir`, or -1. O_TMPFILE needs the file system's support (overlayfs before
// Linux 6.6 lacks it); a named temporary removed at once leaves a name for a moment only.
int unnamed_file(const std::filesystem::path& dir) {
  const int fd = ::open(dir.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (fd >= 0) return fd;
  std::string name = (dir / ".finsim-spill-XXXXXX").string();
  const int named = ::mkostemp(name.data(), O_CLOEXEC);
  if (named >= 0) ::unlink(name.c_str());
  return named;
}

// Calls `io(done)` (a pread or pwrite of the bytes from `done` on) until all `size` bytes are
// through, retrying after a signal; throws naming `what` when the disk refuses.
template <class Io>
void all_bytes(Io io, std::size_t size, const std::string& what) {
  for (std::size_t done = 0; done < size;) {
    const ssize_t n = io(done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw std::system_error(n < 0 ? errno : EIO, std::generic_category(), what);
    done += static_cast<std::size_t>(n);
  }
}

}  // namespace

SpillFile::SpillFile(const std::filesystem::path& dir) : dir_(dir.empty() ? "." : dir) { fd_ = unnamed_file(dir_); }

SpillFile::~SpillFile() {
  if (fd_ >= 0) ::close(fd_);
}

void SpillFile::put(std::size_t key, std::string_view bytes) {
  if (fd_ < 0) {
    std::lock_guard lock(mutex_);
    held_[key] = std::string(bytes);
    return;
  }
  std::uint64_t offset = 0;
  {
    std::lock_guard lock(mutex_);
    offset = end_;
    end_ += bytes.size();
  }
  all_bytes(
      [&](std::size_t done) {
        return ::pwrite(fd_, bytes.data() + done, bytes.size() - done, static_cast<off_t>(offset + done));
      },
      bytes.size(), "keeping a finished unit for the event log in " + dir_.string());
  std::lock_guard lock(mutex_);
  extents_[key] = {offset, bytes.size()};
}

std::string SpillFile::get(std::size_t key) const {
  Extent extent;
  {
    std::lock_guard lock(mutex_);
    if (fd_ < 0) return held_.at(key);
    extent = extents_.at(key);
  }
  std::string bytes(extent.size, '\0');
  all_bytes(
      [&](std::size_t done) {
        return ::pread(fd_, bytes.data() + done, bytes.size() - done, static_cast<off_t>(extent.offset + done));
      },
      bytes.size(), "reading back a finished unit for the event log in " + dir_.string());
  return bytes;
}

}  // namespace finsim
