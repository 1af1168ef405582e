#include "run/journal_records.h"

#include <fcntl.h>
#include <unistd.h>
#include <openssl/evp.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <system_error>

#include "run/binary_archive.h"
#include "run/result_encoding.h"
#include "util/error.h"

namespace finsim::journal {

namespace {

using Digest = std::array<unsigned char, kDigestBytes>;

Digest sha256(const char* data, std::size_t n) {
  Digest d{};
  unsigned int len = 0;
  if (EVP_Digest(data, n, d.data(), &len, EVP_sha256(), nullptr) != 1 || len != kDigestBytes)
    throw std::runtime_error("SHA-256: libcrypto failed");
  return d;
}

// An exclusive open-file-description lock on the whole file: like flock() it belongs to this open
// file and ends with it (also on SIGKILL), and unlike flock() another process can ask who holds it
// without taking it (read_journal_status).
bool try_lock(int fd) {
  struct flock lk {};
  lk.l_type = F_WRLCK;
  lk.l_whence = SEEK_SET;
  return ::fcntl(fd, F_OFD_SETLK, &lk) == 0;
}

void put_u32(char* p, std::uint32_t v) {
  for (int i = 0; i < 4; ++i, v >>= 8) p[i] = static_cast<char>(v & 0xff);
}

std::uint64_t get_le(const char* p, int n) {
  std::uint64_t v = 0;
  for (int i = n; i-- > 0;) v = (v << 8) | static_cast<unsigned char>(p[i]);
  return v;
}

}  // namespace

[[noreturn]] void fail_system(const std::filesystem::path& path, const std::string& what, int error) {
  throw std::system_error(error, std::generic_category(), path.string() + ": " + what);
}

void write_all(int fd, const char* data, std::size_t n, std::uint64_t offset, const std::filesystem::path& path) {
  while (n > 0) {
    const ssize_t w = ::pwrite(fd, data, n, static_cast<off_t>(offset));
    if (w < 0) {
      if (errno == EINTR) continue;
      fail_system(path, "cannot write the journal", errno);
    }
    data += w;
    n -= static_cast<std::size_t>(w);
    offset += static_cast<std::uint64_t>(w);
  }
}

// False when the file ends before n bytes.
bool read_exact(int fd, char* data, std::size_t n, std::uint64_t offset, const std::filesystem::path& path) {
  while (n > 0) {
    const ssize_t r = ::pread(fd, data, n, static_cast<off_t>(offset));
    if (r < 0) {
      if (errno == EINTR) continue;
      throw InputError(path.string() + ": cannot read the journal: " + std::strerror(errno));
    }
    if (r == 0) return false;
    data += r;
    n -= static_cast<std::size_t>(r);
    offset += static_cast<std::uint64_t>(r);
  }
  return true;
}

void sync_directory(const std::filesystem::path& file) {
  const auto dir = file.parent_path().empty() ? std::filesystem::path(".") : file.parent_path();
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;  // the file itself is synced; the entry follows with the next sync of the directory
  ::fsync(fd);
  ::close(fd);
}

bool locked_by_other(int fd) {
  struct flock lk {};
  lk.l_type = F_WRLCK;
  lk.l_whence = SEEK_SET;
  return ::fcntl(fd, F_OFD_GETLK, &lk) == 0 && lk.l_type != F_UNLCK;
}

// Opens and locks the journal. Retries when the file was removed or replaced between the open and
// the lock (a finishing run removes its journal while holding the lock), so the lock held is always
// on the file that `path` names.
OpenResult open_locked(const std::filesystem::path& path, bool create, int& fd) {
  for (;;) {
    fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC | (create ? O_CREAT : 0), 0644);
    if (fd < 0) {
      if (!create && errno == ENOENT) return OpenResult::Missing;
      // To resume, the journal is the user's input; to create it, the machine failed.
      if (!create) throw InputError(path.string() + ": cannot open the journal: " + std::strerror(errno));
      fail_system(path, "cannot create the journal", errno);
    }
    if (!try_lock(fd)) {
      const int error = errno;
      ::close(fd);
      fd = -1;
      if (error == EAGAIN || error == EACCES) return OpenResult::Busy;
      // A file system without locks (some network mounts): a journal nobody can guard is not kept.
      if (error == ENOLCK || error == EINVAL || error == EOPNOTSUPP) return OpenResult::NoLocks;
      fail_system(path, "cannot lock the journal", error);
    }
    struct stat opened {
    }, named{};
    const bool same = ::fstat(fd, &opened) == 0 && ::stat(path.c_str(), &named) == 0 && opened.st_dev == named.st_dev &&
                      opened.st_ino == named.st_ino;
    if (same) return OpenResult::Locked;
    ::close(fd);
    fd = -1;
  }
}

