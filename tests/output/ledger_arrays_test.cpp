// Specification of output/ledger_arrays.cpp on a replication written by hand: the payer ledger in
// SEK per area, month and payer, Finsam contributions a twelfth a month with the remainder in
// December, and national sums equal to the sums over areas.
#include <catch2/catch.hpp>

#include "output/ledger_arrays.h"
#include "output/result_coordinates.h"
#include "result_frame_fixture.h"

using namespace finsim;
using finsim::test::FrameFixture;

namespace {

void coordinates_and_ledger(const ResultFrame& frame, UnitArrays& arrays) {
  write_coordinates(frame);
  add_ledger_arrays(frame, arrays);
}

}  // namespace

TEST_CASE("ledger: public cost and pension per area and payer in SEK, and national sums", "[output][ledger_arrays]") {
  FrameFixture f("ledger");
  const auto file = f.write(coordinates_and_ledger);
  const auto g = file.open_group("g");
  const auto cost = h5::read_int64(g, "public_cost_by_forbund");
  REQUIRE(cost.shape == h5::Shape{1, 24, 2, kPayers});
  CHECK(h5::dimension_names(g, "public_cost_by_forbund") ==
        std::vector<std::string>{"replication", "month", "forbund", "payer"});
  const auto national = h5::read_int64(g, "public_cost");
  REQUIRE(national.shape == h5::Shape{1, 24, kPayers});
  const auto pension = h5::read_int64(g, "pension_contribution_by_forbund");
  REQUIRE(pension.shape == h5::Shape{1, 24, 2});
  for (std::size_t m = 0; m < 24; ++m) {
    INFO("month " << m);
    for (std::size_t a = 0; a < 2; ++a) {
      // 3 · (p + 1) + a agent-unit kronor, two SEK each at population.scale 0.5.
      for (std::size_t p = 0; p < kPayers; ++p)
        CHECK(cost.values[(m * 2 + a) * kPayers + p] == static_cast<std::int64_t>(2 * (3 * (p + 1) + a)));
      CHECK(pension.values[m * 2 + a] == 10);
    }
    CHECK(national.values[m * kPayers + 0] == 14);
    CHECK(national.values[m * kPayers + 1] == 26);
    CHECK(national.values[m * kPayers + 2] == 38);
  }
  for (const auto v : h5::read_int64(g, "public_revenue").values) CHECK(v == 0);
}

TEST_CASE("ledger: a year's contributions are paid a twelfth a month, the remainder in December",
          "[output][ledger_arrays]") {
  FrameFixture f("ledger-contribution");
  const auto file = f.write(coordinates_and_ledger);
  const auto g = file.open_group("g");
  const auto by_area = h5::read_int64(g, "finsam_contribution_by_forbund");
  const auto national = h5::read_int64(g, "finsam_contribution");
  REQUIRE(by_area.shape == h5::Shape{1, 24, 2, kPayers});
  REQUIRE(national.shape == h5::Shape{1, 24, kPayers});
  auto paid = [&](std::size_t m, std::size_t a, std::size_t p) { return by_area.values[(m * 2 + a) * kPayers + p]; };
  // 2019: state 1 205 = 11 × 100 + 105, region 600 = 11 × 50 + 50, kommuner 601 = 11 × 50 + 51.
  for (std::size_t m = 0; m < 11; ++m) {
    CHECK(paid(m, 0, 0) == 100);
    CHECK(paid(m, 0, 1) == 50);
    CHECK(paid(m, 0, 2) == 50);
  }
  CHECK(paid(11, 0, 0) == 105);
  CHECK(paid(11, 0, 1) == 50);
  CHECK(paid(11, 0, 2) == 51);
  for (std::size_t p = 0; p < kPayers; ++p) {
    std::int64_t year = 0;
    for (std::size_t m = 0; m < 12; ++m) year += paid(m, 0, p);
    CHECK(year == std::vector<std::int64_t>{1205, 600, 601}[p]);  // the year's payments exactly
  }
  for (std::size_t m = 12; m < 23; ++m) CHECK(paid(m, 0, 0) == 100);  // 1 206 / 12 in 2020 …
  CHECK(paid(23, 0, 0) == 106);                                       // … and the remainder in December
  // The area without a förbund pays nothing; the national sum is the förbund's.
  for (std::size_t m = 0; m < 24; ++m)
    for (std::size_t p = 0; p < kPayers; ++p) {
      CHECK(paid(m, 1, p) == 0);
      CHECK(national.values[m * kPayers + p] == paid(m, 0, p));
    }
}
