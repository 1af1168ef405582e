#include "config/scenario_document.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "config/parameters.h"
#include "util/error.h"
#include "util/text.h"

namespace finsim {
namespace fs = std::filesystem;

std::string where(const toml::node& node) {
  const auto& src = node.source();
  if (!src.path) return "--set";
  return *src.path + ":" + std::to_string(src.begin.line) + ":" + std::to_string(src.begin.column);
}

namespace {

[[noreturn]] void fail_at(const toml::node& node, const std::string& key, const std::string& what) {
  throw InputError(where(node) + ": " + key + ": " + what);
}

toml::table parse_file(const fs::path& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) throw InputError(path.string() + ": scenario file not found");
  if (fs::is_directory(path, ec)) throw InputError(path.string() + ": is a directory, expected a scenario TOML file");
  if (!std::ifstream(path)) {
    const int error = errno;
    throw InputError(path.string() + ": cannot read the scenario file: " + std::strerror(error));
  }
  try {
    return toml::parse_file(path.string());
  } catch (const toml::parse_error& e) {
    throw InputError(located(path.string(), static_cast<long>(e.source().begin.line),
                             static_cast<long>(e.source().begin.column), "",
                             "TOML syntax error: " + std::string(e.description())));
  }
}

// Child wins key by key; tables merge recursively, anything else (arrays too) is replaced whole.
// The child's nodes are moved, not copied: a toml++ copy drops the source position, and errors in
// the child must name the child's file, line and column.
void merge_into(toml::table& base, toml::table& child) {
  for (auto&& [k, v] : child) {
    auto* existing = base.get(k);
    if (existing && existing->is_table() && v.is_table()) {
      merge_into(*existing->as_table(), *v.as_table());
    } else {
      base.insert_or_assign(k, std::move(v));
    }
  }
}

// `chain` gets each file as the user's path leads to it (the top file as given, a parent relative to
// its child's folder), as the data files are recorded: a result file names no home directory.
// Cycles are found on the canonical paths, `seen`, since two spellings can name one file.
toml::table load_chain(const fs::path& path, std::vector<std::string>& chain, std::vector<std::string>& seen) {
  if (chain.size() >= kMaxInheritsDepth)
    throw InputError(path.string() + ": inherits: chain of more than " + std::to_string(kMaxInheritsDepth) +
                     " scenario files (from " + chain.front() + ")");
  const std::string canonical = fs::weakly_canonical(path).string();
  if (std::find(seen.begin(), seen.end(), canonical) != seen.end()) {
    std::string cycle;
    for (const auto& c : chain) cycle += c + " -> ";
    throw InputError(path.string() + ": inherits: inheritance cycle: " + cycle + path.lexically_normal().string());
  }
  seen.push_back(canonical);
  chain.push_back(path.lexically_normal().string());
  toml::table own = parse_file(path);
  if (auto* inh = own.get("inherits")) {
    auto parent = inh->value<std::string>();
    if (!parent) fail_at(*inh, "inherits", "expected a string (path of the parent scenario)");
    const fs::path parent_path = path.parent_path() / *parent;
    if (!fs::exists(parent_path)) fail_at(*inh, "inherits", "parent scenario '" + parent_path.string() + "' not found");
    toml::table merged = load_chain(parent_path, chain, seen);
    own.erase("inherits");
    merge_into(merged, own);
    return merged;
  }
  return own;
}

// Known keys and every table above them ("funding", "funding.state"), for "did you mean".
const std::vector<std::string>& known_paths() {
  static const std::vector<std::string> paths = [] {
    std::set<std::string> all;
    for (const auto& k : known_keys()) {
      all.insert(k);
      for (auto dot = k.find('.'); dot != std::string::npos; dot = k.find('.', dot + 1)) all.insert(k.substr(0, dot));
    }
    return std::vector<std::string>(all.begin(), all.end());
  }();
  return paths;
}

bool is_known_table(const std::string& path);

std::string unknown_key_message(const std::string& path) {
  // A table given a value ("scenario = 1", [[scenario]]): "did you mean 'scenario'" would name itself.
  if (is_known_table(path)) return "a table of keys, not a value (set one of its keys, e.g. " + path + ".<key>)";
  std::string msg = "unknown key";
  const std::string guess = closest_match(normalise_key(path), known_paths());
  if (!guess.empty()) msg += " (did you mean '" + guess + "'?)";
  return msg;
}

bool is_year_key(const std::string& y) {
  if (y.size() != 4 || y.find_first_not_of("0123456789") != std::string::npos) return false;
  const int year = std::stoi(y);
  return year >= kFirstSeriesYear && year <= kLastSeriesYear;
}

const std::string kYearKeyExpected = "expected a four-digit year from " + std::to_string(kFirstSeriesYear) + " to " +
                                     std::to_string(kLastSeriesYear) + " as key";

std::size_t segments(std::string_view key) {
  return static_cast<std::size_t>(std::count(key.begin(), key.end(), '.')) + 1;
}

std::string first_segments(const std::string& key, std::size_t n) {
  std::size_t pos = 0;
  for (std::size_t i = 0; i < n; ++i) {
    pos = key.find('.', pos);
    if (pos == std::string::npos) return key;
    if (i + 1 < n) ++pos;
  }
  return key.substr(0, pos);
}

// Is `path` a table that leads to registered keys (e.g. "funding" or "insats.my_new_insats")?
bool is_known_table(const std::string& path) {
  const std::string norm = normalise_key(path);
  const std::size_t n = segments(norm);
  for (const auto& s : parameter_specs()) {
    if (segments(s.key) <= n) continue;
    const std::string head = first_segments(s.key, n);
    const auto pseg = split(head, '.');
    const auto kseg = split(norm, '.');
    bool ok = pseg.size() == kseg.size();
    for (std::size_t i = 0; ok && i < pseg.size(); ++i) ok = pseg[i] == "*" || pseg[i] == kseg[i];
    if (ok) return true;
  }
  return false;
}

bool type_ok(const toml::node& node, ParamType type) {
  switch (type) {
    case ParamType::Integer: return node.is_integer();
    case ParamType::Number: return node.is_number();
    case ParamType::Boolean: return node.is_boolean();
    case ParamType::String: return node.is_string();
    case ParamType::StringList: {
      const auto* arr = node.as_array();
      if (!arr) return false;
      for (const auto& e : *arr)
        if (!e.is_string()) return false;
      return true;
    }
    case ParamType::YearSeries: return node.is_table();
    case ParamType::TableArray: return node.is_array_of_tables();
  }
  return false;
}

// Letters, digits, '_' and '-': a TOML bare key.
bool is_bare_key(std::string_view key) {
  return !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

void check_table(const toml::table& tbl, const std::string& prefix) {
  for (auto&& [k, v] : tbl) {
    const std::string path = prefix.empty() ? std::string(k.str()) : prefix + "." + std::string(k.str());
    // Keys are read back through dotted paths ("insats.NAME.kind"): a quoted key holding '.', '['
    // or ']' (`[insats."x[0"]`) would name another path, and the reader would ask the registry
    // for a key it does not have.
    if (!is_bare_key(k.str())) {
      std::string shown;  // control characters escaped: the message stays one line
      for (const unsigned char c : k.str()) {
        if (c < 0x20 || c == 0x7f) {
          char hex[8];
          std::snprintf(hex, sizeof hex, "\\x%02x", c);
          shown += hex;
        } else {
          shown += static_cast<char>(c);
        }
      }
      fail_at(v, prefix.empty() ? shown : prefix + "." + shown,
              "expected a key of letters, digits, '_' or '-', got \"" + shown + "\"");
    }
    const ParamSpec* spec = find_spec(path);
    if (!spec) {
      if (v.is_table() && is_known_table(path)) {
        check_table(*v.as_table(), path);
        continue;
      }
      fail_at(v, path, unknown_key_message(path));
    }
    if (!type_ok(v, spec->type)) fail_at(v, path, std::string("expected ") + type_name(spec->type));
    if (const auto* f = v.as_floating_point(); f && !std::isfinite(f->get()))
      fail_at(v, path, "expected a finite number, got " + std::string(std::isnan(f->get()) ? "nan" : "inf"));
    if (spec->type == ParamType::TableArray) {
      std::size_t i = 0;
      for (const auto& item : *v.as_array()) check_table(*item.as_table(), path + "[" + std::to_string(i++) + "]");
    } else if (spec->type == ParamType::YearSeries) {
      for (auto&& [year, value] : *v.as_table()) {
        const std::string y(year.str());
        if (!is_year_key(y)) fail_at(value, path + "." + y, kYearKeyExpected);
        if (!value.is_number()) fail_at(value, path + "." + y, "expected a number");
        if (const auto* f = value.as_floating_point(); f && !std::isfinite(f->get()))
          fail_at(value, path + "." + y, "expected a finite number");
      }
    }
  }
}

toml::table* ensure_table(toml::table& root, const std::vector<std::string>& parts, std::size_t n,
                          const std::string& assignment) {
  toml::table* t = &root;
  for (std::size_t i = 0; i < n; ++i) {
    auto* next = t->get(parts[i]);
    if (!next) {
      t->insert(parts[i], toml::table{});
      next = t->get(parts[i]);
    }
    if (!next->is_table()) throw InputError("--set " + assignment + ": '" + parts[i] + "' is not a table");
    t = next->as_table();
  }
  return t;
}

}  // namespace

void apply_override(toml::table& doc, const std::string& assignment) {
  const auto eq = assignment.find('=');
  if (eq == std::string::npos || eq == 0)
    throw InputError("--set " + assignment + ": expected key=value, e.g. funding.state.allocation_msek.2025=500");
  const std::string key(trim(std::string_view(assignment).substr(0, eq)));
  const std::string text(trim(std::string_view(assignment).substr(eq + 1)));
  const auto parts = split(key, '.');
  // The path syntax below knows tables only: an array item would become a table named
  // "freeze[0]" that nothing reads, so the override would be dropped without a word.
  if (key.find('[') != std::string::npos)
    throw InputError("--set " + assignment + ": " + key +
                     ": items of an array of tables cannot be set with --set; edit the scenario file");

  // The type comes from the value it replaces, else from the registry; a year series element
  // ("…allocation_msek.2025") is a number.
  ParamType type;
  const ParamSpec* spec = find_spec(key);
  const std::string parent = key.substr(0, key.rfind('.'));
  const ParamSpec* parent_spec = parts.size() > 1 ? find_spec(parent) : nullptr;
  const toml::node* existing = doc.at_path(key).node();
  if (spec) {
    type = spec->type;
  } else if (parent_spec && parent_spec->type == ParamType::YearSeries) {
    if (!is_year_key(parts.back())) throw InputError("--set " + assignment + ": " + key + ": " + kYearKeyExpected);
    type = ParamType::Number;
  } else {
    throw InputError("--set " + assignment + ": " + key + ": " + unknown_key_message(key));
  }
  if (existing && existing->is_integer() && type == ParamType::Number) type = ParamType::Number;

  toml::table* target = ensure_table(doc, parts, parts.size() - 1, assignment);
  const std::string& leaf = parts.back();
  auto bad = [&](const char* expected) {
    throw InputError("--set " + assignment + ": " + key + ": expected " + expected);
  };
  try {
    switch (type) {
      case ParamType::Integer: {
        std::size_t used = 0;
        const long long v = std::stoll(text, &used);
        if (used != text.size()) bad("an integer");
        target->insert_or_assign(leaf, v);
        break;
      }
      case ParamType::Number: {
        std::size_t used = 0;
        const double v = std::stod(text, &used);
        if (used != text.size()) bad("a number");
        if (!std::isfinite(v)) bad("a finite number");
        target->insert_or_assign(leaf, v);
        break;
      }
      case ParamType::Boolean:
        if (text == "true")
          target->insert_or_assign(leaf, true);
        else if (text == "false")
          target->insert_or_assign(leaf, false);
        else
          bad("true or false");
        break;
      case ParamType::String: {
        std::string v = text;
        if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
        target->insert_or_assign(leaf, v);
        break;
      }
      case ParamType::StringList: {
        toml::array arr;
        for (const auto& item : split(text, ',')) {
          const auto t = trim(item);
          if (!t.empty()) arr.push_back(std::string(t));
        }
        target->insert_or_assign(leaf, std::move(arr));
        break;
      }
      case ParamType::YearSeries:
      case ParamType::TableArray: bad("a single value; set one element, e.g. funding.state.allocation_msek.2025=500");
    }
  } catch (const std::invalid_argument&) {
    bad(type == ParamType::Integer ? "an integer" : "a number");
  } catch (const std::out_of_range&) {
    bad("a value in range");
  }
}

void check_known_keys(const toml::table& doc) { check_table(doc, ""); }

ScenarioDocument load_scenario_document(const std::string& path, const std::vector<std::string>& overrides) {
  ScenarioDocument doc;
  doc.top_file = path;
  doc.directory = fs::path(path).parent_path().string();
  if (doc.directory.empty()) doc.directory = ".";
  std::vector<std::string> seen;
  doc.table = load_chain(path, doc.chain, seen);
  check_known_keys(doc.table);
  std::map<std::string, std::string> given;  // key -> its assignment, so that a key set twice is refused
  for (const auto& o : overrides) {
    const auto eq = o.find('=');
    if (eq != std::string::npos) {
      const std::string key(trim(std::string_view(o).substr(0, eq)));
      if (const auto [it, added] = given.emplace(key, o); !added)
        throw InputError("--set " + o + ": " + key + " is given twice (also --set " + it->second + "); give it once");
    }
    apply_override(doc.table, o);
    doc.overrides.push_back(o);
  }
  check_known_keys(doc.table);
  return doc;
}

}  // namespace finsim
