#include "run/study_plan.h"

#include <cstdio>

#include "util/error.h"
#include "util/latin_hypercube.h"
#include "util/text.h"

namespace finsim {

std::vector<const ParamSpec*> study_parameters(const std::vector<std::string>& requested) {
  std::vector<const ParamSpec*> out;
  const bool all = requested.size() == 1 && requested.front() == "all";
  if (requested.empty() || all) {
    for (const auto& spec : parameter_specs())
      if (spec.prior.sampled() && (all || spec.assumption())) out.push_back(&spec);
    return out;
  }
  for (const auto& key : requested) {
    const ParamSpec* spec = find_spec(key);
    if (!spec || spec->key != key) {
      const std::string near = closest_match(key, known_keys());
      throw InputError("--params: unknown key '" + key + "'" + (near.empty() ? "" : " (did you mean '" + near + "'?)"));
    }
    if (!spec->prior.sampled())
      throw InputError("--params: '" + key + "' has no distribution" +
                       (spec->prior.why.empty() ? std::string(" (no numeric range in the registry)")
                                                : " (" + spec->prior.why + ")"));
    for (const auto* seen : out)
      if (seen == spec) throw InputError("--params: '" + key + "' is given twice");
    out.push_back(spec);
  }
  return out;
}

std::string toml_value(const ParamSpec& spec, double value) {
  char buf[40];
  if (spec.type == ParamType::Integer) {
    std::snprintf(buf, sizeof buf, "%.0f", value);
    return buf;
  }
  std::snprintf(buf, sizeof buf, "%.6g", value);
  std::string s = buf;
  if (s.find_first_of(".eEn") == std::string::npos) s += ".0";  // a TOML float, not an integer
  return s;
}

std::vector<std::vector<std::string>> draw_parameter_sets(const StudyDesign& design) {
  const auto u = latin_hypercube(design.samples, design.parameters.size(), design.sample_seed);
  std::vector<std::vector<std::string>> out(design.samples);
  for (std::size_t s = 0; s < design.samples; ++s)
    for (std::size_t k = 0; k < design.parameters.size(); ++k) {
      const ParamSpec& spec = *design.parameters[k];
      out[s].push_back(toml_value(spec, prior_quantile(spec.prior, u[s][k])));
    }
  return out;
}

RunPlan study_plan(const StudyDesign& design, RunPlan plan) {
  if (design.samples < 1) throw InputError("--samples: expected at least 1");
  if (design.parameters.empty()) throw InputError("--params: no parameter to draw");
  plan.scenario_file = design.base_file;
  plan.varied_keys.clear();
  for (const auto* spec : design.parameters) plan.varied_keys.push_back(sampled_key(*spec));
  plan.points.clear();
  plan.point_files.clear();
  for (auto& values : draw_parameter_sets(design)) {
    plan.points.push_back(values);
    plan.point_files.push_back(design.base_file);
    plan.points.push_back(std::move(values));
    plan.point_files.push_back(design.scenario_file);
  }
  return plan;
}

}  // namespace finsim
