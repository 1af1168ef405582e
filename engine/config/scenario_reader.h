// Typed, recorded access to a scenario document: each read takes the default from the registry,
// checks the type, and records value, unit and source for the provenance parameter table.
#pragma once
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <toml++/toml.h>

namespace finsim {

// One resolved parameter as it is written to docs and HDF5 provenance.
struct ResolvedParameter {
  std::string key;
  std::string value;  // TOML literal text
  std::string unit;
  std::string source;  // registry source, or "assumption (range …)"
  bool assumption = false;
  // "default", "--set", or where the scenario set it: "file:line:col" with the file relative to the
  // top scenario's folder, so that the same files give the same origin from any working directory
  // (a shard run reads them by absolute path, an unsharded run as typed).
  std::string origin;
  bool changed = false;  // differs from the registry default (set by the scenario to another value)
};

// Bounds on every scenario number, before each key's own check: no parameter is meaningfully larger,
// and beyond them money in whole SEK (int64) could overflow. nan and inf are never accepted.
inline constexpr double kMaxNumber = 1e9;
inline constexpr long long kMaxInteger = 1'000'000'000'000LL;

class ScenarioReader {
 public:
  // `origin_base`: the top scenario file's folder, as ResolvedParameter::origin counts from it.
  explicit ScenarioReader(const toml::table& doc, std::string origin_base = ".")
      : doc_(doc), origin_base_(std::move(origin_base)) {}

  double number(const std::string& key);
  long long integer(const std::string& key);
  bool boolean(const std::string& key);
  std::string string(const std::string& key);
  std::vector<std::string> string_list(const std::string& key);
  std::map<int, double> year_series(const std::string& key);
  std::size_t table_count(const std::string& key);  // items of an array of tables
  // Names of the sub-tables below a prefix, e.g. insats names below "insats".
  std::vector<std::string> table_names(const std::string& prefix) const;

  // An InputError located at the key's node (or naming the key when it came from a default).
  [[noreturn]] void fail(const std::string& key, const std::string& what) const;

  const std::vector<ResolvedParameter>& parameters() const { return params_; }
  // The whole resolved scenario as TOML (defaults filled in): re-running it gives the same result.
  const toml::table& resolved() const { return resolved_; }

 private:
  const toml::node* find(const std::string& key) const;
  const toml::node& value_or_default(const std::string& key, toml::table& scratch);
  void record(const std::string& key, const toml::node& value, const toml::node* from_doc);

  std::string origin(const toml::node& node) const;

  const toml::table& doc_;
  std::string origin_base_;
  toml::table resolved_;
  std::vector<ResolvedParameter> params_;
};

}  // namespace finsim
