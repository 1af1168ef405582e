// Specification of output/unit_arrays.cpp: arrays created with the lead axes first and filled unit by
// unit from each unit's result; a string array takes the width of the longest value of any unit
// and is written at close, after the others.
#include "output/unit_arrays.h"

#include <catch2/catch.hpp>

#include "result_frame_fixture.h"

using namespace finsim;
using finsim::test::FrameFixture;

TEST_CASE("unit arrays: one slab per unit, strings at close", "[output][unit_arrays]") {
  FrameFixture f("unit-arrays");
  f.results.push_back(f.replication(4));
  const auto file = f.write([](const ResultFrame& frame, UnitArrays& arrays) {
    h5::define_dimension(frame.group, "replication", std::span<const std::int32_t>(frame.lead.replications));
    h5::define_dimension(frame.group, "k", std::size_t{2});
    arrays.add_integers("rep", {2}, {"k"}, {}, [](const ReplicationResult& r, std::vector<std::int64_t>& out) {
      out = {r.replication, 10 * r.replication};
    });
    arrays.add_strings("word", {2}, {"k"}, {}, [](const ReplicationResult& r, std::vector<std::string>& out) {
      out[0] = r.replication == 4 ? "longer word" : "a";  // out[1] stays ""
    });
    arrays.add_doubles("half", {2}, {"k"}, {}, [&arrays](const ReplicationResult& r, std::vector<double>& out) {
      out[0] = r.replication / 2.0;
      out[1] = static_cast<double>(arrays.writes());  // 1 for the first unit written, 2 for the next
    });
  });
  const auto g = file.open_group("g");
  CHECK(h5::read_int64(g, "rep").values == std::vector<std::int64_t>{3, 30, 4, 40});
  CHECK(h5::read_double(g, "half").values == std::vector<double>{1.5, 1, 2, 2});
  CHECK(h5::read_strings(g, "word") == std::vector<std::string>{"a", "", "longer word", ""});
  CHECK(h5::dimension_names(g, "word") == std::vector<std::string>{"replication", "k"});
}
