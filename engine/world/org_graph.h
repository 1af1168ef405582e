// The Finsam organisation network as a Boost.Graph: kommun → förbund ← region, FK and AF → förbund.
// Built from the geography plus the scenario's organisation rules; answers who serves whom.
#pragma once
#include <boost/graph/adjacency_list.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "config/scenario_config.h"
#include "world/geography.h"

namespace finsim {

// A förbund as the model sees it after the scenario's rules were applied.
struct Forbund {
  std::string name;
  int region = -1;
  std::vector<int> members;  // kommun indices, ascending
  bool synthetic = false;    // made for kommuner of unknown membership or by full_coverage
  std::string origin;        // "documented", "unknown membership (regional)", "full coverage", "merge"
};

class OrgGraph {
 public:
  enum class Kind : std::uint8_t { Kommun, Region, Forbund, FK, AF };
  struct Vertex {
    Kind kind = Kind::Kommun;
    int index = -1;  // into kommuner / regions / forbund
  };
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, Vertex>;

  // Validates (every member kommun exists, at most one förbund per kommun, every förbund has a
  // region and at least one kommun) and throws InputError naming the problem.
  OrgGraph(const Geography& geo, std::vector<Forbund> forbund);

  const std::vector<Forbund>& forbund() const { return forbund_; }
  int forbund_count() const { return static_cast<int>(forbund_.size()); }
  int forbund_of_kommun(int kommun) const { return forbund_of_kommun_[kommun]; }  // -1 = none
  const std::vector<int>& members(int forbund) const { return forbund_[forbund].members; }
  int region_of(int forbund) const { return forbund_[forbund].region; }
  int forbund_index(const std::string& name) const;  // -1 if none
  std::int64_t area_population_16_64(int forbund) const;
  // Försörjningsmått proxy of the area: sum over members of need × population 16–64.
  double area_need_measure(int forbund) const;
  const Graph& graph() const { return graph_; }

 private:
  std::vector<std::int64_t> population_16_64_;  // per kommun, copied so the graph owns its data
  std::vector<double> need_;
  std::vector<Forbund> forbund_;
  std::vector<int> forbund_of_kommun_;
  Graph graph_;
};

// Applies organisation rules in a fixed order: documented förbund → unknown membership →
// merges → joins → full coverage.
OrgGraph build_org_graph(const Geography& geo, const OrganisationConfig& org);

}  // namespace finsim
