// finsim compare: paired differences scenario − base per replication (mean, 95 % interval, n) for
// participants, exits, Finsam budget, public costs and revenues, the payback month (nationally, and per
// förbund with --by-forbund), and the quote that finsim quote prints alone.
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <map>

#include "cli/options.h"
#include "cli/quote_text.h"
#include "output/comparison.h"
#include "output/results_reader.h"

namespace finsim::cli {
namespace {

using Period = ComparisonRow::Period;

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

// Values in the table: persons with one decimal, money in MSEK with two.
std::string value(const Lang& l, const ComparisonRow& r, double v, bool sign = false) {
  return r.unit == "SEK" ? number(l, v / 1e6, 2, sign) : number(l, v, 1, sign);
}

std::string period_label(const Lang& l, const Comparison& c, const ComparisonRow& r) {
  switch (r.period) {
    case Period::year: return std::to_string(r.year);
    case Period::total: return years_text(c.years.front(), c.years.back()) + l.t(" total", " totalt");
    case Period::policy_per_year: return years_text(*c.policy_first_year, c.policy_last_year) + l.t(" per year", " per år");
  }
  return "";
}

// Width in characters of UTF-8 text (förbund labels have å, ä, ö).
std::size_t chars(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char ch : s) n += (ch & 0xC0) != 0x80;
  return n;
}

// Left-aligned to a width in characters, for the table's label columns.
std::string pad(const std::string& s, std::size_t width) {
  const std::size_t n = chars(s);
  return n >= width ? s : s + std::string(width - n, ' ');
}

// Right-aligned to a width in characters, for the table's number columns.
std::string pad_left(const std::string& s, std::size_t width) {
  const std::size_t n = chars(s);
  return n >= width ? s : std::string(width - n, ' ') + s;
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

// The payback column of the per-förbund table: kept short so that each förbund fits on one line.
std::string forbund_payback_text(const Lang& l, const Payback& p) {
  if (p.n == 0) return l.t("no extra contributions", "inga extra bidrag");
  if (!p.median_months) return l.t("not within the horizon", "inte inom horisonten");
  return std::to_string(*p.median_months) + l.t(" months (", " månader (") + *p.median_month + ")";
}

// One line per förbund: its own extra contributions against the net gain from its own participants.
void print_forbund_payback(const Lang& l, const Comparison& c) {
  if (c.payback_by_forbund.empty()) return;
  const std::string label = "förbund";  // the same word in both languages
  std::size_t width = chars(label);
  for (const auto& p : c.payback_by_forbund) width = std::max(width, chars(p.area));
  std::cout << "\n"
            << l.t("Payback month per förbund, all payers [MSEK] (the förbund's extra contributions against the net gain "
                   "from its participants)",
                   "Återbetalningsmånad per förbund, alla huvudmän [MSEK] (förbundets extra bidrag mot nettovinsten från "
                   "dess deltagare)")
            << "\n";
  std::cout << "  " << pad(label, width) << " " << pad_left("n", 4) << "  " << pad_left(l.t("paid back", "återbetalt"), 10)
            << "  " << pad(l.t("median payback", "median återbetalning"), 24) << "  "
            << pad_left(l.t("extra contributions", "extra bidrag"), 19) << "  " << pad_left(l.t("net gain", "nettovinst"), 14)
            << "\n";
  for (const auto& p : c.payback_by_forbund)
    std::cout << "  " << pad(p.area, width) << " " << pad_left(std::to_string(p.n), 4) << "  "
              << pad_left(p.n > 0 ? number(l, 100.0 * p.share(), 0) + " %" : "-", 10) << "  "
              << pad(forbund_payback_text(l, p), 24) << "  " << pad_left(number(l, p.extra_contribution / 1e6, 2, true), 19)
              << "  " << pad_left(number(l, p.net_gain / 1e6, 2, true), 14) << "\n";
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
  print_forbund_payback(l, c);

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
  // The national payback rows, then one pair per förbund (area filled) with --by-forbund.
  for (const auto* list : {&c.payback, &c.payback_by_forbund})
    for (const auto& p : *list) {
      std::cout << "payback_median_months," << csv_field(l.t("payback month (median)", "återbetalningsmånad (median)")) << ","
                << p.payer << "," << csv_field(p.area) << ",horizon,months,,," << (p.median_months ? std::to_string(*p.median_months) : "")
                << ",,,," << p.n << "," << c.base.scenario_sha256 << "," << c.scenario.scenario_sha256 << "\n";
      std::cout << "payback_share," << csv_field(l.t("share paid back within the horizon", "andel återbetald inom horisonten"))
                << "," << p.payer << "," << csv_field(p.area) << ",horizon,1,,," << exact(p.share()) << ",,,," << p.n << ","
                << c.base.scenario_sha256 << "," << c.scenario.scenario_sha256 << "\n";
    }
}

}  // namespace

int cmd_compare(const Args& args) {
  po::options_description opts("Options");
  po::positional_options_description pos;
  PairedRunOptions runs;
  runs.add_to(opts, pos);
  std::string format = "table";
  opts.add_options()("by-forbund", "also per förbund")("format", po::value(&format), "table or csv");
  po::variables_map vm;
  if (!parse(args, opts, pos, vm, "finsim compare BASE.h5 SCENARIO.h5 [--by-forbund] [--lang sv|en] [--format table|csv]",
             "finsim compare baseline.h5 state-plus-50.h5 --lang sv"))
    return 0;
  const Lang l{runs.swedish()};
  if (format != "table" && format != "csv") throw UsageError{"--format: expected table or csv"};
  const RunData b = read_run(runs.base);
  const RunData s = read_run(runs.scenario);
  const Comparison c = compare_runs(b, s, vm.count("by-forbund") > 0);
  if (format == "csv") print_csv(l, c);
  else print_table(l, c, vm.count("by-forbund") > 0);
  return 0;
}

}  // namespace finsim::cli