// A record: head (kind, payload length), payload, then the digest of head and payload. `rec` holds
// kRecordHeadBytes of room and then the payload (built in place: a unit with its event log is tens
// of MB); this fills in the head and appends the digest.
void seal(std::string& rec, std::uint32_t kind) {
  put_u32(rec.data(), kind);
  const std::uint64_t n = rec.size() - kRecordHeadBytes;
  for (int i = 0; i < 8; ++i) rec[static_cast<std::size_t>(4 + i)] = static_cast<char>((n >> (8 * i)) & 0xff);
  const Digest d = sha256(rec.data(), rec.size());
  rec.append(reinterpret_cast<const char*>(d.data()), d.size());
}

// Reads the record at `offset` into `buf` (head, payload, digest) if it is complete and intact.
bool read_record(int fd, std::uint64_t offset, std::uint64_t size, std::string& buf, std::uint32_t& kind,
                 const std::filesystem::path& path) {
  if (size - offset < kRecordHeadBytes + kDigestBytes) return false;
  char head[kRecordHeadBytes];
  if (!read_exact(fd, head, kRecordHeadBytes, offset, path)) return false;
  kind = static_cast<std::uint32_t>(get_le(head, 4));
  const std::uint64_t n = get_le(head + 4, 8);
  if (n > size - offset - kRecordHeadBytes - kDigestBytes) return false;
  buf.resize(kRecordHeadBytes + n + kDigestBytes);
  if (!read_exact(fd, buf.data(), buf.size(), offset, path)) return false;
  const Digest d = sha256(buf.data(), kRecordHeadBytes + n);
  return std::memcmp(d.data(), buf.data() + kRecordHeadBytes + n, kDigestBytes) == 0;
}

std::string_view payload_of(const std::string& record) {
  return std::string_view(record).substr(kRecordHeadBytes, record.size() - kRecordHeadBytes - kDigestBytes);
}

Scan scan(int fd, const std::filesystem::path& path) {
  const std::string name = path.string();
  struct stat st {};
  if (::fstat(fd, &st) != 0) throw InputError(name + ": cannot read the journal: " + std::strerror(errno));
  Scan s;
  s.size = static_cast<std::uint64_t>(st.st_size);
  char pre[kPreambleBytes];
  if (!read_exact(fd, pre, kPreambleBytes, 0, path) || std::memcmp(pre, kMagic.data(), kMagic.size()) != 0) {
    // Shorter than the preamble and what is there starts like one: a run killed while creating it.
    const auto present = static_cast<std::size_t>(std::min<std::uint64_t>(s.size, kMagic.size()));
    if (s.size < kPreambleBytes && std::memcmp(pre, kMagic.data(), present) == 0)
      throw InputError(name + ": the journal is incomplete (the run stopped before its first unit was recorded)");
    throw InputError(name + ": not a finsim journal");
  }
  s.format = static_cast<std::uint32_t>(get_le(pre + 8, 4));
  s.encoding = static_cast<std::uint32_t>(get_le(pre + 12, 4));
  if (s.format != kJournalFormat || s.encoding != kResultEncodingVersion)
    throw InputError(name + ": journal format " + std::to_string(s.format) + "." + std::to_string(s.encoding) +
                     ", this finsim reads " + std::to_string(kJournalFormat) + "." +
                     std::to_string(kResultEncodingVersion) + " (start the run again without --resume)");
  std::string buf;
  std::uint32_t kind = 0;
  std::uint64_t offset = kPreambleBytes;
  if (!read_record(fd, offset, s.size, buf, kind, path) || kind != kHeaderRecord)
    throw InputError(name + ": the journal is incomplete (the run stopped before its first unit was recorded)");
  {
    ArchiveReader r(payload_of(buf));
    r(s.header);
  }
  offset += buf.size();
  const std::size_t points = s.header.point_sha256.size();
  while (read_record(fd, offset, s.size, buf, kind, path) && kind == kUnitRecord) {
    std::uint64_t point = 0;
    int replication = 0;
    ArchiveReader r(payload_of(buf));
    r(point, replication);
    if (point >= points || replication < s.header.first_replication ||
        replication - s.header.first_replication >= s.header.replications)
      throw InputError(name + ": the journal holds unit (point " + std::to_string(point) + ", replication " +
                       std::to_string(replication) + ") outside its own header");
    s.units.push_back(
        {static_cast<std::size_t>(point), replication, {offset, buf.size() - kRecordHeadBytes - kDigestBytes}});
    offset += buf.size();
  }
  s.end = offset;
  return s;
}

std::string preamble() {
  std::string bytes(kMagic.begin(), kMagic.end());
  bytes.resize(kPreambleBytes);
  put_u32(bytes.data() + 8, kJournalFormat);
  put_u32(bytes.data() + 12, kResultEncodingVersion);
  return bytes;
}

}  // namespace finsim::journal
