// Specification of output/results_reader.cpp: a result file is one of ours, of a schema this finsim
// reads, with the scenario asked for; anything else is an input error naming the file.
#include "output/results_reader.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "../temp_dir.h"
#include "output/hdf5_file.h"
#include "output/provenance.h"
#include "util/error.h"

namespace fs = std::filesystem;
using namespace finsim;

namespace {

// A file with the root attributes of a result file and empty groups scenarios/<name> for `names`.
void write_shell(const fs::path& path, const std::string& schema, const std::vector<std::string>& names) {
  auto file = h5::File::create(path);
  file.root().set_attribute("finsim_version", std::string("9.9"));
  file.root().set_attribute("schema_version", schema);
  { const auto scenarios = file.create_group("scenarios"); }
  for (const auto& n : names) file.create_group("scenarios/" + n);
  file.close();
}

}  // namespace

TEST_CASE("results: not a finsim file is an input error", "[output][results]") {
  const auto path = fs::temp_directory_path() / ("finsim-notours-" + std::to_string(::getpid()) + ".h5");
  {
    auto file = h5::File::create(path);
    file.close();
  }
  CHECK_THROWS_AS(open_results(path), InputError);
  CHECK_THROWS_AS(read_run(path.string() + ".missing"), InputError);
  fs::remove(path);
}

TEST_CASE("results reader: the schema, and which scenario of the file", "[output][results]") {
  const test::TempDir dir("results-reader");
  const auto old_schema = dir / "old.h5";
  write_shell(old_schema, "1", {"base"});
  CHECK_THROWS_WITH(
      open_results(old_schema),
      old_schema.string() + ": schema_version 1 is not supported (this finsim reads " + kSchemaVersion + ")");

  const auto empty = dir / "empty.h5";
  write_shell(empty, kSchemaVersion, {});
  CHECK_THROWS_WITH(open_results(empty), empty.string() + ": no scenario in /scenarios");

  const auto two = dir / "two.h5";
  write_shell(two, kSchemaVersion, {"base", "scen"});
  CHECK_THROWS_WITH(open_results(two), two.string() + ": several scenarios (base, scen); name one");
  CHECK_THROWS_WITH(open_results(two, "other"), two.string() + ": no scenario 'other' in /scenarios");
  const ResultsFile f = open_results(two, "scen");
  CHECK(f.scenario == "scen");
  CHECK(f.path == two.string());
  CHECK(f.group.path() == "/scenarios/scen");
  CHECK(!is_sweep(f));

  // The only scenario is taken without naming it; a file without its arrays is incomplete.
  const auto one = dir / "one.h5";
  write_shell(one, kSchemaVersion, {"base"});
  CHECK(open_results(one).scenario == "base");
  CHECK_THROWS_AS(read_run(one), InputError);
  CHECK_THROWS_WITH(read_run(one), Catch::Contains(one.string()));
}
