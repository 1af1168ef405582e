#include "cli/study_table.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "util/text.h"

namespace finsim::cli {
namespace {

// Six significant digits: enough to compare a simulated target with its observation.
std::string six(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

std::string exact(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", v == 0 ? 0.0 : v);
  return buf;
}

std::string label(const Lang& l, const StudyEffect& e, std::int64_t last_year, bool in_millions = true) {
  if (e.metric == "work_studies_december")
    return l.t("net extra people in work or studies, December ", "netto fler i arbete eller studier, december ") +
           std::to_string(last_year);
  if (e.metric == "person_years_work_studies")
    return l.t("extra person-years in work or studies a year", "fler personår i arbete eller studier per år");
  if (e.metric == "unique_participants") return l.t("extra participants a year", "fler deltagare per år");
  // The table shows money in millions; the CSV in SEK, as finsim compare's CSV.
  const std::string unit = in_millions ? std::string(" (") + money_unit(l) + ")" : "";
  if (e.metric == "finsam_budget")
    return l.t("extra Finsam money a year, ", "mer medel till förbunden per år, ") + payer_label(l, e.payer) + unit;
  if (e.metric == "public_net_gain") return l.t("public net gain a year", "offentlig nettovinst per år") + unit;
  if (e.metric == "payback_spent_median_months")
    return l.t("payback on money spent, all payers (months)", "återbetalningstid för använda medel, alla (månader)");
  if (e.metric == "payback_paid_median_months")
    return l.t("payback on money paid in, all payers (months)",
               "återbetalningstid för inbetalda medel, alla (månader)");
  if (e.metric == "cost_per_work_studies_end")
    return l.t("extra money per net extra person in work or studies (SEK)",
               "mer medel per netto fler i arbete eller studier (kr)");
  return e.metric;
}

bool is_money_per_year(const StudyEffect& e) { return e.unit == "SEK" && e.metric != "cost_per_work_studies_end"; }

std::string value(const Lang& l, const StudyEffect& e, double v) {
  if (is_money_per_year(e)) return number(l, v / 1e6, 1, true);
  if (e.unit == "months") return number(l, v, 0, false);
  if (e.metric == "cost_per_work_studies_end") return number(l, std::round(v / 1000) * 1000, 0, false);
  return number(l, v, 0, true);
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

// Why an effect has no mean or interval.
std::string why_undefined(const Lang& l, const StudySummary& s, const StudyEffect& e) {
  if (e.note == "too_few_sets_kept")
    return l.t("no interval: too few sets kept", "inget intervall: för få uppsättningar");
  if (e.metric.rfind("payback_", 0) == 0)
    return l.t("not in every run: ", "inte i alla körningar: ") + percent(e.defined_share) +
           l.t(" of the runs paid back by ", " av körningarna återbetalda till ") + std::to_string(s.last_year);
  return l.t("not defined: the effect is not positive in every run",
             "ej definierat: effekten är inte positiv i alla körningar");
}

const StudyEffect& effect(const StudySummary& s, const char* metric, const char* payer = "") {
  for (const auto& e : s.effects)
    if (e.metric == metric && e.payer == payer) return e;
  throw std::logic_error(std::string("study: no effect ") + metric);
}

// "kept 3 of 10 parameter sets", "NO parameter set kept (of 10)", or "all 10 sets (not calibrated)".
std::string sets_text(const Lang& l, const StudySummary& s) {
  const std::size_t kept = s.calibration.kept_count(), tried = s.calibration.tried;
  if (!s.calibrated)
    return l.t("all ", "alla ") + std::to_string(tried) +
           l.t(" parameter sets, NOT constrained by the calibration targets (",
               " parameteruppsättningar, INTE begränsade av kalibreringsmålen (") +
           std::to_string(kept) + l.t(" would be kept)", " skulle behållas)");
  if (kept == 0)
    return l.t("NO parameter set of ", "INGEN parameteruppsättning av ") + std::to_string(tried) +
           l.t(" is consistent with the calibration targets", " stämmer med kalibreringsmålen");
  return std::to_string(kept) + l.t(" of ", " av ") + std::to_string(tried) +
         l.t(" parameter sets kept by the calibration targets",
             " parameteruppsättningar behållna av kalibreringsmålen");
}

void print_calibration(std::ostream& out, const Lang& l, const StudySummary& s) {
  const Calibration& c = s.calibration;
  out << l.t("History matching (implausibility |sim - obs| / sqrt(var_obs + var_model + var_MC) <= 3, "
             "docs/uncertainty.md): tried ",
             "Historisk anpassning (implausibilitet |sim - obs| / sqrt(var_obs + var_modell + var_MC) <= 3, "
             "docs/uncertainty.md): prövade ")
      << c.tried << l.t(", kept ", ", behållna ") << c.kept_count();
  std::string kept;
  for (std::size_t i = 0; i < c.kept.size(); ++i)
    if (c.kept[i]) kept += (kept.empty() ? "" : ", ") + std::to_string(i);
  if (!kept.empty()) out << l.t(" (sets ", " (uppsättningar ") << kept << ")";
  out << "\n";
  for (const auto& t : c.targets) {
    double lo = 0, hi = 0;
    bool any = false;
    for (double v : t.simulated)
      if (std::isfinite(v)) {
        lo = any ? std::min(lo, v) : v;
        hi = any ? std::max(hi, v) : v;
        any = true;
      }
    out << "  " << t.target->name << l.t(": observed ", ": observerat ") << six(t.target->observed) << ", sd_obs "
        << six(t.target->sd_observation) << ", sd_model " << six(t.target->sd_model)
        << l.t("; simulated ", "; simulerat ") << (any ? six(lo) + l.t(" to ", " till ") + six(hi) : std::string("-"))
        << l.t("; rules out ", "; utesluter ") << t.rejected << "\n";
  }
  if (!c.not_covered.empty()) {
    out << l.t("  not used (the study's years do not cover them): ", "  ej använda (studiens år täcker dem inte): ");
    for (std::size_t i = 0; i < c.not_covered.size(); ++i) out << (i ? ", " : "") << c.not_covered[i];
    out << "\n";
  }
}

}  // namespace

std::string study_interval_definition(const Lang& l, const StudySummary& s) {
  // A given design (e.g. sobol.py's pick-freeze sets) is not a draw from the priors: its spread is the
  // design's, so the interval is not the whole uncertainty and must not read as such.
  const bool given_design = s.method.rfind("design", 0) == 0;
  return l.t("Total intervals: 95 %, mean ± 1.96 standard deviations over ",
             "Totala intervall: 95 %, medel ± 1,96 standardavvikelser över ") +
         sets_text(l, s) + l.t(", and their replications. ", ", och deras upprepningar. ") +
         (given_design
              ? l.t("The sets are a given design, not a draw from the assumptions' distributions: these intervals "
                    "show the spread over that design and simulation noise, NOT the whole uncertainty; ",
                    "Uppsättningarna är en given design, inte dragna ur antagandenas fördelningar: intervallen visar "
                    "spridningen över designen och slumpvariationen, INTE hela osäkerheten; ")
              : l.t("They cover uncertainty in the assumptions (the drawn parameter sets) and simulation noise (the "
                    "replications); ",
                    "De omfattar osäkerhet i antaganden (de dragna parameteruppsättningarna) och slumpvariation i "
                    "simuleringen (upprepningarna); ")) +
         l.t("the shares say how much of the variance comes from each. The noise-only interval is the t-interval "
             "of the mean effect over the median set's replications (what finsim compare of a pair of runs at that "
             "set gives for an effect); it is not a part of the total and, with few replications, can be wider.",
             "andelarna anger hur mycket av variansen som kommer från var och en. Intervallet för enbart "
             "slumpvariation är t-intervallet för medeleffekten över medianuppsättningens upprepningar (vad finsim "
             "compare av ett körningspar vid den uppsättningen ger för en effekt); det är ingen del av det totala "
             "och kan med få upprepningar vara bredare.") +
         (s.replications < 2
              ? l.t(" With one replication per set the split is not measured (—): the spread of the sets holds both "
                    "parts, and the total interval covers both; a study with -r 2 or more measures it.",
                    " Med en upprepning per uppsättning mäts inte uppdelningen (—): spridningen mellan "
                    "uppsättningarna rymmer båda delarna, och det totala intervallet omfattar båda; en studie med "
                    "-r 2 eller fler mäter den.")
              : std::string());
}

void print_study(std::ostream& out, const Lang& l, const StudySummary& s) {
  out << l.t("Study: ", "Osäkerhetsstudie: ") << s.scenario << l.t(" against ", " mot ") << s.base_scenario << " ("
      << s.samples << l.t(" parameter sets by ", " parameteruppsättningar, ") << s.method << l.t(" over ", " över ")
      << s.keys << l.t(" keys, sample seed ", " nycklar, dragningsfrö ") << s.sample_seed << "; " << s.replications
      << l.t(" replications each, seed ", " upprepningar var, slumpfrö ") << s.seed
      << l.t("); policy years ", "); policyår ") << years_text(s.policy_first_year, s.last_year) << "\n\n";
  print_calibration(out, l, s);
  out << "\n";
  if (s.sets_used < 2) {
    out << sets_text(l, s)
        << l.t(": no interval over the assumptions can be given. See which targets rule the sets out above; "
               "finsim compare --all-sets shows the unconstrained spread (not a result to quote).\n",
               ": inget intervall över antagandena kan anges. Se ovan vilka mål som utesluter uppsättningarna; "
               "finsim compare --all-sets visar spridningen utan begränsning (inget resultat att citera).\n");
    return;
  }
  out << l.t(
      "headline | mean | total 95 % interval | uncertainty in assumptions | simulation noise | noise only, 95 %\n",
      "storhet | medel | totalt 95 %-intervall | osäkerhet i antaganden | slumpvariation i simuleringen | "
      "enbart slumpvariation, 95 %\n");
  for (const auto& e : s.effects) {
    out << label(l, e, s.last_year) << " | ";
    if (!e.defined) {
      out << why_undefined(l, s, e) << " | | | |\n";
      continue;
    }
    out << value(l, e, e.mean) << " | " << interval(l, e, e.low, e.high) << " | "
        << (flat(e) || !e.split_known ? std::string("— | —")
                                      : percent(e.parameter_share()) + " | " + percent(1 - e.parameter_share()))
        << " | " << (e.split_known ? interval(l, e, e.noise_only.low, e.noise_only.high) : std::string("—")) << "\n";
  }
  out << "\n" << study_interval_definition(l, s) << "\n\n" << l.t("Quote: ", "Citat: ") << study_quote(l, s) << "\n";
}

std::string study_quote(const Lang& l, const StudySummary& s) {
  std::ostringstream q;
  q << l.t("With scenario \"", "Med scenariot \"") << s.scenario << l.t("\" instead of \"", "\" i stället för \"")
    << s.base_scenario << "\" " << l.t("in ", "") << years_text(s.policy_first_year, s.last_year) << ": ";
  if (s.sets_used < 2) {
    q << sets_text(l, s) << l.t(": the study gives no interval to quote", ": studien ger inget intervall att citera")
      << ". (Finsim " << s.finsim_version << ", commit " << s.git_commit << l.t("; file ", "; fil ") << s.path << ")";
    return q.str();
  }
  const auto& end = effect(s, "work_studies_december");
  const auto& part = effect(s, "unique_participants");
  const auto& money = effect(s, "finsam_budget", "all");
  const auto& paid = effect(s, "payback_paid_median_months", "all");
  auto with_total = [&](const StudyEffect& e) {
    const std::string total = value(l, e, e.mean) + " (" + l.t("95 %: ", "95 %: ") + interval(l, e, e.low, e.high);
    if (!e.split_known)
      return total + l.t("; one replication per set: the split between uncertainty in the assumptions and "
                         "simulation noise is not measured)",
                         "; en upprepning per uppsättning: uppdelningen mellan osäkerhet i antaganden och "
                         "slumpvariation i simuleringen är inte mätt)");
    return total + "; " + percent(e.parameter_share()) +
           l.t(" of the variance from uncertainty in the assumptions, ",
               " av variansen från osäkerhet i antaganden, ") +
           percent(1 - e.parameter_share()) + l.t(" from simulation noise)", " från slumpvariation i simuleringen)");
  };
  q << with_total(end)
    << l.t(" people in work or studies at the end of ", " personer i arbete eller studier vid utgången av ")
    << s.last_year << "; " << with_total(part)
    << l.t(" people a year in individual insatser; Finsam money ",
           " personer per år i individinriktade insatser; medel till samordningsförbunden ")
    << value(l, money, money.mean) << " " << money_unit(l) << l.t(" a year", " per år") << " ("
    << interval(l, money, money.low, money.high) << "); "
    << l.t("payback on money paid in ", "återbetalningstid för inbetalda medel ");
  if (paid.defined)
    q << value(l, paid, paid.mean) << l.t(" months (95 %: ", " månader (95 %: ")
      << interval(l, paid, paid.low, paid.high) << ")";
  else
    q << why_undefined(l, s, paid);
  q << ". (Finsim " << s.finsim_version << ", commit " << s.git_commit << "; " << sets_text(l, s) << ", " << s.method
    << " x " << s.replications << l.t(" replications, seed ", " upprepningar, slumpfrö ") << s.seed
    << l.t("; intervals: uncertainty in the assumptions and simulation noise; file ",
           "; intervallen omfattar osäkerhet i antaganden och slumpvariation i simuleringen; fil ")
    << s.path << ")";
  return q.str();
}

void print_study_csv(std::ostream& out, const Lang& l, const StudySummary& s) {
  out << "metric,label,payer,level,area,synthetic,period,unit,base_mean,scenario_mean,difference_mean,ci_low,ci_high,"
         "sd,"
         "n,note,base_sha256,scenario_sha256,share_parameters,share_noise,sets_kept,sets_tried\n";
  const std::string sets = "," + std::to_string(s.calibration.kept_count()) + "," + std::to_string(s.calibration.tried);
  for (const auto& e : s.effects) {
    std::string period = e.per_policy_year ? "policy_per_year" : std::to_string(s.last_year);
    if (e.unit == "months") period = "horizon";
    if (e.metric == "cost_per_work_studies_end") period = years_text(s.policy_first_year, s.last_year);
    std::string note = e.note;
    if (e.defined && !e.split_known)
      note += std::string(note.empty() ? "" : ";") + "split_not_measured_one_replication";
    if (!s.calibrated) note += std::string(note.empty() ? "" : ";") + "not_calibrated";
    const std::string unit = e.unit == "months" ? "months" : e.unit;
    out << e.metric << "," << csv_field(label(l, e, s.last_year, false)) << "," << e.payer << ",nation,,0,"
        << csv_field(period) << "," << unit << ",,,";
    if (e.defined) {
      const bool split = !flat(e) && e.split_known;
      out << exact(e.mean) << "," << exact(e.low) << "," << exact(e.high) << ","
          << exact(std::sqrt(e.parameter_var + e.monte_carlo_var)) << ","
          << s.sets_used * static_cast<std::size_t>(s.replications) << "," << csv_field(note) << ",,,"
          << (split ? exact(e.parameter_share()) : "") << "," << (split ? exact(1 - e.parameter_share()) : "");
    } else {
      out << ",,,,," << csv_field(note) << ",,,,";
    }
    out << sets << "\n";
  }
}

}  // namespace finsim::cli
