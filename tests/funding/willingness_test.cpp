// Member willingness: the most a region or kommun will pay a förbund in a year (growth from last
// year, a return to an earlier peak, freezes at an earlier year's level), budget ceilings, and the
// parties named in funding.freeze.
#include "funding/willingness.h"

#include <catch2/catch.hpp>
#include <map>

#include "util/error.h"

using namespace finsim;

TEST_CASE("willingness: first year matches the offer, then growth from last year", "[funding]") {
  const std::map<int, Sek> paid{{2019, 1'000'000}, {2020, 1'100'000}};
  CHECK(party_max(2019, 2019, {}, 0.10, {}, 750'000) == 750'000);
  CHECK(party_max(2020, 2019, paid, 0.10, {}, 0) == 1'100'000);  // 1 000 000 × 1.1
  CHECK(party_max(2021, 2019, paid, 0.10, {}, 0) == 1'210'000);  // 1 100 000 × 1.1
}

TEST_CASE("willingness: a freeze keeps the level of an earlier year", "[funding]") {
  const std::map<int, Sek> paid{{2019, 1'000'000}, {2020, 1'100'000}, {2021, 1'210'000}};
  // Stockholm (seed 004): from 2020 at the 2019 level.
  const std::vector<Freeze> stockholm{{"region:01", 2020, 2019}};
  CHECK(party_max(2020, 2019, paid, 0.10, stockholm, 0) == 1'000'000);
  CHECK(party_max(2022, 2019, paid, 0.10, stockholm, 0) == 1'000'000);
  // Not yet in force: growth as usual.
  const std::vector<Freeze> later{{"region:01", 2022, 2020}};
  CHECK(party_max(2021, 2019, paid, 0.10, later, 0) == 1'210'000);
  CHECK(party_max(2022, 2019, paid, 0.10, later, 0) == 1'100'000);
  // A level year before the model starts means the first modelled year's contribution.
  const std::vector<Freeze> early{{"region:01", 2020, 2015}};
  CHECK(party_max(2021, 2019, paid, 0.10, early, 0) == 1'000'000);
  // A level year not closed yet leaves growth in force for that year.
  const std::vector<Freeze> same{{"region:01", 2021, 2021}};
  CHECK(party_max(2021, 2019, paid, 0.10, same, 0) == 1'210'000);
  CHECK(party_max(2022, 2019, paid, 0.10, same, 0) == 1'210'000);
  // Of several freezes in force, the latest from_year counts.
  const std::vector<Freeze> two{{"region:01", 2020, 2019}, {"region:01", 2022, 2021}};
  CHECK(party_max(2021, 2019, paid, 0.10, two, 0) == 1'000'000);
  CHECK(party_max(2022, 2019, paid, 0.10, two, 0) == 1'210'000);
}

TEST_CASE("willingness: budget ceilings and party names", "[funding]") {
  const std::vector<BudgetCeiling> c{{"X", 2021, 5'000'000}, {"X", 2023, 4'000'000}};
  CHECK_FALSE(budget_ceiling(2020, c).has_value());
  CHECK(budget_ceiling(2021, c) == 5'000'000);
  CHECK(budget_ceiling(2024, c) == 4'000'000);

  CHECK(parse_party("region:01", "k").kind == PartyId::Kind::Region);
  CHECK(parse_party("kommun:0180", "k").code == "0180");
  CHECK_THROWS_WITH(parse_party("landsting:01", "funding.freeze[0].party"),
                    "funding.freeze[0].party: \"landsting:01\": expected region:CC or kommun:CCCC");
  CHECK_THROWS_AS(parse_party("kommun:180", "k"), InputError);
}

TEST_CASE("willingness: a party will pay again the most it has paid before", "[funding]") {
  // The state offer fell in 2020 and the contribution with it: in 2021 the party is willing to
  // return to its 2019 level, more than 10 % growth from 2020 would allow.
  const std::map<int, Sek> paid{{2019, 1'000'000}, {2020, 500'000}};
  CHECK(party_max(2021, 2019, paid, 0.10, {}, 0) == 1'000'000);
  // Growth from last year counts when it goes above the peak: 950 000 × 1.1 = 1 045 000.
  CHECK(party_max(2021, 2019, {{2019, 1'000'000}, {2020, 950'000}}, 0.10, {}, 0) == 1'045'000);
}

TEST_CASE("willingness: growth is rounded down to the krona", "[funding]") {
  // 1 000 001 × 1.1 = 1 100 001.1 → 1 100 001; 333 333 × 1.05 = 349 999.65 → 349 999.
  CHECK(party_max(2020, 2019, {{2019, 1'000'001}}, 0.10, {}, 0) == 1'100'001);
  CHECK(party_max(2020, 2019, {{2019, 333'333}}, 0.05, {}, 0) == 349'999);
  // No growth allowed: last year's amount.
  CHECK(party_max(2020, 2019, {{2019, 777'777}}, 0.0, {}, 0) == 777'777);
}

TEST_CASE("willingness: the first modelled year, and years before it, take the first-year maximum", "[funding]") {
  const std::vector<Freeze> frozen{{"kommun:0180", 2010, 2015}};
  CHECK(party_max(2019, 2019, {}, 0.10, frozen, 123'456) == 123'456);  // a freeze does not apply without history
  CHECK(party_max(2018, 2019, {}, 0.10, {}, 42) == 42);
}

TEST_CASE("willingness: freezes and ceilings with the same from_year, the one listed last counts", "[funding]") {
  const std::map<int, Sek> paid{{2019, 1'000'000}, {2020, 1'100'000}, {2021, 1'210'000}};
  const std::vector<Freeze> tie{{"region:01", 2021, 2019}, {"region:01", 2021, 2020}};
  CHECK(party_max(2022, 2019, paid, 0.10, tie, 0) == 1'100'000);
  const std::vector<Freeze> reversed{{"region:01", 2021, 2020}, {"region:01", 2021, 2019}};
  CHECK(party_max(2022, 2019, paid, 0.10, reversed, 0) == 1'000'000);
  // A later from_year listed first still wins over an earlier one listed after it.
  const std::vector<Freeze> order{{"region:01", 2021, 2020}, {"region:01", 2020, 2019}};
  CHECK(party_max(2022, 2019, paid, 0.10, order, 0) == 1'100'000);

  const std::vector<BudgetCeiling> c{{"X", 2021, 5'000'000}, {"X", 2021, 3'000'000}, {"X", 2019, 9'000'000}};
  CHECK(budget_ceiling(2020, c) == 9'000'000);
  CHECK(budget_ceiling(2021, c) == 3'000'000);
  CHECK_FALSE(budget_ceiling(2018, c).has_value());
  CHECK_FALSE(budget_ceiling(2030, {}).has_value());
}

TEST_CASE("willingness: a party is region:CC or kommun:CCCC, nothing else", "[funding]") {
  const PartyId r = parse_party("region:03", "k");
  CHECK(r.kind == PartyId::Kind::Region);
  CHECK(r.code == "03");
  CHECK(parse_party("kommun:0380", "k").kind == PartyId::Kind::Kommun);
  for (const std::string bad : {"region:1", "region:001", "region:0a", "region:", "kommun:01801", "kommun:018x",
                                "Region:01", "region 01", "01", "", ":01", "region:01:02"}) {
    INFO(bad);
    CHECK_THROWS_WITH(parse_party(bad, "funding.freeze[3].party"),
                      "funding.freeze[3].party: \"" + bad + "\": expected region:CC or kommun:CCCC");
  }
}
