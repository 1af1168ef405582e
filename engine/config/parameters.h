// The parameter registry: every scenario key with its type, default, unit, meaning and source.
// One table drives defaults, unknown-key checks, docs/scenarios.md and the HDF5 parameter table.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "config/parameter_prior.h"

namespace finsim {

enum class ParamType { Integer, Number, Boolean, String, StringList, YearSeries, TableArray };

struct ParamSpec {
  std::string key;            // dotted; "*" matches one table name, "[]" an array-of-tables item
  ParamType type;
  std::string default_toml;   // the default as a TOML value literal ("" = no value, e.g. arrays)
  std::string unit;
  std::string meaning;
  std::string source;         // citation; empty when the value is an assumption
  std::string range;          // for assumptions: the plausible range used in sensitivity runs
  Prior prior = {};           // what a study draws it from (derived from range), or why not sampled
  bool assumption() const { return source.empty(); }
};

const std::vector<ParamSpec>& parameter_specs();

// Exact key first, then patterns ("insats.*.cost_sek_per_month", "funding.freeze[].party").
const ParamSpec* find_spec(std::string_view key);

// "funding.freeze[2].party" -> "funding.freeze[].party"
std::string normalise_key(std::string_view key);

// All concrete (non-pattern) keys plus patterns, for "did you mean".
std::vector<std::string> known_keys();

const char* type_name(ParamType t);

}  // namespace finsim
