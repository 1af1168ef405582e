// Specification of the sweep points from the command line: lists, ranges, grids, CSV files, and
// one-line errors naming the argument or file and line.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "run/sweep_points.h"
#include "util/error.h"

using namespace finsim;
using Values = std::vector<std::string>;

TEST_CASE("parse_vary: lists and ranges", "[run]") {
  CHECK(parse_vary("a.b=1,2,3") == std::pair<std::string, Values>{"a.b", {"1", "2", "3"}});
  CHECK(parse_vary("k=339:1017:7").second == Values{"339", "452", "565", "678", "791", "904", "1017"});
  CHECK(parse_vary("k=339:1017:8").second.size() == 8);
  CHECK(parse_vary("k=339:1017:8").second[1] == "435.8571429");
  CHECK(parse_vary("k=339:1017:8").second.back() == "1017");
  CHECK(parse_vary("k=0.5:1:3").second == Values{"0.5", "0.75", "1"});
  CHECK(parse_vary("k=5:5:1").second == Values{"5"});
  CHECK(parse_vary("k=dalarna-cut,\"none\"").second == Values{"\"dalarna-cut\"", "\"none\""});
  CHECK(parse_vary("k=[1,2],[3]").second == Values{"[1,2]", "[3]"});
  CHECK(parse_vary("k=true,false").second == Values{"true", "false"});
}

TEST_CASE("parse_vary: errors name the argument", "[run]") {
  for (const std::string bad : {"novalue", "=1,2", "k=1,,2", "k=1:2:0", "k=1:x:3", "k=1:2:2.5", "k=1,1",
                                "k=339,339.0,3.39e2"}) {  // one number however it is written
    CAPTURE(bad);
    try {
      parse_vary(bad);
      FAIL("no error");
    } catch (const InputError& e) {
      CHECK(std::string(e.what()).find("--vary '" + bad + "'") == 0);
    }
  }
}

TEST_CASE("grid_points: the cartesian product, the first key slowest", "[run]") {
  const SweepPoints g = grid_points({"a=1,2", "b=x,y,z"});
  CHECK(g.keys == Values{"a", "b"});
  REQUIRE(g.values.size() == 6);
  CHECK(g.values[0] == Values{"1", "\"x\""});
  CHECK(g.values[1] == Values{"1", "\"y\""});
  CHECK(g.values[3] == Values{"2", "\"x\""});
  CHECK(g.values[5] == Values{"2", "\"z\""});
  CHECK_THROWS_AS(grid_points({"a=1,2", "a=3"}), InputError);
  CHECK_THROWS_AS(grid_points({"a=1:2:1000", "b=1:2:1000"}, 100000), InputError);
}

TEST_CASE("read_points_csv: one row per point, errors with file and line", "[run]") {
  const auto dir = std::filesystem::temp_directory_path() / ("finsim-points-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir / name) << text;
    return dir / name;
  };
  const SweepPoints p = read_points_csv(write("ok.csv", "funding.a,funding.b\n339,dalarna-cut\n678,none\n"));
  CHECK(p.keys == Values{"funding.a", "funding.b"});
  REQUIRE(p.values.size() == 2);
  CHECK(p.values[1] == Values{"678", "\"none\""});
  const auto message = [](const std::filesystem::path& f) {
    try {
      read_points_csv(f);
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK(message(write("empty.csv", "a,b\n")).find("no points") != std::string::npos);
  CHECK(message(write("twice.csv", "a,a\n1,2\n")).find("given twice") != std::string::npos);
  const std::string blank = message(write("blank.csv", "a,b\n1,2\n3,\n"));
  CHECK(blank.find("blank.csv:3") != std::string::npos);
  CHECK(message(write("ragged.csv", "a,b\n1\n")).find("ragged.csv:2") != std::string::npos);
  CHECK(message(dir / "missing.csv").find("missing.csv") != std::string::npos);
  // Each row is a point of its own: the same values (a number however written) are refused.
  const auto twice = write("duplicate.csv", "a,b\n339,x\n678,x\n339.0,x\n");
  CHECK(message(twice) == twice.string() + ":4: the same point as line 2 (each row must differ)");
  // Each point knows its line, for the messages of the run.
  CHECK(p.origins == Values{(dir / "ok.csv").string() + ":2", (dir / "ok.csv").string() + ":3"});
  std::filesystem::remove_all(dir);
}
