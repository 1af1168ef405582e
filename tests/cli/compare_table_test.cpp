#include "cli/compare_table.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <sstream>

#include "comparison_fixture.h"

using namespace finsim;
using namespace finsim::cli;

namespace {

const Lang kCompareEn{false};
const Lang kCompareSv{true};
const std::string kCompareShas =
    ",0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef,"
    "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210";

std::string compare_table_text(const Lang& l, const Comparison& c) {
  std::ostringstream out;
  print_table(out, l, c);
  return out.str();
}

std::vector<std::string> compare_csv_lines(const Lang& l, const Comparison& c) {
  std::ostringstream out;
  print_csv(out, l, c);
  return test::lines_of(out.str());
}

bool compare_has_line(const std::vector<std::string>& lines, const std::string& line) {
  return std::find(lines.begin(), lines.end(), line) != lines.end();
}

}  // namespace

TEST_CASE("compare_table: the headline gives the net effects, money by payer, payback and cost", "[cli][compare]") {
  const std::string t = compare_table_text(kCompareEn, test::small_comparison());
  CHECK_THAT(t,
             Catch::StartsWith("finsim compare: paired differences scenario - baseline, per replication (same random "
                               "numbers)\n  baseline baseline  base.h5  sha256 0123456789abcdef"));
  CHECK_THAT(t,
             Catch::Contains("\n  10 replications, seed 42, 2025-01..2030-12\n  The state allocation 50 % higher\n"));
  CHECK_THAT(t,
             Catch::Contains("\nHEADLINE 2026\u20132030 (net: scenario - baseline, same seeds; per year of the policy "
                             "years unless stated)\n"));
  CHECK_THAT(t,
             Catch::Contains("\n  Net extra people in work or studies, end of 2030                   +12 (95 %: +8 to "
                             "+17)\n"));
  CHECK_THAT(
      t, Catch::Contains("\n  Extra Finsam money paid in, per year                               +200.0 MSEK (state "
                         "+100.0, regions +50.0, kommuner +50.0)\n"));
  CHECK_THAT(
      t, Catch::Contains("\n  Payback on money paid in, all payers                               after 2030 (30 % of "
                         "10 replications paid back by 2030)\n"));
  CHECK_THAT(t,
             Catch::Contains("\n  Cost per net extra person in work or studies, end of 2030          1,235,000 SEK (95 "
                             "%: 1,000,000 SEK to 1,500,000 SEK)\n"));
  // The quote closes the table.
  CHECK_THAT(t, Catch::EndsWith("\nQuote: " + quote(kCompareEn, test::small_comparison()) + "\n"));
}

TEST_CASE("compare_table: a details block has one aligned row per period", "[cli][compare]") {
  const std::string t = compare_table_text(kCompareEn, test::small_comparison());
  CHECK_THAT(t,
             Catch::Contains(
                 "\nPeople in work or studies in December [persons]\n"
                 "  period                         baseline         scenario     difference   95 % interval          "
                 "             n\n"
                 "  2029                              990.0          1,000.5          +10.5   +6.3 to +14.7          "
                 "            10\n"
                 "  2030                            1,000.0          1,012.4          +12.4   +8.1 to +16.7          "
                 "            10\n"));
  // Money in millions with two decimals; the payer in the title.
  CHECK_THAT(
      compare_table_text(kCompareSv, test::small_comparison()),
      Catch::Contains("\nMedel till samordningsförbunden (inbetalda bidrag), staten [mnkr]\n"
                      "  period                   jämförelsealt.         scenario       skillnad   95 %-intervall   "
                      "                   n\n"
                      "  2026\u20132030 per år                 200,00           300,00        +100,00   +100,00 till "
                      "+100,00               10\n"));
}

TEST_CASE("compare_table: where the extra money went adds up paid in and the unused offer", "[cli][compare]") {
  const std::string t = compare_table_text(kCompareEn, test::small_comparison());
  // 200 paid in + 25 of the state offer not taken up = 225 (MSEK a year).
  CHECK_THAT(
      t, Catch::Contains("\nWhere the extra money went, per year [MSEK]: paid in +200.00 + state offer not taken up "
                         "+25.00 = +225.00, of which:\n"
                         "  Spent on individual insatser                                         +150.00 (95 %: "
                         "+140.00 to +160.00)\n"));
  CHECK_THAT(t, Catch::Contains("\n    all payers:   17 months (2027-05, median), 80 % of 10 replications paid back by "
                                "2030; extra money +850.00 MSEK, net gain +1,020.00 MSEK\n"));
  CHECK_THAT(t, Catch::Contains("not given: the effect is not positive\n"));
}

TEST_CASE("compare_table: runs that do not differ print their quote and no headline", "[cli][compare]") {
  Comparison c = test::small_comparison();
  c.policy_first_year.reset();
  c.only_in_base = {"Roslagen"};
  const std::string t = compare_table_text(kCompareEn, c);
  CHECK_THAT(t, !Catch::Contains("HEADLINE"));
  CHECK_THAT(t, Catch::Contains("\n  only in the baseline: Roslagen (counted as zero in the other run)\n"));
  CHECK_THAT(t, Catch::EndsWith("\nQuote: The two runs do not differ: every paired difference is exactly zero. (Finsim "
                                "0.1.0, commit 9e4c194, 10 replications, seed 42; intervals: simulation noise only, "
                                "not the assumptions' uncertainty; "
                                "scenario sha256 baseline 0123456789abcdef, scenario fedcba9876543210)\n"));
}

