// Specification of reading a set of shard files: units are mapped to their files; missing units
// are named with the shard that should hold them; a unit in two files, mixed versions, another
// slicing, seed or scenario digest, and a journal that is not a shard are refused with one line
// naming the files. Also the --array list and the journal's own shard-file API (open_to_read, keep_as).
#include "run/shard_set.h"

#include <catch2/catch.hpp>
#include <filesystem>

#include "../input_error.h"
#include "../temp_dir.h"
#include "util/error.h"

using finsim::test::input_error;

namespace fs = std::filesystem;
using namespace finsim;

namespace {

// 2 points x 3 replications in `count` shards.
JournalHeader shard_header(int index, int count) {
  JournalHeader h = this_build_header();
  h.point_sha256 = {std::string(64, 'a'), std::string(64, 'b')};
  h.seed = 42;
  h.replications = 3;
  h.shard_index = index;
  h.shard_count = count;
  h.plan.scenario_file = "/scenarios/x.toml";
  h.plan.varied_keys = {"k"};
  h.plan.points = {{"1"}, {"2"}};
  return h;
}

ReplicationResult result(int replication) {
  ReplicationResult r;
  r.replication = replication;
  return r;
}

// Writes shard k of n with all its units, or only the first `limit`; returns the path (NAME, or
// NAME.partial when unfinished).
fs::path write_shard(const fs::path& dir, JournalHeader h, std::size_t limit = 1000, const std::string& name = "") {
  const fs::path path = dir / (name.empty() ? "s" + std::to_string(h.shard_index) : name);
  const ShardSlice slice({h.shard_index, h.shard_count}, h.point_sha256.size(), h.first_replication, h.replications);
  auto journal = UnitJournal::create(journal_path_for(path), h);
  REQUIRE(journal);
  const auto units = slice.units();
  for (std::size_t i = 0; i < units.size() && i < limit; ++i)
    journal->append(units[i].point, units[i].replication, result(units[i].replication));
  if (limit < units.size()) return journal_path_for(path);
  journal->keep_as(path);
  return path;
}

}  // namespace

TEST_CASE("shard set: complete shards map every unit to its file, missing units name their shard", "[run]") {
  test::TempDir dir("shard-set");
  const fs::path a = write_shard(dir.path, shard_header(1, 3));
  const fs::path b = write_shard(dir.path, shard_header(2, 3));
  const fs::path c = write_shard(dir.path, shard_header(3, 3));
  CHECK(fs::exists(a));
  CHECK_FALSE(fs::exists(journal_path_for(a)));  // keep_as renamed the journal

  const ShardSet all = read_shard_set({c, a, b});
  CHECK(all.units() == 6);
  CHECK(all.missing.empty());
  CHECK(describe_missing(all).empty());
  CHECK(all.shard_count() == 3);
  // Shard 2/3 holds units 2-3 of replication-major order: (0, r1), (1, r1).
  CHECK(all.owner[0 * 3 + 1] == 2);
  CHECK(all.owner[1 * 3 + 1] == 2);
  CHECK(all.file_of(2)->path == b);

  const ShardSet two = read_shard_set({a, c});
  REQUIRE(two.missing.size() == 2);
  CHECK(two.missing[0] == std::pair<Unit, int>{{0, 1}, 2});
  CHECK(two.missing[1] == std::pair<Unit, int>{{1, 1}, 2});
  CHECK(describe_missing(two) ==
        "2 unit(s) missing: shard 2/3 (no file given): (point 0, replication 1), (point 1, replication 1)");
  CHECK(shards_with_missing(two) == std::vector<int>{2});

  // An unfinished shard is read from NAME.partial, given as NAME or as the journal itself.
  fs::remove(b);
  const fs::path half = write_shard(dir.path, shard_header(2, 3), 1);
  CHECK(half == journal_path_for(b));
  for (const fs::path& given : {b, half}) {
    const ShardSet s = read_shard_set({a, given, c});
    REQUIRE(s.missing.size() == 1);
    CHECK(describe_missing(s) ==
          "1 unit(s) missing: shard 2/3 (" + half.string() + ", not finished): (point 1, replication 1)");
  }
  // finsim missing skips a file that does not exist (a task that never started); merge does not.
  CHECK(read_shard_set({a, dir.path / "none", c}, true).missing.size() == 2);
  CHECK(input_error([&] {
          read_shard_set({a, dir.path / "none"});
        }).find("none: no such shard file") != std::string::npos);
}

