// Specification of sim/insats_choice.cpp: who may take which insats, which insatser are made for a
// group, the places open to referrals, and the order of the offer (needs and age first).
#include <catch2/catch.hpp>

#include "area_fixture.h"
#include "sim/insats_choice.h"

using namespace finsim;
using finsim::test::AreaFixture;

TEST_CASE("eligibility follows age band, needs and support source", "[sim][insats_choice]") {
  AreaFixture f;
  const auto& ips = f.insatser()[f.type("ips")];           // 18–64, mental ill-health
  const auto& young = f.insatser()[f.type("young_neet")];  // 16–29, any need
  const std::size_t teen_mental = f.person(17, NeedMental);
  const std::size_t adult_mental = f.person(40, NeedMental);
  const std::size_t adult_language = f.person(40, NeedLanguage);
  CHECK_FALSE(eligible(ips, f.area.agents, teen_mental, 0));  // 17½: below IPS's 18
  CHECK(eligible(ips, f.area.agents, teen_mental, 12));       // 18½ a year later
  CHECK(eligible(ips, f.area.agents, adult_mental, 0));
  CHECK_FALSE(eligible(ips, f.area.agents, adult_language, 0));  // no mental need
  CHECK(eligible(young, f.area.agents, teen_mental, 0));
  CHECK_FALSE(eligible(young, f.area.agents, adult_mental, 0));
}

TEST_CASE("insatser made for a group are the targeted ones", "[sim][insats_choice]") {
  AreaFixture f;
  CHECK(targeted(f.insatser()[f.type("ips")]));
  CHECK(targeted(f.insatser()[f.type("young_neet")]));  // by age band alone
  CHECK(targeted(f.insatser()[f.type("sfi_support")]));
  CHECK_FALSE(targeted(f.insatser()[f.type("coordination_team")]));
  CHECK_FALSE(targeted(f.insatser()[f.type("work_training")]));
}

TEST_CASE("open places: free slots plus the list an acceptable wait allows", "[sim][insats_choice]") {
  AreaFixture f;
  const std::size_t t = f.type("coordination_team");  // 12 months, dropout 0.02
  f.area.capacity[t] = 100;
  f.area.participants[t] = 90;
  f.area.waiting[t] = 4;
  // 100 − 90 − 4 = 6 free; turnover 100 × (1/12 + 0.02) = 10.33 a month; × 3 months = 31.
  CHECK(open_places(f.area, f.ctx(0))[t] == 6 + 31);
  f.area.waiting[t] = 60;  // a list longer than three months' turnover takes no more
  CHECK(open_places(f.area, f.ctx(0))[t] == 0);

  AreaFixture fixed({"referral.mode=\"fixed_rate\""});
  fixed.area.capacity[t] = 100;
  fixed.area.participants[t] = 90;
  fixed.area.waiting[t] = 4;
  CHECK(open_places(fixed.area, fixed.ctx(0))[t] == 6);  // version 0.1: free slots only
}

TEST_CASE("the offer: targeted insatser the person fits first, then general ones", "[sim][insats_choice]") {
  AreaFixture f;
  const std::size_t n = f.insatser().size();
  const std::size_t young_language = f.person(20, NeedLanguage);
  const std::size_t adult_none = f.person(40, 0);
  std::vector<double> all(n, 1.0);
  all[f.type("structural")] = 0;
  // A 20-year-old with language needs fits young_neet and sfi_support (targeted) before any general insats.
  CHECK(choose_insats(f.insatser(), f.area.agents, young_language, 0, all, 0.0) ==
        static_cast<int>(f.type("young_neet")));
  CHECK(choose_insats(f.insatser(), f.area.agents, young_language, 0, all, 0.99) ==
        static_cast<int>(f.type("sfi_support")));
  // In proportion to the weights: 3 places in young_neet, 1 in sfi_support → u < 0.75 picks young_neet.
  std::vector<double> w(n, 0.0);
  w[f.type("young_neet")] = 3;
  w[f.type("sfi_support")] = 1;
  w[f.type("coordination_team")] = 100;
  CHECK(choose_insats(f.insatser(), f.area.agents, young_language, 0, w, 0.74) ==
        static_cast<int>(f.type("young_neet")));
  CHECK(choose_insats(f.insatser(), f.area.agents, young_language, 0, w, 0.76) ==
        static_cast<int>(f.type("sfi_support")));
  // With no targeted place open, a general one.
  w[f.type("young_neet")] = 0;
  w[f.type("sfi_support")] = 0;
  CHECK(choose_insats(f.insatser(), f.area.agents, young_language, 0, w, 0.5) ==
        static_cast<int>(f.type("coordination_team")));
  // A 40-year-old without needs fits general insatser only; none open → none.
  std::vector<double> targeted_only(n, 0.0);
  targeted_only[f.type("ips")] = 5;
  CHECK(choose_insats(f.insatser(), f.area.agents, adult_none, 0, targeted_only, 0.5) == -1);
  const TypeSet fits = fitting_types(f.insatser(), f.area.agents, adult_none, 0);
  CHECK_FALSE(intersects(fits, TypeSet{std::uint64_t{1} << f.type("ips"), 0}));
  CHECK(intersects(fits, TypeSet{std::uint64_t{1} << f.type("work_training"), 0}));
}
