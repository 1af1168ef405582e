#include "cli/quote_text.h"

#include <cmath>
#include <cstdio>
#include <sstream>

namespace finsim::cli {
namespace {

using Period = ComparisonRow::Period;

std::string with_interval(const Lang& l, const ComparisonRow& r, int decimals, double divisor) {
  std::string s = number(l, r.difference.mean / divisor, decimals, true);
  if (!r.difference.has_interval()) return s + l.t(" (n=1, no interval)", " (n=1, inget intervall)");
  return s + l.t(" (95 % CI ", " (95 % KI ") + number(l, r.difference.low / divisor, decimals, true) +
         l.t(" to ", " till ") + number(l, r.difference.high / divisor, decimals, true) + ")";
}

}  // namespace

std::string payer_label(const Lang& l, const std::string& payer) {
  if (payer == "all") return l.t("all payers", "alla huvudmän");
  if (payer == "state") return l.t("state", "staten");
  if (payer == "region") return l.t("regions", "regionerna");
  if (payer == "kommun") return l.t("kommuner", "kommunerna");
  return payer;
}

std::string number(const Lang& l, double v, int decimals, bool sign) {
  if (v == 0) v = 0;  // no "-0"
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, std::fabs(v));
  std::string digits = buf;
  const auto dot = digits.find('.');
  std::string whole = digits.substr(0, dot);
  const std::string frac = dot == std::string::npos ? "" : digits.substr(dot + 1);
  std::string grouped;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) grouped += l.sv ? " " : ",";
    grouped += whole[i];
  }
  const bool zero = grouped.find_first_not_of("0") == std::string::npos && frac.find_first_not_of("0") == std::string::npos;
  std::string out = (zero ? "" : v < 0 ? "-" : sign ? "+" : "") + grouped;
  if (!frac.empty()) out += (l.sv ? "," : ".") + frac;
  return out;
}

std::string years_text(std::int64_t first, std::int64_t last) {
  return first == last ? std::to_string(first) : std::to_string(first) + "\u2013" + std::to_string(last);
}

std::string payback_text(const Lang& l, const Payback& p) {
  if (p.n == 0) return l.t("not applicable (no extra Finsam contributions)", "ej tillämpligt (inga extra Finsambidrag)");
  std::ostringstream s;
  const std::string share = number(l, 100.0 * p.share(), 0) + " %";
  if (p.median_months)
    s << l.t("median ", "median ") << *p.median_months << l.t(" months (", " månader (") << *p.median_month << "), "
      << share << l.t(" of ", " av ") << p.n << l.t(" replications within the horizon", " replikeringar inom horisonten");
  else
    s << l.t("not reached within the horizon in half or more of the replications (", "nås inte inom horisonten i hälften eller fler av replikeringarna (")
      << share << l.t(" of ", " av ") << p.n << l.t(" within)", " inom)");
  return s.str();
}

std::string short_sha(const std::string& sha) { return sha.substr(0, 16); }

std::string quote(const Lang& l, const Comparison& c) {
  std::ostringstream s;
  const std::string credit = std::string("(Finsim ") + c.scenario.finsim_version + ", commit " + c.scenario.git_commit + ", " +
                             std::to_string(c.n) + l.t(" replications, seed ", " replikeringar, frö ") + std::to_string(c.seed) +
                             l.t("; scenario sha256 ", "; scenariernas sha256 ") + l.t("base ", "bas ") +
                             short_sha(c.base.scenario_sha256) + ", scenario " + short_sha(c.scenario.scenario_sha256) + ")";
  if (!c.policy_first_year) {
    s << l.t("The two runs do not differ: every paired difference is exactly zero. ",
             "Körningarna skiljer sig inte åt: varje parvis skillnad är exakt noll. ")
      << credit;
    return s.str();
  }
  const auto* part = find_row(c, "unique_participants", "", Period::policy_per_year);
  const auto* exits = find_row(c, "exits_work_studies", "", Period::policy_per_year);
  const auto* budget = find_row(c, "finsam_budget", "all", Period::policy_per_year);
  const std::string years = years_text(*c.policy_first_year, c.policy_last_year);
  s << l.t("With scenario \"", "Med scenariot \"") << c.scenario.scenario << l.t("\" instead of \"", "\" i stället för \"")
    << c.base.scenario << "\" (" << l.t("state allocation offered ", "erbjudet statligt anslag ")
    << number(l, c.scenario_state_offer_per_year / 1e6, 1) << l.t(" MSEK a year vs ", " MSEK per år mot ")
    << number(l, c.base_state_offer_per_year / 1e6, 1) << ") " << l.t("in ", "") << years << ": "
    << with_interval(l, *part, 0, 1) << l.t(" people a year in individual insatser; ", " personer per år i individinriktade insatser; ")
    << with_interval(l, *exits, 0, 1)
    << l.t(" exits a year to work or studies; Finsam budget ", " avslut per år till arbete eller studier; Finsambudget ")
    << number(l, budget->difference.mean / 1e6, 1, true) << l.t(" MSEK a year (", " MSEK per år (");
  bool first = true;
  for (const char* payer : {"state", "region", "kommun"}) {
    const auto* r = find_row(c, "finsam_budget", payer, Period::policy_per_year);
    s << (first ? "" : ", ") << payer_label(l, payer) << " " << number(l, r->difference.mean / 1e6, 1, true);
    first = false;
  }
  s << l.t("); payback of the extra Finsam money: ", "); återbetalning av de extra Finsammedlen: ")
    << payback_text(l, c.payback.front()) << ". " << credit;
  return s.str();
}

}  // namespace finsim::cli
