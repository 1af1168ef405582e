// Specification of the resume journal: units survive a reopen equal field by field; a record torn
// at any byte is ignored and cut off; a header that differs is refused naming what differs; the
// status lists done and missing units; a second writer is kept out rather than corrupting it.
#include "run/unit_journal.h"

#include <unistd.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include "../input_error.h"
#include "../temp_dir.h"
#include "run/result_encoding.h"
#include "tiny_replication.h"
#include "util/error.h"

using finsim::test::input_error;

namespace fs = std::filesystem;
using namespace finsim;

namespace {

struct JournalDir : test::TempDir {
  explicit JournalDir(const std::string& name) : test::TempDir("journal-" + name) {}
};

JournalHeader header(int points = 2, int replications = 3, bool events = false) {
  JournalHeader h = this_build_header();
  h.point_sha256.resize(static_cast<std::size_t>(points));
  for (int p = 0; p < points; ++p) h.point_sha256[static_cast<std::size_t>(p)].assign(64, static_cast<char>('a' + p));
  h.seed = 42;
  h.first_replication = 0;
  h.replications = replications;
  h.events = events;
  return h;
}

// A small hand-made result (a few hundred bytes), so a test can cut its record at every byte.
ReplicationResult small_result(int replication) {
  ReplicationResult r;
  r.replication = replication;
  r.months = 2;
  r.areas = {{"Förbund A", 0, 1, false, 1000}, {"no förbund (01)", -1, 1, true, 50}};
  r.monthly.resize(4);
  for (std::size_t i = 0; i < r.monthly.size(); ++i) {
    r.monthly[i].reset(2);
    r.monthly[i].inflow = static_cast<std::int64_t>(10 * i + static_cast<std::size_t>(replication));
    r.monthly[i].participants = {3, static_cast<std::int64_t>(i)};
  }
  r.initial_stock.assign(2, {});
  r.initial_stock[0][0] = 7;
  r.initial_participants = {{1, 2}, {0, 0}};
  ForbundYear y;
  y.forbund = 0;
  y.year = 2019;
  y.budget = 4'000'000;
  y.kommun_paid = {500'000, 500'000};
  y.capping_party = "region:01";
  r.funding = {y};
  r.individual_spent = {1'234'567};
  r.events = {{17, 0, 0, 7, 0, -1, 0}, {17, 1, 1, 0, 1, 2, 0}};
  r.events_recorded = true;
  r.peak_agents = 99;
  r.bytes_per_agent = 48;
  return r;
}

std::string encoded(const ReplicationResult& r) {
  std::string bytes;
  encode_result(r, bytes);
  return bytes;
}

void copy_prefix(const fs::path& from, const fs::path& to, std::uintmax_t bytes) {
  fs::copy_file(from, to, fs::copy_options::overwrite_existing);
  fs::resize_file(to, bytes);
}

}  // namespace

TEST_CASE("journal: real replications survive a reopen equal field by field, with and without events", "[run]") {
  JournalDir dir("roundtrip");
  for (const bool events : {false, true}) {
    INFO("events " << events);
    const fs::path path = dir.path / (events ? "e.h5.partial" : "n.h5.partial");
    const ReplicationResult r0 = test::tiny_replication(events, 0);
    const ReplicationResult r1 = test::tiny_replication(events, 1);
    REQUIRE(encoded(r0) != encoded(r1));  // two different replications
    {
      auto journal = UnitJournal::create(path, header(2, 2, events));
      REQUIRE(journal);
      journal->append(1, 0, r0);
      journal->append(0, 1, r1);
      CHECK(journal->done(1, 0));
      CHECK_FALSE(journal->done(0, 0));
      CHECK(encoded(journal->load(1, 0)) == encoded(r0));
    }  // closed as a killed process would leave it
    UnitJournal again = UnitJournal::resume(path, header(2, 2, events));
    CHECK(again.done_count() == 2);
    CHECK(again.done(1, 0));
    CHECK(again.done(0, 1));
    CHECK_FALSE(again.done(0, 0));
    CHECK_FALSE(again.done(1, 1));
    // Equal field by field (the encoding lists every field: result_encoding_test checks that
    // it reads back equal; here the bytes read from the file are the bytes written).
    CHECK(encoded(again.load(1, 0)) == encoded(r0));
    CHECK(encoded(again.load(0, 1)) == encoded(r1));
    CHECK(again.load(0, 1).events == r1.events);
    CHECK(again.load(0, 1).monthly == r1.monthly);
    CHECK(again.load(0, 1).funding == r1.funding);
    CHECK_THROWS_AS(again.load(0, 0), std::logic_error);
    CHECK_THROWS_AS(again.done(2, 0), std::out_of_range);
    CHECK_THROWS_AS(again.done(0, 2), std::out_of_range);
    // Appending goes on after the units already there.
    again.append(0, 0, r0);
    CHECK(again.done_count() == 3);
    again.remove();
    CHECK_FALSE(fs::exists(path));
  }
}

