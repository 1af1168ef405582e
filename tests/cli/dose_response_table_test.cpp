#include "cli/dose_response_table.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <sstream>

#include "comparison_fixture.h"

using namespace finsim;
using namespace finsim::cli;

namespace {

const Lang kDoseEn{false};
const Lang kDoseSv{true};

// The reference point (state allocation 339 MSEK a year) against one more (500): 5 pairs, 2025–2027,
// per-year figures over 2026–2027.
DoseResponse small_dose_response() {
  using P = ComparisonRow::Period;
  DoseResponse d;
  d.sweep.path = "sweep.h5";
  d.sweep.scenario = "baseline";
  d.sweep.scenario_sha256 = "5eed";
  d.sweep.keys = {"funding.state_total_msek"};
  d.sweep.overrides = {"funding.state_total_msek=339", "funding.state_total_msek=500"};
  d.sweep.sha256 = {"aaaa", "bbbb"};
  d.reference = 0;
  d.seed = 7;
  d.n = 5;
  d.years = {2025, 2026, 2027};
  d.first_month = "2025-01";
  d.last_month = "2027-12";
  d.policy_first_year = 2026;
  d.policy_last_year = 2027;
  const PairedStat zero = test::paired(0, 0, 0, 0, 5);
  for (std::size_t p = 0; p < 2; ++p) {
    DoseResponsePoint x;
    x.point = p;
    x.values = {p == 0 ? "339" : "500"};
    x.overrides = d.sweep.overrides[p];
    x.sha256 = d.sweep.sha256[p];
    x.state_offer_per_year = p == 0 ? 339e6 : 500e6;
    x.work_studies_end = test::comparison_row("work_studies_december", "persons", "", P::year, 2027, 1000, 1000, zero);
    x.person_years_work_studies =
        test::comparison_row("person_years_work_studies", "person-years", "", P::policy_per_year, 0, 800, 800, zero);
    x.participants =
        test::comparison_row("unique_participants", "persons", "", P::policy_per_year, 0, 3000, 3000, zero);
    x.budget_all = test::comparison_row("finsam_budget", "SEK", "all", P::policy_per_year, 0, 678e6, 678e6, zero);
    x.budget_state = test::comparison_row("finsam_budget", "SEK", "state", P::policy_per_year, 0, 339e6, 339e6, zero);
    x.budget_region =
        test::comparison_row("finsam_budget", "SEK", "region", P::policy_per_year, 0, 169.5e6, 169.5e6, zero);
    x.budget_kommun =
        test::comparison_row("finsam_budget", "SEK", "kommun", P::policy_per_year, 0, 169.5e6, 169.5e6, zero);
    x.payback_spent.basis = "spent";
    x.payback_spent.payer = "all";
    x.payback_spent.last_year = 2027;
    d.points.push_back(x);
  }
  DoseResponsePoint& p = d.points[1];
  p.work_studies_end.scenario_mean = 1012.5;
  p.work_studies_end.difference = test::paired(12.5, 8.125, 16.875, 3.5, 5);
  p.person_years_work_studies.difference = test::paired(20.44, 15.0, 25.96, 4, 5);
  p.participants.difference = test::paired(100, 90.04, 109.96, 8, 5);
  p.budget_all.difference = test::paired(161e6, 161e6, 161e6, 0, 5);
  p.budget_state.difference = test::paired(80.5e6, 80.5e6, 80.5e6, 0, 5);
  p.budget_region.difference = test::paired(40.25e6, 40.25e6, 40.25e6, 0, 5);
  p.budget_kommun.difference = test::paired(40.25e6, 40.25e6, 40.25e6, 0, 5);
  p.payback_spent.n = 5;
  p.payback_spent.paid_back = 5;
  p.payback_spent.median_months = 20;
  p.payback_spent.median_month = "2027-09";
  return d;
}

std::string dose_text(const Lang& l, const DoseResponse& d) {
  std::ostringstream out;
  print_dose_response(out, l, d);
  return out.str();
}

std::vector<std::string> dose_csv_lines(const Lang& l, const DoseResponse& d) {
  std::ostringstream out;
  print_dose_response_csv(out, l, d);
  return test::lines_of(out.str());
}

bool dose_has_line(const std::vector<std::string>& lines, const std::string& line) {
  return std::find(lines.begin(), lines.end(), line) != lines.end();
}

}  // namespace

TEST_CASE("dose_response_table: the effects table, one aligned row per point, the reference starred",
          "[cli][dose-response]") {
  const std::string t = dose_text(kDoseEn, small_dose_response());
  CHECK_THAT(
      t, Catch::Contains("\n  baseline  sweep.h5  sha256 5eed\n  2 points varying funding.state_total_msek; reference "
                         "point 0 (funding.state_total_msek=339)\n  5 replications, seed 7, 2025-01..2027-12\n"));
  CHECK_THAT(t, Catch::Contains("\n  Per year: mean per year over 2026\u20132027 (from the first year"));
  CHECK_THAT(
      t, Catch::Contains(
             "\nEFFECTS (net: point - reference; 95 % interval in brackets)\n"
             "  point funding.state_total_msek state allocation offered [MSEK/yr] in work or studies, end of 2027 "
             "person-years in work or studies /yr       participants /yr\n"
             "  0*    339                                                   339.0                  0.0 [0.0, 0.0]   "
             "                   0.0 [0.0, 0.0]         0.0 [0.0, 0.0]\n"
             "  1     500                                                   500.0             +12.5 [+8.1, +16.9]   "
             "             +20.4 [+15.0, +26.0] +100.0 [+90.0, +110.0]\n"));
  CHECK_THAT(t, Catch::Contains("\n  * reference point\n"));
}

