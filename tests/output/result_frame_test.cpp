// Specification of output/result_frame.cpp: the replications must agree in shape before anything is
// written; the leading axes of a run ([replication]) and a sweep ([point, replication]); kronor in
// agent units become SEK rounded once.
#include <catch2/catch.hpp>
#include <stdexcept>
#include <variant>

#include "result_frame_fixture.h"

using namespace finsim;
using finsim::test::FrameFixture;

TEST_CASE("result frame: sizes and conversions from the scenario and the first replication", "[output][result_frame]") {
  FrameFixture f("frame-sizes");
  f.results.push_back(f.replication(4));
  f.write([&](const ResultFrame& frame) {
    const Layout& l = frame.layout;
    CHECK(l.reps == 2);
    CHECK(l.months == 24);
    CHECK(l.areas == 2);
    CHECK(l.years == 2);  // 2019 and 2020
    CHECK(l.insatser == f.insatser());
    CHECK(l.forbund == 1);  // the area without a förbund has no funding record
    CHECK(l.first_month == 2019 * 12);
    CHECK(l.first_year == 2019);
    CHECK(l.per_person == 2.0);
    CHECK(l.scale == 0.5);
    CHECK(frame.shape({24, 2}) == h5::Shape{2, 24, 2});
    CHECK(frame.dims({"month", "forbund"}) == std::vector<std::string>{"replication", "month", "forbund"});
    // What a point may change has no leading axis in a run.
    CHECK(frame.per_point({8}) == h5::Shape{8});
    CHECK(frame.per_point_dims({"insats"}) == std::vector<std::string>{"insats"});
  });
}

TEST_CASE("result frame: a sweep leads with point, then replication", "[output][result_frame]") {
  FrameFixture f("frame-sweep");
  f.results.push_back(f.replication(3));
  f.results.push_back(f.replication(3));  // three points, one replication each
  const std::vector<const Scenario*> points(3, &f.scenario);
  const Lead sweep{{"point", "replication"}, {3, 1}, points, {}};
  f.write(
      [&](const ResultFrame& frame) {
        CHECK(frame.shape({2}) == h5::Shape{3, 1, 2});
        CHECK(frame.dims({"year"}) == std::vector<std::string>{"point", "replication", "year"});
        CHECK(frame.per_point({8}) == h5::Shape{3, 8});
        CHECK(frame.per_point_dims({"insats"}) == std::vector<std::string>{"point", "insats"});
      },
      &sweep);
}

TEST_CASE("result frame: replications that do not share the first one's shape are refused", "[output][result_frame]") {
  const auto nothing = [](const ResultFrame&) {};
  FrameFixture f("frame-refused");
  SECTION("fewer months") {
    ReplicationResult short_run = f.replication(4);
    short_run.months = 23;
    short_run.monthly.resize(46);
    f.results.push_back(short_run);
    CHECK_THROWS_WITH(f.write(nothing), "write_results: replication 4 has a different shape from replication 3");
  }
  SECTION("other areas") {
    ReplicationResult other = f.replication(4);
    other.areas[1].name = "B";
    f.results.push_back(other);
    CHECK_THROWS_WITH(f.write(nothing), "write_results: replications have different areas");
  }
  SECTION("a funding record missing") {
    f.results[0].funding.pop_back();
    CHECK_THROWS_WITH(f.write(nothing), "write_results: replication 3 has 1 funding records, expected 2");
  }
  SECTION("spending not reported for every record") {
    f.results[0].individual_spent.pop_back();
    CHECK_THROWS_AS(f.write(nothing), std::invalid_argument);
  }
  SECTION("another insats catalogue") {
    f.results[0].monthly[5].capacity.pop_back();
    CHECK_THROWS_WITH(f.write(nothing), "write_results: insats counts differ from the scenario's catalogue");
  }
}

TEST_CASE("result frame: agent-unit kronor become SEK, rounded once", "[output][result_frame]") {
  CHECK(to_sek(3, 0.5) == 6);
  CHECK(to_sek(1, 0.3) == 3);  // 3.33
  CHECK(to_sek(2, 0.3) == 7);  // 6.67
  CHECK(to_sek(-1, 0.3) == -3);
  CHECK(to_sek(0, 0.01) == 0);
  const auto attrs = described("SEK", "budget");
  REQUIRE(attrs.size() == 2);
  CHECK(attrs[0].name == "units");
  CHECK(std::get<std::string>(attrs[0].value) == "SEK");
  CHECK(attrs[1].name == "long_name");
  CHECK(std::get<std::string>(attrs[1].value) == "budget");
}
