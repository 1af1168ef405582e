#include "config/scenario_values.h"

#include <cmath>
#include <sstream>

namespace finsim {

const char* support_key(SupportSource s) {
  switch (s) {
    case SupportSource::SicknessBenefit: return "sickness_benefit";
    case SupportSource::ActivityCompensation: return "activity_compensation";
    case SupportSource::SocialAssistance: return "social_assistance";
    case SupportSource::ActivitySupport: return "activity_support";
    case SupportSource::NoIncome: return "no_income";
    case SupportSource::Count: break;
  }
  return "?";
}

const char* need_key(int bit_index) {
  static constexpr const char* names[kNeeds] = {"mental", "somatic", "substance", "social", "language"};
  return bit_index >= 0 && bit_index < kNeeds ? names[bit_index] : "?";
}

const char* payer_key(Payer p) {
  switch (p) {
    case Payer::State: return "state";
    case Payer::Region: return "region";
    case Payer::Kommun: return "kommun";
    case Payer::Count: break;
  }
  return "?";
}

// Strictly "YYYY-MM": "2019-1" or "2019-01-15" would be ambiguous in provenance and labels.
YearMonth read_month(ScenarioReader& r, const std::string& key) {
  const std::string text = r.string(key);
  auto digits = [&](std::size_t from, std::size_t n) {
    return text.substr(from, n).find_first_not_of("0123456789") == std::string::npos;
  };
  const bool shaped = text.size() == 7 && text[4] == '-' && digits(0, 4) && digits(5, 2);
  const int y = shaped ? std::stoi(text.substr(0, 4)) : 0;
  const int m = shaped ? std::stoi(text.substr(5, 2)) : 0;
  if (!shaped || m < 1 || m > 12 || y < 2004 || y > 2100)
    r.fail(key, "expected a month as \"YYYY-MM\" between 2004-01 and 2100-12, got \"" + text + "\"");
  return {y, m};
}

double read_share(ScenarioReader& r, const std::string& key) {
  const double v = r.number(key);
  if (!(v >= 0.0 && v <= 1.0)) r.fail(key, "expected a share between 0 and 1");
  return v;
}

double read_non_negative(ScenarioReader& r, const std::string& key) {
  const double v = r.number(key);
  if (!(v >= 0.0) || !std::isfinite(v)) r.fail(key, "expected a number >= 0");
  return v;
}

Sek read_sek(ScenarioReader& r, const std::string& key) {
  const long long v = r.integer(key);
  if (v < 0) r.fail(key, "expected an amount >= 0 SEK");
  return v;
}

std::vector<double> read_shares(ScenarioReader& r, const std::string& prefix, const std::vector<std::string>& names,
                                bool must_sum_to_one) {
  std::vector<double> out;
  double sum = 0;
  for (const auto& n : names) {
    out.push_back(read_share(r, prefix + "." + n));
    sum += out.back();
  }
  if (must_sum_to_one && std::abs(sum - 1.0) > 1e-6) {
    std::ostringstream os;
    os << "expected shares that sum to 1, got " << sum;
    r.fail(prefix + "." + names.front(), os.str());
  }
  return out;
}

namespace {

// A list of names as a bit mask: bit i for name_of(i), i < count; `unknown(name)` says what is wrong.
template <class NameOf, class Unknown>
std::uint8_t read_mask(ScenarioReader& r, const std::string& key, int count, NameOf name_of, Unknown unknown) {
  std::uint8_t mask = 0;
  for (const auto& n : r.string_list(key)) {
    int bit = -1;
    for (int i = 0; i < count; ++i)
      if (n == name_of(i)) bit = i;
    if (bit < 0) r.fail(key, unknown(n));
    mask |= static_cast<std::uint8_t>(1u << bit);
  }
  return mask;
}

}  // namespace

std::uint8_t read_need_mask(ScenarioReader& r, const std::string& key) {
  return read_mask(r, key, kNeeds, need_key, [](const std::string& n) {
    return "unknown need '" + n + "' (expected mental, somatic, substance, social or language)";
  });
}

std::uint8_t read_support_mask(ScenarioReader& r, const std::string& key) {
  return read_mask(
      r, key, kSupportSources, [](int i) { return support_key(static_cast<SupportSource>(i)); },
      [](const std::string& n) { return "unknown support source '" + n + "'"; });
}

Payer read_payer(ScenarioReader& r, const std::string& key) {
  const std::string p = r.string(key);
  for (int i = 0; i < kPayers; ++i)
    if (p == payer_key(static_cast<Payer>(i))) return static_cast<Payer>(i);
  r.fail(key, "expected state, region or kommun, got \"" + p + "\"");
}

}  // namespace finsim
