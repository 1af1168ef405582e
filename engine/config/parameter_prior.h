// A parameter's prior: the distribution an uncertainty study (finsim study) draws it from, derived
// from the registry's documented range. Uniform or triangular with the default as mode; or why not sampled.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace finsim {

struct ParamSpec;

enum class PriorShape { None, Uniform, Triangular };

struct Prior {
  PriorShape shape = PriorShape::None;
  double low = 0, mode = 0, high = 0;  // mode only for Triangular
  bool integer = false;                // drawn values are rounded to whole numbers
  std::string why;                     // None: why the key is not sampled; otherwise why this shape
  bool sampled() const { return shape != PriorShape::None; }
};

// The value at cumulative probability u in [0, 1) (the inverse CDF), rounded for integer keys.
double prior_quantile(const Prior& prior, double u);

// "triangular(0.2, 0.25, 0.3)", "uniform(280000, 500000)" or "" when not sampled.
std::string prior_formula(const Prior& prior);
// The registry's text: the formula and why ("triangular(…), mode = default: …"), or "not sampled: …".
std::string prior_text(const Prior& prior);

// The numeric default of a Number/Integer key, or the first year's value of a year series ("{ 2016 = 0.10 }").
std::optional<double> numeric_default(const ParamSpec& spec);

// The key a study overrides: the key itself, or "key.<first year>" for a year series.
std::string sampled_key(const ParamSpec& spec);

// The prior a registry row gets from its range text:
// - "A–B …" (en dash or hyphen; spaces as thousands separators) or "±P %" (relative to the default);
// - an assumption: triangular with the default as mode (the default is the calibrated or best-guess
//   value; the ends of the range are plausible but less likely);
// - a sourced key with a range (a published interval): uniform over it (a publication gives bounds,
//   not a most likely value);
// - `excluded` (non-empty): not sampled, for that reason.
// Rows without a numeric range, patterns, non-numeric types and sourced rows without range: None.
Prior derive_prior(const ParamSpec& spec, std::string_view excluded = "");

// A range text's numeric interval (nullopt when it has none): "0.20–0.30 (…)", "1 500–6 000", "±40 %".
std::optional<std::pair<double, double>> parse_range(std::string_view range, double default_value);

}  // namespace finsim
