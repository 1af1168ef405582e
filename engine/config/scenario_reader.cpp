#include "config/scenario_reader.h"

#include <cmath>
#include <filesystem>
#include <sstream>

#include "config/parameters.h"
#include "config/scenario_document.h"
#include "config/toml_text.h"
#include "util/error.h"
#include "util/text.h"

namespace finsim {

namespace fs = std::filesystem;
namespace {

const std::string kNumberExpected = "expected a finite number from -1e9 to 1e9";
const std::string kIntegerExpected = "expected an integer from -1e12 to 1e12";

std::string toml_literal(const toml::node& n) {
  std::ostringstream os;
  if (n.is_string()) {
    os << toml::value<std::string>(*n.value<std::string>());  // quoted and escaped
  } else if (const auto* t = n.as_table()) {
    toml::table copy = *t;
    copy.is_inline(true);
    os << copy;
  } else {
    n.visit([&](auto&& v) { os << v; });
  }
  std::string s = shortest_floats(os.str());
  for (auto& c : s)
    if (c == '\n') c = ' ';
  return s;
}

// Same value, numbers compared as numbers (2 == 2.0) and tables key by key, as the reader sees them.
bool same_value(const toml::node& a, const toml::node& b) {
  if (a.is_number() && b.is_number()) return *a.value<double>() == *b.value<double>();
  if (const auto* ta = a.as_table()) {
    const auto* tb = b.as_table();
    if (!tb || ta->size() != tb->size()) return false;
    for (auto&& [k, v] : *ta) {
      const auto* other = tb->get(k);
      if (!other || !same_value(v, *other)) return false;
    }
    return true;
  }
  if (const auto* aa = a.as_array()) {
    const auto* ab = b.as_array();
    if (!ab || aa->size() != ab->size()) return false;
    for (std::size_t i = 0; i < aa->size(); ++i)
      if (!same_value(*aa->get(i), *ab->get(i))) return false;
    return true;
  }
  return toml_literal(a) == toml_literal(b);
}

void set_path(toml::table& root, const std::string& key, const toml::node& value) {
  // Keys with array items ("funding.freeze[0].party") are stored whole by their array's reader.
  const auto parts = split(key, '.');
  toml::table* t = &root;
  for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
    auto* next = t->get(parts[i]);
    if (!next) {
      t->insert(parts[i], toml::table{});
      next = t->get(parts[i]);
    }
    t = next->as_table();
    if (!t) return;
  }
  t->insert_or_assign(parts.back(), value);
}

}  // namespace

const toml::node* ScenarioReader::find(const std::string& key) const { return doc_.at_path(key).node(); }

void ScenarioReader::fail(const std::string& key, const std::string& what) const {
  if (const auto* n = find(key)) throw InputError(where(*n) + ": " + key + ": " + what);
  throw InputError(key + ": " + what + " (default value)");
}

const toml::node& ScenarioReader::value_or_default(const std::string& key, toml::table& scratch) {
  if (const auto* n = find(key)) return *n;
  const ParamSpec* spec = find_spec(key);
  if (!spec) throw std::logic_error("parameter '" + key + "' is not in the registry");
  scratch = toml::parse("v = " + spec->default_toml);
  return *scratch.get("v");
}

std::string ScenarioReader::origin(const toml::node& node) const {
  const auto& src = node.source();
  if (!src.path) return "--set";
  // Both made absolute first (from the working directory, as the loader read them), so that an
  // absolute `inherits` and a relative top file are related too.
  const fs::path file = fs::absolute(*src.path).lexically_normal();
  const fs::path relative = file.lexically_relative(fs::absolute(origin_base_).lexically_normal());
  return (relative.empty() ? file : relative).string() + ":" + std::to_string(src.begin.line) + ":" +
         std::to_string(src.begin.column);
}

void ScenarioReader::record(const std::string& key, const toml::node& value, const toml::node* from_doc) {
  const ParamSpec* spec = find_spec(key);
  ResolvedParameter p;
  p.key = key;
  p.value = toml_literal(value);
  p.unit = spec ? spec->unit : "";
  p.assumption = !spec || spec->assumption();
  p.source = p.assumption
                 ? "assumption" + (spec && !spec->range.empty() ? " (range " + spec->range + ")" : std::string())
                 : spec->source;
  p.origin = from_doc ? origin(*from_doc) : "default";
  // A year series merges over its parent year by year: name where each year was set when it is
  // not all one place (a child's 2025 over the parent's table).
  if (const auto* t = from_doc ? from_doc->as_table() : nullptr) {
    std::string years;
    bool elsewhere = false;
    for (auto&& [year, v] : *t) {
      const std::string w = origin(v);
      elsewhere = elsewhere || w.substr(0, w.find(':')) != p.origin.substr(0, p.origin.find(':'));
      years += (years.empty() ? "" : ", ") + std::string(year.str()) + " at " + w;
    }
    if (elsewhere) p.origin = years;
  }
  if (from_doc) {
    if (!spec || spec->default_toml.empty()) {
      p.changed = true;
    } else {
      const toml::table def = toml::parse("v = " + spec->default_toml);
      p.changed = !same_value(value, *def.get("v"));
    }
  }
  params_.push_back(std::move(p));
  if (key.find('[') == std::string::npos) set_path(resolved_, key, value);
}

