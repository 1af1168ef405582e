#include "cli/compare_table.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "util/text.h"

namespace finsim::cli {
namespace {

using Period = ComparisonRow::Period;

std::string metric_label(const Lang& l, const std::string& metric) {
  static const std::map<std::string, std::pair<const char*, const char*>> labels = {
      {"unique_participants", {"People in individual insatser (unique per year)", "Personer i individinriktade insatser (unika per år)"}},
      {"exits_work_studies", {"Exits from insatser to work or studies (gross)", "Avslut från insatser till arbete eller studier (brutto)"}},
      {"person_years_work_studies", {"Person-years in work or studies", "Personår i arbete eller studier"}},
      {"person_years_work", {"Person-years in work", "Personår i arbete"}},
      {"person_years_studies", {"Person-years in studies", "Personår i studier"}},
      {"person_years_target_group", {"Person-years in the target group", "Personår i målgruppen"}},
      {"work_studies_december", {"People in work or studies in December", "Personer i arbete eller studier i december"}},
      {"work_december", {"People in work in December", "Personer i arbete i december"}},
      {"studies_december", {"People in studies in December", "Personer i studier i december"}},
      {"finsam_budget", {"Finsam money paid in (contributions)", "Medel till samordningsförbunden (inbetalda bidrag)"}},
      {"money_individual", {"Spent on individual insatser", "Använt till individinriktade insatser"}},
      {"money_structural", {"Spent on structural insatser", "Använt till strukturövergripande insatser"}},
      {"money_admin", {"Spent on administration", "Använt till administration"}},
      {"money_equity_change", {"Change in equity (eget kapital)", "Förändring av eget kapital"}},
      {"money_unused_offer", {"State offer not taken up (unused or declined)", "Erbjuden statlig medelstilldelning som inte tagits i anspråk"}},
      {"public_cost", {"Public costs (benefits, health care, study support)", "Offentliga kostnader (ersättningar, vård, studiestöd)"}},
      {"public_revenue", {"Public revenue (taxes from work)", "Offentliga intäkter (skatter från arbete)"}},
      {"public_net_gain", {"Public net gain (revenue - cost)", "Offentligfinansiell nettoeffekt (intäkter - kostnader)"}},
      {"pension_contributions", {"Pension contributions from work (not state revenue)", "Pensionsavgifter från arbete (inte statens intäkt)"}},
  };
  const auto it = labels.find(metric);
  return it == labels.end() ? metric : l.t(it->second.first, it->second.second);
}

// Values in the table: persons with one decimal, money in millions with two.
std::string value(const Lang& l, const ComparisonRow& r, double v, bool sign = false) {
  return r.unit == "SEK" ? number(l, v / 1e6, 2, sign) : number(l, v, 1, sign);
}

std::string unit_label(const Lang& l, const std::string& unit) {
  if (unit == "SEK") return std::string("[") + money_unit(l) + "]";
  if (unit == "person-years") return l.t("[person-years]", "[personår]");
  return l.t("[persons]", "[personer]");
}

std::string period_label(const Lang& l, const Comparison& c, const ComparisonRow& r) {
  switch (r.period) {
    case Period::year: return std::to_string(r.year);
    case Period::total: return years_text(c.years.front(), c.years.back()) + l.t(" total", " totalt");
    case Period::policy_per_year: return years_text(*c.policy_first_year, c.policy_last_year) + l.t(" per year", " per år");
  }
  return "";
}


std::string interval(const Lang& l, const ComparisonRow& r) {
  if (!r.difference.has_interval()) return l.t("n=1, no interval", "n=1, inget intervall");
  return value(l, r, r.difference.low, true) + l.t(" to ", " till ") + value(l, r, r.difference.high, true);
}

void print_block(std::ostream& out, const Lang& l, const Comparison& c, const std::string& metric, const std::string& payer,
                 const std::string& area = "", const std::string& level = "nation") {
  std::vector<const ComparisonRow*> rows;
  for (const auto& r : c.rows)
    if (r.metric == metric && r.payer == payer && r.area == area && r.level == level) rows.push_back(&r);
  if (rows.empty()) return;
  std::string title = metric_label(l, metric);
  if (!payer.empty()) title += ", " + payer_label(l, payer);
  out << "\n" << title << " " << unit_label(l, rows.front()->unit) << "\n";
  out << "  " << pad_right(l.t("period", "period"), 22) << " " << pad_left(l.t("baseline", "jämförelsealt."), 16) << " "
      << pad_left("scenario", 16) << " " << pad_left(l.t("difference", "skillnad"), 14) << "   "
      << pad_right(l.t("95 % interval", "95 %-intervall"), 32) << " " << pad_left("n", 4) << "\n";
  for (const auto* r : rows)
    out << "  " << pad_right(period_label(l, c, *r), 22) << " " << pad_left(value(l, *r, r->base_mean), 16) << " "
        << pad_left(value(l, *r, r->scenario_mean), 16) << " " << pad_left(value(l, *r, r->difference.mean, true), 14) << "   "
        << pad_right(interval(l, *r), 32) << " " << pad_left(std::to_string(r->difference.n), 4) << "\n";
}

const ComparisonRow& policy_row(const Comparison& c, const std::string& metric, const std::string& payer = "") {
  return *find_row(c, metric, payer, Period::policy_per_year);
}

void print_headline(std::ostream& out, const Lang& l, const Comparison& c) {
  const std::string years = years_text(*c.policy_first_year, c.policy_last_year);
  const std::string end = std::to_string(c.years.back());
  out << "\n"
      << l.t("HEADLINE ", "HUVUDRESULTAT ") << years
      << l.t(" (net: scenario - baseline, same seeds; per year of the policy years unless stated)",
             " (netto: scenario - jämförelsealternativ, samma slumptal; per år om inget annat anges)")
      << "\n";
  auto line = [&](const std::string& label, const std::string& text) { out << "  " << pad_right(label, 66) << " " << text << "\n"; };
  line(std::string(l.t("Net extra people in work or studies, end of ", "Personer netto i arbete eller studier, utgången av ")) + end,
       with_interval(l, find_row(c, "work_studies_december", "", Period::year, c.years.back())->difference, 0));
  line(l.t("Net extra person-years in work or studies, per year", "Personår netto i arbete eller studier, per år"),
       with_interval(l, policy_row(c, "person_years_work_studies").difference, 0));
  line(l.t("Extra participants in individual insatser, per year", "Fler deltagare i individinriktade insatser, per år"),
       with_interval(l, policy_row(c, "unique_participants").difference, 0));
  line(l.t("Gross exits from insatser to work or studies, per year", "Avslut till arbete eller studier (brutto), per år"),
       with_interval(l, policy_row(c, "exits_work_studies").difference, 0));
  std::string budget = millions(l, policy_row(c, "finsam_budget", "all").difference.mean, 1, true) + " (";
  bool first = true;
  for (const char* payer : {"state", "region", "kommun"}) {
    budget += (first ? "" : ", ") + payer_label(l, payer) + " " + number(l, policy_row(c, "finsam_budget", payer).difference.mean / 1e6, 1, true);
    first = false;
  }
  line(l.t("Extra Finsam money paid in, per year", "Mer medel till samordningsförbunden, per år"), budget + ")");
  line(l.t("Payback on money spent, all payers", "Återbetalningstid för använda medel, alla parter"),
       payback_text(l, *find_payback(c, "spent", "all")));
  line(l.t("Payback on money paid in, all payers", "Återbetalningstid för inbetalda medel, alla parter"),
       payback_text(l, *find_payback(c, "paid", "all")));
  line(std::string(l.t("Cost per net extra person in work or studies, end of ", "Kostnad per person netto i arbete eller studier, ")) +
           (l.sv ? "utgången av " : "") + end,
       cost_text(l, *find_cost(c, "work_studies_end")));
  out << "  " << interval_definition(l) << "\n";
}

void print_payback(std::ostream& out, const Lang& l, const Comparison& c) {
  out << "\n"
      << l.t("Payback month: from the first month of extra money, the first month from which the cumulative public net "
             "gain stays at or above the cumulative extra money",
             "Återbetalningstid: från första månaden med extra medel till den månad från vilken den ackumulerade "
             "offentligfinansiella nettoeffekten varaktigt är minst lika stor som de ackumulerade extra medlen")
      << "\n";
  for (const char* basis : {"spent", "paid"}) {
    out << "  " << (std::string(basis) == "spent" ? l.t("On money spent by the förbund", "För medel som samordningsförbunden använt")
                                                  : l.t("On money paid in (contributions)", "För inbetalda medel (bidrag)"))
        << ":\n";
    for (const auto& p : c.payback)
      if (p.basis == basis)
        out << "    " << pad_right(payer_label(l, p.payer) + ":", 14) << payback_text(l, p) << l.t("; extra money ", "; extra medel ")
            << millions(l, p.extra_money, 2, true) << l.t(", net gain ", ", nettoeffekt ") << millions(l, p.net_gain, 2, true) << "\n";
  }
  out << "  " << net_gain_definition(l) << "\n";
}

void print_money_flows(std::ostream& out, const Lang& l, const Comparison& c) {
  const auto* paid = find_row(c, "finsam_budget", "all", Period::policy_per_year);
  const auto* unused = find_row(c, "money_unused_offer", "", Period::policy_per_year);
  out << "\n"
      << l.t("Where the extra money went, per year [", "Vart de extra medlen gick, per år [") << money_unit(l) << "]: "
      << l.t("paid in ", "inbetalt ") << number(l, paid->difference.mean / 1e6, 2, true)
      << l.t(" + state offer not taken up ", " + erbjuden statlig medelstilldelning som inte tagits i anspråk ")
      << number(l, unused->difference.mean / 1e6, 2, true) << " = "
      << number(l, (paid->difference.mean + unused->difference.mean) / 1e6, 2, true) << l.t(", of which:", ", varav:") << "\n";
  for (const char* m : {"money_individual", "money_structural", "money_admin", "money_equity_change", "money_unused_offer"}) {
    const auto* r = find_row(c, m, "", Period::policy_per_year);
    out << "  " << pad_right(metric_label(l, m), 62) << " " << pad_left(with_interval(l, r->difference, 2, 1e6), 40) << "\n";
  }
}

void print_costs(std::ostream& out, const Lang& l, const Comparison& c) {
  out << "\n"
      << l.t("Cost per effect: extra Finsam money paid in over ", "Kostnad per effekt: extra medel till samordningsförbunden under ")
      << years_text(*c.policy_first_year, c.policy_last_year)
      << l.t(" divided by the extra effect (Fieller interval)", " delat med effekten (Fiellers intervall)") << "\n";
  for (const auto& e : c.cost_per_effect) out << "  " << pad_right(cost_effect_label(l, c, e.effect), 72) << " " << cost_text(l, e) << "\n";
}

// One line per förbund: its own extra money against the net gain from its own participants.
void print_forbund_payback(std::ostream& out, const Lang& l, const Comparison& c) {
  if (c.payback_by_forbund.empty()) return;
  const std::string label = l.t("förbund", "samordningsförbund");
  std::size_t width = text_columns(label);
  for (const auto& p : c.payback_by_forbund) width = std::max(width, text_columns(p.area));
  out << "\n"
      << l.t("Payback per förbund, all payers [", "Återbetalningstid per samordningsförbund, alla parter [") << money_unit(l)
      << l.t("] (the förbund's own extra money against the net gain from its participants)",
             "] (förbundets egna extra medel mot nettoeffekten från dess deltagare)")
      << "\n  " << pad_right(label, width) << "  " << pad_right(l.t("on money spent", "för använda medel"), 24) << "  "
      << pad_right(l.t("on money paid in", "för inbetalda medel"), 24) << "  " << pad_left(l.t("extra paid in", "extra inbetalt"), 14)
      << "  " << pad_left(l.t("net gain", "nettoeffekt"), 14) << "\n";
  auto brief = [&](const Payback& p) {
    if (p.n == 0) return std::string(l.t("no extra money", "inga extra medel"));
    if (!p.median_months) return std::string(l.t("after ", "efter ")) + std::to_string(p.last_year);
    return std::to_string(*p.median_months) + l.t(" months (", " månader (") + *p.median_month + ")";
  };
  std::vector<std::string> areas;
  for (const auto& p : c.payback_by_forbund)
    if (areas.empty() || areas.back() != p.area) areas.push_back(p.area);
  for (const auto& area : areas) {
    const Payback& spent = *find_payback(c, "spent", "all", area);
    const Payback& paid = *find_payback(c, "paid", "all", area);
    out << "  " << pad_right(spent.area, width) << "  " << pad_right(brief(spent), 24) << "  " << pad_right(brief(paid), 24) << "  "
        << pad_left(number(l, paid.extra_money / 1e6, 2, true), 14) << "  " << pad_left(number(l, paid.net_gain / 1e6, 2, true), 14)
        << "\n";
  }
}

void print_areas(std::ostream& out, const Lang& l, const Comparison& c, const std::string& level) {
  std::vector<std::pair<std::string, bool>> areas;
  for (const auto& r : c.rows)
    if (r.level == level && (areas.empty() || areas.back().first != r.area)) areas.emplace_back(r.area, r.synthetic);
  for (const auto& [area, synthetic] : areas) {
    out << "\n== " << area;
    // A synthetic förbund's label says so already; a län says when it holds one.
    if (synthetic && level == "lan")
      out << l.t(" (includes a synthetic förbund: membership assumed)", " (omfattar ett syntetiskt samordningsförbund: medlemskap antaget)");
    out << " ==";
    print_block(out, l, c, "work_studies_december", "", area, level);
    print_block(out, l, c, "unique_participants", "", area, level);
    print_block(out, l, c, "exits_work_studies", "", area, level);
    print_block(out, l, c, "finsam_budget", "all", area, level);
    print_block(out, l, c, "public_net_gain", "all", area, level);
  }
}

}  // namespace

void print_table(std::ostream& out, const Lang& l, const Comparison& c) {
  out << l.t("finsim compare: paired differences scenario - baseline, per replication (same random numbers)",
             "finsim compare: parvisa skillnader scenario - jämförelsealternativ, per upprepning (samma slumptal)")
      << "\n  " << l.t("baseline ", "jämförelsealternativ ") << c.base.scenario << "  " << c.base.path << "  sha256 "
      << c.base.scenario_sha256 << "\n  scenario " << c.scenario.scenario << "  " << c.scenario.path << "  sha256 "
      << c.scenario.scenario_sha256 << "\n  " << c.n << l.t(" replications, seed ", " upprepningar, slumpfrö ") << c.seed << ", "
      << c.first_month << ".." << c.last_month << "\n";
  if (!c.scenario.description.empty()) out << "  " << c.scenario.description << "\n";
  for (const auto* list : {&c.only_in_base, &c.only_in_scenario})
    for (const auto& a : *list)
      out << "  " << (list == &c.only_in_base ? l.t("only in the baseline: ", "endast i jämförelsealternativet: ")
                                              : l.t("only in the scenario: ", "endast i scenariot: "))
          << a << l.t(" (counted as zero in the other run)", " (räknas som noll i den andra körningen)") << "\n";
  if (!c.policy_first_year) {
    out << "\n" << l.t("Quote: ", "Citat: ") << quote(l, c) << "\n";
    return;
  }
  print_headline(out, l, c);

  out << "\n" << l.t("DETAILS", "DETALJER") << "\n";
  for (const char* m : {"work_studies_december", "work_december", "studies_december", "person_years_work_studies",
                        "person_years_work", "person_years_studies", "person_years_target_group", "unique_participants",
                        "exits_work_studies"})
    print_block(out, l, c, m, "");
  print_money_flows(out, l, c);
  print_costs(out, l, c);
  for (const char* payer : {"all", "state", "region", "kommun"}) print_block(out, l, c, "finsam_budget", payer);
  for (const char* metric : {"public_cost", "public_revenue", "public_net_gain"})
    for (const char* payer : {"all", "state", "region", "kommun"}) print_block(out, l, c, metric, payer);
  print_block(out, l, c, "pension_contributions", "");
  print_payback(out, l, c);
  print_forbund_payback(out, l, c);
  print_areas(out, l, c, "forbund");
  print_areas(out, l, c, "lan");
  out << "\n" << l.t("Quote: ", "Citat: ") << quote(l, c) << "\n";
}

namespace {

std::string exact(double v) {
  if (v == 0) v = 0;
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

const char* status_name(CostPerEffect::Status s) {
  switch (s) {
    case CostPerEffect::Status::ok: return "ok";
    case CostPerEffect::Status::no_interval: return "no_interval";
    case CostPerEffect::Status::effect_includes_zero: return "undefined_effect_interval_includes_zero";
    case CostPerEffect::Status::effect_negative: return "undefined_effect_not_positive";
    case CostPerEffect::Status::no_extra_money: return "undefined_no_extra_money";
  }
  return "";
}

}  // namespace

void print_csv(std::ostream& out, const Lang& l, const Comparison& c) {
  out << "metric,label,payer,level,area,synthetic,period,unit,base_mean,scenario_mean,difference_mean,ci_low,ci_high,sd,n,"
         "note,base_sha256,scenario_sha256\n";
  const std::string tail = "," + c.base.scenario_sha256 + "," + c.scenario.scenario_sha256 + "\n";
  for (const auto& r : c.rows) {
    std::string period = r.period == Period::year ? std::to_string(r.year) : r.period == Period::total ? "total" : "policy_per_year";
    out << r.metric << "," << csv_field(metric_label(l, r.metric)) << "," << r.payer << "," << r.level << "," << csv_field(r.area)
        << "," << (r.synthetic ? "1" : "0") << "," << period << "," << r.unit << "," << exact(r.base_mean) << ","
        << exact(r.scenario_mean) << "," << exact(r.difference.mean) << ","
        << (r.difference.has_interval() ? exact(r.difference.low) : "") << ","
        << (r.difference.has_interval() ? exact(r.difference.high) : "") << ","
        << (r.difference.has_interval() ? exact(r.difference.sd) : "") << ","
        << r.difference.n << "," << tail;
  }
  // Payback: national rows, then per förbund (level forbund, every payer) with --by-forbund; the median is
  // empty when it lies after the last year (note says so).
  for (const auto* list : {&c.payback, &c.payback_by_forbund})
    for (const auto& p : *list) {
      const std::string level = p.area.empty() ? "nation" : "forbund";
      const std::string note = p.n == 0 ? "no_extra_money" : p.median_months ? "" : "after_" + std::to_string(p.last_year);
      out << "payback_" << p.basis << "_median_months,"
          << csv_field(p.basis == "spent" ? l.t("payback on money spent (median months)", "återbetalningstid för använda medel (median, månader)")
                                          : l.t("payback on money paid in (median months)", "återbetalningstid för inbetalda medel (median, månader)"))
          << "," << p.payer << "," << level << "," << csv_field(p.area) << ",0,horizon,months,,,"
          << (p.median_months ? std::to_string(*p.median_months) : "") << ",,,," << p.n << "," << note << tail;
      out << "payback_" << p.basis << "_share,"
          << csv_field(l.t("share of replications paid back within the run", "andel upprepningar återbetalda inom körningen")) << ","
          << p.payer << "," << level << "," << csv_field(p.area) << ",0,horizon,1,,," << exact(p.share()) << ",,,," << p.n << ","
          << tail;
    }
  const std::string window = c.policy_first_year ? years_text(*c.policy_first_year, c.policy_last_year) : "";
  for (const auto& e : c.cost_per_effect)
    out << "cost_per_" << e.effect << "," << csv_field(cost_effect_label(l, c, e.effect)) << ",all,nation,,0,"
        << csv_field(window) << ",SEK," << exact(e.cost) << "," << exact(e.effect_mean) << ","
        << (e.ratio ? exact(*e.ratio) : "") << "," << (e.low ? exact(*e.low) : "") << "," << (e.high ? exact(*e.high) : "")
        << ",," << e.n << "," << status_name(e.status) << tail;
}

}  // namespace finsim::cli
