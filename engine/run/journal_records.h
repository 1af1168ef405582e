// The journal's file format and file I/O: the preamble, records framed as [kind][length][payload]
// [SHA-256], the lock that keeps one writer per journal, and the scan that finds the intact records.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "run/journal_header.h"

namespace finsim::journal {

// The file opens with 8 magic bytes, the framing format and the result encoding (u32 each).
inline constexpr std::array<char, 8> kMagic = {'F', 'I', 'N', 'S', 'I', 'M', 'J', '\n'};
inline constexpr std::uint32_t kJournalFormat = 3;  // 2: the header holds the shard and the plan; 3: and its directory
inline constexpr std::size_t kPreambleBytes = 16;
inline constexpr std::uint32_t kHeaderRecord = 1;
inline constexpr std::uint32_t kUnitRecord = 2;
inline constexpr std::size_t kRecordHeadBytes = 12;  // kind u32, payload length u64
inline constexpr std::size_t kDigestBytes = 32;      // SHA-256 of the record head and payload

// The preamble: kMagic, kJournalFormat and the result encoding (run/result_encoding.h).
std::string preamble();

// std::system_error "PATH: WHAT" with the error number's text.
[[noreturn]] void fail_system(const std::filesystem::path& path, const std::string& what, int error);
// pwrite of all n bytes at `offset`; std::system_error naming the file on failure.
void write_all(int fd, const char* data, std::size_t n, std::uint64_t offset, const std::filesystem::path& path);
// pread of n bytes at `offset`; false when the file ends before, InputError when reading fails.
bool read_exact(int fd, char* data, std::size_t n, std::uint64_t offset, const std::filesystem::path& path);
// fsync of the directory holding `file`, so that its creation, rename or removal is on disk.
void sync_directory(const std::filesystem::path& file);

enum class OpenResult { Locked, Busy, NoLocks, Missing };
// Opens `path` read-write (creating it if asked) and takes its exclusive lock; `fd` is -1 unless
// Locked. Throws when the file cannot be opened (InputError) or created (std::system_error).
OpenResult open_locked(const std::filesystem::path& path, bool create, int& fd);
// Whether another open file (another process) holds the journal's lock.
bool locked_by_other(int fd);

// Completes a record: `rec` holds kRecordHeadBytes of room and then the payload.
void seal(std::string& rec, std::uint32_t kind);
// Reads the record at `offset` into `buf` (head, payload, digest) if it is complete and intact.
bool read_record(int fd, std::uint64_t offset, std::uint64_t size, std::string& buf, std::uint32_t& kind,
                 const std::filesystem::path& path);
std::string_view payload_of(const std::string& record);

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

// Reads the preamble, the header and the unit records up to the first torn one. InputError naming
// the file when it is no journal, of another format, or incomplete before its header.
Scan scan(int fd, const std::filesystem::path& path);

}  // namespace finsim::journal
