// The pathway graph: built from the insats catalogue and [[pathway.edge]], checked with Boost.Graph
// so that every state reaches an exit and no enabled insats is an orphan.
#include <catch2/catch.hpp>

#include "config/read_scenario.h"
#include "util/error.h"
#include "world/pathway_graph.h"

using namespace finsim;

namespace {

std::vector<InsatsType> pathway_catalogue() {
  const Scenario s = load_scenario(std::string(FINSIM_SOURCE_DIR) + "/scenarios/baseline.toml");
  return s.config.insatser;
}

}  // namespace

TEST_CASE("pathway graph of the default catalogue", "[world][pathway]") {
  const PathwayGraph g(pathway_catalogue(), {});
  // target, waiting, 5 exits and the 7 enabled individual insatser (structural ones have no agents).
  REQUIRE(boost::num_vertices(g.graph()) == 2 + 5 + 7);
  // target→5 exits, waiting→target, 3 relapses, 7 × (slot + 4 outcomes), target→waiting.
  REQUIRE(boost::num_edges(g.graph()) == 5 + 1 + 3 + 7 * 5 + 1);
}

TEST_CASE("pathway edges add a referral on to another insats", "[world][pathway]") {
  const PathwayGraph g(pathway_catalogue(), {{"coordinated_assessment", "work_training", 0.3}, {"coordinated_assessment", "ips", 0.2}});
  int pathway = 0;
  for (const auto& e : g.edges()) pathway += e[2].rfind("pathway to", 0) == 0;
  REQUIRE(pathway == 2);
}

TEST_CASE("pathway errors name the state", "[world][pathway]") {
  auto insatser = pathway_catalogue();
  SECTION("unknown insats in an edge") {
    REQUIRE_THROWS_WITH(PathwayGraph(insatser, {{"ips", "nosuch", 0.1}}),
                        Catch::Contains("pathway.edge[0].to") && Catch::Contains("nosuch"));
  }
  SECTION("a disabled insats cannot be an end of an edge") {
    for (auto& t : insatser)
      if (t.name == "ips") t.enabled = false;
    REQUIRE_THROWS_WITH(PathwayGraph(insatser, {{"ips", "work_training", 0.1}}), Catch::Contains("'ips'"));
  }
  SECTION("probabilities out of one insats above 1") {
    REQUIRE_THROWS_WITH(PathwayGraph(insatser, {{"ips", "work_training", 0.7}, {"ips", "young_neet", 0.4}}),
                        Catch::Contains("out of 'ips'"));
  }
  SECTION("an enabled insats with no budget share is an orphan") {
    for (auto& t : insatser)
      if (t.name == "sfi_support") t.budget_share = 0;
    REQUIRE_THROWS_WITH(PathwayGraph(insatser, {}), Catch::Contains("insats.sfi_support") && Catch::Contains("no one can reach it"));
  }
}