TEST_CASE("journal: a record torn at any byte is ignored and cut off, units before it stay", "[run]") {
  JournalDir dir("torn");
  const fs::path path = dir.path / "r.h5.partial";
  std::uintmax_t header_end = 0, first_end = 0, second_end = 0;
  {
    auto journal = UnitJournal::create(path, header());
    header_end = fs::file_size(path);
    journal->append(0, 2, small_result(2));
    first_end = fs::file_size(path);
    journal->append(1, 0, small_result(0));
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
  copy_prefix(path, cut, first_end);
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
    UnitJournal j = UnitJournal::resume(cut, header());
    REQUIRE(j.done(0, 2));
    REQUIRE_FALSE(j.done(1, 0));
    REQUIRE(fs::file_size(cut) == first_end);  // the torn bytes are cut off
  }
  // After the cut, a new unit follows the last complete one and reads back.
  {
    UnitJournal j = UnitJournal::resume(cut, header());
    j.append(1, 0, small_result(0));
  }
  {
    UnitJournal j = UnitJournal::resume(cut, header());
    CHECK(encoded(j.load(1, 0)) == encoded(small_result(0)));
    CHECK(encoded(j.load(0, 2)) == encoded(small_result(2)));
  }
  // Cut inside the preamble or the header: nothing to resume, said so.
  for (std::uintmax_t size = 0; size < header_end; ++size) {
    copy_prefix(path, cut, size);
    const std::string msg = input_error([&] { UnitJournal::resume(cut, header()); });
    INFO("size " << size << ": " << msg);
    REQUIRE(msg == cut.string() + ": the journal is incomplete (the run stopped before its first unit was recorded)");
  }
}

