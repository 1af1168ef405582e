// Loading a scenario file: follows `inherits` chains, merges tables key by key (child wins),
// applies --set overrides, and rejects keys the registry does not know.
#pragma once
#include <string>
#include <vector>

#include <toml++/toml.h>

namespace finsim {

// Longest `inherits` chain, the top file included: a deeper chain is an error, not a stack overflow.
inline constexpr std::size_t kMaxInheritsDepth = 64;
// Keys of a year series ("{ 2016 = 339.0 }") are years in this range.
inline constexpr int kFirstSeriesYear = 2000;
inline constexpr int kLastSeriesYear = 2100;

struct ScenarioDocument {
  toml::table table;               // merged document with overrides applied
  std::vector<std::string> chain;  // files read, the top scenario first, as the given path leads to them
  std::string top_file;
  std::string directory;               // of the top file: data paths are relative to it
  std::vector<std::string> overrides;  // "key=value" as given
};

// Throws InputError: TOML syntax ("file:line:col: …"), missing file, inheritance cycle (the chain
// is printed), unknown key with "did you mean", wrong type, bad --set.
ScenarioDocument load_scenario_document(const std::string& path, const std::vector<std::string>& overrides = {});

// Applies one "a.b.c=value" override, typed like the key it replaces (or as the registry says).
void apply_override(toml::table& doc, const std::string& assignment);

// Checks every key of a document against the registry (types included).
void check_known_keys(const toml::table& doc);

// "file:line:col" of a node, or "--set" for nodes without a source.
std::string where(const toml::node& node);

}  // namespace finsim
