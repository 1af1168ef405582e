// Specification of output/yearly_arrays.cpp on a replication written by hand: each förbund's yearly
// funding record in SEK on its area (0 or "" where there is no förbund), unique participants in persons.
#include <catch2/catch.hpp>

#include "output/result_coordinates.h"
#include "output/yearly_arrays.h"
#include "result_frame_fixture.h"

using namespace finsim;
using finsim::test::FrameFixture;

namespace {

void coordinates_and_yearly(const ResultFrame& frame, UnitArrays& arrays) {
  write_coordinates(frame);
  add_yearly_arrays(frame, arrays);
}

}  // namespace

TEST_CASE("yearly arrays: the förbund's funding records in SEK, zero without a förbund", "[output][yearly_arrays]") {
  FrameFixture f("yearly");
  const auto file = f.write(coordinates_and_yearly);
  const auto g = file.open_group("g");
  const auto state_paid = h5::read_int64(g, "state_paid");
  REQUIRE(state_paid.shape == h5::Shape{1, 2, 2});
  CHECK(h5::dimension_names(g, "state_paid") == std::vector<std::string>{"replication", "year", "forbund"});
  CHECK(h5::string_attribute(g, "state_paid", "units") == "SEK");
  // [year, area]: money is in SEK already, not scaled with the agents.
  CHECK(state_paid.values == std::vector<std::int64_t>{1205, 0, 1206, 0});
  CHECK(h5::read_int64(g, "region_paid").values == std::vector<std::int64_t>{600, 0, 600, 0});
  CHECK(h5::read_int64(g, "kommuner_paid").values == std::vector<std::int64_t>{601, 0, 601, 0});
  CHECK(h5::read_int64(g, "budget").values == std::vector<std::int64_t>{2406, 0, 2407, 0});
  CHECK(h5::read_int64(g, "individual_spent").values == std::vector<std::int64_t>{700, 0, 701, 0});
  CHECK(h5::read_int64(g, "equity_close").values == std::vector<std::int64_t>{0, 0, 0, 0});
  CHECK(h5::read_strings(g, "capping_party") == std::vector<std::string>{"region:01", "", "state", ""});
  for (const char* name : {"key_offer", "equity_reduction", "cap_adjustment", "state_offer", "unused_offer", "admin",
                           "structural", "individual", "equity_open", "equity_draw", "spent"})
    CHECK(h5::read_int64(g, name).shape == h5::Shape{1, 2, 2});
}

TEST_CASE("yearly arrays: unique participants are the year's first insats months, in persons",
          "[output][yearly_arrays]") {
  FrameFixture f("yearly-unique");
  f.results[0].monthly[0].new_unique_participants = 5;  // January 2019, area 0
  const auto file = f.write(coordinates_and_yearly);
  const auto g = file.open_group("g");
  const auto unique = h5::read_double(g, "unique_participants");
  REQUIRE(unique.shape == h5::Shape{1, 2, 2});
  CHECK(h5::string_attribute(g, "unique_participants", "units") == "persons");
  // 2019: (5 + 11) and 12 agents; 2020: 12 agents each; two persons an agent.
  CHECK(unique.values == std::vector<double>{32, 24, 24, 24});
}