TEST_CASE("journal: a damaged record ends the journal there", "[run]") {
  JournalDir dir("damaged");
  const fs::path path = dir.path / "r.h5.partial";
  std::uintmax_t first_end = 0;
  {
    auto journal = UnitJournal::create(path, header());
    journal->append(0, 0, small_result(0));
    first_end = fs::file_size(path);
    journal->append(0, 1, small_result(1));
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

TEST_CASE("journal: a header that differs is refused, naming what differs", "[run]") {
  JournalDir dir("header");
  const fs::path path = dir.path / "h.h5.partial";
  {
    auto journal = UnitJournal::create(path, header(3, 4));
    journal->append(2, 3, small_result(3));
  }
  const std::string prefix = path.string() + ": cannot resume: ";
  const std::string suffix = " (start the run again without --resume)";
  auto refusal = [&](const JournalHeader& h) { return input_error([&] { UnitJournal::resume(path, h); }); };

  JournalHeader h = header(3, 4);
  h.point_sha256[1] = std::string(64, 'f');
  CHECK(refusal(h) ==
        prefix + "the resolved scenario of point 1 differs (sha256 bbbbbbbbbbbb… in the journal, ffffffffffff… now)" +
            suffix);
  h = header(3, 4);
  h.seed = 43;
  CHECK(refusal(h) == prefix + "seed 42 in the journal, 43 now" + suffix);
  h = header(3, 4);
  h.replications = 5;
  CHECK(refusal(h) == prefix + "replications 0–3 in the journal, 0–4 now" + suffix);
  h = header(3, 4);
  h.first_replication = 1;
  CHECK(refusal(h) == prefix + "replications 0–3 in the journal, 1–4 now" + suffix);
  h = header(2, 4);
  CHECK(refusal(h) == prefix + "the journal has 3 point(s), this run 2" + suffix);
  h = header(3, 4, true);
  CHECK(refusal(h) == prefix + "the journal was written without --events, this run has it" + suffix);
  h = header(3, 4);
  h.git_commit = "0000000";
  CHECK(refusal(h) == prefix + "written by finsim " FINSIM_VERSION " (commit " + this_build_header().git_commit +
                          "), this is finsim " FINSIM_VERSION " (commit 0000000)" + suffix);
  h = header(3, 4);
  h.finsim_version = "9.9.9";
  CHECK(refusal(h).find("this is finsim 9.9.9") != std::string::npos);
  // Refusing leaves the journal as it was.
  CHECK(UnitJournal::resume(path, header(3, 4)).done(2, 3));

  CHECK(input_error([&] { UnitJournal::resume(dir.path / "none.h5.partial", header()); }) ==
        (dir.path / "none.h5.partial").string() + ": no journal to resume (run without --resume)");
  std::ofstream(dir.path / "other") << "not a journal at all";
  CHECK(input_error([&] { UnitJournal::resume(dir.path / "other", header()); }) ==
        (dir.path / "other").string() + ": not a finsim journal");
  CHECK(input_error([&] { read_journal_status(dir.path / "other"); }) ==
        (dir.path / "other").string() + ": not a finsim journal");
  CHECK(input_error([&] { read_journal_status(dir.path / "none"); }).find("cannot open the journal") !=
        std::string::npos);
}

TEST_CASE("journal: the status lists done and missing units in order, and the header", "[run]") {
  JournalDir dir("status");
  const fs::path path = dir.path / "s.h5.partial";
  JournalHeader h = header(2, 3);
  h.first_replication = 10;
  auto journal = UnitJournal::create(path, h);
  journal->append(1, 11, small_result(11));
  journal->append(0, 12, small_result(12));
  journal->append(0, 10, small_result(10));
  const JournalStatus st = read_journal_status(path);
  CHECK(st.header == h);
  CHECK(st.done == std::vector<std::pair<std::size_t, int>>{{0, 10}, {0, 12}, {1, 11}});
  CHECK(st.missing == std::vector<std::pair<std::size_t, int>>{{0, 11}, {1, 10}, {1, 12}});
  CHECK(st.torn_bytes == 0);
  CHECK(st.bytes == fs::file_size(path));
  CHECK(st.in_use);  // `journal` holds it
  journal.reset();
  CHECK_FALSE(read_journal_status(path).in_use);
}

TEST_CASE("journal: one writer at a time, a second one is kept out, not let in to corrupt it", "[run]") {
  JournalDir dir("lock");
  const fs::path path = dir.path / "l.h5.partial";
  auto first = UnitJournal::create(path, header());
  REQUIRE(first);
  first->append(0, 0, small_result(0));
  // Another writer (here: another open of the file, as another process would have) gets none.
  CHECK_FALSE(UnitJournal::create(path, header()).has_value());
  CHECK(input_error([&] { UnitJournal::resume(path, header()); }) ==
        path.string() + ": another finsim process is writing this journal now");
  first->append(0, 1, small_result(1));
  CHECK(read_journal_status(path).done.size() == 2);  // the first writer's units intact
  // Once it is removed, a new run starts a fresh journal at the same path.
  first->remove();
  auto second = UnitJournal::create(path, header());
  REQUIRE(second);
  CHECK(second->done_count() == 0);
  // create() replaces an old journal (of a run that was not resumed).
  second->append(1, 2, small_result(2));
  second.reset();
  auto third = UnitJournal::create(path, header(1, 1));
  REQUIRE(third);
  CHECK(read_journal_status(path).done.empty());
}

TEST_CASE("journal: appends from several threads all arrive intact", "[run]") {
  JournalDir dir("threads");
  const fs::path path = dir.path / "t.h5.partial";
  constexpr int kReps = 8;
  {
    auto journal = UnitJournal::create(path, header(2, kReps));
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
      threads.emplace_back([&, t] {
        for (int i = t; i < 2 * kReps; i += 4) journal->append(static_cast<std::size_t>(i % 2), i / 2, small_result(i));
      });
    for (auto& th : threads) th.join();
  }
  UnitJournal j = UnitJournal::resume(path, header(2, kReps));
  REQUIRE(j.done_count() == 2 * kReps);
  for (int i = 0; i < 2 * kReps; ++i)
    CHECK(encoded(j.load(static_cast<std::size_t>(i % 2), i / 2)) == encoded(small_result(i)));
  CHECK(read_journal_status(path).torn_bytes == 0);
}

// Not run by default: writes the fixture tests/cli/status.sh reads (regenerate it when
// kResultEncodingVersion or the journal format changes):
//   build/release/tests/finsim_tests '[.generate-journal-fixture]'
TEST_CASE("journal: write the fixture of the status CLI test", "[.generate-journal-fixture]") {
  const fs::path path = fs::path(FINSIM_TEST_DATA) / "journal" / "sweep.h5.partial";
  fs::create_directories(path.parent_path());
  JournalHeader h = header(2, 5);
  h.finsim_version = "0.1.0";
  h.git_commit = "fixture";
  h.point_sha256 = {std::string(64, '1'), std::string(64, '2')};
  auto journal = UnitJournal::create(path, h);
  REQUIRE(journal);
  for (const auto& [p, r] : std::vector<std::pair<std::size_t, int>>{{0, 0}, {0, 1}, {0, 2}, {0, 4}, {1, 3}})
    journal->append(p, r, small_result(r));
}

// The writer process of the SIGKILL test below: appends small results to the journal named by
// FINSIM_JOURNAL_WRITER until killed.
TEST_CASE("journal: writer process for the SIGKILL test", "[.journal-writer]") {
  const char* path = std::getenv("FINSIM_JOURNAL_WRITER");
  REQUIRE(path);
  auto journal = UnitJournal::create(path, header(1, 100000));
  REQUIRE(journal);
  for (int r = 0; r < 100000; ++r) journal->append(0, r, small_result(r));
}

TEST_CASE("journal: a writer killed with SIGKILL at any moment leaves a journal that resumes", "[run]") {
  JournalDir dir("sigkill");
  const fs::path path = dir.path / "k.h5.partial";
  std::string self = fs::read_symlink("/proc/self/exe").string();
  std::string filter = "[.journal-writer]";
  std::string env = "FINSIM_JOURNAL_WRITER=" + path.string();
  char* argv[] = {self.data(), filter.data(), nullptr};
  char* envp[] = {env.data(), nullptr};
  for (const std::size_t kill_after : {1u, 6u, 17u}) {
    INFO("killed after " << kill_after << " units");
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      // Only exec in the child (the test process may have threads): the writer is this binary.
      ::execve(self.c_str(), argv, envp);
      ::_exit(127);
    }
    // Kill it while it writes: as soon as the status (read concurrently) shows enough units.
    std::size_t seen = 0;
    for (int i = 0; i < 20000 && seen < kill_after; ++i) {
      try {
        seen = read_journal_status(path).done.size();
      } catch (const InputError&) {
        // not created yet, or its header not yet written
      }
      if (seen < kill_after) ::usleep(500);
    }
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    REQUIRE(WIFSIGNALED(status));
    REQUIRE(seen >= kill_after);
    const JournalStatus st = read_journal_status(path);
    CHECK_FALSE(st.in_use);  // the lock ended with the process
    REQUIRE(st.done.size() >= kill_after);
    UnitJournal j = UnitJournal::resume(path, header(1, 100000));
    const auto done = st.done.size();
    for (std::size_t u = 0; u < done; ++u) {
      REQUIRE(st.done[u] == std::pair<std::size_t, int>{0, static_cast<int>(u)});  // in order, none lost
      REQUIRE(encoded(j.load(0, static_cast<int>(u))) == encoded(small_result(static_cast<int>(u))));
    }
    j.append(0, static_cast<int>(done), small_result(static_cast<int>(done)));
    CHECK(j.done_count() == done + 1);
  }
}

// Not run by default: the journal's cost for one national replication at 1:1, 2019–2030, as the
// note on issue 12 reports it (bytes per unit; encode, append with its sync, load).
//   build/release/tests/finsim_tests '[.journal-measure]'
TEST_CASE("journal: cost of a national replication", "[.journal-measure]") {
  JournalDir dir("measure");
  // FINSIM_MEASURE_END=2030-12 for the 2019–2030 horizon of benchmarks/README.md's speed table.
  std::vector<std::string> overrides;
  if (const char* end = std::getenv("FINSIM_MEASURE_END")) overrides.push_back(std::string("scenario.end=") + end);
  const Scenario s = load_scenario(std::string(FINSIM_SOURCE_DIR) + "/scenarios/baseline.toml", overrides);
  const World world = build_world(s.config);
  using clock = std::chrono::steady_clock;
  auto cpu_s = [] {  // user + system CPU of the process (all threads)
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           1e-6 * static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec);
  };
  auto ms = [](clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); };
  for (const bool events : {false, true}) {
    RunControl control;
    control.record_events = events;
    auto t0 = clock::now();
    const double c0 = cpu_s();
    const ReplicationResult r = run_replication(s.config, world, 0, control);
    const double run_ms = ms(clock::now() - t0), run_cpu = cpu_s() - c0;
    // The work done (MonthCounters::events: scheduled events that fell due, newcomers,
    // identifications, referrals, starts, waits expired; the burn-in's in month 0's count).
    std::int64_t work = 0;
    for (const auto& c : r.monthly) work += c.events;
    t0 = clock::now();
    const std::string bytes = encoded(r);
    const double encode_ms = ms(clock::now() - t0);
    auto journal = UnitJournal::create(dir.path / "m.h5.partial", header(1, 3, events));
    t0 = clock::now();
    journal->append(0, 0, r);
    const double append_ms = ms(clock::now() - t0);
    t0 = clock::now();
    const ReplicationResult back = journal->load(0, 0);
    const double load_ms = ms(clock::now() - t0);
    CHECK(encoded(back) == bytes);
    WARN("events " << events << ": " << r.areas.size() << " areas, " << r.months << " months, " << r.events.size()
                   << " events logged; replication " << run_ms << " ms wall, " << run_cpu << " CPU s, " << work
                   << " model events, " << 1e9 * run_cpu / static_cast<double>(std::max<std::int64_t>(work, 1))
                   << " CPU ns per event; unit record " << bytes.size() / 1e6 << " MB; encode " << encode_ms
                   << " ms, append (SHA-256, write, fdatasync) " << append_ms << " ms, load " << load_ms << " ms");
    journal->remove();
  }
}
