// finsim compare: paired differences scenario − base per replication (mean, 95 % interval, n) for
// participants, exits, Finsam budget, public costs and revenues, the payback month, and a quote.
#include <cmath>
#include <cstdio>
#include <iostream>
#include <map>
#include <sstream>

#include "cli/options.h"
#include "output/comparison.h"
#include "output/results_reader.h"

namespace finsim::cli {
namespace {

using Period = ComparisonRow::Period;

struct Lang {
  bool sv = false;
  const char* t(const char* en, const char* sv_text) const { return sv ? sv_text : en; }
};

std::string metric_label(const Lang& l, const std::string& metric) {
  static const std::map<std::string, std::pair<const char*, const char*>> labels = {
      {"unique_participants", {"People in individual insatser (unique per year)", "Personer i individinriktade insatser (unika per år)"}},
      {"exits_work_studies", {"Exits from insatser to work or studies", "Avslut från insatser till arbete eller studier"}},
      {"finsam_budget", {"Finsam budget (contributions paid)", "Finsambudget (inbetalda bidrag)"}},
      {"public_cost", {"Public costs (benefits, health care)", "Offentliga kostnader (ersättningar, vård)"}},
      {"public_revenue", {"Public revenue (taxes from work)", "Offentliga intäkter (skatt från arbete)"}},
      {"public_net_gain", {"Public net gain (revenue - cost)", "Offentlig nettovinst (intäkter - kostnader)"}},
  };
  const auto it = labels.find(metric);
  return it == labels.end() ? metric : l.t(it->second.first, it->second.second);
}

std::string payer_label(const Lang& l, const std::string& payer) {
  if (payer == "all") return l.t("all payers", "alla huvudmän");
  if (payer == "state") return l.t("state", "staten");
  if (payer == "region") return l.t("regions", "regionerna");
  if (payer == "kommun") return l.t("kommuner", "kommunerna");
  return payer;
}

// Fixed decimals, thousands grouped ("31,167.5" / "31 167,5"), optional sign.
std::string number(const Lang& l, double v, int decimals, bool sign = false) {
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

// Values in the table: persons with one decimal, money in MSEK with two.
std::string value(const Lang& l, const ComparisonRow& r, double v, bool sign = false) {
  return r.unit == "SEK" ? number(l, v / 1e6, 2, sign) : number(l, v, 1, sign);
}

// "2025–2030", or "2025" for a single year.
std::string years_text(std::int64_t first, std::int64_t last) {
  return first == last ? std::to_string(first) : std::to_string(first) + "\u2013" + std::to_string(last);
}

std::string period_label(const Lang& l, const Comparison& c, const ComparisonRow& r) {
  switch (r.period) {
    case Period::year: return std::to_string(r.year);
    case Period::total: return years_text(c.years.front(), c.years.back()) + l.t(" total", " totalt");
    case Period::policy_per_year: return years_text(*c.policy_first_year, c.policy_last_year) + l.t(" per year", " per år");
  }
  return "";
}

// Left-aligned to a width in characters (UTF-8 aware), for the table's label columns.
std::string pad(const std::string& s, std::size_t width) {
  std::size_t chars = 0;
  for (unsigned char ch : s) chars += (ch & 0xC0) != 0x80;
  return chars >= width ? s : s + std::string(width - chars, ' ');
}

std::string interval(const Lang& l, const ComparisonRow& r) {
  if (!r.difference.has_interval()) return l.t("n=1, no interval", "n=1, inget intervall");
  return value(l, r, r.difference.low, true) + l.t(" to ", " till ") + value(l, r, r.difference.high, true);
}

void print_block(const Lang& l, const Comparison& c, const std::string& metric, const std::string& payer,
                 const std::string& area) {
  std::vector<const ComparisonRow*> rows;
  for (const auto& r : c.rows)
    if (r.metric == metric && r.payer == payer && r.area == area) rows.push_back(&r);
  if (rows.empty()) return;
  std::string title = metric_label(l, metric);
  if (!payer.empty()) title += ", " + payer_label(l, payer);
  title += rows.front()->unit == "SEK" ? " [MSEK]" : l.t(" [persons]", " [personer]");
  std::cout << "\n" << title << "\n";
  std::printf("  %s %16s %16s %14s   %s %4s\n", pad(l.t("period", "period"), 22).c_str(), l.t("base", "bas"), "scenario",
              l.t("difference", "skillnad"), pad(l.t("95 % interval", "95 % intervall"), 32).c_str(), "n");
  for (const auto* r : rows)
    std::printf("  %s %16s %16s %14s   %s %4d\n", pad(period_label(l, c, *r), 22).c_str(), value(l, *r, r->base_mean).c_str(),
                value(l, *r, r->scenario_mean).c_str(), value(l, *r, r->difference.mean, true).c_str(),
                pad(interval(l, *r), 32).c_str(), r->difference.n);
}

std::string payback_text(const Lang& l, const Payback& p) {
  if (p.n == 0) return l.t("not applicable (no extra Finsam contributions)", "ej tillämpligt (inga extra Finsambidrag)");
  std::ostringstream s;
  const std::string share = number(l, 100.0 * p.share(), 0) + " %";
  if (p.median_months)
    s << l.t("median ", "median ") << *p.median_months << l.t(" months (", " månader (") << *p.median_month << "), "
      << share << l.t(" of ", " av ") << p.n << l.t(" replications within the horizon", " replikeringar inom horisonten");
  else
    s << l.t("not reached within the horizon in most replications (", "nås inte inom horisonten i de flesta replikeringar (")
      << share << l.t(" of ", " av ") << p.n << l.t(" within)", " inom)");
  return s.str();
}

std::string short_sha(const std::string& sha) { return sha.substr(0, 16); }

std::string with_interval(const Lang& l, const ComparisonRow& r, int decimals, double divisor) {
  std::string s = number(l, r.difference.mean / divisor, decimals, true);
  if (!r.difference.has_interval()) return s + l.t(" (n=1, no interval)", " (n=1, inget intervall)");
  return s + l.t(" (95 % CI ", " (95 % KI ") + number(l, r.difference.low / divisor, decimals, true) +
         l.t(" to ", " till ") + number(l, r.difference.high / divisor, decimals, true) + ")";
}

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

void print_table(const Lang& l, const Comparison& c, bool by_forbund) {
  std::cout << l.t("finsim compare: paired differences scenario - base, per replication",
                   "finsim compare: parvisa skillnader scenario - bas, per replikering")
            << "\n  " << l.t("base     ", "bas      ") << c.base.scenario << "  " << c.base.path << "  sha256 "
            << c.base.scenario_sha256 << "\n  scenario " << c.scenario.scenario << "  " << c.scenario.path << "  sha256 "
            << c.scenario.scenario_sha256 << "\n  " << c.n << l.t(" replications, seed ", " replikeringar, frö ") << c.seed
            << ", " << c.first_month << ".." << c.last_month << l.t("; mean over replications and 95 % t-interval",
                                                                    "; medelvärde över replikeringar och 95 % t-intervall")
            << "\n";
  print_block(l, c, "unique_participants", "", "");
  print_block(l, c, "exits_work_studies", "", "");
  for (const char* payer : {"all", "state", "region", "kommun"}) print_block(l, c, "finsam_budget", payer, "");
  for (const char* metric : {"public_cost", "public_revenue", "public_net_gain"})
    for (const char* payer : {"all", "state", "region", "kommun"}) print_block(l, c, metric, payer, "");

  std::cout << "\n" << l.t("Payback month (cumulative public net gain >= cumulative extra Finsam contributions from then on)",
                           "Återbetalningsmånad (ackumulerad offentlig nettovinst >= ackumulerade extra Finsambidrag därefter)")
            << "\n";
  for (const auto& p : c.payback)
    std::cout << "  " << payer_label(l, p.payer) << ": " << payback_text(l, p) << l.t("; extra contributions ", "; extra bidrag ")
              << number(l, p.extra_contribution / 1e6, 2, true) << l.t(" MSEK, net gain ", " MSEK, nettovinst ")
              << number(l, p.net_gain / 1e6, 2, true) << " MSEK\n";

  if (by_forbund) {
    std::vector<std::string> areas;
    for (const auto& r : c.rows)
      if (!r.area.empty() && (areas.empty() || areas.back() != r.area)) areas.push_back(r.area);
    for (const auto& area : areas) {
      std::cout << "\n== " << area << " ==";
      print_block(l, c, "unique_participants", "", area);
      print_block(l, c, "exits_work_studies", "", area);
      print_block(l, c, "finsam_budget", "all", area);
      print_block(l, c, "public_net_gain", "all", area);
    }
  }
  std::cout << "\n" << l.t("Quote: ", "Citat: ") << quote(l, c) << "\n";
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char ch : s) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return out + "\"";
}

std::string exact(double v) {
  if (v == 0) v = 0;
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

void print_csv(const Lang& l, const Comparison& c) {
  std::cout << "metric,label,payer,area,period,unit,base_mean,scenario_mean,difference_mean,ci_low,ci_high,sd,n,"
               "base_sha256,scenario_sha256\n";
  for (const auto& r : c.rows) {
    std::string period = r.period == Period::year ? std::to_string(r.year) : r.period == Period::total ? "total" : "policy_per_year";
    std::cout << r.metric << "," << csv_field(metric_label(l, r.metric)) << "," << r.payer << "," << csv_field(r.area) << ","
              << period << "," << r.unit << "," << exact(r.base_mean) << "," << exact(r.scenario_mean) << ","
              << exact(r.difference.mean) << "," << (r.difference.has_interval() ? exact(r.difference.low) : "") << ","
              << (r.difference.has_interval() ? exact(r.difference.high) : "") << "," << exact(r.difference.sd) << ","
              << r.difference.n << "," << c.base.scenario_sha256 << "," << c.scenario.scenario_sha256 << "\n";
  }
  for (const auto& p : c.payback) {
    std::cout << "payback_median_months," << csv_field(l.t("payback month (median)", "återbetalningsmånad (median)")) << ","
              << p.payer << ",,horizon,months,,," << (p.median_months ? std::to_string(*p.median_months) : "") << ",,,," << p.n
              << "," << c.base.scenario_sha256 << "," << c.scenario.scenario_sha256 << "\n";
    std::cout << "payback_share," << csv_field(l.t("share paid back within the horizon", "andel återbetald inom horisonten"))
              << "," << p.payer << ",,horizon,1,,," << exact(p.share()) << ",,,," << p.n << "," << c.base.scenario_sha256 << ","
              << c.scenario.scenario_sha256 << "\n";
  }
}

}  // namespace

int cmd_compare(const Args& args) {
  po::options_description opts("Options");
  std::string base, scenario, lang = "en", format = "table";
  opts.add_options()("base", po::value(&base)->required(), "result file of the base run")(
      "scenario", po::value(&scenario)->required(), "result file of the scenario run")(
      "by-forbund", "also per förbund")("lang", po::value(&lang), "labels: en or sv")(
      "format", po::value(&format), "table or csv");
  po::positional_options_description pos;
  pos.add("base", 1).add("scenario", 1);
  po::variables_map vm;
  if (!parse(args, opts, pos, vm, "finsim compare BASE.h5 SCENARIO.h5 [--by-forbund] [--lang sv|en] [--format table|csv]",
             "finsim compare baseline.h5 state-plus-50.h5 --lang sv"))
    return 0;
  if (lang != "en" && lang != "sv") throw UsageError{"--lang: expected en or sv"};
  if (format != "table" && format != "csv") throw UsageError{"--format: expected table or csv"};
  const Lang l{lang == "sv"};
  const RunData b = read_run(base);
  const RunData s = read_run(scenario);
  const Comparison c = compare_runs(b, s, vm.count("by-forbund") > 0);
  if (format == "csv") print_csv(l, c);
  else print_table(l, c, vm.count("by-forbund") > 0);
  return 0;
}

}  // namespace finsim::cli
