#include "output/result_frame.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace finsim {

std::vector<h5::Attribute> described(const std::string& units, const std::string& long_name) {
  return {{"units", units}, {"long_name", long_name}};
}

Sek to_sek(Sek agent_units, double scale) { return std::llround(static_cast<double>(agent_units) / scale); }

ResultFrame::ResultFrame(const h5::Group& group_, const Scenario& scenario_, const std::vector<Region>& regions_,
                         const ReplicationResult& reference, Lead lead_)
    : group(group_),
      scenario(scenario_),
      regions(regions_),
      areas(reference.areas),
      reference_replication(reference.replication),
      lead(std::move(lead_)) {
  const auto& cfg = scenario.config;
  Layout& l = layout;
  l.reps = 1;
  for (auto n : lead.shape) l.reps *= n;
  l.months = static_cast<std::size_t>(reference.months);
  l.areas = reference.areas.size();
  l.years = static_cast<std::size_t>(cfg.meta.last_year() - cfg.meta.first_year() + 1);
  l.insatser = cfg.insatser.size();
  l.first_month = cfg.meta.start.index();
  l.first_year = cfg.meta.first_year();
  l.scale = cfg.population.scale;
  l.per_person = 1.0 / cfg.population.scale;
  for (const auto& a : reference.areas)
    if (a.forbund >= 0) l.forbund = std::max(l.forbund, static_cast<std::size_t>(a.forbund) + 1);
  check(reference);
}

void ResultFrame::check(const ReplicationResult& r) const {
  const Layout& l = layout;
  if (static_cast<std::size_t>(r.months) != l.months || r.areas.size() != l.areas ||
      r.monthly.size() != l.months * l.areas)
    throw std::invalid_argument("write_results: replication " + std::to_string(r.replication) +
                                " has a different shape from replication " + std::to_string(reference_replication));
  for (std::size_t a = 0; a < l.areas; ++a)
    if (r.areas[a].name != areas[a].name)
      throw std::invalid_argument("write_results: replications have different areas");
  if (r.funding.size() != l.years * l.forbund || r.individual_spent.size() != r.funding.size())
    throw std::invalid_argument("write_results: replication " + std::to_string(r.replication) + " has " +
                                std::to_string(r.funding.size()) + " funding records, expected " +
                                std::to_string(l.years * l.forbund));
  for (const auto& c : r.monthly)
    if (c.participants.size() != l.insatser || c.capacity.size() != l.insatser)
      throw std::invalid_argument("write_results: insats counts differ from the scenario's catalogue");
}

h5::Shape ResultFrame::shape(std::initializer_list<std::size_t> rest) const {
  h5::Shape out = lead.shape;
  out.insert(out.end(), rest.begin(), rest.end());
  return out;
}

std::vector<std::string> ResultFrame::dims(std::initializer_list<const char*> rest) const {
  std::vector<std::string> out = lead.dims;
  out.insert(out.end(), rest.begin(), rest.end());
  return out;
}

h5::Shape ResultFrame::per_point(std::initializer_list<std::size_t> rest) const {
  h5::Shape out(rest);
  if (!lead.points.empty()) out.insert(out.begin(), lead.points.size());
  return out;
}

std::vector<std::string> ResultFrame::per_point_dims(std::initializer_list<const char*> rest) const {
  std::vector<std::string> out(rest.begin(), rest.end());
  if (!lead.points.empty()) out.insert(out.begin(), "point");
  return out;
}

void ResultFrame::label_dimension(const std::string& name, const std::vector<std::string>& labels,
                                  const std::string& long_name) const {
  h5::define_dimension(group, name, labels);
  group.set_attribute(name, "units", std::string("1"));
  group.set_attribute(name, "long_name", long_name);
}

void ResultFrame::write_strings_1d(const std::string& name, const std::vector<std::string>& values,
                                   const std::string& dim, const std::string& long_name) const {
  h5::write_array(group, name, std::span<const std::string>(values), {values.size()}, {dim}, described("1", long_name));
}

}  // namespace finsim
