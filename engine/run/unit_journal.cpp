#include "run/unit_journal.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <mutex>
#include <stdexcept>
#include <system_error>

#include "run/binary_archive.h"
#include "run/journal_records.h"
#include "run/result_encoding.h"
#include "util/error.h"

namespace finsim {

struct UnitJournal::State {
  std::filesystem::path path;
  JournalHeader header;
  int fd = -1;
  bool read_only = false;  // open_to_read
  mutable std::mutex mutex;
  std::uint64_t end = 0;                 // after the last complete record
  std::vector<journal::Location> index;  // [point × replications + replication − first]
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
  if (journal::open_locked(path, true, s->fd) != journal::OpenResult::Locked) return std::nullopt;
  std::string bytes = journal::preamble();
  std::string rec(journal::kRecordHeadBytes, '\0');
  ArchiveWriter w(rec);
  w(header);
  journal::seal(rec, journal::kHeaderRecord);
  bytes += rec;
  if (::ftruncate(s->fd, 0) != 0) journal::fail_system(path, "cannot truncate the journal", errno);
  journal::write_all(s->fd, bytes.data(), bytes.size(), 0, path);
  if (::fdatasync(s->fd) != 0) journal::fail_system(path, "cannot sync the journal", errno);
  journal::sync_directory(path);
  s->end = bytes.size();
  s->index.assign(header.point_sha256.size() * static_cast<std::size_t>(header.replications), journal::Location{});
  return UnitJournal(std::move(s));
}

UnitJournal UnitJournal::resume(const std::filesystem::path& path, const JournalHeader& expected) {
  const std::string name = path.string();
  auto s = std::make_unique<State>();
  s->path = path;
  switch (journal::open_locked(path, false, s->fd)) {
    case journal::OpenResult::Missing: throw InputError(name + ": no journal to resume (run without --resume)");
    case journal::OpenResult::Busy: throw InputError(name + ": another finsim process is writing this journal now");
    case journal::OpenResult::NoLocks:
      throw InputError(name + ": the file system cannot lock the journal, so it cannot be resumed safely");
    case journal::OpenResult::Locked: break;
  }
  journal::Scan found = journal::scan(s->fd, path);
  const std::string diff = header_difference(found.header, expected);
  if (!diff.empty()) throw InputError(name + ": cannot resume: " + diff + " (start the run again without --resume)");
  s->header = expected;
  s->index.assign(expected.point_sha256.size() * static_cast<std::size_t>(expected.replications), journal::Location{});
  for (const auto& u : found.units) s->index[s->slot(u.point, u.replication)] = u.at;
  // Cut off a torn record, so the next unit follows the last complete one.
  if (found.end < found.size) {
    if (::ftruncate(s->fd, static_cast<off_t>(found.end)) != 0)
      journal::fail_system(path, "cannot truncate the journal", errno);
    if (::fdatasync(s->fd) != 0) journal::fail_system(path, "cannot sync the journal", errno);
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
  journal::Scan found = journal::scan(s->fd, path);
  if (journal::locked_by_other(s->fd)) throw InputError(name + ": a finsim process is writing this journal now");
  s->header = found.header;
  s->index.assign(found.header.point_sha256.size() * static_cast<std::size_t>(std::max(found.header.replications, 0)),
                  journal::Location{});
  for (const auto& u : found.units) s->index[s->slot(u.point, u.replication)] = u.at;
  s->end = found.end;
  return UnitJournal(std::move(s));
}

void UnitJournal::keep_as(const std::filesystem::path& final_path) {
  State& s = *state_;
  std::lock_guard lock(s.mutex);
  if (s.fd < 0 || s.read_only) throw std::logic_error(s.path.string() + ": keep_as on a closed or read-only journal");
  if (::fsync(s.fd) != 0) journal::fail_system(s.path, "cannot sync the journal", errno);
  if (::rename(s.path.c_str(), final_path.c_str()) != 0)
    journal::fail_system(s.path, "cannot rename the journal to " + final_path.string(), errno);
  journal::sync_directory(final_path);
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
  std::string rec(journal::kRecordHeadBytes, '\0');
  ArchiveWriter w(rec);
  auto p = static_cast<std::uint64_t>(point);
  w(p, replication);
  rec.append(encoded_result);
  journal::seal(rec, journal::kUnitRecord);

  std::lock_guard lock(s.mutex);
  if (s.fd < 0 || s.read_only) throw std::logic_error(s.path.string() + ": append to a removed or read-only journal");
  const std::uint64_t offset = s.end;
  try {
    journal::write_all(s.fd, rec.data(), rec.size(), offset, s.path);
    if (::fdatasync(s.fd) != 0) journal::fail_system(s.path, "cannot sync the journal", errno);
  } catch (...) {
    // Back to the last complete record: a later append must not follow a torn one.
    if (::ftruncate(s.fd, static_cast<off_t>(offset)) != 0) {
      // Nothing more to do: a resume ignores the torn record anyway (its checksum fails).
    }
    throw;
  }
  s.end = offset + rec.size();
  s.index[slot] = {offset, rec.size() - journal::kRecordHeadBytes - journal::kDigestBytes};
}

ReplicationResult UnitJournal::load(std::size_t point, int replication) const {
  return decode_result(load_encoded(point, replication));
}

std::string UnitJournal::load_encoded(std::size_t point, int replication) const {
  const State& s = *state_;
  journal::Location at;
  {
    std::lock_guard lock(s.mutex);
    at = s.index[s.slot(point, replication)];
  }
  if (at.payload == 0)
    throw std::logic_error(s.path.string() + ": unit (point " + std::to_string(point) + ", replication " +
                           std::to_string(replication) + ") is not done");
  std::string buf;
  std::uint32_t kind = 0;
  if (!journal::read_record(s.fd, at.offset, at.offset + journal::kRecordHeadBytes + at.payload + journal::kDigestBytes,
                            buf, kind, s.path) ||
      kind != journal::kUnitRecord)
    throw std::runtime_error(s.path.string() + ": the journal record of unit (point " + std::to_string(point) +
                             ", replication " + std::to_string(replication) + ") no longer reads back intact");
  std::string_view payload = journal::payload_of(buf);
  std::uint64_t p = 0;
  int r = 0;
  ArchiveReader head(payload.substr(0, 12));
  head(p, r);
  if (p != point || r != replication)
    throw std::logic_error(s.path.string() + ": journal index points at another unit");
  return std::string(payload.substr(12));
}

void UnitJournal::remove() {
  State& s = *state_;
  std::lock_guard lock(s.mutex);
  if (s.fd < 0 || s.read_only) return;
  // Unlinked while still locked: a process that opened it meanwhile finds it gone and starts afresh.
  if (::unlink(s.path.c_str()) != 0 && errno != ENOENT)
    journal::fail_system(s.path, "cannot remove the journal", errno);
  journal::sync_directory(s.path);
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
  const journal::Scan found = journal::scan(fd, path);
  JournalStatus st;
  st.header = found.header;
  st.format = found.format;
  st.bytes = found.size;
  st.torn_bytes = static_cast<std::size_t>(found.size - found.end);
  st.in_use = journal::locked_by_other(fd);
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
  char magic[journal::kMagic.size()];
  const bool ok = ::pread(fd, magic, sizeof magic, 0) == static_cast<ssize_t>(sizeof magic) &&
                  std::memcmp(magic, journal::kMagic.data(), sizeof magic) == 0;
  ::close(fd);
  return ok;
}

}  // namespace finsim
