// Specification of the geography as loaded from scenarios/data: counts and rows checked by hand
// against kommuner.csv, forbund.csv and scenarios/data/README.md.
#include "world/geography.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "../test_paths.h"

using finsim::Geography;
using finsim::MembershipStatus;

namespace {

using finsim::test::kData;

const Geography& geography() {
  static const Geography geo = finsim::load_geography(kData + "kommuner.csv", kData + "forbund.csv");
  return geo;
}

const finsim::Kommun& kommun(const std::string& code) {
  const int k = geography().kommun_index(code);
  REQUIRE(k >= 0);
  return geography().kommuner[static_cast<std::size_t>(k)];
}

}  // namespace

TEST_CASE("world: the research data hold 290 kommuner in 21 regions", "[world]") {
  const auto& geo = geography();
  CHECK(geo.kommuner.size() == 290);
  CHECK(geo.regions.size() == 21);
  CHECK(geo.regions.front().code == "01");  // sorted by code
  CHECK(geo.regions.front().name == "Stockholms län");
  // README: population 10 327 589 in all, 6 310 457 aged 16–64 (SCB, 2019-12-31).
  std::int64_t total = 0, working_age = 0;
  for (const auto& k : geo.kommuner) {
    total += k.population_total;
    working_age += k.population_16_64;
  }
  CHECK(total == 10'327'589);
  CHECK(working_age == 6'310'457);
  CHECK(geo.kommun_index("9999") == -1);
}

TEST_CASE("world: membership status counts match the data README", "[world]") {
  int members = 0, non_members = 0, unknown = 0;
  for (const auto& k : geography().kommuner) {
    members += k.status == MembershipStatus::Member;
    non_members += k.status == MembershipStatus::NoForbund;
    unknown += k.status == MembershipStatus::Unknown;
  }
  CHECK(geography().forbund.size() == 46);
  CHECK(members == 183);
  CHECK(non_members == 6);
  CHECK(unknown == 101);
}

TEST_CASE("world: the six documented non-members are the Stockholm kommuner of the 2020 list", "[world]") {
  // kommuner.csv, forbund_status = no_forbund_per_source_2020.
  std::set<std::string> codes;
  for (const auto& k : geography().kommuner)
    if (k.status == MembershipStatus::NoForbund) codes.insert(k.code);
  CHECK(codes == std::set<std::string>{"0123", "0125", "0139", "0140", "0184", "0186"});
  CHECK(kommun("0123").name == "Järfälla");
  CHECK(kommun("0125").name == "Ekerö");
  CHECK(kommun("0139").name == "Upplands-Bro");
  CHECK(kommun("0140").name == "Nykvarn");
  CHECK(kommun("0184").name == "Solna");
  CHECK(kommun("0186").name == "Lidingö");
  CHECK(kommun("0186").forbund_name.empty());
}

TEST_CASE("world: rows of kommuner.csv are read as written", "[world]") {
  // 0120,Värmdö,01,Stockholms län,45000,27705,2019,Samordningsförbundet VärNa,…,member
  const auto& varmdo = kommun("0120");
  CHECK(varmdo.name == "Värmdö");
  CHECK(varmdo.population_total == 45000);
  CHECK(varmdo.population_16_64 == 27705);
  CHECK(varmdo.status == MembershipStatus::Member);
  CHECK(varmdo.forbund_name == "Samordningsförbundet VärNa");
  CHECK(geography().regions[static_cast<std::size_t>(varmdo.region)].code == "01");
  // 0760 Uppvidinge, Kronobergs län: no förbund could be documented in Kronoberg.
  CHECK(kommun("0760").status == MembershipStatus::Unknown);
  CHECK(geography().regions[static_cast<std::size_t>(kommun("0760").region)].name == "Kronobergs län");
}

TEST_CASE("world: no need column in the research data means need 1 everywhere", "[world]") {
  // The försörjningsmått is not public per kommun: the loader's default is an explicit assumption.
  for (const auto& k : geography().kommuner) {
    CHECK(k.need == 1.0);
    CHECK_FALSE(k.need_from_data);
  }
}

TEST_CASE("world: documented förbund carry their member lists", "[world]") {
  auto find = [](const std::string& name) {
    for (const auto& f : geography().forbund)
      if (f.name == name) return f;
    return finsim::ForbundRecord{};  // empty: the checks below then fail with the name shown
  };
  // forbund.csv line 4: Samordningsförbundet VärNa,01,0120;0182 (Värmdö, Nacka).
  const auto& varna = find("Samordningsförbundet VärNa");
  CHECK(varna.member_codes == std::vector<std::string>{"0120", "0182"});
  CHECK(varna.members_complete);
  // Line 5, a quoted name with a comma: Huddinge 0126, Botkyrka 0127, Salem 0128.
  const auto& hbs = find("Samordningsförbundet Huddinge, Botkyrka och Salem");
  CHECK(hbs.member_codes == std::vector<std::string>{"0126", "0127", "0128"});
  // Gävleborg's ten kommuner are assigned from "ett av sju länsförbund" (members_complete = 0).
  const auto& gavleborg = find("Samordningsförbund Gävleborg");
  CHECK(gavleborg.member_codes.size() == 10);
  CHECK_FALSE(gavleborg.members_complete);
}