TEST_CASE("compare_table: areas get their own blocks, a län with a synthetic förbund says so", "[cli][compare]") {
  Comparison c = test::small_comparison();
  auto forbund = test::comparison_row("work_studies_december", "persons", "", ComparisonRow::Period::year, 2030, 50, 52,
                                      test::paired(2, 1, 3));
  forbund.level = "forbund";
  forbund.area = "Roslagen";
  auto lan = forbund;
  lan.level = "lan";
  lan.area = "Stockholms län";
  lan.synthetic = true;
  c.rows.push_back(forbund);
  c.rows.push_back(lan);
  Payback spent = c.payback[0], paid = c.payback[1];
  spent.area = paid.area = "Roslagen";
  spent.extra_money = 1.5e6;
  paid.n = 0;
  paid.extra_money = 0;
  paid.net_gain = 0;
  c.payback_by_forbund = {spent, paid};
  const std::string t = compare_table_text(kCompareEn, c);
  CHECK_THAT(t, Catch::Contains("\n== Roslagen ==\nPeople in work or studies in December [persons]\n"));
  CHECK_THAT(t, Catch::Contains("\n== Stockholms län (includes a synthetic förbund: membership assumed) ==\n"));
  // The förbund's payback: months on money spent, none paid in (no extra money).
  CHECK_THAT(t, Catch::Contains("\n  Roslagen  17 months (2027-05)       no extra money                      0.00  "));
}

TEST_CASE("compare_table: CSV rows carry exact values, empty intervals and sd at n=1 and both digests",
          "[cli][compare]") {
  Comparison c = test::small_comparison();
  c.rows.push_back(test::comparison_row("pension_contributions", "SEK", "", ComparisonRow::Period::total, 0, 1.5e6,
                                        2.5e6, test::paired(1e6, 0, 0, 0, 1)));
  const auto lines = compare_csv_lines(kCompareEn, c);
  REQUIRE(!lines.empty());
  CHECK(lines[0] ==
        "metric,label,payer,level,area,synthetic,period,unit,base_mean,scenario_mean,difference_mean,ci_low,ci_high,sd,"
        "n,note,base_sha256,scenario_sha256");
  for (const auto& line : lines) CHECK(test::csv_field_count(line) == 18);
  // 14 + 1 rows, 2 × 2 payback rows, 2 costs.
  CHECK(lines.size() == 1 + 15 + 4 + 2);
  CHECK(compare_has_line(lines,
                         "person_years_work_studies,Person-years in work or studies,,nation,,0,policy_per_year,"
                         "person-years,500,530.25,30.25,20.375,40.125,13.5,10," +
                             kCompareShas));
  CHECK(compare_has_line(lines,
                         "pension_contributions,Pension contributions from work (not state revenue),,nation,,0,"
                         "total,SEK,1500000,2500000,1000000,,,,1," +  // one replication: no sd, no interval
                             kCompareShas));
  CHECK(compare_has_line(lines,
                         "payback_spent_median_months,payback on money spent (median months),all,nation,,0,"
                         "horizon,months,,,17,,,,10," +
                             kCompareShas));
  CHECK(compare_has_line(lines,
                         "payback_paid_median_months,payback on money paid in (median months),all,nation,,0,"
                         "horizon,months,,,,,,,10,after_2030" +
                             kCompareShas));
  CHECK(compare_has_line(lines,
                         "payback_spent_share,share of replications paid back within the run,all,nation,,0,"
                         "horizon,1,,,0.80000000000000004,,,,10," +
                             kCompareShas));
  CHECK(compare_has_line(lines,
                         "cost_per_work_studies_end,per net extra person in work or studies at the end of 2030,"
                         "all,nation,,0,2026\u20132030,SEK,1000000000,810,1234567,1000400,1500499,,10,ok" +
                             kCompareShas));
  CHECK(compare_has_line(lines,
                         "cost_per_participants,per extra participant in individual insatser (unique per year),"
                         "all,nation,,0,2026\u20132030,SEK,1000000000,-3,,,,,10,undefined_effect_not_positive" +
                             kCompareShas));
}

TEST_CASE("compare_table: Swedish CSV labels are quoted where they hold a comma", "[cli][compare]") {
  Comparison c = test::small_comparison();
  auto area = test::comparison_row("unique_participants", "persons", "", ComparisonRow::Period::year, 2030, 5, 6,
                                   test::paired(1, 0.5, 1.5));
  area.level = "forbund";
  area.area = "Huddinge, Botkyrka och Salem";
  c.rows.push_back(area);
  const auto lines = compare_csv_lines(kCompareSv, c);
  CHECK(compare_has_line(lines,
                         "unique_participants,Personer i individinriktade insatser (unika per år),,forbund,"
                         "\"Huddinge, Botkyrka och Salem\",0,2030,persons,5,6,1,0.5,1.5,1,10," +
                             kCompareShas));
}
