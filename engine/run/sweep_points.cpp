#include "run/sweep_points.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>

#include "util/error.h"
#include "util/text.h"
#include "world/csv.h"

namespace finsim {
namespace {

bool is_number(const std::string& s, double* value = nullptr) {
  if (s.empty()) return false;
  char* end = nullptr;
  const double v = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size() || !std::isfinite(v)) return false;
  if (value) *value = v;
  return true;
}

// A value as TOML text: numbers, booleans, quoted strings and arrays as given; a bare word becomes
// a quoted string (so --vary funding.x=dalarna-cut works as the scenario file would need "dalarna-cut").
std::string toml_value(const std::string& raw) {
  const std::string s(trim(raw));
  if (is_number(s) || s == "true" || s == "false" || (!s.empty() && (s[0] == '"' || s[0] == '\'' || s[0] == '[')))
    return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' || c == '\\' ? std::string("\\") + c : std::string(1, c);
  return out + "\"";
}

// Splits at commas outside brackets and quotes.
std::vector<std::string> split_values(const std::string& s) {
  std::vector<std::string> out(1);
  int depth = 0;
  char quote = 0;
  for (char c : s) {
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '[') {
      ++depth;
    } else if (c == ']') {
      --depth;
    } else if (c == ',' && depth == 0) {
      out.emplace_back();
      continue;
    }
    out.back() += c;
  }
  return out;
}

std::string number_text(double v, bool integral) {
  char buf[64];
  if (integral)
    std::snprintf(buf, sizeof buf, "%.0f", v);
  else
    std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

// What makes two values the same point: a number by its value (339, 339.0 and 3.39e2 are one),
// anything else by its TOML text.
std::string same_value(const std::string& toml_text) {
  double v = 0;
  if (!is_number(toml_text, &v)) return toml_text;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

}  // namespace

std::pair<std::string, std::vector<std::string>> parse_vary(const std::string& arg) {
  const auto bad = [&](const std::string& what) { return InputError("--vary '" + arg + "': " + what); };
  const auto eq = arg.find('=');
  if (eq == std::string::npos || eq == 0) throw bad("expected KEY=V1,V2,... or KEY=FROM:TO:N");
  const std::string key(trim(arg.substr(0, eq)));
  const std::string spec = arg.substr(eq + 1);
  std::vector<std::string> values;
  const auto parts = split(spec, ':');
  if (parts.size() == 3 && spec.find(',') == std::string::npos) {
    double from = 0, to = 0, n = 0;
    const std::string f(trim(parts[0])), t(trim(parts[1])), c(trim(parts[2]));
    if (!is_number(f, &from) || !is_number(t, &to)) throw bad("range FROM:TO:N: FROM and TO must be numbers");
    if (!is_number(c, &n) || n != std::floor(n) || n < 1 || n > 100000)
      throw bad("range FROM:TO:N: N must be a whole number of points from 1 to 100000");
    const auto count = static_cast<int>(n);
    const double step = count > 1 ? (to - from) / (count - 1) : 0;
    const bool integral =
        from == std::floor(from) && step == std::floor(step) && f.find_first_of(".eE") == std::string::npos;
    for (int i = 0; i < count; ++i)
      values.push_back(number_text(i + 1 == count && count > 1 ? to : from + step * i, integral));
  } else {
    for (const auto& v : split_values(spec)) {
      if (trim(v).empty()) throw bad("an empty value (expected KEY=V1,V2,...)");
      values.push_back(toml_value(v));
    }
  }
  std::set<std::string> seen;
  for (const auto& v : values)
    if (!seen.insert(same_value(v)).second) throw bad("value " + v + " given twice");
  return {key, values};
}

SweepPoints grid_points(const std::vector<std::string>& vary_args, std::size_t max_points) {
  SweepPoints out;
  std::vector<std::vector<std::string>> axes;
  std::size_t total = 1;
  for (const auto& arg : vary_args) {
    auto [key, values] = parse_vary(arg);
    for (const auto& k : out.keys)
      if (k == key) throw InputError("--vary " + key + ": the key is varied twice");
    total *= values.size();
    if (total > max_points)
      throw InputError("--vary: the grid has more than " + std::to_string(max_points) + " points");
    out.keys.push_back(key);
    axes.push_back(std::move(values));
  }
  out.values.assign(total, {});
  for (std::size_t p = 0; p < total; ++p) {
    std::size_t rest = p;
    std::vector<std::string> point(axes.size());
    for (std::size_t k = axes.size(); k-- > 0;) {  // the last key varies fastest
      point[k] = axes[k][rest % axes[k].size()];
      rest /= axes[k].size();
    }
    out.values[p] = std::move(point);
  }
  return out;
}

SweepPoints read_points_csv(const std::filesystem::path& path, std::size_t max_points) {
  const CsvTable t = CsvTable::read(path.string());
  SweepPoints out;
  out.keys = t.header();
  std::set<std::string> keys;
  for (const auto& k : out.keys) {
    if (trim(k).empty()) throw InputError(located(path.string(), 1, 0, "", "a column without a key name"));
    if (!keys.insert(k).second) throw InputError(located(path.string(), 1, 0, k, "the key is given twice"));
  }
  if (t.rows() == 0) throw InputError(located(path.string(), 1, 0, "", "no points (expected one row per point)"));
  if (t.rows() > max_points)
    throw InputError(
        located(path.string(), t.line_of(max_points), 0, "", "more than " + std::to_string(max_points) + " points"));
  std::map<std::vector<std::string>, long> lines;  // a point's values (as same_value) -> its line
  for (std::size_t r = 0; r < t.rows(); ++r) {
    std::vector<std::string> point, same;
    for (std::size_t c = 0; c < out.keys.size(); ++c) {
      if (trim(t.cell(r, c)).empty()) t.fail(r, c, "an empty value (expected a value for every key)");
      point.push_back(toml_value(t.cell(r, c)));
      same.push_back(same_value(point.back()));
    }
    if (const auto [it, added] = lines.emplace(same, t.line_of(r)); !added)
      throw InputError(located(path.string(), t.line_of(r), 0, "",
                               "the same point as line " + std::to_string(it->second) + " (each row must differ)"));
    out.values.push_back(std::move(point));
    out.origins.push_back(path.string() + ":" + std::to_string(t.line_of(r)));
  }
  return out;
}

}  // namespace finsim
