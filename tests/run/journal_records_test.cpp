// The journal's file format: the preamble, records sealed with their SHA-256 and read back only
// when intact, the scan that stops at the first torn or damaged record, and the lock that keeps
// one writer per journal.
#include "run/journal_records.h"

#include <fcntl.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cerrno>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "../input_error.h"
#include "journal_fixture.h"
#include "run/binary_archive.h"
#include "run/result_encoding.h"
#include "run/unit_journal.h"

using finsim::test::input_error;

namespace fs = std::filesystem;
using namespace finsim;

namespace {

// A file descriptor closed at scope exit.
struct RecordsFd {
  int fd = -1;
  explicit RecordsFd(const fs::path& path, int flags = O_RDWR | O_CREAT)
      : fd(::open(path.c_str(), flags | O_CLOEXEC, 0644)) {}
  ~RecordsFd() {
    if (fd >= 0) ::close(fd);
  }
  RecordsFd(const RecordsFd&) = delete;
  RecordsFd& operator=(const RecordsFd&) = delete;
};

std::string sealed_record(std::uint32_t kind, const std::string& payload) {
  std::string rec(journal::kRecordHeadBytes, '\0');
  rec += payload;
  journal::seal(rec, kind);
  return rec;
}

// A journal written by hand: the preamble, the header and a unit record for (point, replication).
std::string records_journal(const JournalHeader& h, std::uint64_t point, int replication) {
  std::string header(journal::kRecordHeadBytes, '\0');
  ArchiveWriter w(header);
  JournalHeader copy = h;
  w(copy);
  journal::seal(header, journal::kHeaderRecord);
  std::string unit(journal::kRecordHeadBytes, '\0');
  ArchiveWriter u(unit);
  u(point, replication);
  journal::seal(unit, journal::kUnitRecord);
  return journal::preamble() + header + unit;
}

void write_records_file(const fs::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc)
      .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

}  // namespace

TEST_CASE("journal records: the preamble is the magic, the format and the result encoding", "[run][journal]") {
  const std::string p = journal::preamble();
  REQUIRE(p.size() == journal::kPreambleBytes);
  CHECK(p.substr(0, 8) == std::string("FINSIMJ\n"));
  // Little-endian u32s: format 3, then the result encoding.
  CHECK(p.substr(8, 4) == std::string("\x03\0\0\0", 4));
  CHECK(static_cast<unsigned char>(p[12]) == kResultEncodingVersion);
  CHECK(p.substr(13, 3) == std::string(3, '\0'));
}

TEST_CASE("journal records: a sealed record reads back intact, and not when damaged or short", "[run][journal]") {
  test::JournalDir dir("records");
  const fs::path path = dir.path / "r.partial";
  const std::string rec = sealed_record(journal::kUnitRecord, "payload bytes");
  // Head: kind (u32) and payload length (u64), little-endian; the digest after the payload.
  CHECK(rec.size() == journal::kRecordHeadBytes + 13 + journal::kDigestBytes);
  CHECK(rec.substr(0, 12) == std::string("\x02\0\0\0\x0d\0\0\0\0\0\0\0", 12));
  CHECK(journal::payload_of(rec) == "payload bytes");
  {
    RecordsFd f(path);
    REQUIRE(f.fd >= 0);
    journal::write_all(f.fd, rec.data(), rec.size(), 0, path);
    std::string buf;
    std::uint32_t kind = 0;
    REQUIRE(journal::read_record(f.fd, 0, rec.size(), buf, kind, path));
    CHECK(kind == journal::kUnitRecord);
    CHECK(buf == rec);
    // A file that ends inside the record: not read.
    CHECK_FALSE(journal::read_record(f.fd, 0, rec.size() - 1, buf, kind, path));
    // Past the end: read_exact says the file ended.
    char byte = 0;
    CHECK_FALSE(journal::read_exact(f.fd, &byte, 1, rec.size(), path));
    // One bit of the payload flipped: the digest no longer matches.
    std::string bad = rec;
    bad[journal::kRecordHeadBytes] ^= 1;
    journal::write_all(f.fd, bad.data(), bad.size(), 0, path);
    CHECK_FALSE(journal::read_record(f.fd, 0, bad.size(), buf, kind, path));
    // A length that claims more than the file holds.
    bad = rec;
    bad[4] = 0x7f;
    journal::write_all(f.fd, bad.data(), bad.size(), 0, path);
    CHECK_FALSE(journal::read_record(f.fd, 0, bad.size(), buf, kind, path));
  }
}

