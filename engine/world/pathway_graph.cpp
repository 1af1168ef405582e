#include "world/pathway_graph.h"

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/reverse_graph.hpp>
#include <map>

#include "util/error.h"

namespace finsim {

PathwayGraph::PathwayGraph(const std::vector<InsatsType>& insatser, const std::vector<PathwayEdge>& edges) {
  std::map<std::string, std::size_t> index;
  auto vertex = [&](const std::string& name, bool exit) {
    // add_vertex(graph) then set the bundle: the property overload goes through Boost's
    // named-graph path, which GCC 12 at -O1 flags as maybe-uninitialized.
    const auto v = boost::add_vertex(graph_);
    graph_[v] = Vertex{name, exit};
    index[name] = v;
    return v;
  };
  const auto target = vertex("target", false);
  const auto waiting = vertex("waiting", false);
  std::vector<std::size_t> exits;
  for (const char* e : {"work", "studies", "job_seeking", "sjukersattning", "left_population"}) exits.push_back(vertex(e, true));
  auto edge = [&](std::size_t from, std::size_t to, const std::string& rule) { boost::add_edge(from, to, rule, graph_); };

  // Baseline transitions, with or without Finsam.
  for (std::size_t x = 0; x < exits.size(); ++x) edge(target, exits[x], "baseline / demographic");
  edge(waiting, target, "gave up after the maximum wait");
  for (const auto& x : {exits[0], exits[1], exits[2]}) edge(x, target, "relapse");

  bool any = false;
  for (const auto& t : insatser) {
    if (t.structural || !t.enabled) continue;
    const auto v = vertex(t.name, false);
    if (t.budget_share > 0) {  // referrals go where the förbund buys places
      edge(waiting, v, "slot");
      any = true;
    }
    edge(v, exits[0], "completion: work");
    edge(v, exits[1], "completion: studies");
    edge(v, exits[2], "completion: job seeking");
    edge(v, target, "dropout / completion: other");
  }
  if (any) edge(target, waiting, "referral");

  std::map<std::string, double> out_probability;
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const std::string key = "pathway.edge[" + std::to_string(i) + "]";
    const auto from = index.find(edges[i].from);
    const auto to = index.find(edges[i].to);
    if (from == index.end() || from->second <= exits.back())
      throw InputError(key + ".from: unknown or disabled individual insats '" + edges[i].from + "'");
    if (to == index.end() || to->second <= exits.back())
      throw InputError(key + ".to: unknown or disabled individual insats '" + edges[i].to + "'");
    edge(from->second, waiting, "pathway to " + edges[i].to);
    if ((out_probability[edges[i].from] += edges[i].probability) > 1.0 + 1e-12)
      throw InputError(key + ".probability: the pathway probabilities out of '" + edges[i].from + "' sum to more than 1");
  }

  // Orphans: an enabled insats nobody can be referred to.
  for (const auto& t : insatser)
    if (!t.structural && t.enabled && !(t.budget_share > 0))
      throw InputError("insats." + t.name + ": enabled but budget_share is 0, so no one can reach it (set enabled = false)");

  // Every state reaches an exit: search backwards from all exits at once.
  const auto reversed = boost::make_reverse_graph(graph_);
  std::vector<boost::default_color_type> color(boost::num_vertices(graph_), boost::white_color);
  auto color_map = boost::make_iterator_property_map(color.begin(), boost::get(boost::vertex_index, graph_));
  boost::queue<std::size_t> queue;
  for (auto x : exits) {
    if (color[x] != boost::white_color) continue;
    boost::breadth_first_visit(reversed, x, queue, boost::default_bfs_visitor(), color_map);
  }
  for (std::size_t v = 0; v < boost::num_vertices(graph_); ++v)
    if (color[v] == boost::white_color)
      throw InputError("pathway: state '" + graph_[v].name + "' cannot reach any exit (work, studies, job seeking, sjukersättning, left)");
}

std::vector<std::array<std::string, 3>> PathwayGraph::edges() const {
  std::vector<std::array<std::string, 3>> out;
  for (auto [e, end] = boost::edges(graph_); e != end; ++e)
    out.push_back({graph_[boost::source(*e, graph_)].name, graph_[boost::target(*e, graph_)].name, graph_[*e]});
  return out;
}

}  // namespace finsim
