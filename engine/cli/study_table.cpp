#include "cli/study_table.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace finsim::cli {
namespace {

std::string label(const Lang& l, const StudyEffect& e, std::int64_t last_year) {
  if (e.metric == "work_studies_december")
    return l.t("net extra people in work or studies, December ", "netto fler i arbete eller studier, december ") +
           std::to_string(last_year);
  if (e.metric == "person_years_work_studies")
    return l.t("extra person-years in work or studies a year", "fler personår i arbete eller studier per år");
  if (e.metric == "unique_participants") return l.t("extra participants a year", "fler deltagare per år");
  if (e.metric == "finsam_budget")
    return l.t("extra Finsam money a year, ", "mer medel till förbunden per år, ") + payer_label(l, e.payer) + " (" +
           money_unit(l) + ")";
  if (e.metric == "public_net_gain")
    return l.t("public net gain a year (", "offentlig nettovinst per år (") + std::string(money_unit(l)) + ")";
  return e.metric;
}

std::string value(const Lang& l, const StudyEffect& e, double v) {
  return e.unit == "SEK" ? number(l, v / 1e6, 1, true) : number(l, v, 0, true);
}

std::string interval(const Lang& l, const StudyEffect& e, double low, double high) {
  return value(l, e, low) + l.t(" to ", " till ") + value(l, e, high);
}

// No spread worth splitting (the money of a fixed policy): the shares would describe rounding.
bool flat(const StudyEffect& e) {
  const double scale = 1e-6 * std::max(std::abs(e.mean), 1.0);
  return e.parameter_var + e.monte_carlo_var <= scale * scale;
}

std::string percent(double share) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.0f %%", 100 * share);
  return buf;
}

const StudyEffect& effect(const StudySummary& s, const char* metric, const char* payer = "") {
  for (const auto& e : s.effects)
    if (e.metric == metric && e.payer == payer) return e;
  throw std::logic_error(std::string("study: no effect ") + metric);
}

}  // namespace

std::string study_interval_definition(const Lang& l, const StudySummary& s) {
  return l.t("Total intervals: 95 %, mean ± 1.96 standard deviations over ",
             "Totala intervall: 95 %, medel ± 1,96 standardavvikelser över ") +
         std::to_string(s.samples) +
         l.t(" parameter sets and their replications. They cover uncertainty in the assumptions (the drawn parameter "
             "sets, "
             "all of them: analysis/study.py keeps those consistent with the calibration targets) and simulation noise "
             "(the replications); the shares say how much of the variance comes from each. The noise-only interval is "
             "what one pair of runs at the median set gives.",
             " parameteruppsättningar och deras upprepningar. De omfattar osäkerhet i antaganden (de dragna "
             "parameteruppsättningarna, alla: analysis/study.py behåller dem som stämmer med kalibreringsmålen) och "
             "slumpvariation i simuleringen (upprepningarna); andelarna anger hur mycket av variansen som kommer från "
             "var "
             "och en. Intervallet för enbart slumpvariation är vad ett körningspar vid medianuppsättningen ger.");
}

void print_study(std::ostream& out, const Lang& l, const StudySummary& s) {
  out << l.t("Study: ", "Osäkerhetsstudie: ") << s.scenario << l.t(" against ", " mot ") << s.base_scenario << " ("
      << s.samples << l.t(" parameter sets by ", " parameteruppsättningar, ") << s.method << l.t(" over ", " över ")
      << s.keys << l.t(" keys, sample seed ", " nycklar, dragningsfrö ") << s.sample_seed << "; " << s.replications
      << l.t(" replications each, seed ", " upprepningar var, slumpfrö ") << s.seed
      << l.t("); policy years ", "); policyår ") << years_text(s.policy_first_year, s.last_year) << "\n\n";
  out << l.t(
      "headline | mean | total 95 % interval | uncertainty in assumptions | simulation noise | noise only, 95 %\n",
      "storhet | medel | totalt 95 %-intervall | osäkerhet i antaganden | slumpvariation i simuleringen | "
      "enbart slumpvariation, 95 %\n");
  for (const auto& e : s.effects)
    out << label(l, e, s.last_year) << " | " << value(l, e, e.mean) << " | " << interval(l, e, e.low, e.high) << " | "
        << (flat(e) ? std::string("— | —") : percent(e.parameter_share()) + " | " + percent(1 - e.parameter_share()))
        << " | " << interval(l, e, e.noise_only.low, e.noise_only.high) << "\n";
  out << "\n" << study_interval_definition(l, s) << "\n\n" << l.t("Quote: ", "Citat: ") << study_quote(l, s) << "\n";
}

std::string study_quote(const Lang& l, const StudySummary& s) {
  std::ostringstream q;
  const auto& end = effect(s, "work_studies_december");
  const auto& part = effect(s, "unique_participants");
  const auto& money = effect(s, "finsam_budget", "all");
  auto with_total = [&](const StudyEffect& e) {
    return value(l, e, e.mean) + " (" + l.t("95 %: ", "95 %: ") + interval(l, e, e.low, e.high) + "; " +
           percent(e.parameter_share()) +
           l.t(" of the variance from uncertainty in the assumptions, ",
               " av variansen från osäkerhet i antaganden, ") +
           percent(1 - e.parameter_share()) + l.t(" from simulation noise)", " från slumpvariation i simuleringen)");
  };
  q << l.t("With scenario \"", "Med scenariot \"") << s.scenario << l.t("\" instead of \"", "\" i stället för \"")
    << s.base_scenario << "\" " << l.t("in ", "") << years_text(s.policy_first_year, s.last_year) << ": "
    << with_total(end)
    << l.t(" people in work or studies at the end of ", " personer i arbete eller studier vid utgången av ")
    << s.last_year << "; " << with_total(part)
    << l.t(" people a year in individual insatser; Finsam money ",
           " personer per år i individinriktade insatser; medel till samordningsförbunden ")
    << value(l, money, money.mean) << " " << money_unit(l) << l.t(" a year", " per år") << " ("
    << interval(l, money, money.low, money.high) << "). (Finsim " << s.finsim_version << ", commit " << s.git_commit
    << "; " << s.samples << l.t(" parameter sets (", " parameteruppsättningar (") << s.method << l.t(") x ", ") x ")
    << s.replications << l.t(" replications, seed ", " upprepningar, slumpfrö ") << s.seed
    << l.t("; intervals: uncertainty in the assumptions and simulation noise; file ",
           "; intervallen omfattar osäkerhet i antaganden och slumpvariation i simuleringen; fil ")
    << s.path << ")";
  return q.str();
}

}  // namespace finsim::cli
