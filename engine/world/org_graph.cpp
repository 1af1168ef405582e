#include "world/org_graph.h"

#include <algorithm>
#include <map>
#include <set>

#include "util/error.h"
#include "util/text.h"

namespace finsim {

OrgGraph::OrgGraph(const Geography& geo, std::vector<Forbund> forbund)
    : forbund_(std::move(forbund)) {
  for (const auto& k : geo.kommuner) {
    population_16_64_.push_back(k.population_16_64);
    need_.push_back(k.need);
  }
  const int nk = static_cast<int>(geo.kommuner.size());
  const int nr = static_cast<int>(geo.regions.size());
  const int nf = static_cast<int>(forbund_.size());
  // Vertex layout: kommuner, regions, förbund, then FK and AF.
  graph_ = Graph(static_cast<std::size_t>(nk + nr + nf + 2));
  for (int k = 0; k < nk; ++k) graph_[k] = {Kind::Kommun, k};
  for (int r = 0; r < nr; ++r) graph_[nk + r] = {Kind::Region, r};
  for (int f = 0; f < nf; ++f) graph_[nk + nr + f] = {Kind::Forbund, f};
  const int fk = nk + nr + nf;
  const int af = fk + 1;
  graph_[fk] = {Kind::FK, 0};
  graph_[af] = {Kind::AF, 0};

  std::set<std::string> names;
  for (int f = 0; f < nf; ++f) {
    const Forbund& fb = forbund_[f];
    if (!names.insert(fb.name).second) throw InputError("organisation: förbund '" + fb.name + "' appears twice");
    if (fb.region < 0 || fb.region >= nr) throw InputError("organisation: förbund '" + fb.name + "' has no region");
    if (fb.members.empty()) throw InputError("organisation: förbund '" + fb.name + "' has no member kommun");
    std::set<int> regions{fb.region};
    for (int k : fb.members) {
      if (k < 0 || k >= nk) throw InputError("organisation: förbund '" + fb.name + "' has an unknown member kommun");
      boost::add_edge(k, nk + nr + f, graph_);
      regions.insert(geo.kommuner[k].region);
    }
    for (int r : regions) boost::add_edge(nk + r, nk + nr + f, graph_);
    boost::add_edge(fk, nk + nr + f, graph_);
    boost::add_edge(af, nk + nr + f, graph_);
  }

  // The graph is the source of truth; the flat lookup is a cache of its kommun → förbund edges.
  forbund_of_kommun_.assign(static_cast<std::size_t>(nk), -1);
  for (int k = 0; k < nk; ++k) {
    const auto degree = boost::out_degree(k, graph_);
    if (degree > 1) {
      std::string which;
      for (auto [e, end] = boost::out_edges(k, graph_); e != end; ++e)
        which += (which.empty() ? "'" : ", '") + forbund_[graph_[boost::target(*e, graph_)].index].name + "'";
      throw InputError("organisation: kommun " + geo.kommuner[k].code + " is in more than one förbund: " + which);
    }
    if (degree == 1) forbund_of_kommun_[k] = graph_[boost::target(*boost::out_edges(k, graph_).first, graph_)].index;
  }
}

int OrgGraph::forbund_index(const std::string& name) const {
  for (std::size_t i = 0; i < forbund_.size(); ++i)
    if (forbund_[i].name == name) return static_cast<int>(i);
  return -1;
}

std::int64_t OrgGraph::area_population_16_64(int f) const {
  std::int64_t sum = 0;
  for (int k : forbund_[f].members) sum += population_16_64_[k];
  return sum;
}

double OrgGraph::area_need_measure(int f) const {
  double sum = 0;
  for (int k : forbund_[f].members) sum += need_[k] * static_cast<double>(population_16_64_[k]);
  return sum;
}

namespace {

int find_forbund(const std::vector<Forbund>& all, const std::string& name, const std::string& key) {
  for (std::size_t i = 0; i < all.size(); ++i)
    if (all[i].name == name) return static_cast<int>(i);
  std::vector<std::string> names;
  for (const auto& f : all) names.push_back(f.name);
  const std::string guess = closest_match(name, names);
  throw InputError(key + ": unknown förbund '" + name + "'" + (guess.empty() ? "" : " (did you mean '" + guess + "'?)"));
}

void remove_member(std::vector<Forbund>& all, int kommun) {
  for (auto& f : all) f.members.erase(std::remove(f.members.begin(), f.members.end(), kommun), f.members.end());
  all.erase(std::remove_if(all.begin(), all.end(), [](const Forbund& f) { return f.members.empty(); }), all.end());
}

}  // namespace

OrgGraph build_org_graph(const Geography& geo, const OrganisationConfig& org) {
  std::vector<Forbund> all;
  for (const auto& rec : geo.forbund) {
    Forbund f{rec.name, rec.region, {}, false, "documented"};
    for (const auto& code : rec.member_codes) f.members.push_back(geo.kommun_index(code));
    all.push_back(std::move(f));
  }

  // Unknown is never guessed: either one synthetic förbund per region, or non-members.
  if (org.unknown_membership == "regional") {
    for (std::size_t r = 0; r < geo.regions.size(); ++r) {
      Forbund f{"Okänt förbund, " + geo.regions[r].name + " (synthetic)", static_cast<int>(r), {}, true,
                "unknown membership (regional)"};
      for (std::size_t k = 0; k < geo.kommuner.size(); ++k)
        if (geo.kommuner[k].status == MembershipStatus::Unknown && geo.kommuner[k].region == static_cast<int>(r))
          f.members.push_back(static_cast<int>(k));
      if (!f.members.empty()) all.push_back(std::move(f));
    }
  }

  for (std::size_t i = 0; i < org.merges.size(); ++i) {
    const auto& m = org.merges[i];
    const std::string key = "organisation.merge[" + std::to_string(i) + "]";
    std::vector<int> idx;
    for (const auto& name : m.forbund) idx.push_back(find_forbund(all, name, key + ".forbund"));
    Forbund merged{m.name, all[idx.front()].region, {}, false, "merge"};
    for (int j : idx) {
      merged.members.insert(merged.members.end(), all[j].members.begin(), all[j].members.end());
      merged.synthetic = merged.synthetic || all[j].synthetic;
    }
    std::sort(idx.begin(), idx.end());
    const int at = idx.front();
    for (auto it = idx.rbegin(); it != idx.rend(); ++it)
      if (*it != at) all.erase(all.begin() + *it);
    all[at] = std::move(merged);
  }

  for (std::size_t i = 0; i < org.joins.size(); ++i) {
    const auto& j = org.joins[i];
    const std::string key = "organisation.join[" + std::to_string(i) + "]";
    const int k = geo.kommun_index(j.kommun_code);
    if (k < 0) throw InputError(key + ".kommun: unknown kommun code '" + j.kommun_code + "'");
    const auto& to = all[find_forbund(all, j.forbund_name, key + ".forbund")].members;  // validate first
    // Already a member: nothing moves (leaving first would delete a one-kommun förbund it joins).
    if (std::find(to.begin(), to.end(), k) != to.end()) continue;
    remove_member(all, k);
    all[find_forbund(all, j.forbund_name, key + ".forbund")].members.push_back(k);
  }

  if (org.full_coverage) {
    // Rule: a non-member kommun joins the förbund of its region that had the most member kommuner
    // before any were added (ties: the first in order); a region with none gets one new förbund.
    std::vector<char> covered(geo.kommuner.size(), 0);
    for (const auto& f : all)
      for (int k : f.members) covered[k] = 1;
    std::vector<int> target(geo.regions.size(), -1);
    for (std::size_t f = 0; f < all.size(); ++f) {
      int& best = target[all[f].region];
      if (best < 0 || all[f].members.size() > all[best].members.size()) best = static_cast<int>(f);
    }
    for (std::size_t k = 0; k < geo.kommuner.size(); ++k) {
      if (covered[k]) continue;
      const int region = geo.kommuner[k].region;
      if (target[region] < 0) {
        all.push_back({"Nytt förbund, " + geo.regions[region].name + " (synthetic)", region, {}, true, "full coverage"});
        target[region] = static_cast<int>(all.size()) - 1;
      }
      all[target[region]].members.push_back(static_cast<int>(k));
    }
  }

  for (auto& f : all) std::sort(f.members.begin(), f.members.end());
  return OrgGraph(geo, std::move(all));
}

}  // namespace finsim
