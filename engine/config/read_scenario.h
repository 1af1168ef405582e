// From a scenario file to a typed ScenarioConfig plus its provenance (resolved text, parameters).
// This is the only place that knows how scenario keys map to model fields.
#pragma once
#include <string>
#include <vector>

#include "config/scenario_config.h"
#include "config/scenario_document.h"
#include "config/scenario_reader.h"

namespace finsim {

struct Scenario {
  ScenarioConfig config;
  std::vector<ResolvedParameter> parameters;
  std::string resolved_toml;   // self-contained: no inherits, every default written out
  std::vector<std::string> chain;
  std::vector<std::string> overrides;
};

// Throws InputError with "file:line:col: key: what was expected" on any problem.
Scenario load_scenario(const std::string& path, const std::vector<std::string>& overrides = {});

// The same from an already merged document (used by tests and by load_scenario).
Scenario read_scenario(const ScenarioDocument& doc);

}  // namespace finsim
