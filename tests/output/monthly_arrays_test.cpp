// Specification of output/monthly_arrays.cpp on a replication written by hand: counters per area and
// month in persons (agents × 1 / population.scale), the Gone as cumulative departures, national flows.
#include <catch2/catch.hpp>

#include "output/monthly_arrays.h"
#include "output/result_coordinates.h"
#include "result_frame_fixture.h"

using namespace finsim;
using finsim::test::FrameFixture;

namespace {

void coordinates_and_monthly(const ResultFrame& frame, UnitArrays& arrays) {
  write_coordinates(frame);
  add_monthly_arrays(frame, arrays);
}

}  // namespace

TEST_CASE("monthly arrays: per area and month, in persons", "[output][monthly_arrays]") {
  FrameFixture f("monthly");
  const auto file = f.write(coordinates_and_monthly);
  const auto g = file.open_group("g");
  const auto participants = h5::read_double(g, "participants");
  REQUIRE(participants.shape == h5::Shape{1, 24, 2});
  CHECK(h5::dimension_names(g, "participants") == std::vector<std::string>{"replication", "month", "forbund"});
  CHECK(h5::string_attribute(g, "participants", "units") == "persons");
  const auto inflow = h5::read_double(g, "inflow");
  const auto target_group = h5::read_double(g, "target_group");
  const auto waiting = h5::read_double(g, "waiting");
  for (std::size_t m = 0; m < 24; ++m)
    for (std::size_t a = 0; a < 2; ++a) {
      INFO("month " << m << " area " << a);
      const std::size_t at = m * 2 + a;
      const double mm = static_cast<double>(m), aa = static_cast<double>(a);
      CHECK(participants.values[at] == 2 * (mm + 1 + 2));  // both types, two persons an agent
      CHECK(inflow.values[at] == 2 * mm);
      CHECK(waiting.values[at] == 2 * (20 + mm + aa));
      // target + waiting + in_insats: 10, 20 and 30, each + m + a.
      CHECK(target_group.values[at] == 2 * (60 + 3 * (mm + aa)));
    }
}

TEST_CASE("monthly arrays: stocks by state with the Gone as departures since the start", "[output][monthly_arrays]") {
  FrameFixture f("monthly-stock");
  const auto file = f.write(coordinates_and_monthly);
  const auto g = file.open_group("g");
  const auto stock = h5::read_double(g, "stock");
  REQUIRE(stock.shape == h5::Shape{1, 24, 2, kStates});
  const auto departures = h5::read_double(g, "departures");
  REQUIRE(departures.shape == h5::Shape{1, 24, 2, kGoneReasons - 1});
  const int gone = static_cast<int>(State::Gone);
  for (std::size_t m = 0; m < 24; ++m)
    for (std::size_t a = 0; a < 2; ++a) {
      INFO("month " << m << " area " << a);
      const double mm = static_cast<double>(m), aa = static_cast<double>(a);
      for (int s = 0; s < gone; ++s) CHECK(stock.values[(m * 2 + a) * kStates + s] == 2 * (10.0 * (s + 1) + mm + aa));
      // Area 0 started with 7 Gone and loses one a month, area 1 none and two a month.
      const double cumulative = a == 0 ? 7 + (mm + 1) : 2 * (mm + 1);
      CHECK(stock.values[(m * 2 + a) * kStates + gone] == 2 * cumulative);
      // Departures by reason, without GoneReason::None: death is the second label.
      CHECK(departures.values[(m * 2 + a) * 4 + 0] == 0.0);
      CHECK(departures.values[(m * 2 + a) * 4 + 1] == 2 * (1 + aa));
    }
}

TEST_CASE("monthly arrays: per insats type, national flows and the opening stock", "[output][monthly_arrays]") {
  FrameFixture f("monthly-insats");
  const auto file = f.write(coordinates_and_monthly);
  const auto g = file.open_group("g");
  const std::size_t n = f.insatser();
  const auto by_insats = h5::read_double(g, "participants_by_insats");
  const auto slots = h5::read_double(g, "slots_by_insats");
  REQUIRE(by_insats.shape == h5::Shape{1, 24, 2, n});
  CHECK(by_insats.values[(5 * 2 + 1) * n + 0] == 12.0);  // (5 + 1) × 2
  CHECK(by_insats.values[(5 * 2 + 1) * n + 1] == 4.0);
  CHECK(by_insats.values[(5 * 2 + 1) * n + 2] == 0.0);
  CHECK(slots.values[(5 * 2 + 1) * n + 0] == 18.0);

  const auto flows = h5::read_double(g, "flows");
  REQUIRE(flows.shape == h5::Shape{1, 24, kStates, kStates});
  CHECK(h5::dimension_names(g, "flows") == std::vector<std::string>{"replication", "month", "from_state", "to_state"});
  for (std::size_t m = 0; m < 24; ++m) {
    double total = 0;
    for (int s = 0; s < kStates * kStates; ++s) total += flows.values[m * kStates * kStates + s];
    CHECK(flows.values[m * kStates * kStates + static_cast<int>(State::Gone)] == 2 * (1 + 2));  // both areas
    CHECK(total == 6.0);
  }

  const auto initial = h5::read_double(g, "initial_stock");
  REQUIRE(initial.shape == h5::Shape{1, 2, kStates});
  CHECK(initial.values == std::vector<double>{2, 4, 6, 8, 10, 12, 14, 0, 0, 0, 0, 0, 0, 0});
}
