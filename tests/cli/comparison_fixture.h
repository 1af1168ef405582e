// Test helper: a small hand-made Comparison (two runs 2025–2030, policy years 2026–2030, 10 pairs)
// whose every number is chosen so that the quote's and the table's rounding can be worked out by hand.
#pragma once
#include <sstream>
#include <string>
#include <vector>

#include "output/comparison.h"

namespace finsim::test {

// A printed table or CSV, line by line.
inline std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Fields of a CSV line (RFC 4180 quotes; no line breaks inside fields here).
inline std::size_t csv_field_count(const std::string& line) {
  std::size_t fields = 1;
  bool quoted = false;
  for (char ch : line) {
    if (ch == '"') quoted = !quoted;
    if (ch == ',' && !quoted) ++fields;
  }
  return fields;
}

inline PairedStat paired(double mean, double low, double high, double sd = 1, int n = 10) {
  PairedStat s;
  s.n = n;
  s.mean = mean;
  s.sd = sd;
  s.low = n > 1 ? low : mean;
  s.high = n > 1 ? high : mean;
  return s;
}

inline ComparisonRow comparison_row(const std::string& metric, const std::string& unit, const std::string& payer,
                                    ComparisonRow::Period period, std::int64_t year, double base, double scenario,
                                    PairedStat d) {
  ComparisonRow r;
  r.metric = metric;
  r.unit = unit;
  r.payer = payer;
  r.period = period;
  r.year = year;
  r.base_mean = base;
  r.scenario_mean = scenario;
  r.difference = d;
  return r;
}

// The policy years' means; 16-digit digest prefixes 0123456789abcdef (baseline) and fedcba9876543210.
inline Comparison small_comparison() {
  using P = ComparisonRow::Period;
  Comparison c;
  c.base = {"base.h5", "baseline", "", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
            "0.1.0",   "9e4c194"};
  c.scenario = {"plus.h5",
                "state-plus-50",
                "The state allocation 50 % higher",
                "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210",
                "0.1.0",
                "9e4c194"};
  c.seed = 42;
  c.n = 10;
  c.years = {2025, 2026, 2027, 2028, 2029, 2030};
  c.first_month = "2025-01";
  c.last_month = "2030-12";
  c.policy_first_year = 2026;
  c.policy_last_year = 2030;
  c.base_state_offer_per_year = 400e6;
  c.scenario_state_offer_per_year = 600e6;
  auto& rows = c.rows;
  rows.push_back(
      comparison_row("work_studies_december", "persons", "", P::year, 2029, 990, 1000.5, paired(10.5, 6.3, 14.7, 6)));
  rows.push_back(
      comparison_row("work_studies_december", "persons", "", P::year, 2030, 1000, 1012.4, paired(12.4, 8.1, 16.7, 6)));
  rows.push_back(comparison_row("person_years_work_studies", "person-years", "", P::policy_per_year, 0, 500, 530.25,
                                paired(30.25, 20.375, 40.125, 13.5)));
  rows.push_back(comparison_row("unique_participants", "persons", "", P::policy_per_year, 0, 2000, 2250,
                                paired(250, 240.2, 259.8)));
  rows.push_back(
      comparison_row("exits_work_studies", "persons", "", P::policy_per_year, 0, 300, 340.6, paired(40.6, 35.1, 46.0)));
  rows.push_back(comparison_row("finsam_budget", "SEK", "all", P::policy_per_year, 0, 400e6, 600e6,
                                paired(200e6, 200e6, 200e6, 0)));
  rows.push_back(comparison_row("finsam_budget", "SEK", "state", P::policy_per_year, 0, 200e6, 300e6,
                                paired(100e6, 100e6, 100e6, 0)));
  rows.push_back(comparison_row("finsam_budget", "SEK", "region", P::policy_per_year, 0, 100e6, 150e6,
                                paired(50e6, 50e6, 50e6, 0)));
  rows.push_back(comparison_row("finsam_budget", "SEK", "kommun", P::policy_per_year, 0, 100e6, 150e6,
                                paired(50e6, 50e6, 50e6, 0)));
  rows.push_back(
      comparison_row("money_individual", "SEK", "", P::policy_per_year, 0, 300e6, 450e6, paired(150e6, 140e6, 160e6)));
  rows.push_back(
      comparison_row("money_structural", "SEK", "", P::policy_per_year, 0, 40e6, 60e6, paired(20e6, 18e6, 22e6)));
  rows.push_back(comparison_row("money_admin", "SEK", "", P::policy_per_year, 0, 40e6, 50e6, paired(10e6, 10e6, 10e6)));
  rows.push_back(
      comparison_row("money_equity_change", "SEK", "", P::policy_per_year, 0, 20e6, 40e6, paired(20e6, 12e6, 28e6)));
  rows.push_back(
      comparison_row("money_unused_offer", "SEK", "", P::policy_per_year, 0, 0, 25e6, paired(25e6, 25e6, 25e6, 0)));
  Payback spent;
  spent.basis = "spent";
  spent.payer = "all";
  spent.n = 10;
  spent.paid_back = 8;
  spent.median_months = 17;
  spent.median_month = "2027-05";
  spent.last_year = 2030;
  spent.extra_money = 850e6;
  spent.net_gain = 1020e6;
  Payback paid = spent;
  paid.basis = "paid";
  paid.paid_back = 3;
  paid.median_months.reset();
  paid.median_month.reset();
  paid.extra_money = 1000e6;
  c.payback = {spent, paid};
  CostPerEffect cost;
  cost.effect = "work_studies_end";
  cost.n = 10;
  cost.cost = 1000e6;
  cost.effect_mean = 810;
  cost.status = CostPerEffect::Status::ok;
  cost.ratio = 1234567;
  cost.low = 1000400;
  cost.high = 1500499;
  CostPerEffect participants;
  participants.effect = "participants";
  participants.n = 10;
  participants.cost = 1000e6;
  participants.effect_mean = -3;
  participants.status = CostPerEffect::Status::effect_negative;
  c.cost_per_effect = {cost, participants};
  return c;
}

}  // namespace finsim::test