TEST_CASE("shard set: shards that do not belong together are refused naming both files", "[run]") {
  test::TempDir dir("shard-set-bad");
  const fs::path a = write_shard(dir.path, shard_header(1, 2));
  const fs::path b = write_shard(dir.path, shard_header(2, 2));

  const fs::path copy = dir.path / "copy";
  fs::copy_file(a, copy);
  CHECK(input_error([&] {
          read_shard_set({a, b, copy});
        }) == "unit (point 0, replication 0) is in two files: " + a.string() + " (shard 1/2) and " + copy.string() +
                  " (shard 1/2)");
  CHECK(input_error([&] { read_shard_set({a, a}); }).find("given twice") != std::string::npos);

  auto refused = [&](JournalHeader h, const std::string& name) {
    const fs::path other = write_shard(dir.path, h, 1000, name);
    return input_error([&] { read_shard_set({a, other}); });
  };
  JournalHeader h = shard_header(2, 2);
  h.finsim_version = "0.0.9";
  CHECK(refused(h, "old").find("mixed versions: " + a.string() + " was written by finsim") != std::string::npos);
  h = shard_header(2, 3);
  CHECK_THAT(refused(h, "n3"), Catch::Contains("(shard 2/3) is not of the same run as " + a.string()) &&
                                   Catch::Contains("shards of different slicings"));
  h = shard_header(2, 2);
  h.seed = 7;
  CHECK_THAT(refused(h, "seed"), Catch::Contains("seed 7 against 42"));
  h = shard_header(2, 2);
  h.point_sha256[1] = std::string(64, 'f');
  CHECK_THAT(refused(h, "digest"), Catch::Contains("the resolved scenario of point 1 differs"));
  h = shard_header(2, 2);
  h.plan.points = {{"1"}, {"3"}};
  CHECK_THAT(refused(h, "points"), Catch::Contains("varied keys or values differ"));
  h = shard_header(2, 2);
  h.replications = 4;
  CHECK_THAT(refused(h, "reps"), Catch::Contains("replications 0+4 against 0+3"));

  // A plain resume journal is not a shard.
  JournalHeader plain = shard_header(0, 0);
  auto journal = UnitJournal::create(dir.path / "run.h5.partial", plain);
  REQUIRE(journal);
  CHECK_THAT(input_error([&] { read_shard_set({dir.path / "run.h5.partial"}); }), Catch::Contains("not a shard file"));
}

TEST_CASE("shard set: --array lists are ranges of shard indices", "[run]") {
  CHECK(array_list({}).empty());
  CHECK(array_list({4}) == "4");
  CHECK(array_list({1, 2, 3, 7, 9, 10}) == "1-3,7,9-10");
}

TEST_CASE("journal: a shard header is kept and a resume as another shard is refused", "[run]") {
  test::TempDir dir("shard-journal");
  const fs::path path = write_shard(dir.path, shard_header(1, 2), 1);
  {
    const UnitJournal read = UnitJournal::open_to_read(path);
    CHECK(read.header() == shard_header(1, 2));  // the plan round-trips too
    CHECK(read.done_count() == 1);
    CHECK(read.load(0, 0).replication == 0);
    CHECK_THROWS_AS(const_cast<UnitJournal&>(read).append(1, 0, result(0)), std::logic_error);
  }
  CHECK_THAT(input_error([&] { UnitJournal::resume(path, shard_header(2, 2)); }),
             Catch::Contains("shard 1/2 in the journal, shard 2/2 now"));
  JournalHeader plain = shard_header(0, 0);
  CHECK_THAT(input_error([&] { UnitJournal::resume(path, plain); }),
             Catch::Contains("shard 1/2 in the journal, no shard now"));
  // While a writer holds it, open_to_read refuses (finsim merge must not read a shard being written).
  auto writer = UnitJournal::resume(path, shard_header(1, 2));
  CHECK_THAT(input_error([&] { UnitJournal::open_to_read(path); }), Catch::Contains("is writing this journal now"));
}

// Regenerates tests/data/journal/old-version.shard for tests/cli/shard_merge.sh: one shard
// (1/1) of 1 point x 2 replications written by "finsim 0.0.9 (commit fixture)".
//   build/release/tests/finsim_tests '[.generate-shard-fixture]'
TEST_CASE("shard set: write the fixture of the merge CLI test", "[.generate-shard-fixture]") {
  const fs::path dir = fs::path(FINSIM_TEST_DATA) / "journal";
  JournalHeader h = shard_header(1, 1);
  h.finsim_version = "0.0.9";
  h.git_commit = "fixture";
  h.point_sha256 = {std::string(64, '1')};
  h.replications = 2;
  h.plan.varied_keys.clear();
  h.plan.points.clear();
  fs::remove(dir / "old-version.shard");
  write_shard(dir, h, 1000, "old-version.shard");
}
