// The pathway graph (docs/model.md §7.9): states a person can be in and the transitions between them,
// built from the insats catalogue and [[pathway.edge]] and checked with Boost.Graph.
#pragma once
#include <array>
#include <boost/graph/adjacency_list.hpp>
#include <string>
#include <vector>

#include "config/scenario_config.h"

namespace finsim {

class PathwayGraph {
 public:
  struct Vertex {
    std::string name;  // "target", "waiting", an insats name, or an exit ("work", …)
    bool exit = false;
  };
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, Vertex, std::string>;

  // Throws InputError naming the state when an edge names an unknown state, an enabled insats can
  // never be reached (an orphan: no budget share), a state cannot reach an exit, or the pathway
  // probabilities out of one insats exceed 1.
  explicit PathwayGraph(const std::vector<InsatsType>& insatser, const std::vector<PathwayEdge>& edges);

  const Graph& graph() const { return graph_; }
  // Edges as (from, to, rule) for listings and Sankey plots.
  std::vector<std::array<std::string, 3>> edges() const;

 private:
  Graph graph_;
};

}  // namespace finsim
