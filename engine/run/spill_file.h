// Encoded units kept for a second pass (the event log of a `--events` run) in a file of their own
// beside the result, so a run's memory does not grow with its units.
#pragma once
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace finsim {

// A small class because it guards a file descriptor. The file has no name (O_TMPFILE, or a
// temporary name removed at once where the file system lacks it), so it is gone when closed or
// when the process dies, and never mistaken for a result. Without a directory, or when no file
// can be made there, the bytes are kept in memory.
class SpillFile {
 public:
  // Keeps in memory.
  SpillFile() = default;
  // Keeps in an unnamed file in `dir` (in memory if none can be made there).
  explicit SpillFile(const std::filesystem::path& dir);
  ~SpillFile();
  SpillFile(const SpillFile&) = delete;
  SpillFile& operator=(const SpillFile&) = delete;

  // Thread-safe (writes go to disjoint ranges of the file). Keeps `bytes` under `key`; a key
  // kept again is replaced. Throws std::system_error naming the directory when the write fails.
  void put(std::size_t key, std::string_view bytes);
  // Thread-safe. The bytes kept under `key`; std::out_of_range when there are none.
  std::string get(std::size_t key) const;
  // Whether the bytes go to a file (else memory).
  bool on_disk() const { return fd_ >= 0; }

 private:
  struct Extent {
    std::uint64_t offset = 0;
    std::uint64_t size = 0;
  };
  int fd_ = -1;
  std::filesystem::path dir_;
  mutable std::mutex mutex_;
  std::uint64_t end_ = 0;                              // the file's size once pending writes are done
  std::unordered_map<std::size_t, Extent> extents_;    // on disk
  std::unordered_map<std::size_t, std::string> held_;  // in memory
};

}  // namespace finsim
