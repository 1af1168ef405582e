#include "cli/quote_text.h"

#include <cmath>
#include <cstdio>
#include <sstream>

namespace finsim::cli {

using Period = ComparisonRow::Period;

std::string payer_label(const Lang& l, const std::string& payer) {
  if (payer == "all") return l.t("all payers", "alla parter");
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

const char* money_unit(const Lang& l) { return l.t("MSEK", "mnkr"); }

std::string millions(const Lang& l, double sek, int decimals, bool sign) {
  return number(l, sek / 1e6, decimals, sign) + " " + money_unit(l);
}

std::string years_text(std::int64_t first, std::int64_t last) {
  return first == last ? std::to_string(first) : std::to_string(first) + "\u2013" + std::to_string(last);
}

std::string with_interval(const Lang& l, const PairedStat& d, int decimals, double divisor) {
  std::string s = number(l, d.mean / divisor, decimals, true);
  if (!d.has_interval()) return s + l.t(" (n=1, no interval)", " (n=1, inget intervall)");
  return s + " (95 %: " + number(l, d.low / divisor, decimals, true) + l.t(" to ", " till ") +
         number(l, d.high / divisor, decimals, true) + ")";
}

std::string payback_text(const Lang& l, const Payback& p) {
  if (p.n == 0)
    return p.basis == "spent" ? l.t("not applicable (no extra money spent)", "ej tillämpligt (inga extra använda medel)")
                              : l.t("not applicable (no extra contributions)", "ej tillämpligt (inga extra inbetalda medel)");
  std::ostringstream s;
  const std::string share = number(l, 100.0 * p.share(), 0) + " %";
  const std::string last = std::to_string(p.last_year);
  if (p.median_months)
    s << *p.median_months << l.t(" months (", " månader (") << *p.median_month << l.t(", median), ", ", median), ") << share
      << l.t(" of ", " av ") << p.n << l.t(" replications paid back by ", " upprepningar återbetalda senast ") << last;
  else
    s << l.t("after ", "efter ") << last << " (" << share << l.t(" of ", " av ") << p.n
      << l.t(" replications paid back by ", " upprepningar återbetalda senast ") << last << ")";
  return s.str();
}

// Costs per effect in kronor, rounded to the thousand: "1,220,000 SEK" / "1 220 000 kr".
std::string kronor(const Lang& l, double sek) {
  return number(l, std::round(sek / 1000.0) * 1000.0, 0) + l.t(" SEK", " kr");
}

std::string cost_text(const Lang& l, const CostPerEffect& c) {
  using S = CostPerEffect::Status;
  switch (c.status) {
    case S::no_extra_money: return l.t("not given: no extra Finsam money", "anges inte: inga extra Finsammedel");
    case S::effect_negative: return l.t("not given: the effect is not positive", "anges inte: effekten är inte positiv");
    case S::effect_includes_zero:
      return l.t("not given: the effect's interval includes 0", "anges inte: effektens intervall omfattar 0");
    case S::no_interval: return kronor(l, *c.ratio) + l.t(" (n=1, no interval)", " (n=1, inget intervall)");
    case S::ok: break;
  }
  return kronor(l, *c.ratio) + " (95 %: " + kronor(l, *c.low) + l.t(" to ", " till ") + kronor(l, *c.high) + ")";
}

std::string cost_effect_label(const Lang& l, const Comparison& c, const std::string& effect) {
  const std::string end = std::to_string(c.years.empty() ? 0 : c.years.back());
  if (effect == "participants")
    return l.t("per extra participant in individual insatser (unique per year)",
               "per ytterligare deltagare i individinriktade insatser (unika per år)");
  if (effect == "exits_work_studies")
    return l.t("per extra exit from insatser to work or studies (gross)",
               "per ytterligare avslut från insatser till arbete eller studier (brutto)");
  if (effect == "work_studies_end")
    return std::string(l.t("per net extra person in work or studies at the end of ", "per person netto i arbete eller studier vid utgången av ")) + end;
  if (effect == "person_years_work_studies")
    return l.t("per net extra person-year in work or studies", "per personår netto i arbete eller studier");
  return effect;
}

std::string net_gain_definition(const Lang& l) {
  return l.t(
      "Public net gain = taxes from work (kommunal and regional income tax, employer fees without their pension part) "
      "minus public costs of the target group (sjukpenning, aktivitetsersättning, aktivitetsstöd, ekonomiskt bistånd, "
      "extra health care) and of study support; pension contributions are shown separately, not as state revenue; "
      "VAT and other indirect taxes are not counted.",
      "Offentligfinansiell nettoeffekt = skatter från arbete (kommunal- och regionskatt, arbetsgivaravgifter utom "
      "pensionsdelen) minus offentliga kostnader för målgruppen (sjukpenning, aktivitetsersättning, aktivitetsstöd, "
      "ekonomiskt bistånd, extra hälso- och sjukvård) och för studiestöd; pensionsavgifter redovisas för sig, inte som "
      "statens intäkt; moms och andra indirekta skatter ingår inte.");
}

std::string interval_definition(const Lang& l) {
  return l.t("Intervals: 95 % over the replications; they cover simulation noise (Monte Carlo) only, not uncertainty "
             "in the parameters.",
             "Intervall: 95 % över upprepningarna; de avser endast slumpvariation i simuleringen, inte osäkerhet i "
             "parametrarna.");
}

std::string short_sha(const std::string& sha) { return sha.substr(0, 16); }

std::string quote(const Lang& l, const Comparison& c) {
  std::ostringstream s;
  const std::string credit = std::string("(Finsim ") + c.scenario.finsim_version + ", commit " + c.scenario.git_commit + ", " +
                             std::to_string(c.n) + l.t(" replications, seed ", " upprepningar, slumpfrö ") + std::to_string(c.seed) +
                             l.t("; intervals: simulation noise only, not the assumptions' uncertainty",
                                   "; intervallen avser slumpvariation i simuleringen, inte osäkerheten i antagandena") +
                             l.t("; scenario sha256 baseline ", "; scenariofilernas sha256: jämförelsealternativ ") +
                             short_sha(c.base.scenario_sha256) + ", scenario " + short_sha(c.scenario.scenario_sha256) + ")";
  if (!c.policy_first_year) {
    s << l.t("The two runs do not differ: every paired difference is exactly zero. ",
             "Körningarna skiljer sig inte åt: varje parvis skillnad är exakt noll. ")
      << credit;
    return s.str();
  }
  const auto* end = find_row(c, "work_studies_december", "", Period::year, c.years.back());
  const auto* years_ws = find_row(c, "person_years_work_studies", "", Period::policy_per_year);
  const auto* part = find_row(c, "unique_participants", "", Period::policy_per_year);
  const auto* exits = find_row(c, "exits_work_studies", "", Period::policy_per_year);
  const auto* budget = find_row(c, "finsam_budget", "all", Period::policy_per_year);
  const std::string years = years_text(*c.policy_first_year, c.policy_last_year);
  s << l.t("With scenario \"", "Med scenariot \"") << c.scenario.scenario
    << l.t("\" instead of the baseline \"", "\" i stället för jämförelsealternativet \"") << c.base.scenario << "\" ("
    << l.t("state allocation offered ", "erbjuden statlig medelstilldelning ") << number(l, c.scenario_state_offer_per_year / 1e6, 1)
    << " " << money_unit(l) << l.t(" a year vs ", " per år mot ") << number(l, c.base_state_offer_per_year / 1e6, 1) << ") "
    << l.t("in ", "") << years << l.t(", net of the baseline with the same random numbers: ", ", netto mot jämförelsealternativet med samma slumptal: ")
    << with_interval(l, end->difference, 0) << l.t(" people in work or studies at the end of ", " personer i arbete eller studier vid utgången av ")
    << c.years.back() << "; " << with_interval(l, years_ws->difference, 0)
    << l.t(" person-years a year in work or studies; ", " personår per år i arbete eller studier; ")
    << with_interval(l, part->difference, 0)
    << l.t(" people a year in individual insatser; ", " personer per år i individinriktade insatser; ")
    << with_interval(l, exits->difference, 0)
    << l.t(" exits a year from insatser to work or studies (gross); Finsam money ",
           " avslut per år från insatser till arbete eller studier (brutto); medel till samordningsförbunden ")
    << millions(l, budget->difference.mean, 1, true) << l.t(" a year (", " per år (");
  bool first = true;
  for (const char* payer : {"state", "region", "kommun"}) {
    const auto* r = find_row(c, "finsam_budget", payer, Period::policy_per_year);
    s << (first ? "" : ", ") << payer_label(l, payer) << " " << number(l, r->difference.mean / 1e6, 1, true);
    first = false;
  }
  s << l.t("); payback on money spent: ", "); återbetalningstid för använda medel: ")
    << payback_text(l, *find_payback(c, "spent", "all")) << l.t("; on money paid: ", "; för inbetalda medel: ")
    << payback_text(l, *find_payback(c, "paid", "all")) << l.t("; cost ", "; kostnad ")
    << cost_effect_label(l, c, "work_studies_end") << ": " << cost_text(l, *find_cost(c, "work_studies_end")) << ". " << credit;
  return s.str();
}

}  // namespace finsim::cli
