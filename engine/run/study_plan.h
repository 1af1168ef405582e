// An uncertainty study as a plan: parameter sets drawn by Latin hypercube from the registry's priors,
// each run for the baseline and the scenario with the same seeds (paired), as the points of one sweep.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "config/parameters.h"
#include "run/run_plan.h"

namespace finsim {

struct StudyDesign {
  std::filesystem::path base_file;      // the baseline scenario
  std::filesystem::path scenario_file;  // the scenario compared with it
  std::size_t samples = 0;              // parameter sets
  std::uint32_t sample_seed = 1;        // keys the Latin hypercube (not the simulation's seed)
  std::vector<const ParamSpec*> parameters;
  // Given parameter sets [sample][parameter] (finsim study --design, e.g. a Sobol pick-freeze design
  // from analysis/sobol.py) run instead of a Latin hypercube; empty: draw by Latin hypercube.
  std::vector<std::vector<double>> given;
};

// A design file: a CSV whose header names registry keys (or a year series' KEY.<year>) and whose
// rows are parameter sets, each value inside the key's distribution's range. Throws InputError
// ("file:line: key: what was expected") on anything else.
struct DesignFile {
  std::vector<const ParamSpec*> parameters;
  std::vector<std::vector<double>> rows;
};
DesignFile read_design_file(const std::filesystem::path& path);

// The parameters a study draws: `requested` empty = every assumption with a distribution;
// {"all"} = also the sourced keys with a published interval; otherwise the listed registry keys
// (InputError naming a key that is unknown or has no distribution).
std::vector<const ParamSpec*> study_parameters(const std::vector<std::string>& requested);

// A drawn value as TOML text for the key's type: "6" for an integer key, "0.0123457" (6 significant digits).
std::string toml_value(const ParamSpec& spec, double value);

// The drawn values [sample][parameter] as TOML text, from the priors' quantiles of the hypercube.
std::vector<std::vector<std::string>> draw_parameter_sets(const StudyDesign& design);

// `common` (overrides, replications, seed, options) becomes the study: point 2s is sample s in the
// baseline, point 2s + 1 the same sample in the scenario; the varied keys are the sampled keys.
RunPlan study_plan(const StudyDesign& design, RunPlan common);

inline std::size_t study_sample(std::size_t point) { return point / 2; }
inline bool study_is_scenario(std::size_t point) { return point % 2 == 1; }

}  // namespace finsim
