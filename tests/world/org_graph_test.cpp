// Specification of the organisation graph: who serves which kommun under each membership rule,
// with facts checked by hand in scenarios/data (counts per region from kommuner.csv).
#include "world/org_graph.h"

#include <catch2/catch.hpp>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "util/error.h"
#include "../test_paths.h"

using finsim::Forbund;
using finsim::Geography;
using finsim::InputError;
using finsim::MembershipStatus;
using finsim::OrganisationConfig;
using finsim::OrgGraph;

namespace {

using finsim::test::kData;

const Geography& geo() {
  static const Geography g = finsim::load_geography(kData + "kommuner.csv", kData + "forbund.csv");
  return g;
}

OrganisationConfig org(const std::string& unknown = "regional", bool full = false) {
  OrganisationConfig o;
  o.unknown_membership = unknown;
  o.full_coverage = full;
  return o;
}

int k(const std::string& code) { return geo().kommun_index(code); }

// The förbund serving a kommun, by name ("" for none).
std::string forbund_of(const OrgGraph& g, const std::string& code) {
  const int f = g.forbund_of_kommun(k(code));
  return f < 0 ? "" : g.forbund()[static_cast<std::size_t>(f)].name;
}

std::vector<std::string> member_codes(const OrgGraph& g, const std::string& name) {
  std::vector<std::string> out;
  const int f = g.forbund_index(name);
  if (f < 0) return out;
  for (int m : g.members(f)) out.push_back(geo().kommuner[static_cast<std::size_t>(m)].code);
  return out;
}

int covered(const OrgGraph& g) {
  int n = 0;
  for (std::size_t i = 0; i < geo().kommuner.size(); ++i) n += g.forbund_of_kommun(static_cast<int>(i)) >= 0;
  return n;
}

std::string input_error(const OrganisationConfig& o) {
  try {
    finsim::build_org_graph(geo(), o);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

const std::string kVarna = "Samordningsförbundet VärNa";
const std::string kStockholm = "Samordningsförbundet Stockholms stad";
const std::string kSodertorn = "Samordningsförbundet Östra Södertörn";
const std::string kRoslagen = "Samordningsförbundet Roslagen";
const std::string kNonMembers[] = {"0123", "0125", "0139", "0140", "0184", "0186"};

}  // namespace

TEST_CASE("world: documented förbund and their members are served as in forbund.csv", "[world][org]") {
  const OrgGraph g = finsim::build_org_graph(geo(), org("none"));
  CHECK(g.forbund_count() == 46);
  CHECK(covered(g) == 183);
  // forbund.csv: VärNa = 0120;0182, Östra Södertörn = 0136;0138;0192.
  CHECK(member_codes(g, kVarna) == std::vector<std::string>{"0120", "0182"});
  CHECK(member_codes(g, kSodertorn) == std::vector<std::string>{"0136", "0138", "0192"});
  CHECK(forbund_of(g, "0182") == kVarna);
  CHECK(g.region_of(g.forbund_index(kVarna)) == geo().region_index("01"));
  CHECK_FALSE(g.forbund()[static_cast<std::size_t>(g.forbund_index(kVarna))].synthetic);
  // Värmdö 27 705 + Nacka 64 611 aged 16–64; need 1 everywhere, so the need measure is the same sum.
  CHECK(g.area_population_16_64(g.forbund_index(kVarna)) == 92'316);
  CHECK(g.area_need_measure(g.forbund_index(kVarna)) == 92'316.0);
  CHECK(g.forbund_index("Samordningsförbundet Atlantis") == -1);
}

TEST_CASE("world: a documented non-member kommun is served by no förbund", "[world][org]") {
  for (const auto* rule : {"regional", "none"}) {
    const OrgGraph g = finsim::build_org_graph(geo(), org(rule));
    for (const auto& code : kNonMembers) {
      INFO(rule << " " << code);
      CHECK(g.forbund_of_kommun(k(code)) == -1);
    }
  }
}

TEST_CASE("world: with unknown_membership none the unknown kommuner have no förbund", "[world][org]") {
  const OrgGraph g = finsim::build_org_graph(geo(), org("none"));
  int unknown_without = 0;
  for (std::size_t i = 0; i < geo().kommuner.size(); ++i)
    if (geo().kommuner[i].status == MembershipStatus::Unknown)
      unknown_without += g.forbund_of_kommun(static_cast<int>(i)) == -1;
  CHECK(unknown_without == 101);
  for (const auto& f : g.forbund()) CHECK_FALSE(f.synthetic);
}

TEST_CASE("world: with unknown_membership regional each region with unknown kommuner gets one synthetic förbund",
          "[world][org]") {
  const OrgGraph g = finsim::build_org_graph(geo(), org("regional"));
  // Unknown kommuner per län (kommuner.csv): 05:2 07:8 12:24 14:16 17:9 18:10 19:6 20:2 22:7 23:7 25:10.
  const std::map<std::string, std::size_t> expected = {{"05", 2},  {"07", 8},  {"12", 24}, {"14", 16},
                                                       {"17", 9},  {"18", 10}, {"19", 6},  {"20", 2},
                                                       {"22", 7},  {"23", 7},  {"25", 10}};
  std::map<std::string, std::size_t> found;
  for (const auto& f : g.forbund()) {
    if (!f.synthetic) continue;
    const std::string region = geo().regions[static_cast<std::size_t>(f.region)].code;
    CHECK(found.count(region) == 0);  // one per region
    found[region] = f.members.size();
    for (int m : f.members) CHECK(geo().kommuner[static_cast<std::size_t>(m)].status == MembershipStatus::Unknown);
  }
  CHECK(found == expected);
  CHECK(g.forbund_count() == 57);  // 46 documented + 11 synthetic
  CHECK(covered(g) == 284);        // 183 + 101; only the 6 non-members are without
  CHECK(forbund_of(g, "0760") == "Okänt förbund, Kronobergs län (synthetic)");
  // Documented memberships are untouched.
  CHECK(member_codes(g, kVarna) == std::vector<std::string>{"0120", "0182"});
}

TEST_CASE("world: the graph links kommun to förbund to region and FK and AF to every förbund", "[world][org]") {
  const OrgGraph g = finsim::build_org_graph(geo(), org("regional"));
  const auto& graph = g.graph();
  CHECK(boost::num_vertices(graph) == 290 + 21 + 57 + 2);
  const std::size_t fk = 290 + 21 + 57;
  CHECK(graph[fk].kind == OrgGraph::Kind::FK);
  CHECK(graph[fk + 1].kind == OrgGraph::Kind::AF);
  CHECK(boost::out_degree(fk, graph) == 57);
  CHECK(boost::out_degree(fk + 1, graph) == 57);
  // A member kommun has exactly one edge, to its förbund; a non-member none.
  CHECK(boost::out_degree(static_cast<std::size_t>(k("0120")), graph) == 1);
  CHECK(boost::out_degree(static_cast<std::size_t>(k("0125")), graph) == 0);
  // Every förbund has its members, its region, FK and AF as in-edges: VärNa has 2 + 1 + 2.
  const std::size_t varna = 290 + 21 + static_cast<std::size_t>(g.forbund_index(kVarna));
  CHECK(graph[varna].kind == OrgGraph::Kind::Forbund);
  CHECK(boost::in_degree(varna, graph) == 5);
}

TEST_CASE("world: full_coverage leaves no kommun uncovered and keeps every earlier membership", "[world][org]") {
  for (const auto* rule : {"regional", "none"}) {
    INFO(rule);
    const OrgGraph before = finsim::build_org_graph(geo(), org(rule));
    const OrgGraph after = finsim::build_org_graph(geo(), org(rule, true));
    CHECK(covered(after) == 290);
    for (const auto& kommun : geo().kommuner) {
      const std::string was = forbund_of(before, kommun.code);
      if (!was.empty()) CHECK(forbund_of(after, kommun.code) == was);
    }
    // Stockholm's six non-members join the largest förbund of län 01: Roslagen, 6 members.
    for (const auto& code : kNonMembers) CHECK(forbund_of(after, code) == kRoslagen);
    CHECK(member_codes(after, kRoslagen).size() == 12);
  }
  SECTION("a region without any förbund gets a new synthetic one") {
    // With "none", Kronoberg (07) and Västernorrland (22) have no förbund at all.
    const OrgGraph g = finsim::build_org_graph(geo(), org("none", true));
    CHECK(g.forbund_count() == 48);  // 46 + 2 new
    const int f = g.forbund_index("Nytt förbund, Kronobergs län (synthetic)");
    REQUIRE(f >= 0);
    CHECK(g.forbund()[static_cast<std::size_t>(f)].synthetic);
    CHECK(g.members(f).size() == 8);
    CHECK(g.members(g.forbund_index("Nytt förbund, Västernorrlands län (synthetic)")).size() == 7);
    // Skåne's 24 unknown kommuner join Sydöstra Skånes (4 members, the largest in län 12).
    CHECK(forbund_of(g, "1214") == "Sydöstra Skånes samordningsförbund");
  }
  SECTION("with regional, only the non-members move") {
    CHECK(finsim::build_org_graph(geo(), org("regional", true)).forbund_count() == 57);
  }
}

TEST_CASE("world: a join moves a kommun into a förbund", "[world][org]") {
  SECTION("a non-member joins") {
    OrganisationConfig o = org();
    o.joins.push_back({"0125", kVarna});  // Ekerö
    const OrgGraph g = finsim::build_org_graph(geo(), o);
    CHECK(member_codes(g, kVarna) == std::vector<std::string>{"0120", "0125", "0182"});
  }
  SECTION("a member leaves its förbund for another") {
    OrganisationConfig o = org();
    o.joins.push_back({"0182", kStockholm});  // Nacka leaves VärNa
    const OrgGraph g = finsim::build_org_graph(geo(), o);
    CHECK(member_codes(g, kVarna) == std::vector<std::string>{"0120"});
    CHECK(member_codes(g, kStockholm) == std::vector<std::string>{"0180", "0182"});
    CHECK(g.forbund_count() == 57);
  }
  SECTION("a förbund whose only member leaves is gone") {
    OrganisationConfig o = org();
    o.joins.push_back({"0180", kVarna});
    const OrgGraph g = finsim::build_org_graph(geo(), o);
    CHECK(g.forbund_index(kStockholm) == -1);
    CHECK(g.forbund_count() == 56);
    CHECK(forbund_of(g, "0180") == kVarna);
  }
  SECTION("joining the förbund it is already in changes nothing") {
    // Fixed bug: the kommun left first, its one-kommun förbund was deleted, and the join then
    // failed with "unknown förbund 'Samordningsförbundet Stockholms stad'".
    OrganisationConfig o = org();
    o.joins.push_back({"0180", kStockholm});
    const OrgGraph g = finsim::build_org_graph(geo(), o);
    CHECK(g.forbund_count() == 57);
    CHECK(member_codes(g, kStockholm) == std::vector<std::string>{"0180"});
  }
  SECTION("an unknown kommun leaves its synthetic förbund") {
    OrganisationConfig o = org();
    o.joins.push_back({"0760", "Samordningsförbundet i Kalmar län"});
    const OrgGraph g = finsim::build_org_graph(geo(), o);
    CHECK(forbund_of(g, "0760") == "Samordningsförbundet i Kalmar län");
    CHECK(g.members(g.forbund_index("Okänt förbund, Kronobergs län (synthetic)")).size() == 7);
  }
  SECTION("an unknown kommun code or förbund is an error naming the join") {
    OrganisationConfig bad_code = org();
    bad_code.joins.push_back({"9999", kVarna});
    CHECK(input_error(bad_code) == "organisation.join[0].kommun: unknown kommun code '9999'");
    OrganisationConfig bad_name = org();
    bad_name.joins.push_back({"0125", "Samordningsförbundet Varna"});
    CHECK(input_error(bad_name) ==
          "organisation.join[0].forbund: unknown förbund 'Samordningsförbundet Varna' (did you mean '" + kVarna + "'?)");
  }
}

TEST_CASE("world: a merge combines the members of the merging förbund", "[world][org]") {
  OrganisationConfig o = org();
  o.merges.push_back({{kVarna, kSodertorn}, "Samordningsförbundet Södertörn-VärNa"});
  const OrgGraph g = finsim::build_org_graph(geo(), o);
  CHECK(g.forbund_count() == 56);
  CHECK(g.forbund_index(kVarna) == -1);
  CHECK(g.forbund_index(kSodertorn) == -1);
  const int merged = g.forbund_index("Samordningsförbundet Södertörn-VärNa");
  REQUIRE(merged >= 0);
  CHECK(member_codes(g, "Samordningsförbundet Södertörn-VärNa") ==
        std::vector<std::string>{"0120", "0136", "0138", "0182", "0192"});
  // 27 705 + 64 611 + 58 668 + 29 911 + 16 960
  CHECK(g.area_population_16_64(merged) == 197'855);
  CHECK_FALSE(g.forbund()[static_cast<std::size_t>(merged)].synthetic);

  SECTION("a merge with a synthetic förbund is synthetic") {
    OrganisationConfig s = org();
    s.merges.push_back({{"Okänt förbund, Kronobergs län (synthetic)", "Samordningsförbundet i Kalmar län"}, "Sydost"});
    const OrgGraph gs = finsim::build_org_graph(geo(), s);
    CHECK(gs.forbund()[static_cast<std::size_t>(gs.forbund_index("Sydost"))].synthetic);
    CHECK(gs.members(gs.forbund_index("Sydost")).size() == 8 + 12);
  }
  SECTION("an unknown förbund is an error naming the merge") {
    OrganisationConfig bad = org();
    bad.merges.push_back({{kVarna, "Samordningsförbundet Nowhere"}, "X"});
    CHECK(input_error(bad).rfind("organisation.merge[0].forbund: unknown förbund 'Samordningsförbundet Nowhere'", 0) == 0);
  }
}

TEST_CASE("world: the graph rejects a kommun in two förbund and a förbund without kommun", "[world][org]") {
  const int r01 = geo().region_index("01");
  // Index 1 is 0115 Vallentuna, the second row of kommuner.csv.
  SECTION("a kommun in two förbund") {
    std::vector<Forbund> f = {{"A", r01, {0, 1}, false, "test"}, {"B", r01, {1, 2}, false, "test"}};
    try {
      static_cast<void>(OrgGraph(geo(), f));
      FAIL("expected an InputError");
    } catch (const InputError& e) {
      CHECK(std::string(e.what()) == "organisation: kommun 0115 is in more than one förbund: 'A', 'B'");
    }
  }
  SECTION("a förbund without kommun") {
    std::vector<Forbund> f = {{"A", r01, {0}, false, "test"}, {"Tom", r01, {}, false, "test"}};
    CHECK_THROWS_WITH(OrgGraph(geo(), f), "organisation: förbund 'Tom' has no member kommun");
  }
  SECTION("a förbund without region") {
    std::vector<Forbund> f = {{"A", -1, {0}, false, "test"}};
    CHECK_THROWS_WITH(OrgGraph(geo(), f), "organisation: förbund 'A' has no region");
  }
  SECTION("a member that is not a kommun") {
    std::vector<Forbund> f = {{"A", r01, {290}, false, "test"}};
    CHECK_THROWS_AS(OrgGraph(geo(), f), InputError);
  }
  SECTION("two förbund with one name") {
    std::vector<Forbund> f = {{"A", r01, {0}, false, "test"}, {"A", r01, {1}, false, "test"}};
    CHECK_THROWS_WITH(OrgGraph(geo(), f), "organisation: förbund 'A' appears twice");
  }
  SECTION("a merge into a name that already exists") {
    OrganisationConfig o = org();
    o.merges.push_back({{kVarna, kSodertorn}, kStockholm});
    CHECK(input_error(o) == "organisation: förbund '" + kStockholm + "' appears twice");
  }
}