TEST_CASE("journal records: the scan refuses what is not a journal of this format, naming the file", "[run][journal]") {
  test::JournalDir dir("records-scan");
  const fs::path path = dir.path / "j.partial";
  auto scan_error = [&](const std::string& bytes) {
    write_records_file(path, bytes);
    RecordsFd f(path, O_RDONLY);
    return test::input_error([&] { journal::scan(f.fd, path); });
  };
  CHECK(scan_error("PK\x03\x04 a zip file, not a journal") == path.string() + ": not a finsim journal");
  // Only the start of the magic: a run killed while creating it.
  CHECK(scan_error("FINSIM") ==
        path.string() + ": the journal is incomplete (the run stopped before its first unit was recorded)");
  std::string old = journal::preamble();
  old[8] = 1;
  CHECK(scan_error(old) == path.string() + ": journal format 1." + std::to_string(kResultEncodingVersion) +
                               ", this finsim reads 3." + std::to_string(kResultEncodingVersion) +
                               " (start the run again without --resume)");
  // A unit record the header has no room for (3 replications from 0, 2 points): refused, not indexed.
  const JournalHeader h = test::journal_header(2, 3);
  CHECK(scan_error(records_journal(h, 2, 0)) ==
        path.string() + ": the journal holds unit (point 2, replication 0) outside its own header");
  CHECK(scan_error(records_journal(h, 1, 3)) ==
        path.string() + ": the journal holds unit (point 1, replication 3) outside its own header");
  // Inside the header: found, and the scan ends after it.
  write_records_file(path, records_journal(h, 1, 2));
  RecordsFd f(path, O_RDONLY);
  const journal::Scan s = journal::scan(f.fd, path);
  REQUIRE(s.units.size() == 1);
  CHECK(s.units[0].point == 1);
  CHECK(s.units[0].replication == 2);
  CHECK(s.end == s.size);
  CHECK(s.header.point_sha256 == h.point_sha256);
}

TEST_CASE("journal records: one lock per journal, asked for without taking it", "[run][journal]") {
  test::JournalDir dir("records-lock");
  const fs::path path = dir.path / "l.partial";
  int fd = -1;
  CHECK(journal::open_locked(path, false, fd) == journal::OpenResult::Missing);
  CHECK(fd == -1);
  REQUIRE(journal::open_locked(path, true, fd) == journal::OpenResult::Locked);
  REQUIRE(fd >= 0);
  // Another open of the file (as another process would have) finds it locked and is kept out.
  int other = -1;
  CHECK(journal::open_locked(path, false, other) == journal::OpenResult::Busy);
  CHECK(other == -1);
  {
    RecordsFd reader(path, O_RDONLY);
    CHECK(journal::locked_by_other(reader.fd));
  }
  ::close(fd);
  RecordsFd reader(path, O_RDONLY);
  CHECK_FALSE(journal::locked_by_other(reader.fd));
}

TEST_CASE("journal records: a system failure names the file, what failed and why", "[run][journal]") {
  try {
    journal::fail_system("/tmp/x.partial", "cannot write the journal", ENOSPC);
    FAIL("no throw");
  } catch (const std::system_error& e) {
    CHECK(e.code().value() == ENOSPC);
    CHECK_THAT(e.what(), Catch::StartsWith("/tmp/x.partial: cannot write the journal: ") &&
                             Catch::Contains(std::generic_category().message(ENOSPC)));
  }
  // A journal to resume is the user's input: one that cannot be opened is an InputError.
  test::JournalDir dir("records-open");
  int fd = -1;
  CHECK(test::input_error([&] { journal::open_locked(dir.path, false, fd); }) ==
        dir.path.string() + ": cannot open the journal: " + std::generic_category().message(EISDIR));
}

