#include "run/study_plan.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <fstream>

#include "util/error.h"
#include "util/latin_hypercube.h"
#include "util/text.h"
#include "world/csv.h"

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
  if (!design.given.empty()) {
    std::vector<std::vector<std::string>> out;
    for (const auto& row : design.given) {
      out.emplace_back();
      for (std::size_t k = 0; k < design.parameters.size(); ++k)
        out.back().push_back(toml_value(*design.parameters[k], row.at(k)));
    }
    return out;
  }
  // Each key draws from its own stream, named after it: the draws of a key do not depend on which
  // other keys the study draws (docs/uncertainty.md §1).
  std::vector<std::uint32_t> streams;
  for (const ParamSpec* spec : design.parameters) streams.push_back(name_stream(sampled_key(*spec)));
  const auto u = latin_hypercube(design.samples, streams, design.sample_seed);
  std::vector<std::vector<std::string>> out(design.samples);
  for (std::size_t s = 0; s < design.samples; ++s)
    for (std::size_t k = 0; k < design.parameters.size(); ++k) {
      const ParamSpec& spec = *design.parameters[k];
      out[s].push_back(toml_value(spec, prior_quantile(spec.prior, u[s][k])));
    }
  return out;
}

DesignFile read_design_file(const std::filesystem::path& path) {
  const std::string file = path.string();
  // The CSV rules of every other input (quotes, a BOM, CRLF; world/csv.h).
  const CsvTable t = CsvTable::read(file);
  DesignFile d;
  if (t.header().empty() || (t.header().size() == 1 && trim(t.header()[0]).empty()))
    throw InputError(file + ": empty design file (expected a header of keys and rows of values)");
  for (const auto& column : t.header()) {
    const std::string key(trim(column));
    const ParamSpec* found = nullptr;
    for (const auto& spec : parameter_specs())
      if (spec.key == key || sampled_key(spec) == key) found = &spec;
    if (!found) {
      const std::string near = closest_match(key, known_keys());
      throw InputError(
          located(file, 1, 0, key, "not a registry key" + (near.empty() ? "" : " (did you mean '" + near + "'?)")));
    }
    if (!found->prior.sampled())
      throw InputError(located(file, 1, 0, key,
                               "has no distribution" + (found->prior.why.empty() ? std::string(" (not drawn)")
                                                                                 : " (" + found->prior.why + ")")));
    for (const auto* seen : d.parameters)
      if (seen == found) throw InputError(located(file, 1, 0, key, "given twice"));
    d.parameters.push_back(found);
  }
  for (std::size_t r = 0; r < t.rows(); ++r) {
    std::vector<double> row;
    for (std::size_t k = 0; k < t.header().size(); ++k) {
      const std::string text(trim(t.cell(r, k)));
      const Prior& prior = d.parameters[k]->prior;
      const std::string key(trim(t.header()[k]));
      const long line = t.line_of(r);
      double v = 0;
      const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
      if (ec != std::errc{} || end != text.data() + text.size() || !std::isfinite(v))
        throw InputError(located(file, line, 0, key, "expected a number, got '" + text + "'"));
      // An integer key runs with a whole number: 6.5 would silently run as 6 (sobol.py writes whole numbers).
      if (prior.integer && v != std::round(v))
        throw InputError(located(file, line, 0, key, "expected a whole number (an integer key), got '" + text + "'"));
      const double slack = prior.integer ? 0.5 : 1e-9 * std::max(std::fabs(prior.low), std::fabs(prior.high));
      if (v < prior.low - slack || v > prior.high + slack)
        throw InputError(
            located(file, line, 0, key, "value " + text + " outside its distribution " + prior_formula(prior)));
      row.push_back(v);
    }
    d.rows.push_back(std::move(row));
  }
  if (d.rows.empty()) throw InputError(file + ": no parameter set (rows) after the header");
  return d;
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
