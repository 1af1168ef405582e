#include "output/sweep_labels.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <stdexcept>

#include "output/sha256.h"

namespace finsim {

std::optional<double> toml_number(std::string_view text) {
  std::string digits;
  for (std::size_t i = 0; i < text.size(); ++i) {
    // TOML allows '_' between digits, and a leading '+', neither of which from_chars reads.
    if (text[i] == '_') continue;
    if (i == 0 && text[i] == '+') continue;
    digits += text[i];
  }
  if (digits.empty()) return std::nullopt;
  double value = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (error != std::errc() || end != digits.data() + digits.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::string toml_label(std::string_view text) {
  if (text.size() >= 2 && text.front() == '"' && text.back() == '"' &&
      text.substr(1, text.size() - 2).find_first_of("\"\\") == std::string_view::npos)
    return std::string(text.substr(1, text.size() - 2));
  return std::string(text);
}

std::string point_overrides(const std::vector<std::string>& keys, const std::vector<std::string>& values) {
  std::string out;
  for (std::size_t k = 0; k < keys.size() && k < values.size(); ++k) out += (k ? "; " : "") + keys[k] + "=" + values[k];
  return out;
}

std::vector<std::string> point_label_names(const std::vector<std::string>& keys) {
  std::vector<std::string> out = keys;
  out.insert(out.end(), {"point_overrides", "point_scenario_sha256", "point_resolved_scenario"});
  return out;
}

void check_sweep_points(const Scenario& base, const std::vector<std::string>& varied_keys,
                        std::span<const SweepPoint> points) {
  for (auto it = varied_keys.begin(); it != varied_keys.end(); ++it) {
    // A key names a dataset of its own: no '/', and a dot keeps it apart from every array's name.
    if (it->empty() || it->find('/') != std::string::npos || it->find('.') == std::string::npos)
      throw std::invalid_argument("write_sweep: '" + *it + "' is not a scenario key");
    if (std::find(varied_keys.begin(), it, *it) != it)
      throw std::invalid_argument("write_sweep: key '" + *it + "' varied twice");
  }
  if (points.empty()) throw std::invalid_argument("write_sweep: no points");
  const auto& meta = base.config.meta;
  for (std::size_t p = 0; p < points.size(); ++p) {
    const auto& point = points[p];
    const std::string where = "write_sweep: point " + std::to_string(p);
    if (point.values.size() != varied_keys.size())
      throw std::invalid_argument(where + " has " + std::to_string(point.values.size()) + " values for " +
                                  std::to_string(varied_keys.size()) + " varied keys");
    const auto& cfg = point.scenario->config;
    if (cfg.meta.start.index() != meta.start.index() || cfg.meta.months() != meta.months() ||
        cfg.population.scale != base.config.population.scale || cfg.meta.seed != meta.seed ||
        cfg.insatser.size() != base.config.insatser.size())
      throw std::invalid_argument(where + ": months, population scale, seed or insats catalogue differ from the base");
    for (std::size_t t = 0; t < cfg.insatser.size(); ++t)
      if (cfg.insatser[t].name != base.config.insatser[t].name)
        throw std::invalid_argument(where + ": insats types differ from the base");
  }
}

std::vector<SweepPoint> sweep_points(std::span<const PointResults> points) {
  std::vector<SweepPoint> out;
  for (const auto& p : points) out.push_back({p.scenario, p.values});
  return out;
}

std::vector<const ReplicationResult*> sweep_replications(const Scenario& base,
                                                         const std::vector<std::string>& varied_keys,
                                                         std::span<const PointResults> points) {
  check_sweep_points(base, varied_keys, sweep_points(points));
  const auto& first = *points.front().replications;
  if (first.empty()) throw std::invalid_argument("write_sweep: no replications");
  std::vector<const ReplicationResult*> results;
  for (std::size_t p = 0; p < points.size(); ++p) {
    const std::string where = "write_sweep: point " + std::to_string(p);
    const auto& reps = *points[p].replications;
    if (reps.size() != first.size())
      throw std::invalid_argument(where + " has " + std::to_string(reps.size()) + " replications, point 0 has " +
                                  std::to_string(first.size()));
    for (std::size_t i = 0; i < reps.size(); ++i) {
      if (reps[i].replication != first[i].replication)
        throw std::invalid_argument(where + ": replication indices differ from point 0's");
      if (reps[i].events_recorded) throw std::invalid_argument("write_sweep: event logs are not written for sweeps");
      results.push_back(&reps[i]);
    }
  }
  return results;
}

void write_sweep_points(const h5::Group& g, const std::vector<std::string>& keys, std::span<const SweepPoint> points) {
  const std::size_t P = points.size();
  std::vector<std::int32_t> index(P);
  for (std::size_t p = 0; p < P; ++p) index[p] = static_cast<std::int32_t>(p);
  h5::define_dimension(g, "point", std::span<const std::int32_t>(index));
  g.set_attribute("point", "units", std::string("1"));
  g.set_attribute("point", "long_name", std::string("sweep point (same replications and seeds in every point)"));

  const std::vector<std::string> dim = {"point"};
  for (std::size_t k = 0; k < keys.size(); ++k) {
    std::vector<double> numbers;
    std::vector<std::string> labels;
    for (const auto& point : points) {
      if (const auto v = toml_number(point.values[k])) numbers.push_back(*v);
      labels.push_back(toml_label(point.values[k]));
    }
    const std::vector<h5::Attribute> attrs = {{"units", std::string("1")},
                                              {"long_name", "value of the varied scenario key " + keys[k]}};
    if (numbers.size() == P)
      h5::write_array(g, keys[k], std::span<const double>(numbers), {P}, dim, attrs);
    else
      h5::write_array(g, keys[k], std::span<const std::string>(labels), {P}, dim, attrs);
  }
  std::vector<std::string> overrides, digests, resolved;
  for (const auto& point : points) {
    overrides.push_back(point_overrides(keys, point.values));
    digests.push_back(sha256_hex(point.scenario->resolved_toml));
    resolved.push_back(point.scenario->resolved_toml);
  }
  auto text = [&](const char* name, const std::vector<std::string>& values, const std::string& long_name) {
    h5::write_array(g, name, std::span<const std::string>(values), {P}, dim,
                    {{"units", std::string("1")}, {"long_name", long_name}});
  };
  text("point_overrides", overrides, "the point's overrides of the base scenario (key=value; ...)");
  text("point_scenario_sha256", digests, "SHA-256 of the point's resolved scenario (point_resolved_scenario)");
  text("point_resolved_scenario", resolved, "the point's fully resolved scenario as TOML (base + overrides)");
}

void mark_point_coordinates(const h5::Group& g, const std::vector<std::string>& keys) {
  auto names = point_label_names(keys);
  names.pop_back();  // the resolved scenario is a long text: a variable, not a label
  std::string coordinates;
  for (const auto& n : names) coordinates += (coordinates.empty() ? "" : " ") + n;
  for (const auto& child : g.children()) {
    if (child.kind != h5::Kind::dataset || child.name == "point" ||
        std::find(names.begin(), names.end(), child.name) != names.end())
      continue;
    const auto dims = h5::dimension_names(g, child.name);
    if (dims.size() > 1 || (dims.size() == 1 && dims.front() != child.name))
      if (dims.front() == "point") g.set_attribute(child.name, "coordinates", coordinates);
  }
}

}  // namespace finsim
