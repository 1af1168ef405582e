#include "output/parameter_table.h"

#include <algorithm>

namespace finsim {

// Keys, units and sources are the base scenario's; values and origins are per point in a sweep
// (a key a point lacks, which no override can cause today, would read as "").
void write_parameter_table(const ResultFrame& f) {
  const auto& g = f.group;
  const auto& params = f.scenario.parameters;
  std::vector<std::string> keys, unit, source;
  std::vector<std::int32_t> assumption;
  for (const auto& p : params) {
    keys.push_back(p.key);
    unit.push_back(p.unit);
    source.push_back(p.source);
    assumption.push_back(p.assumption ? 1 : 0);
  }
  std::vector<std::string> value, origin;
  const std::vector<const Scenario*> scenarios =
      f.lead.points.empty() ? std::vector<const Scenario*>{&f.scenario} : f.lead.points;
  for (const auto* s : scenarios)
    for (const auto& key : keys) {
      const auto it =
          std::find_if(s->parameters.begin(), s->parameters.end(), [&](const auto& p) { return p.key == key; });
      value.push_back(it == s->parameters.end() ? std::string() : it->value);
      origin.push_back(it == s->parameters.end() ? std::string() : it->origin);
    }
  f.label_dimension("parameter", keys, "scenario key");
  const h5::Shape shape = {keys.size()};
  const std::vector<std::string> dims = {"parameter"};
  h5::write_array(g, "parameter_value", std::span<const std::string>(value), f.per_point({keys.size()}),
                  f.per_point_dims({"parameter"}),
                  described("1", "resolved value as TOML text (money in MSEK as in scenario files)"));
  h5::write_array(g, "parameter_unit", std::span<const std::string>(unit), shape, dims,
                  described("1", "unit of the value"));
  h5::write_array(g, "parameter_source", std::span<const std::string>(source), shape, dims,
                  described("1", "source reference, or the assumption and its range"));
  h5::write_array(g, "parameter_assumption", std::span<const std::int32_t>(assumption), shape, dims,
                  described("1", "1 if the value is a flagged assumption, 0 if it has a source"));
  h5::write_array(g, "parameter_origin", std::span<const std::string>(origin), f.per_point({keys.size()}),
                  f.per_point_dims({"parameter"}),
                  described("1", "where the value was set: default, file:line:col, or --set"));
}

}  // namespace finsim
