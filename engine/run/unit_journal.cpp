#include "run/unit_journal.h"

#include <fcntl.h>
#include <unistd.h>
#include <openssl/evp.h>
#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <mutex>
#include <stdexcept>
#include <system_error>

#include "run/binary_archive.h"
#include "run/result_encoding.h"
#include "util/build_info.h"
#include "util/error.h"
#include "util/text.h"

namespace finsim {

static_assert(kFieldCount<JournalHeader> == 10, "JournalHeader changed: update serialize(JournalHeader)");
static_assert(kFieldCount<RunPlan> == 8, "RunPlan changed: update serialize(RunPlan)");

template <class Ar>
void serialize(Ar& ar, RunPlan& p) {
  std::string file = p.scenario_file.string();
  bool has_replications = p.replications.has_value(), has_seed = p.seed.has_value();
  int replications = p.replications.value_or(0);
  std::uint32_t seed = p.seed.value_or(0);
  std::vector<std::string> point_files;
  for (const auto& f : p.point_files) point_files.push_back(f.string());
  ar(file, p.overrides, p.varied_keys, p.points, point_files, has_replications, replications, has_seed, seed,
     p.record_events);
  if constexpr (Ar::kLoading) {
    p.scenario_file = file;
    p.point_files.assign(point_files.begin(), point_files.end());
    p.replications = has_replications ? std::optional<int>(replications) : std::nullopt;
    p.seed = has_seed ? std::optional<std::uint32_t>(seed) : std::nullopt;
  }
}

template <class Ar>
void serialize(Ar& ar, JournalHeader& h) {
  ar(h.finsim_version, h.git_commit, h.point_sha256, h.seed, h.first_replication, h.replications, h.events,
     h.shard_index, h.shard_count, h.plan);
}

namespace {

// The file opens with 8 magic bytes, the framing format and the result encoding (u32 each).
constexpr std::array<char, 8> kMagic = {'F', 'I', 'N', 'S', 'I', 'M', 'J', '\n'};
constexpr std::uint32_t kJournalFormat = 2;  // 2: the header holds the shard and the plan
constexpr std::size_t kPreambleBytes = 16;
constexpr std::uint32_t kHeaderRecord = 1;
constexpr std::uint32_t kUnitRecord = 2;
constexpr std::size_t kRecordHeadBytes = 12;  // kind u32, payload length u64
constexpr std::size_t kDigestBytes = 32;      // SHA-256 of the record head and payload

using Digest = std::array<unsigned char, kDigestBytes>;

Digest sha256(const char* data, std::size_t n) {
  Digest d{};
  unsigned int len = 0;
  if (EVP_Digest(data, n, d.data(), &len, EVP_sha256(), nullptr) != 1 || len != kDigestBytes)
    throw std::runtime_error("SHA-256: libcrypto failed");
  return d;
}

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

// An exclusive open-file-description lock on the whole file: like flock() it belongs to this open
// file and ends with it (also on SIGKILL), and unlike flock() another process can ask who holds it
// without taking it (read_journal_status).
bool try_lock(int fd) {
  struct flock lk {};
  lk.l_type = F_WRLCK;
  lk.l_whence = SEEK_SET;
  return ::fcntl(fd, F_OFD_SETLK, &lk) == 0;
}

bool locked_by_other(int fd) {
  struct flock lk {};
  lk.l_type = F_WRLCK;
  lk.l_whence = SEEK_SET;
  return ::fcntl(fd, F_OFD_GETLK, &lk) == 0 && lk.l_type != F_UNLCK;
}

enum class OpenResult { Locked, Busy, NoLocks, Missing };

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

void put_u32(char* p, std::uint32_t v) {
  for (int i = 0; i < 4; ++i, v >>= 8) p[i] = static_cast<char>(v & 0xff);
}

std::uint64_t get_le(const char* p, int n) {
  std::uint64_t v = 0;
  for (int i = n; i-- > 0;) v = (v << 8) | static_cast<unsigned char>(p[i]);
  return v;
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

struct Location {
  std::uint64_t offset = 0;   // of the record
  std::uint64_t payload = 0;  // payload bytes; 0 = not done
};

struct UnitEntry {
  std::size_t point;
  int replication;
  Location at;
};

// What a scan of the file finds: everything up to the first record that is incomplete or fails its
// checksum (`end`), and the bytes after it.
struct Scan {
  std::uint32_t format = 0, encoding = 0;
  JournalHeader header;
  std::vector<UnitEntry> units;
  std::uint64_t end = 0;
  std::uint64_t size = 0;
};

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

// The first difference between the journal's header and the run's, as the rest of a message.
std::string header_difference(const JournalHeader& in_file, const JournalHeader& now) {
  auto range = [](const JournalHeader& h) {
    return std::to_string(h.first_replication) + "–" + std::to_string(h.first_replication + h.replications - 1);
  };
  if (in_file.finsim_version != now.finsim_version || in_file.git_commit != now.git_commit)
    return "written by finsim " + in_file.finsim_version + " (commit " + in_file.git_commit + "), this is finsim " +
           now.finsim_version + " (commit " + now.git_commit + ")";
  if (in_file.point_sha256.size() != now.point_sha256.size())
    return "the journal has " + std::to_string(in_file.point_sha256.size()) + " point(s), this run " +
           std::to_string(now.point_sha256.size());
  for (std::size_t k = 0; k < now.point_sha256.size(); ++k)
    if (in_file.point_sha256[k] != now.point_sha256[k])
      return "the resolved scenario of point " + std::to_string(k) + " differs (sha256 " +
             short_digest(in_file.point_sha256[k]) + " in the journal, " + short_digest(now.point_sha256[k]) + " now)";
  if (in_file.seed != now.seed)
    return "seed " + std::to_string(in_file.seed) + " in the journal, " + std::to_string(now.seed) + " now";
  if (in_file.first_replication != now.first_replication || in_file.replications != now.replications)
    return "replications " + range(in_file) + " in the journal, " + range(now) + " now";
  if (in_file.events != now.events)
    return std::string("the journal was written ") + (in_file.events ? "with" : "without") + " --events, this run " +
           (now.events ? "has" : "has not") + " it";
  if (in_file.shard_index != now.shard_index || in_file.shard_count != now.shard_count) {
    auto shard = [](const JournalHeader& h) {
      return h.shard_count == 0 ? std::string("no shard")
                                : "shard " + std::to_string(h.shard_index) + "/" + std::to_string(h.shard_count);
    };
    return shard(in_file) + " in the journal, " + shard(now) + " now";
  }
  return "";
}

}  // namespace

struct UnitJournal::State {
  std::filesystem::path path;
  JournalHeader header;
  int fd = -1;
  bool read_only = false;  // open_to_read
  mutable std::mutex mutex;
  std::uint64_t end = 0;        // after the last complete record
  std::vector<Location> index;  // [point × replications + replication − first]
  ~State() {
    if (fd >= 0) ::close(fd);
  }
  std::size_t slot(std::size_t point, int replication) const {
    if (point >= header.point_sha256.size() || replication < header.first_replication ||
        replication - header.first_replication >= header.replications)
      throw std::out_of_range(path.string() + ": unit (point " + std::to_string(point) + ", replication " +
                              std::to_string(replication) + ") is not in the run");
    return point * static_cast<std::size_t>(header.replications) +
           static_cast<std::size_t>(replication - header.first_replication);
  }
};

JournalHeader this_build_header() {
  JournalHeader h;
  h.finsim_version = FINSIM_VERSION;
  h.git_commit = git_commit();
  return h;
}

std::filesystem::path journal_path_for(const std::filesystem::path& result_path) {
  return result_path.string() + ".partial";
}

UnitJournal::UnitJournal(std::unique_ptr<State> state) : state_(std::move(state)) {}
UnitJournal::UnitJournal(UnitJournal&&) noexcept = default;
UnitJournal& UnitJournal::operator=(UnitJournal&&) noexcept = default;
UnitJournal::~UnitJournal() = default;

std::optional<UnitJournal> UnitJournal::create(const std::filesystem::path& path, const JournalHeader& header) {
  if (header.replications < 0) throw std::invalid_argument("journal: negative replications");
  auto s = std::make_unique<State>();
  s->path = path;
  s->header = header;
  if (open_locked(path, true, s->fd) != OpenResult::Locked) return std::nullopt;
  std::string bytes(kMagic.begin(), kMagic.end());
  bytes.resize(kPreambleBytes);
  put_u32(bytes.data() + 8, kJournalFormat);
  put_u32(bytes.data() + 12, kResultEncodingVersion);
  std::string rec(kRecordHeadBytes, '\0');
  ArchiveWriter w(rec);
  w(header);
  seal(rec, kHeaderRecord);
  bytes += rec;
  if (::ftruncate(s->fd, 0) != 0) fail_system(path, "cannot truncate the journal", errno);
  write_all(s->fd, bytes.data(), bytes.size(), 0, path);
  if (::fdatasync(s->fd) != 0) fail_system(path, "cannot sync the journal", errno);
  sync_directory(path);
  s->end = bytes.size();
  s->index.assign(header.point_sha256.size() * static_cast<std::size_t>(header.replications), Location{});
  return UnitJournal(std::move(s));
}

UnitJournal UnitJournal::resume(const std::filesystem::path& path, const JournalHeader& expected) {
  const std::string name = path.string();
  auto s = std::make_unique<State>();
  s->path = path;
  switch (open_locked(path, false, s->fd)) {
    case OpenResult::Missing: throw InputError(name + ": no journal to resume (run without --resume)");
    case OpenResult::Busy: throw InputError(name + ": another finsim process is writing this journal now");
    case OpenResult::NoLocks:
      throw InputError(name + ": the file system cannot lock the journal, so it cannot be resumed safely");
    case OpenResult::Locked: break;
  }
  Scan found = scan(s->fd, path);
  const std::string diff = header_difference(found.header, expected);
  if (!diff.empty()) throw InputError(name + ": cannot resume: " + diff + " (start the run again without --resume)");
  s->header = expected;
  s->index.assign(expected.point_sha256.size() * static_cast<std::size_t>(expected.replications), Location{});
  for (const auto& u : found.units) s->index[s->slot(u.point, u.replication)] = u.at;
  // Cut off a torn record, so the next unit follows the last complete one.
  if (found.end < found.size) {
    if (::ftruncate(s->fd, static_cast<off_t>(found.end)) != 0) fail_system(path, "cannot truncate the journal", errno);
    if (::fdatasync(s->fd) != 0) fail_system(path, "cannot sync the journal", errno);
  }
  s->end = found.end;
  return UnitJournal(std::move(s));
}

UnitJournal UnitJournal::open_to_read(const std::filesystem::path& path) {
  const std::string name = path.string();
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) throw InputError(name + ": is a directory, expected a journal");
  auto s = std::make_unique<State>();
  s->path = path;
  s->read_only = true;
  s->fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (s->fd < 0) throw InputError(name + ": cannot open the journal: " + std::strerror(errno));
  Scan found = scan(s->fd, path);
  if (locked_by_other(s->fd)) throw InputError(name + ": a finsim process is writing this journal now");
  s->header = found.header;
  s->index.assign(found.header.point_sha256.size() * static_cast<std::size_t>(std::max(found.header.replications, 0)),
                  Location{});
  for (const auto& u : found.units) s->index[s->slot(u.point, u.replication)] = u.at;
  s->end = found.end;
  return UnitJournal(std::move(s));
}

void UnitJournal::keep_as(const std::filesystem::path& final_path) {
  State& s = *state_;
  std::lock_guard lock(s.mutex);
  if (s.fd < 0 || s.read_only) throw std::logic_error(s.path.string() + ": keep_as on a closed or read-only journal");
  if (::fsync(s.fd) != 0) fail_system(s.path, "cannot sync the journal", errno);
  if (::rename(s.path.c_str(), final_path.c_str()) != 0)
    fail_system(s.path, "cannot rename the journal to " + final_path.string(), errno);
  sync_directory(final_path);
  ::close(s.fd);
  s.fd = -1;
  s.path = final_path;
}

const std::filesystem::path& UnitJournal::path() const { return state_->path; }
const JournalHeader& UnitJournal::header() const { return state_->header; }

bool UnitJournal::done(std::size_t point, int replication) const {
  std::lock_guard lock(state_->mutex);
  return state_->index[state_->slot(point, replication)].payload != 0;
}

std::size_t UnitJournal::done_count() const {
  std::lock_guard lock(state_->mutex);
  std::size_t n = 0;
  for (const auto& l : state_->index) n += l.payload != 0 ? 1 : 0;
  return n;
}

void UnitJournal::append(std::size_t point, int replication, const ReplicationResult& result) {
  std::string encoded;  // encoded and hashed outside the lock
  encode_result(result, encoded);
  append_encoded(point, replication, encoded);
}

void UnitJournal::append_encoded(std::size_t point, int replication, std::string_view encoded_result) {
  State& s = *state_;
  const std::size_t slot = s.slot(point, replication);
  std::string rec(kRecordHeadBytes, '\0');
  ArchiveWriter w(rec);
  auto p = static_cast<std::uint64_t>(point);
  w(p, replication);
  rec.append(encoded_result);
  seal(rec, kUnitRecord);

  std::lock_guard lock(s.mutex);
  if (s.fd < 0 || s.read_only) throw std::logic_error(s.path.string() + ": append to a removed or read-only journal");
  const std::uint64_t offset = s.end;
  try {
    write_all(s.fd, rec.data(), rec.size(), offset, s.path);
    if (::fdatasync(s.fd) != 0) fail_system(s.path, "cannot sync the journal", errno);
  } catch (...) {
    // Back to the last complete record: a later append must not follow a torn one.
    if (::ftruncate(s.fd, static_cast<off_t>(offset)) != 0) {
      // Nothing more to do: a resume ignores the torn record anyway (its checksum fails).
    }
    throw;
  }
  s.end = offset + rec.size();
  s.index[slot] = {offset, rec.size() - kRecordHeadBytes - kDigestBytes};
}

ReplicationResult UnitJournal::load(std::size_t point, int replication) const {
  const State& s = *state_;
  Location at;
  {
    std::lock_guard lock(s.mutex);
    at = s.index[s.slot(point, replication)];
  }
  if (at.payload == 0)
    throw std::logic_error(s.path.string() + ": unit (point " + std::to_string(point) + ", replication " +
                           std::to_string(replication) + ") is not done");
  std::string buf;
  std::uint32_t kind = 0;
  if (!read_record(s.fd, at.offset, at.offset + kRecordHeadBytes + at.payload + kDigestBytes, buf, kind, s.path) ||
      kind != kUnitRecord)
    throw std::runtime_error(s.path.string() + ": the journal record of unit (point " + std::to_string(point) +
                             ", replication " + std::to_string(replication) + ") no longer reads back intact");
  std::string_view payload = payload_of(buf);
  std::uint64_t p = 0;
  int r = 0;
  ArchiveReader head(payload.substr(0, 12));
  head(p, r);
  if (p != point || r != replication)
    throw std::logic_error(s.path.string() + ": journal index points at another unit");
  return decode_result(payload.substr(12));
}

void UnitJournal::remove() {
  State& s = *state_;
  std::lock_guard lock(s.mutex);
  if (s.fd < 0 || s.read_only) return;
  // Unlinked while still locked: a process that opened it meanwhile finds it gone and starts afresh.
  if (::unlink(s.path.c_str()) != 0 && errno != ENOENT) fail_system(s.path, "cannot remove the journal", errno);
  sync_directory(s.path);
  ::close(s.fd);
  s.fd = -1;
}

JournalStatus read_journal_status(const std::filesystem::path& path) {
  const std::string name = path.string();
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) throw InputError(name + ": is a directory, expected a journal");
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw InputError(name + ": cannot open the journal: " + std::strerror(errno));
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  const Scan found = scan(fd, path);
  JournalStatus st;
  st.header = found.header;
  st.format = found.format;
  st.bytes = found.size;
  st.torn_bytes = static_cast<std::size_t>(found.size - found.end);
  st.in_use = locked_by_other(fd);
  const auto& h = found.header;
  std::vector<bool> seen(h.point_sha256.size() * static_cast<std::size_t>(std::max(h.replications, 0)), false);
  for (const auto& u : found.units)
    seen[u.point * static_cast<std::size_t>(h.replications) +
         static_cast<std::size_t>(u.replication - h.first_replication)] = true;
  for (std::size_t p = 0; p < h.point_sha256.size(); ++p)
    for (int r = 0; r < h.replications; ++r)
      (seen[p * static_cast<std::size_t>(h.replications) + static_cast<std::size_t>(r)] ? st.done : st.missing)
          .emplace_back(p, h.first_replication + r);
  return st;
}

bool looks_like_journal(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  char magic[kMagic.size()];
  const bool ok = ::pread(fd, magic, sizeof magic, 0) == static_cast<ssize_t>(sizeof magic) &&
                  std::memcmp(magic, kMagic.data(), sizeof magic) == 0;
  ::close(fd);
  return ok;
}

}  // namespace finsim
