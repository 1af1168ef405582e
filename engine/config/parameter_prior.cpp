#include "config/parameter_prior.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "config/parameters.h"

namespace finsim {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A thousands separator inside a number: a space, a no-break space (C2 A0) or a narrow no-break
// space (E2 80 AF). Returns its length in bytes, 0 if none.
std::size_t separator_at(std::string_view s, std::size_t i) {
  if (i < s.size() && s[i] == ' ') return 1;
  if (s.substr(i, 2) == "\xC2\xA0") return 2;
  if (s.substr(i, 3) == "\xE2\x80\xAF") return 3;
  return 0;
}

// A number at s[i…] ("0.25", "280 000", "1 500"); advances i.
std::optional<double> number_at(std::string_view s, std::size_t& i) {
  std::string digits;
  std::size_t j = i;
  while (j < s.size() && (is_digit(s[j]) || s[j] == '.')) {
    digits += s[j++];
    // "280 000": a separator followed by exactly three digits continues the number.
    if (const std::size_t sep = separator_at(s, j); sep > 0 && j + sep + 3 <= s.size()) {
      const auto next = s.substr(j + sep, 4);
      if (is_digit(next[0]) && is_digit(next[1]) && is_digit(next[2]) && (next.size() < 4 || !is_digit(next[3])))
        j += sep;
    }
  }
  if (digits.empty() || !is_digit(digits.front())) return std::nullopt;
  double v = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
  if (ec != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  i = j;
  return v;
}

std::string display_number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", v);  // 500000, not 5e+05
  return buf;
}

}  // namespace

std::optional<std::pair<double, double>> parse_range(std::string_view range, double default_value) {
  std::size_t i = 0;
  while (i < range.size() && range[i] == ' ') ++i;
  if (range.substr(i, 2) == "\xC2\xB1") {  // "±40 %": relative to the default
    i += 2;
    const auto p = number_at(range, i);
    while (i < range.size() && range[i] == ' ') ++i;
    if (!p || i >= range.size() || range[i] != '%') return std::nullopt;
    return std::pair{default_value * (1 - *p / 100), default_value * (1 + *p / 100)};
  }
  const auto a = number_at(range, i);
  if (!a) return std::nullopt;
  if (range.substr(i, 3) == "\xE2\x80\x93") {
    i += 3;
  } else if (i < range.size() && range[i] == '-') {
    ++i;
  } else {
    return std::nullopt;
  }
  const auto b = number_at(range, i);
  if (!b || (i < range.size() && range[i] != ' ' && range[i] != '(' && range[i] != ',')) return std::nullopt;
  return std::pair{*a, *b};
}

std::optional<double> numeric_default(const ParamSpec& spec) {
  std::string_view text = spec.default_toml;
  if (spec.type == ParamType::YearSeries) {  // "{ 2016 = 0.10 }": the first year's value
    const auto eq = text.find('=');
    if (eq == std::string_view::npos) return std::nullopt;
    text = text.substr(eq + 1);
    text = text.substr(0, text.find_first_of(",}"));
  } else if (spec.type != ParamType::Number && spec.type != ParamType::Integer) {
    return std::nullopt;
  }
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  double v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return v;
}

std::string sampled_key(const ParamSpec& spec) {
  if (spec.type != ParamType::YearSeries) return spec.key;
  const std::string& d = spec.default_toml;
  const auto open = d.find('{');
  const auto eq = d.find('=');
  std::string year = d.substr(open + 1, eq - open - 1);
  year.erase(std::remove(year.begin(), year.end(), ' '), year.end());
  return spec.key + "." + year;
}

Prior derive_prior(const ParamSpec& spec, std::string_view excluded) {
  Prior p;
  p.integer = spec.type == ParamType::Integer;
  if (!excluded.empty()) {
    p.why = std::string(excluded);
    return p;
  }
  const bool pattern = spec.key.find('*') != std::string::npos || spec.key.find("[]") != std::string::npos;
  const auto def = numeric_default(spec);
  if (pattern || !def) return p;
  const auto range = parse_range(spec.range, *def);
  if (!range) return p;
  p.low = range->first;
  p.high = range->second;
  p.mode = *def;
  if (spec.assumption()) {
    p.shape = PriorShape::Triangular;
    p.why = "mode = default (the best guess)";
  } else {
    p.shape = PriorShape::Uniform;
    p.why = "the published interval";
  }
  return p;
}

double prior_quantile(const Prior& p, double u) {
  u = std::clamp(u, 0.0, 1.0);
  // Integer keys: each whole number of [low, high] gets its share (the ends are not halved by rounding).
  const double a = p.integer ? p.low - 0.5 : p.low;
  const double b = p.integer ? p.high + 0.5 : p.high;
  double x = a;
  if (p.shape == PriorShape::Uniform) {
    x = a + u * (b - a);
  } else if (p.shape == PriorShape::Triangular) {
    const double c = p.mode;
    const double fc = (c - a) / (b - a);
    x = u < fc ? a + std::sqrt(u * (b - a) * (c - a)) : b - std::sqrt((1 - u) * (b - a) * (b - c));
  }
  if (p.integer) x = std::clamp(std::round(x), p.low, p.high);
  return std::clamp(x, p.low, p.high);
}

std::string prior_formula(const Prior& p) {
  switch (p.shape) {
    case PriorShape::None: return "";
    case PriorShape::Uniform: return "uniform(" + display_number(p.low) + ", " + display_number(p.high) + ")";
    case PriorShape::Triangular:
      return "triangular(" + display_number(p.low) + ", " + display_number(p.mode) + ", " + display_number(p.high) + ")";
  }
  return "";
}

std::string prior_text(const Prior& p) {
  if (!p.sampled()) return p.why.empty() ? "" : "not sampled: " + p.why;
  return prior_formula(p) + (p.integer ? " rounded" : "") + "; " + p.why;
}

}  // namespace finsim