TEST_CASE("journal: a record torn at any byte is ignored and cut off, units before it stay", "[run]") {
  test::JournalDir dir("torn");
  const fs::path path = dir.path / "r.h5.partial";
  std::uintmax_t header_end = 0, first_end = 0, second_end = 0;
  {
    auto journal = UnitJournal::create(path, test::journal_header());
    header_end = fs::file_size(path);
    journal->append(0, 2, test::small_journal_result(2));
    first_end = fs::file_size(path);
    journal->append(1, 0, test::small_journal_result(0));
    second_end = fs::file_size(path);
  }
  REQUIRE(second_end - first_end > 200);
  const fs::path cut = dir.path / "cut.h5.partial";
  // The cut file grows byte by byte (freeing blocks to shrink it is slow on a disk mounted with
  // discard); resume shrinks it back to the first record.
  std::string all;
  {
    std::ifstream in(path, std::ios::binary);
    all.assign(std::istreambuf_iterator<char>(in), {});
  }
  test::copy_prefix(path, cut, first_end);
  for (std::uintmax_t size = first_end; size < second_end; ++size) {
    if (const auto have = fs::file_size(cut); have < size)
      std::ofstream(cut, std::ios::binary | std::ios::app)
          .write(all.data() + have, static_cast<std::streamsize>(size - have));
    // The status reads the journal as resume does (one scan), without changing it.
    const JournalStatus st = read_journal_status(cut);
    REQUIRE(st.done == std::vector<std::pair<std::size_t, int>>{{0, 2}});
    REQUIRE(st.torn_bytes == size - first_end);
    // Resuming cuts the file (a synced truncation, ~60 ms on ext4): at 8 places and the last byte.
    if ((size - first_end) % ((second_end - first_end) / 8) != 0 && size != second_end - 1) continue;
    UnitJournal j = UnitJournal::resume(cut, test::journal_header());
    REQUIRE(j.done(0, 2));
    REQUIRE_FALSE(j.done(1, 0));
    REQUIRE(fs::file_size(cut) == first_end);  // the torn bytes are cut off
  }
  // After the cut, a new unit follows the last complete one and reads back.
  {
    UnitJournal j = UnitJournal::resume(cut, test::journal_header());
    j.append(1, 0, test::small_journal_result(0));
  }
  {
    UnitJournal j = UnitJournal::resume(cut, test::journal_header());
    CHECK(test::journal_bytes(j.load(1, 0)) == test::journal_bytes(test::small_journal_result(0)));
    CHECK(test::journal_bytes(j.load(0, 2)) == test::journal_bytes(test::small_journal_result(2)));
  }
  // Cut inside the preamble or the header: nothing to resume, said so.
  for (std::uintmax_t size = 0; size < header_end; ++size) {
    test::copy_prefix(path, cut, size);
    const std::string msg = input_error([&] { UnitJournal::resume(cut, test::journal_header()); });
    INFO("size " << size << ": " << msg);
    REQUIRE(msg == cut.string() + ": the journal is incomplete (the run stopped before its first unit was recorded)");
  }
}

TEST_CASE("journal: a damaged record ends the journal there", "[run]") {
  test::JournalDir dir("damaged");
  const fs::path path = dir.path / "r.h5.partial";
  std::uintmax_t first_end = 0;
  {
    auto journal = UnitJournal::create(path, test::journal_header());
    journal->append(0, 0, test::small_journal_result(0));
    first_end = fs::file_size(path);
    journal->append(0, 1, test::small_journal_result(1));
  }
  const auto size = fs::file_size(path);
  {
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
    // Flipped, not overwritten: a fixed value may be the byte that is there already.
    const auto at = static_cast<std::streamoff>(first_end + (size - first_end) / 2);
    f.seekg(at);
    const char was = static_cast<char>(f.get());
    f.seekp(at);
    f.put(static_cast<char>(~was));
  }
  const JournalStatus st = read_journal_status(path);
  CHECK(st.done == std::vector<std::pair<std::size_t, int>>{{0, 0}});
  CHECK(st.torn_bytes == size - first_end);
}
