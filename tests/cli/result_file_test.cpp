#include "cli/result_file.h"

#include <catch2/catch.hpp>
#include <fstream>

#include "../input_error.h"
#include "../run/tiny_replication.h"
#include "../temp_dir.h"
#include "../test_paths.h"
#include "config/read_scenario.h"
#include "output/invariants.h"

using namespace finsim;

TEST_CASE("result_file: claiming a result file creates NAME.partial.PID now", "[cli][result-file]") {
  test::TempDir dir("result-file-claim");
  PartialFile partial(dir / "out.h5");
  cli::claim_result_file(partial, {});
  CHECK(std::filesystem::exists(partial.partial_path()));
  CHECK(partial.partial_path().parent_path() == dir.path);
  CHECK(!std::filesystem::exists(dir / "out.h5"));  // nothing that looks complete
  partial.discard();
  CHECK(!std::filesystem::exists(partial.partial_path()));
}

TEST_CASE("result_file: an unwritable place fails before any work, naming the file and why", "[cli][result-file]") {
  test::TempDir dir("result-file-bad");
  std::filesystem::create_directories(dir / "folder.h5");
  const std::string folder = (dir / "folder.h5").string();
  CHECK(test::input_error([&] {
          PartialFile p(folder);
          cli::claim_result_file(p, {});
        }) == folder + ": is a directory; give a file name with -o");
  const std::string missing = (dir / "missing" / "out.h5").string();
  CHECK(test::input_error([&] {
          PartialFile p(missing);
          cli::claim_result_file(p, {});
        }) ==
        missing + ": cannot write the result file: directory '" + (dir / "missing").string() + "' does not exist");
  const std::string file = dir.write("plain.txt", "x");
  const std::string under_file = file + "/out.h5";
  CHECK(test::input_error([&] {
          PartialFile p(under_file);
          cli::claim_result_file(p, {});
        }) == under_file + ": cannot write the result file: '" + file + "' is not a directory");
}

TEST_CASE("result_file: a unit that breaks an identity fails the finish, and no result file appears",
          "[cli][result-file]") {
  test::TempDir dir("result-file-write");
  Scenario s = load_scenario(test::kBaseline, {"population.scale=0.03", "scenario.end=2019-12",
                                               "scenario.burn_in_years=0", "scenario.replications=1"});
  auto world = std::make_shared<const World>(build_world(s.config));
  const PreparedRun run = prepare_run(std::move(s), world);
  ReplicationResult result = test::tiny_replication(false, 0);
  const RunInfo info{"finsim run test", 1, 1, "2026-11-26T12:00:00Z", "test"};

  // As finsim run does it: claim NAME.partial.PID, write the units into it, commit when finished.
  const auto good = dir / "good.h5";
  {
    PartialFile partial(good);
    cli::claim_result_file(partial, {});
    cli::ResultFile file(partial.partial_path(), run, info);
    file.add({0, 0}, result);
    file.finish();
    partial.commit();
  }
  std::ifstream in(good, std::ios::binary);
  char magic[8] = {};
  in.read(magic, 8);
  CHECK(std::string(magic, 8) == std::string("\x89HDF\r\n\x1a\n", 8));

  result.monthly.back().referrals = -1;
  const auto bad = dir / "bad.h5";
  {
    PartialFile partial(bad);
    cli::claim_result_file(partial, {});
    cli::ResultFile file(partial.partial_path(), run, info);
    file.add({0, 0}, result);
    CHECK_THROWS_AS(file.finish(), InvariantError);
  }  // not committed: the partial file goes with it
  CHECK(!std::filesystem::exists(bad));
  for (const auto& entry : std::filesystem::directory_iterator(dir.path))
    CHECK(entry.path().filename().string().rfind("bad.h5", 0) != 0);
}
