#include "cli/dose_response_table.h"

#include <algorithm>
#include <cstdio>

#include "util/text.h"

namespace finsim::cli {
namespace {

// A table of text cells: the first `left` columns left-aligned (labels), the rest right-aligned.
void print_columns(std::ostream& out, const std::vector<std::vector<std::string>>& rows, std::size_t left) {
  std::vector<std::size_t> width;
  for (const auto& r : rows)
    for (std::size_t c = 0; c < r.size(); ++c) {
      if (width.size() <= c) width.push_back(0);
      width[c] = std::max(width[c], text_columns(r[c]));
    }
  for (const auto& r : rows) {
    out << " ";
    for (std::size_t c = 0; c < r.size(); ++c) {
      const std::string fill(width[c] - text_columns(r[c]), ' ');
      out << " " << (c < left ? r[c] + fill : fill + r[c]);
    }
    out << "\n";
  }
}

// "+12.0 [+8.1, +15.9]": the difference and its 95 % interval; divisor scales money to millions.
std::string cell(const Lang& l, const PairedStat& d, int decimals, double divisor = 1) {
  std::string s = number(l, d.mean / divisor, decimals, true);
  if (!d.has_interval()) return s + " [n=1]";
  return s + " [" + number(l, d.low / divisor, decimals, true) + (l.sv ? "; " : ", ") +
         number(l, d.high / divisor, decimals, true) + "]";
}

// Payback on money spent in one cell: months and month, or why there is none.
std::string payback_cell(const Lang& l, const Payback& p) {
  if (p.n == 0) return l.t("not applicable (no extra money)", "ej tillämpligt (inga extra medel)");
  if (!p.median_months)
    return std::string(l.t("not reached (after ", "uppnås inte (efter ")) + std::to_string(p.last_year) + ")";
  return std::to_string(*p.median_months) + l.t(" months (", " mån. (") + *p.median_month + ")";
}

std::vector<std::string> key_header(const Lang& l, const DoseResponse& d) {
  std::vector<std::string> h = {l.t("point", "punkt")};
  h.insert(h.end(), d.sweep.keys.begin(), d.sweep.keys.end());
  return h;
}

std::vector<std::string> key_cells(const DoseResponse& d, const DoseResponsePoint& p) {
  std::vector<std::string> r = {std::to_string(p.point) + (p.point == d.reference ? "*" : "")};
  r.insert(r.end(), p.values.begin(), p.values.end());
  return r;
}

}  // namespace

void print_dose_response(std::ostream& out, const Lang& l, const DoseResponse& d) {
  const auto& s = d.sweep;
  const auto& ref = d.points[d.reference];
  std::string keys;
  for (const auto& k : s.keys) keys += (keys.empty() ? "" : ", ") + k;
  const std::string window = years_text(d.policy_first_year, d.policy_last_year);
  const std::string end = std::to_string(d.years.back());
  out << l.t("finsim compare: dose-response of a sweep, paired differences point - reference point per replication "
             "(same random numbers)",
             "finsim compare: dos-respons för en svepning, parvisa skillnader punkt - referenspunkt per upprepning "
             "(samma slumptal)")
      << "\n  " << s.scenario << "  " << s.path << "  sha256 " << s.scenario_sha256 << "\n  " << s.points()
      << l.t(" points varying ", " punkter som varierar ") << keys << l.t("; reference point ", "; referenspunkt ")
      << d.reference << " (" << ref.overrides << ")\n  " << d.n << l.t(" replications, seed ", " upprepningar, slumpfrö ")
      << d.seed << ", " << d.first_month << ".." << d.last_month << "\n";
  if (!s.description.empty()) out << "  " << s.description << "\n";
  out << "  " << l.t("Per year: mean per year over ", "Per år: medelvärde per år under ") << window
      << l.t(" (from the first year in which any point differs from the reference)",
             " (från det första år då någon punkt skiljer sig från referenspunkten)")
      << "\n";

  out << "\n" << l.t("EFFECTS (net: point - reference; 95 % interval in brackets)",
                     "EFFEKTER (netto: punkt - referenspunkt; 95 %-intervall inom hakparentes)") << "\n";
  std::vector<std::vector<std::string>> rows;
  auto header = key_header(l, d);
  for (const char* h : {l.t("state allocation offered [MSEK/yr]", "erbjuden statlig medelstilldelning [mnkr/år]"),
                        l.t("in work or studies, end of ", "i arbete eller studier, utgången av "),
                        l.t("person-years in work or studies /yr", "personår i arbete eller studier /år"),
                        l.t("participants /yr", "deltagare /år")})
    header.push_back(h);
  header[header.size() - 3] += end;
  rows.push_back(header);
  for (const auto& p : d.points) {
    auto r = key_cells(d, p);
    r.push_back(number(l, p.state_offer_per_year / 1e6, 1));
    r.push_back(cell(l, p.work_studies_end.difference, 1));
    r.push_back(cell(l, p.person_years_work_studies.difference, 1));
    r.push_back(cell(l, p.participants.difference, 1));
    rows.push_back(std::move(r));
  }
  print_columns(out, rows, 1 + s.keys.size());

  out << "\n" << l.t("MONEY (extra Finsam money paid in per year by payer [MSEK]; payback on money spent, all payers)",
                     "MEDEL (extra medel till samordningsförbunden per år och part [mnkr]; återbetalningstid för använda "
                     "medel, alla parter)") << "\n";
  rows.clear();
  header = key_header(l, d);
  for (const char* payer : {"all", "state", "region", "kommun"}) header.push_back(payer_label(l, payer));
  header.push_back(l.t("payback on money spent", "återbetalningstid, använda medel"));
  rows.push_back(header);
  for (const auto& p : d.points) {
    auto r = key_cells(d, p);
    for (const auto* b : {&p.budget_all, &p.budget_state, &p.budget_region, &p.budget_kommun})
      r.push_back(cell(l, b->difference, 2, 1e6));
    r.push_back(payback_cell(l, p.payback_spent));
    rows.push_back(std::move(r));
  }
  print_columns(out, rows, 1 + s.keys.size());
  out << "  * " << l.t("reference point", "referenspunkt") << "\n  " << interval_definition(l) << "\n  "
      << net_gain_definition(l) << "\n  "
      << l.t("Each point against the reference in full: finsim compare on two runs of the same overrides (finsim run "
             "--set KEY=VALUE).",
             "En punkt mot referenspunkten i detalj: finsim compare på två körningar med samma värden (finsim run "
             "--set NYCKEL=VÄRDE).")
      << "\n";
}

void print_dose_response_csv(std::ostream& out, const Lang& l, const DoseResponse& d) {
  const auto& s = d.sweep;
  out << "point";
  for (const auto& k : s.keys) out << "," << csv_field(k);
  out << ",overrides,metric,label,payer,period,unit,reference_mean,point_mean,difference_mean,ci_low,ci_high,sd,n,note,"
         "reference_sha256,point_sha256\n";
  const std::string per_year = "per_year_" + std::to_string(d.policy_first_year) +
                               (d.policy_last_year == d.policy_first_year ? "" : "-" + std::to_string(d.policy_last_year));
  auto exact = [](double v) {
    if (v == 0) v = 0;
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return std::string(buf);
  };
  const std::string ref_sha = d.points[d.reference].sha256;
  for (const auto& p : d.points) {
    std::string head = std::to_string(p.point);
    for (const auto& v : p.values) head += "," + csv_field(v);
    head += "," + csv_field(p.overrides);
    const std::string tail = "," + ref_sha + "," + p.sha256 + "\n";
    auto row = [&](const std::string& metric, const std::string& label, const ComparisonRow& r, const std::string& period) {
      out << head << "," << metric << "," << csv_field(label) << "," << r.payer << "," << period << "," << r.unit << ","
          << exact(r.base_mean) << "," << exact(r.scenario_mean) << "," << exact(r.difference.mean) << ","
          << (r.difference.has_interval() ? exact(r.difference.low) : "") << ","
          << (r.difference.has_interval() ? exact(r.difference.high) : "") << ","
        << (r.difference.has_interval() ? exact(r.difference.sd) : "") << ","
          << r.difference.n << "," << tail;
    };
    out << head << ",state_offer_per_year,"
        << csv_field(l.t("state allocation offered per year", "erbjuden statlig medelstilldelning per år")) << ",state,"
        << per_year << ",SEK," << exact(d.points[d.reference].state_offer_per_year) << "," << exact(p.state_offer_per_year)
        << "," << exact(p.state_offer_per_year - d.points[d.reference].state_offer_per_year) << ",,,," << d.n << ","
        << tail;
    row("work_studies_december", l.t("net extra people in work or studies in December", "personer netto i arbete eller studier i december"),
        p.work_studies_end, std::to_string(d.years.back()));
    row("person_years_work_studies", l.t("net extra person-years in work or studies", "personår netto i arbete eller studier"),
        p.person_years_work_studies, per_year);
    row("unique_participants", l.t("extra participants in individual insatser", "fler deltagare i individinriktade insatser"),
        p.participants, per_year);
    for (const auto* b : {&p.budget_all, &p.budget_state, &p.budget_region, &p.budget_kommun})
      row("finsam_budget", l.t("extra Finsam money paid in", "extra medel till samordningsförbunden"), *b, per_year);
    const Payback& pb = p.payback_spent;
    const std::string note = pb.n == 0 ? "not_applicable_no_extra_money"
                             : pb.median_months ? ""
                                                : "not_reached_after_" + std::to_string(pb.last_year);
    out << head << ",payback_spent_median_months,"
        << csv_field(l.t("payback on money spent (median months)", "återbetalningstid för använda medel (median, månader)"))
        << ",all,horizon,months,,," << (pb.median_months ? std::to_string(*pb.median_months) : "") << ",,,," << pb.n << ","
        << note << tail;
    out << head << ",payback_spent_share,"
        << csv_field(l.t("share of replications paid back within the run", "andel upprepningar återbetalda inom körningen"))
        << ",all,horizon,1,,," << exact(pb.share()) << ",,,," << pb.n << "," << tail;
  }
}

}  // namespace finsim::cli