double ScenarioReader::number(const std::string& key) {
  toml::table scratch;
  const auto& n = value_or_default(key, scratch);
  const auto v = n.value<double>();
  if (!v || !n.is_number()) fail(key, "expected a number");
  if (!std::isfinite(*v) || std::abs(*v) > kMaxNumber) fail(key, kNumberExpected);
  // Store as float so the resolved text re-reads as the same type.
  record(key, toml::value<double>(*v), find(key));
  return *v;
}

long long ScenarioReader::integer(const std::string& key) {
  toml::table scratch;
  const auto& n = value_or_default(key, scratch);
  if (!n.is_integer()) fail(key, "expected an integer");
  if (std::llabs(*n.value<long long>()) > kMaxInteger) fail(key, kIntegerExpected);
  record(key, n, find(key));
  return *n.value<long long>();
}

bool ScenarioReader::boolean(const std::string& key) {
  toml::table scratch;
  const auto& n = value_or_default(key, scratch);
  if (!n.is_boolean()) fail(key, "expected true or false");
  record(key, n, find(key));
  return *n.value<bool>();
}

std::string ScenarioReader::string(const std::string& key) {
  toml::table scratch;
  const auto& n = value_or_default(key, scratch);
  if (!n.is_string()) fail(key, "expected a string");
  record(key, n, find(key));
  return *n.value<std::string>();
}

std::vector<std::string> ScenarioReader::string_list(const std::string& key) {
  toml::table scratch;
  const auto& n = value_or_default(key, scratch);
  const auto* arr = n.as_array();
  if (!arr) fail(key, "expected a list of strings");
  std::vector<std::string> out;
  for (const auto& e : *arr) {
    if (!e.is_string()) fail(key, "expected a list of strings");
    out.push_back(*e.value<std::string>());
  }
  record(key, n, find(key));
  return out;
}

std::map<int, double> ScenarioReader::year_series(const std::string& key) {
  // The registry default is the bottom layer and the document's years merge over it year by year,
  // as a child's years merge over its parent's: "{ 2025 = 0.5 }" means "from 2025", keeping the
  // default's 2016 value before it instead of making 0.5 hold from the first year.
  std::map<int, double> out;
  auto add = [&](const toml::table& t) {
    for (auto&& [year, value] : t) {
      const auto v = value.value<double>();
      if (!v) fail(key + "." + std::string(year.str()), "expected a number");
      // Every series is an amount or a growth share: never negative, never absurd.
      if (!std::isfinite(*v) || *v < 0 || *v > kMaxNumber)
        fail(key + "." + std::string(year.str()), "expected a number from 0 to 1e9");
      out[std::stoi(std::string(year.str()))] = *v;
    }
  };
  const ParamSpec* spec = find_spec(key);
  if (!spec) throw std::logic_error("parameter '" + key + "' is not in the registry");
  if (!spec->default_toml.empty()) {
    const toml::table scratch = toml::parse("v = " + spec->default_toml);
    if (const auto* t = scratch.get("v")->as_table()) add(*t);
  }
  if (const auto* n = find(key)) {
    const auto* t = n->as_table();
    if (!t || t->empty()) fail(key, "expected a table of year = value with at least one year");
    add(*t);
  }
  if (out.empty()) fail(key, "expected a table of year = value with at least one year");
  // Normalise to floats so the resolved TOML reads back with the same types.
  toml::table normal;
  for (const auto& [y, v] : out) normal.insert(std::to_string(y), v);
  record(key, normal, find(key));
  return out;
}

std::size_t ScenarioReader::table_count(const std::string& key) {
  const auto* n = find(key);
  if (!n) return 0;
  const auto* arr = n->as_array();
  if (!arr || !arr->is_array_of_tables()) fail(key, "expected an array of tables ([[" + key + "]])");
  set_path(resolved_, key, *n);
  return arr->size();
}

std::vector<std::string> ScenarioReader::table_names(const std::string& prefix) const {
  std::vector<std::string> out;
  if (const auto* t = doc_.at_path(prefix).as_table())
    for (auto&& [k, v] : *t)
      if (v.is_table()) out.emplace_back(k.str());
  return out;
}

}  // namespace finsim
