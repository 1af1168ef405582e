// Specification of the resume journal: units survive a reopen equal field by field; a header that
// differs is refused naming what differs; the status lists done and missing units; a second writer
// is kept out rather than corrupting it; a writer killed at any moment leaves a journal that resumes.
// (Torn and damaged records: journal_records_test.cpp.)
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
#include "journal_fixture.h"
#include "run/result_encoding.h"
#include "tiny_replication.h"
#include "util/error.h"

using finsim::test::input_error;

namespace fs = std::filesystem;
using namespace finsim;

TEST_CASE("journal: real replications survive a reopen equal field by field, with and without events", "[run]") {
  test::JournalDir dir("roundtrip");
  for (const bool events : {false, true}) {
    INFO("events " << events);
    const fs::path path = dir.path / (events ? "e.h5.partial" : "n.h5.partial");
    const ReplicationResult r0 = test::tiny_replication(events, 0);
    const ReplicationResult r1 = test::tiny_replication(events, 1);
    REQUIRE(test::journal_bytes(r0) != test::journal_bytes(r1));  // two different replications
    {
      auto journal = UnitJournal::create(path, test::journal_header(2, 2, events));
      REQUIRE(journal);
      journal->append(1, 0, r0);
      journal->append(0, 1, r1);
      CHECK(journal->done(1, 0));
      CHECK_FALSE(journal->done(0, 0));
      CHECK(test::journal_bytes(journal->load(1, 0)) == test::journal_bytes(r0));
    }  // closed as a killed process would leave it
    UnitJournal again = UnitJournal::resume(path, test::journal_header(2, 2, events));
    CHECK(again.done_count() == 2);
    CHECK(again.done(1, 0));
    CHECK(again.done(0, 1));
    CHECK_FALSE(again.done(0, 0));
    CHECK_FALSE(again.done(1, 1));
    // Equal field by field (the encoding lists every field: result_encoding_test checks that
    // it reads back equal; here the bytes read from the file are the bytes written).
    CHECK(test::journal_bytes(again.load(1, 0)) == test::journal_bytes(r0));
    CHECK(test::journal_bytes(again.load(0, 1)) == test::journal_bytes(r1));
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

TEST_CASE("journal: a header that differs is refused, naming what differs", "[run]") {
  test::JournalDir dir("header");
  const fs::path path = dir.path / "h.h5.partial";
  {
    auto journal = UnitJournal::create(path, test::journal_header(3, 4));
    journal->append(2, 3, test::small_journal_result(3));
  }
  const std::string prefix = path.string() + ": cannot resume: ";
  const std::string suffix = " (start the run again without --resume)";
  auto refusal = [&](const JournalHeader& h) { return input_error([&] { UnitJournal::resume(path, h); }); };

  JournalHeader h = test::journal_header(3, 4);
  h.point_sha256[1] = std::string(64, 'f');
  CHECK(refusal(h) ==
        prefix + "the resolved scenario of point 1 differs (sha256 bbbbbbbbbbbb… in the journal, ffffffffffff… now)" +
            suffix);
  h = test::journal_header(3, 4);
  h.seed = 43;
  CHECK(refusal(h) == prefix + "seed 42 in the journal, 43 now" + suffix);
  h = test::journal_header(3, 4);
  h.replications = 5;
  CHECK(refusal(h) == prefix + "replications 0–3 in the journal, 0–4 now" + suffix);
  h = test::journal_header(3, 4);
  h.first_replication = 1;
  CHECK(refusal(h) == prefix + "replications 0–3 in the journal, 1–4 now" + suffix);
  h = test::journal_header(2, 4);
  CHECK(refusal(h) == prefix + "the journal has 3 point(s), this run 2" + suffix);
  h = test::journal_header(3, 4, true);
  CHECK(refusal(h) == prefix + "the journal was written without --events, this run has it" + suffix);
  h = test::journal_header(3, 4);
  h.git_commit = "0000000";
  CHECK(refusal(h) == prefix + "written by finsim " FINSIM_VERSION " (commit " + this_build_header().git_commit +
                          "), this is finsim " FINSIM_VERSION " (commit 0000000)" + suffix);
  h = test::journal_header(3, 4);
  h.finsim_version = "9.9.9";
  CHECK(refusal(h).find("this is finsim 9.9.9") != std::string::npos);
  // Refusing leaves the journal as it was.
  CHECK(UnitJournal::resume(path, test::journal_header(3, 4)).done(2, 3));

  CHECK(input_error([&] { UnitJournal::resume(dir.path / "none.h5.partial", test::journal_header()); }) ==
        (dir.path / "none.h5.partial").string() + ": no journal to resume (run without --resume)");
  std::ofstream(dir.path / "other") << "not a journal at all";
  CHECK(input_error([&] { UnitJournal::resume(dir.path / "other", test::journal_header()); }) ==
        (dir.path / "other").string() + ": not a finsim journal");
  CHECK(input_error([&] { read_journal_status(dir.path / "other"); }) ==
        (dir.path / "other").string() + ": not a finsim journal");
  CHECK(input_error([&] { read_journal_status(dir.path / "none"); }).find("cannot open the journal") !=
        std::string::npos);
}

TEST_CASE("journal: the status lists done and missing units in order, and the header", "[run]") {
  test::JournalDir dir("status");
  const fs::path path = dir.path / "s.h5.partial";
  JournalHeader h = test::journal_header(2, 3);
  h.first_replication = 10;
  auto journal = UnitJournal::create(path, h);
  journal->append(1, 11, test::small_journal_result(11));
  journal->append(0, 12, test::small_journal_result(12));
  journal->append(0, 10, test::small_journal_result(10));
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
  test::JournalDir dir("lock");
  const fs::path path = dir.path / "l.h5.partial";
  auto first = UnitJournal::create(path, test::journal_header());
  REQUIRE(first);
  first->append(0, 0, test::small_journal_result(0));
  // Another writer (here: another open of the file, as another process would have) gets none.
  CHECK_FALSE(UnitJournal::create(path, test::journal_header()).has_value());
  CHECK(input_error([&] { UnitJournal::resume(path, test::journal_header()); }) ==
        path.string() + ": another finsim process is writing this journal now");
  first->append(0, 1, test::small_journal_result(1));
  CHECK(read_journal_status(path).done.size() == 2);  // the first writer's units intact
  // Once it is removed, a new run starts a fresh journal at the same path.
  first->remove();
  auto second = UnitJournal::create(path, test::journal_header());
  REQUIRE(second);
  CHECK(second->done_count() == 0);
  // create() replaces an old journal (of a run that was not resumed).
  second->append(1, 2, test::small_journal_result(2));
  second.reset();
  auto third = UnitJournal::create(path, test::journal_header(1, 1));
  REQUIRE(third);
  CHECK(read_journal_status(path).done.empty());
}

TEST_CASE("journal: appends from several threads all arrive intact", "[run]") {
  test::JournalDir dir("threads");
  const fs::path path = dir.path / "t.h5.partial";
  constexpr int kReps = 8;
  {
    auto journal = UnitJournal::create(path, test::journal_header(2, kReps));
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
      threads.emplace_back([&, t] {
        for (int i = t; i < 2 * kReps; i += 4)
          journal->append(static_cast<std::size_t>(i % 2), i / 2, test::small_journal_result(i));
      });
    for (auto& th : threads) th.join();
  }
  UnitJournal j = UnitJournal::resume(path, test::journal_header(2, kReps));
  REQUIRE(j.done_count() == 2 * kReps);
  for (int i = 0; i < 2 * kReps; ++i)
    CHECK(test::journal_bytes(j.load(static_cast<std::size_t>(i % 2), i / 2)) ==
          test::journal_bytes(test::small_journal_result(i)));
  CHECK(read_journal_status(path).torn_bytes == 0);
}

// Not run by default: writes the fixture tests/cli/status.sh reads (regenerate it when
// kResultEncodingVersion or the journal format changes):
//   build/release/tests/finsim_tests '[.generate-journal-fixture]'
TEST_CASE("journal: write the fixture of the status CLI test", "[.generate-journal-fixture]") {
  const fs::path path = fs::path(FINSIM_TEST_DATA) / "journal" / "sweep.h5.partial";
  fs::create_directories(path.parent_path());
  JournalHeader h = test::journal_header(2, 5);
  h.finsim_version = "0.1.0";
  h.git_commit = "fixture";
  h.point_sha256 = {std::string(64, '1'), std::string(64, '2')};
  auto journal = UnitJournal::create(path, h);
  REQUIRE(journal);
  for (const auto& [p, r] : std::vector<std::pair<std::size_t, int>>{{0, 0}, {0, 1}, {0, 2}, {0, 4}, {1, 3}})
    journal->append(p, r, test::small_journal_result(r));
}

// The writer process of the SIGKILL test below: appends small results to the journal named by
// FINSIM_JOURNAL_WRITER until killed.
TEST_CASE("journal: writer process for the SIGKILL test", "[.journal-writer]") {
  const char* path = std::getenv("FINSIM_JOURNAL_WRITER");
  REQUIRE(path);
  auto journal = UnitJournal::create(path, test::journal_header(1, 100000));
  REQUIRE(journal);
  for (int r = 0; r < 100000; ++r) journal->append(0, r, test::small_journal_result(r));
}

TEST_CASE("journal: a writer killed with SIGKILL at any moment leaves a journal that resumes", "[run]") {
  test::JournalDir dir("sigkill");
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
    UnitJournal j = UnitJournal::resume(path, test::journal_header(1, 100000));
    const auto done = st.done.size();
    for (std::size_t u = 0; u < done; ++u) {
      REQUIRE(st.done[u] == std::pair<std::size_t, int>{0, static_cast<int>(u)});  // in order, none lost
      REQUIRE(test::journal_bytes(j.load(0, static_cast<int>(u))) ==
              test::journal_bytes(test::small_journal_result(static_cast<int>(u))));
    }
    j.append(0, static_cast<int>(done), test::small_journal_result(static_cast<int>(done)));
    CHECK(j.done_count() == done + 1);
  }
}

// Not run by default: the journal's cost for one national replication at 1:1, 2019–2030, as the
// note on issue 12 reports it (bytes per unit; encode, append with its sync, load).
//   build/release/tests/finsim_tests '[.journal-measure]'
TEST_CASE("journal: cost of a national replication", "[.journal-measure]") {
  test::JournalDir dir("measure");
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
    const std::string bytes = test::journal_bytes(r);
    const double encode_ms = ms(clock::now() - t0);
    auto journal = UnitJournal::create(dir.path / "m.h5.partial", test::journal_header(1, 3, events));
    t0 = clock::now();
    journal->append(0, 0, r);
    const double append_ms = ms(clock::now() - t0);
    t0 = clock::now();
    const ReplicationResult back = journal->load(0, 0);
    const double load_ms = ms(clock::now() - t0);
    CHECK(test::journal_bytes(back) == bytes);
    WARN("events " << events << ": " << r.areas.size() << " areas, " << r.months << " months, " << r.events.size()
                   << " events logged; replication " << run_ms << " ms wall, " << run_cpu << " CPU s, " << work
                   << " model events, " << 1e9 * run_cpu / static_cast<double>(std::max<std::int64_t>(work, 1))
                   << " CPU ns per event; unit record " << bytes.size() / 1e6 << " MB; encode " << encode_ms
                   << " ms, append (SHA-256, write, fdatasync) " << append_ms << " ms, load " << load_ms << " ms");
    journal->remove();
  }
}
