// Specification of output/result_coordinates.cpp: month labels, and the labelled dimensions of a
// result group with the area and insats labels that go with them, read back from the file.
#include <catch2/catch.hpp>

#include "output/result_coordinates.h"
#include "result_frame_fixture.h"

using namespace finsim;
using finsim::test::FrameFixture;

TEST_CASE("month labels are YYYY-MM of year × 12 + month − 1", "[output][result_coordinates]") {
  CHECK(month_label(2019 * 12) == "2019-01");
  CHECK(month_label(2019 * 12 + 11) == "2019-12");
  CHECK(month_label(2040 * 12 + 8) == "2040-09");
}

TEST_CASE("coordinates: replication, month, year and the areas with their kind and region",
          "[output][result_coordinates]") {
  FrameFixture f("coordinates");
  const auto file = f.write(write_coordinates);
  const auto g = file.open_group("g");
  CHECK(h5::read_int64(g, "replication").values == std::vector<std::int64_t>{3});
  const auto months = h5::read_strings(g, "month");
  REQUIRE(months.size() == 24);
  CHECK(months.front() == "2019-01");
  CHECK(months[12] == "2020-01");
  CHECK(months.back() == "2020-12");
  CHECK(h5::read_int64(g, "year").values == std::vector<std::int64_t>{2019, 2020});
  CHECK(h5::read_strings(g, "forbund") == std::vector<std::string>{"A", "Utan förbund, Första län"});
  CHECK(h5::read_strings(g, "forbund_kind") == std::vector<std::string>{"documented", "no_forbund"});
  CHECK(h5::read_strings(g, "forbund_region") == std::vector<std::string>{"01", "01"});
  CHECK(h5::read_strings(g, "forbund_region_name") == std::vector<std::string>{"Första län", "Första län"});
  CHECK(h5::read_int64(g, "forbund_population_16_64").values == std::vector<std::int64_t>{4000, 1000});
  CHECK(h5::string_attribute(g, "forbund_population_16_64", "units") == "persons");
  CHECK(h5::string_attribute(g, "month", "long_name") == "calendar month (YYYY-MM)");
  CHECK(h5::string_attribute(g, "replication", "units") == "1");
}

TEST_CASE("coordinates: states, payers, support sources, departures and the insats catalogue",
          "[output][result_coordinates]") {
  FrameFixture f("coordinates-fixed");
  f.scenario.config.insatser[1].structural = true;
  const auto file = f.write(write_coordinates);
  const auto g = file.open_group("g");
  CHECK(h5::read_strings(g, "state") ==
        std::vector<std::string>{"target", "waiting", "in_insats", "work", "studies", "job_seeking", "gone"});
  CHECK(h5::read_strings(g, "from_state") == h5::read_strings(g, "state"));
  CHECK(h5::read_strings(g, "to_state") == h5::read_strings(g, "state"));
  CHECK(h5::read_strings(g, "payer") == std::vector<std::string>{"state", "region", "kommun"});
  CHECK(h5::read_strings(g, "support").size() == kSupportSources);
  CHECK(h5::read_strings(g, "gone_reason") ==
        std::vector<std::string>{"aged_out", "death", "emigration", "sjukersattning"});
  const auto& catalogue = f.scenario.config.insatser;
  const auto names = h5::read_strings(g, "insats");
  const auto labels = h5::read_strings(g, "insats_label_sv");
  const auto kinds = h5::read_strings(g, "insats_kind");
  const auto cost = h5::read_int64(g, "insats_cost_per_month");
  REQUIRE(names.size() == catalogue.size());
  REQUIRE(cost.shape == h5::Shape{catalogue.size()});
  for (std::size_t t = 0; t < catalogue.size(); ++t) {
    CHECK(names[t] == catalogue[t].name);
    CHECK(labels[t] == catalogue[t].label_sv);
    CHECK(kinds[t] == (catalogue[t].structural ? "structural" : "individual"));
    CHECK(cost.values[t] == catalogue[t].cost_per_month);
  }
  CHECK(kinds[1] == "structural");
}

TEST_CASE("coordinates: in a sweep each point has its own insats costs", "[output][result_coordinates]") {
  FrameFixture f("coordinates-sweep");
  Scenario dearer = f.scenario;
  dearer.config.insatser[0].cost_per_month += 1000;
  const std::vector<const Scenario*> points = {&f.scenario, &dearer};
  f.results.push_back(f.replication(3));
  const Lead sweep{{"point", "replication"}, {2, 1}, points, {}};
  const auto file = f.write(
      [](const ResultFrame& frame) {
        h5::define_dimension(frame.group, "point", 2);
        write_coordinates(frame);
      },
      &sweep);
  const auto g = file.open_group("g");
  const auto cost = h5::read_int64(g, "insats_cost_per_month");
  const std::size_t n = f.insatser();
  REQUIRE(cost.shape == h5::Shape{2, n});
  CHECK(h5::dimension_names(g, "insats_cost_per_month") == std::vector<std::string>{"point", "insats"});
  CHECK(cost.values[0] == f.scenario.config.insatser[0].cost_per_month);
  CHECK(cost.values[n] == f.scenario.config.insatser[0].cost_per_month + 1000);
  CHECK(cost.values[n + 1] == cost.values[1]);
  // The replication coordinate is the replications of one point.
  CHECK(h5::read_int64(g, "replication").values == std::vector<std::int64_t>{3});
}
