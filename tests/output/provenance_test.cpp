// Specification of output/provenance.cpp: what a result file says about how it was made — the
// program and libraries, the run, and the digest of every input file in a fixed order.
#include "output/provenance.h"

#include <catch2/catch.hpp>

#include <map>
#include <regex>

#include "../test_paths.h"
#include "output/sha256.h"

using namespace finsim;

namespace {

using finsim::test::kBaseline;

std::map<std::string, h5::AttrValue> by_name(const std::vector<h5::Attribute>& attrs) {
  std::map<std::string, h5::AttrValue> out;
  for (const auto& a : attrs) REQUIRE(out.emplace(a.name, a.value).second);  // each name once
  return out;
}

}  // namespace

TEST_CASE("provenance: the run as the caller saw it, stamped in UTC", "[output][provenance]") {
  CHECK(std::regex_match(utc_now_iso(), std::regex(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)")));
  const RunInfo run = describe_run("finsim run x.toml", 3);
  CHECK(run.command_line == "finsim run x.toml");
  CHECK(run.threads == 3);
  CHECK(run.ranks == 1);
  CHECK(!run.created.empty());
  CHECK(!run.host.empty());
}

TEST_CASE("provenance: root attributes name the program, the libraries and the run", "[output][provenance]") {
  const RunInfo run{"finsim run x.toml", 2, 4, "2026-11-26T09:00:00Z", "node7"};
  const auto a = by_name(root_attributes(run));
  for (const char* name : {"finsim_version", "git_commit", "compiler", "hdf5_version", "tbb_version", "boost_version",
                           "tomlplusplus_version"}) {
    INFO(name);
    REQUIRE(a.count(name) == 1);
    CHECK(!std::get<std::string>(a.at(name)).empty());
  }
  CHECK(std::get<std::string>(a.at("schema_version")) == kSchemaVersion);
  CHECK(std::get<std::string>(a.at("created")) == "2026-11-26T09:00:00Z");
  CHECK(std::get<std::string>(a.at("command_line")) == "finsim run x.toml");
  CHECK(std::get<std::int64_t>(a.at("threads")) == 2);
  CHECK(std::get<std::int64_t>(a.at("ranks")) == 4);
  CHECK(std::get<std::string>(a.at("host")) == "node7");
  CHECK(a.size() == 13);
}

TEST_CASE("provenance: input digests of the data files, then the scenario chain", "[output][provenance]") {
  const Scenario s = load_scenario(kBaseline, {"population.scale=0.01"});
  World world = build_world(s.config);
  REQUIRE(!world.need_path.empty());
  REQUIRE(!world.allocations_path.empty());
  const auto all = input_digests(s, world);
  REQUIRE(all.size() == 4 + s.chain.size());
  CHECK(all[0].path == world.kommuner_path);
  CHECK(all[1].path == world.forbund_path);
  CHECK(all[2].path == world.need_path);
  CHECK(all[3].path == world.allocations_path);
  for (std::size_t i = 0; i < s.chain.size(); ++i) CHECK(all[4 + i].path == s.chain[i]);
  for (const auto& d : all) CHECK(d.sha256 == sha256_file_hex(d.path));
  // A table the world did not read is not listed.
  world.need_path.clear();
  world.allocations_path.clear();
  const auto fewer = input_digests(s, world);
  REQUIRE(fewer.size() == 2 + s.chain.size());
  CHECK(fewer[2].path == s.chain[0]);
}

TEST_CASE("provenance: scenario attributes hold the resolved scenario and the replication range",
          "[output][provenance]") {
  const Scenario s = load_scenario(kBaseline, {"population.scale=0.01", "scenario.end=2020-12"});
  const World world = build_world(s.config);
  const auto a = by_name(scenario_attributes(s, world, 5, 3));
  CHECK(std::get<std::string>(a.at("resolved_scenario")) == s.resolved_toml);
  CHECK(std::get<std::string>(a.at("scenario_sha256")) == sha256_hex(s.resolved_toml));
  CHECK(std::get<std::int64_t>(a.at("replication_first")) == 5);
  CHECK(std::get<std::int64_t>(a.at("replication_count")) == 3);
  CHECK(std::get<std::int64_t>(a.at("seed")) == s.config.meta.seed);
  CHECK(std::get<std::string>(a.at("start_month")) == "2019-01");
  CHECK(std::get<std::int64_t>(a.at("months")) == 24);
  CHECK(std::get<double>(a.at("population_scale")) == 0.01);
  CHECK(std::get<std::vector<std::string>>(a.at("overrides")) == s.overrides);
  const auto files = std::get<std::vector<std::string>>(a.at("input_files"));
  const auto digests = std::get<std::vector<std::string>>(a.at("input_sha256"));
  REQUIRE(files.size() == digests.size());
  const auto expected = input_digests(s, world);
  REQUIRE(files.size() == expected.size());
  for (std::size_t i = 0; i < files.size(); ++i) {
    CHECK(files[i] == expected[i].path);
    CHECK(digests[i] == expected[i].sha256);
  }
}