TEST_CASE("dose_response_table: the money table in Swedish, with the payback on money spent", "[cli][dose-response]") {
  const std::string t = dose_text(kDoseSv, small_dose_response());
  CHECK_THAT(t, Catch::StartsWith("finsim compare: dos-respons för en svepning"));
  CHECK_THAT(t,
             Catch::Contains(
                 "\n  punkt funding.state_total_msek                alla parter                  staten              "
                 "regionerna              kommunerna  återbetalningstid, använda medel\n"
                 "  0*    339                               0,00 [0,00; 0,00]       0,00 [0,00; 0,00]       0,00 "
                 "[0,00; 0,00]       0,00 [0,00; 0,00] ej tillämpligt (inga extra medel)\n"
                 "  1     500                      +161,00 [+161,00; +161,00] +80,50 [+80,50; +80,50] +40,25 "
                 "[+40,25; +40,25] +40,25 [+40,25; +40,25]                 20 mån. (2027-09)\n"));
  CHECK_THAT(t, Catch::Contains("\n  * referenspunkt\n"));
}

TEST_CASE("dose_response_table: a point without interval or payback says so", "[cli][dose-response]") {
  DoseResponse d = small_dose_response();
  d.n = 1;
  d.points[1].participants.difference = test::paired(100, 0, 0, 0, 1);
  d.points[1].payback_spent.paid_back = 2;
  d.points[1].payback_spent.median_months.reset();
  d.points[1].payback_spent.median_month.reset();
  const std::string t = dose_text(kDoseEn, d);
  CHECK_THAT(t, Catch::Contains("+100.0 [n=1]\n"));
  CHECK_THAT(t, Catch::Contains(" not reached (after 2027)\n"));
  // In the CSV one replication has no interval and no sd (empty, not 0).
  bool seen = false;
  for (const auto& line : dose_csv_lines(kDoseEn, d))
    if (line.rfind("1,500,", 0) == 0 && line.find(",unique_participants,") != std::string::npos) {
      seen = true;
      CHECK_THAT(line, Catch::Contains(",100,,,,1,"));
    }
  CHECK(seen);
}

TEST_CASE("dose_response_table: CSV rows per point with exact values against the reference", "[cli][dose-response]") {
  const auto lines = dose_csv_lines(kDoseEn, small_dose_response());
  REQUIRE(lines.size() == 1 + 2 * 10);
  CHECK(lines[0] ==
        "point,funding.state_total_msek,overrides,metric,label,payer,period,unit,reference_mean,point_mean,"
        "difference_mean,ci_low,ci_high,sd,n,note,reference_sha256,point_sha256");
  for (const auto& line : lines) CHECK(std::count(line.begin(), line.end(), ',') == 17);
  const std::string head = "1,500,funding.state_total_msek=500,";
  // 500 − 339 = 161 MSEK a year more offered.
  CHECK(dose_has_line(lines, head +
                                 "state_offer_per_year,state allocation offered per year,state,per_year_2026-2027,SEK,"
                                 "339000000,500000000,161000000,,,,5,,aaaa,bbbb"));
  CHECK(dose_has_line(lines, head +
                                 "work_studies_december,net extra people in work or studies in December,,2027,persons,"
                                 "1000,1012.5,12.5,8.125,16.875,3.5,5,,aaaa,bbbb"));
  CHECK(dose_has_line(lines, head + "finsam_budget,extra Finsam money paid in,region,per_year_2026-2027,SEK,169500000,"
                                    "169500000,40250000,40250000,40250000,0,5,,aaaa,bbbb"));
  CHECK(dose_has_line(lines, head + "payback_spent_median_months,payback on money spent (median months),all,horizon,"
                                    "months,,,20,,,,5,,aaaa,bbbb"));
  CHECK(dose_has_line(lines, head +
                                 "payback_spent_share,share of replications paid back within the run,all,horizon,1,,,"
                                 "1,,,,5,,aaaa,bbbb"));
  CHECK(dose_has_line(lines,
                      "0,339,funding.state_total_msek=339,payback_spent_median_months,payback on money spent "
                      "(median months),all,horizon,months,,,,,,,0,not_applicable_no_extra_money,aaaa,aaaa"));
}

TEST_CASE("dose_response_table: a single policy year is written as one year", "[cli][dose-response]") {
  DoseResponse d = small_dose_response();
  d.policy_first_year = 2027;
  const auto lines = dose_csv_lines(kDoseEn, d);
  CHECK(dose_has_line(lines,
                      "0,339,funding.state_total_msek=339,state_offer_per_year,state allocation offered per year,"
                      "state,per_year_2027,SEK,339000000,339000000,0,,,,5,,aaaa,aaaa"));
}
