// The resume journal NAME.partial: the finished units (point, replication) of a run or sweep,
// appended as they finish, so `--resume` after a crash or SIGKILL recomputes only the missing ones.
#pragma once
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "run/journal_header.h"
#include "sim/replication_result.h"

namespace finsim {

// NAME.partial for the result file NAME.
std::filesystem::path journal_path_for(const std::filesystem::path& result_path);

// The file is a magic line, then records of [kind u32][length u64][payload][SHA-256 of the three]:
// the header first, then one record per unit, each synced to disk before append() returns. A record
// torn by a crash fails its checksum; it and anything after it are ignored and cut off on resume.
// The process holding the journal has an exclusive lock on it (an open-file-description lock,
// released when the process ends, however it ends); another process cannot open it for writing.
class UnitJournal {
 public:
  // Starts a fresh journal (replacing an old one). std::nullopt when another process holds the
  // journal at `path` (a concurrent run to the same NAME), or the file system has no locks: the
  // caller then runs without a journal (and says so).
  // Throws std::system_error naming the file when it cannot be created or written.
  static std::optional<UnitJournal> create(const std::filesystem::path& path, const JournalHeader& header);
  // Opens an existing journal to continue it. InputError (one line, naming the file) when there is
  // none, another process holds it, it is of another format, or its header differs from
  // `expected` (naming what: finsim version or commit, the number of points, the scenario digest of
  // point k, seed, replications, events). A torn last record is cut off.
  static UnitJournal resume(const std::filesystem::path& path, const JournalHeader& expected);
  // Opens a journal only to load its units (finsim merge): no lock taken, nothing changed, append()
  // refused. InputError (one line, naming the file) when it is missing, not a journal, or a
  // process is writing it now.
  static UnitJournal open_to_read(const std::filesystem::path& path);

  UnitJournal(UnitJournal&&) noexcept;
  UnitJournal& operator=(UnitJournal&&) noexcept;
  ~UnitJournal();  // closes (releasing the lock) and keeps the file for a later resume

  const std::filesystem::path& path() const;
  const JournalHeader& header() const;
  bool done(std::size_t point, int replication) const;
  std::size_t done_count() const;
  // Thread-safe. The unit is on disk (fdatasync) when this returns. Throws std::system_error naming
  // the file if the write fails (the journal is then cut back to its last complete record).
  void append(std::size_t point, int replication, const ReplicationResult& result);
  // The same with the result already encoded (run/result_encoding.h): what another MPI rank sent.
  void append_encoded(std::size_t point, int replication, std::string_view encoded_result);
  // The result appended for a done unit, equal field by field. Thread-safe.
  ReplicationResult load(std::size_t point, int replication) const;
  // The same as it was appended, still encoded (run/result_encoding.h). Thread-safe.
  std::string load_encoded(std::size_t point, int replication) const;
  // Deletes the journal (after the final result file was committed) and closes it.
  void remove();
  // Renames the journal to `final_path` (a finished shard file) and closes it; the rename is synced
  // to disk. Throws std::system_error naming both files.
  void keep_as(const std::filesystem::path& final_path);

  struct State;

 private:
  explicit UnitJournal(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

// What `finsim status` shows: the header, the units done and missing (in point, replication
// order), and the bytes after the last complete record (a torn record, or one being written now).
struct JournalStatus {
  JournalHeader header;
  std::uint32_t format = 0;
  std::uintmax_t bytes = 0;
  std::vector<std::pair<std::size_t, int>> done;
  std::vector<std::pair<std::size_t, int>> missing;
  std::size_t torn_bytes = 0;
  bool in_use = false;  // a process holds the journal's lock: a run is writing it now
};

// Reads a journal without changing it or taking its lock. InputError naming the file when it
// is missing, unreadable, or not a journal.
JournalStatus read_journal_status(const std::filesystem::path& path);

// Whether the file starts like a journal (its magic line), without reading further.
bool looks_like_journal(const std::filesystem::path& path);

}  // namespace finsim
