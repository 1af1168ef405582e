#include "cli/study_table.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <sstream>

#include "comparison_fixture.h"

using namespace finsim;
using namespace finsim::cli;

namespace {

const Lang kStudyEn{false};
const Lang kStudySv{true};
const CalibrationTarget kStudyTarget{"participants_2019", "participants", 2019, 12000, 600, 1200};

StudyEffect study_effect(const std::string& metric, const std::string& payer, const std::string& unit, bool per_year,
                         double mean, double low, double high, double parameter_var, double monte_carlo_var) {
  StudyEffect e;
  e.metric = metric;
  e.payer = payer;
  e.unit = unit;
  e.per_policy_year = per_year;
  e.mean = mean;
  e.low = low;
  e.high = high;
  e.parameter_var = parameter_var;
  e.monte_carlo_var = monte_carlo_var;
  return e;
}

// 10 drawn sets of 3 keys, 3 kept (0, 2, 3), 4 replications each; policy years 2026–2030.
StudySummary small_study() {
  StudySummary s;
  s.path = "study.h5";
  s.base_scenario = "baseline";
  s.scenario = "state-plus-50";
  s.method = "lhs";
  s.finsim_version = "0.1.0";
  s.git_commit = "9e4c194";
  s.samples = 10;
  s.keys = 3;
  s.calibration.tried = 10;
  s.calibration.kept = {true, false, true, true, false, false, false, false, false, false};
  TargetResult t;
  t.target = &kStudyTarget;
  t.simulated = {11000.5, 12345.678, std::nan("")};
  t.rejected = 7;
  s.calibration.targets = {t};
  s.calibration.not_covered = {"target_group_2024"};
  s.sets_used = 3;
  s.sample_seed = 11;
  s.seed = 42;
  s.replications = 4;
  s.policy_first_year = 2026;
  s.last_year = 2030;
  auto end = study_effect("work_studies_december", "", "persons", false, 120.4, 60.2, 180.6, 900, 100);
  end.noise_only = {4, 120.4, 10, 100.4, 140.4};
  auto part = study_effect("unique_participants", "", "persons", true, 250, 200, 300, 300, 100);
  part.noise_only = {4, 250, 10, 230, 270};
  auto money = study_effect("finsam_budget", "all", "SEK", true, 200e6, 200e6, 200e6, 0, 0);
  money.noise_only = {4, 200e6, 0, 200e6, 200e6};
  auto paid = study_effect("payback_paid_median_months", "all", "months", false, 0, 0, 0, 0, 0);
  paid.defined = false;
  paid.defined_share = 0.5;
  auto cost = study_effect("cost_per_work_studies_end", "all", "SEK", false, 1234567, 1000400, 1500499, 4, 1);
  cost.noise_only = {4, 1234567, 1, 1100000, 1400000};
  s.effects = {end, part, money, paid, cost};
  return s;
}

std::string study_text(const Lang& l, const StudySummary& s) {
  std::ostringstream out;
  print_study(out, l, s);
  return out.str();
}

std::vector<std::string> study_csv_lines(const Lang& l, const StudySummary& s) {
  std::ostringstream out;
  print_study_csv(out, l, s);
  return test::lines_of(out.str());
}

}  // namespace

TEST_CASE("study_table: the quote gives each headline's total interval and its variance split", "[cli][study]") {
  CHECK(
      study_quote(kStudyEn, small_study()) ==
      "With scenario \"state-plus-50\" instead of \"baseline\" in 2026\u20132030: +120 (95 %: +60 to +181; 90 % of the "
      "variance from uncertainty in the assumptions, 10 % from simulation noise) people in work or studies at the "
      "end of 2030; +250 (95 %: +200 to +300; 75 % of the variance from uncertainty in the assumptions, 25 % from "
      "simulation noise) people a year in individual insatser; Finsam money +200.0 MSEK a year (+200.0 to +200.0); "
      "payback on money paid in not in every run: 50 % of the runs paid back by 2030. (Finsim 0.1.0, commit "
      "9e4c194; 3 of 10 parameter sets kept by the calibration targets, lhs x 4 replications, seed 42; intervals: "
      "uncertainty in the assumptions and simulation noise; file study.h5)");
  CHECK_THAT(study_quote(kStudySv, small_study()),
             Catch::StartsWith("Med scenariot \"state-plus-50\" i stället för \"baseline\" 2026\u20132030: +120 (95 %: "
                               "+60 till +181; 90 % av variansen från osäkerhet i antaganden, 10 % från slumpvariation "
                               "i simuleringen) personer i arbete eller studier vid utgången av 2030; "));
}

TEST_CASE("study_table: a payback every run reached is quoted in months", "[cli][study]") {
  StudySummary s = small_study();
  StudyEffect& paid = s.effects[3];
  paid.defined = true;
  paid.mean = 31.4;
  paid.low = 20.2;
  paid.high = 42.6;
  CHECK_THAT(study_quote(kStudyEn, s),
             Catch::Contains("; payback on money paid in 31 months (95 %: 20 to 43). (Finsim"));
}

TEST_CASE("study_table: fewer than two sets kept gives no interval, and says why", "[cli][study]") {
  StudySummary s = small_study();
  s.calibration.kept.assign(10, false);
  s.sets_used = 0;
  s.effects.clear();
  CHECK(
      study_quote(kStudyEn, s) ==
      "With scenario \"state-plus-50\" instead of \"baseline\" in 2026\u20132030: NO parameter set of 10 is consistent "
      "with the calibration targets: the study gives no interval to quote. (Finsim 0.1.0, commit 9e4c194; file "
      "study.h5)");
  const std::string t = study_text(kStudyEn, s);
  CHECK_THAT(t, Catch::Contains("\nNO parameter set of 10 is consistent with the calibration targets: no interval over "
                                "the assumptions can be given."));
  CHECK_THAT(t, !Catch::Contains("headline | mean"));
}

TEST_CASE("study_table: uncalibrated sets are named as such in the definition and the CSV", "[cli][study]") {
  StudySummary s = small_study();
  s.calibrated = false;
  s.sets_used = 10;
  CHECK_THAT(study_interval_definition(kStudyEn, s),
             Catch::StartsWith("Total intervals: 95 %, mean ± 1.96 standard deviations over all 10 parameter sets, NOT "
                               "constrained by the calibration targets (3 would be kept), and their replications. "));
  CHECK_THAT(study_interval_definition(kStudySv, s),
             Catch::StartsWith("Totala intervall: 95 %, medel ± 1,96 standardavvikelser över alla 10 "
                               "parameteruppsättningar, INTE begränsade av kalibreringsmålen (3 skulle behållas)"));
  for (const auto& line : study_csv_lines(kStudyEn, s))
    if (line.rfind("metric,", 0) != 0) CHECK_THAT(line, Catch::Contains("not_calibrated"));
}

TEST_CASE("study_table: a given design's intervals say they are not the whole uncertainty", "[cli][study]") {
  StudySummary s = small_study();
  CHECK_THAT(study_interval_definition(kStudyEn, s), Catch::Contains("They cover uncertainty in the assumptions"));
  CHECK_THAT(study_interval_definition(kStudyEn, s), !Catch::Contains("NOT the whole uncertainty"));
  s.method = "design design.csv";
  const std::string en = study_interval_definition(kStudyEn, s);
  CHECK_THAT(en, Catch::Contains("The sets are a given design, not a draw from the assumptions' distributions: these "
                                 "intervals show the spread over that design and simulation noise, NOT the whole "
                                 "uncertainty; the shares say"));
  CHECK_THAT(en, !Catch::Contains("They cover uncertainty in the assumptions"));
  CHECK_THAT(study_interval_definition(kStudySv, s), Catch::Contains("INTE hela osäkerheten"));
}

TEST_CASE("study_table: the table with the history matching, shares, and flat money", "[cli][study]") {
  const std::string t = study_text(kStudyEn, small_study());
  CHECK_THAT(t, Catch::StartsWith("Study: state-plus-50 against baseline (10 parameter sets by lhs over 3 keys, sample "
                                  "seed 11; 4 replications each, seed 42); policy years 2026\u20132030\n\n"));
  CHECK_THAT(t, Catch::Contains("docs/uncertainty.md): tried 10, kept 3 (sets 0, 2, 3)\n"
                                "  participants_2019: observed 12000, sd_obs 600, sd_model 1200; simulated 11000.5 to "
                                "12345.7; rules out 7\n"
                                "  not used (the study's years do not cover them): target_group_2024\n"));
  CHECK_THAT(
      t, Catch::Contains("\nnet extra people in work or studies, December 2030 | +120 | +60 to +181 | 90 % | 10 % | "
                         "+100 to +140\n"));
  // A fixed policy's money has no spread to split: no shares.
  CHECK_THAT(t, Catch::Contains("\nextra Finsam money a year, all payers (MSEK) | +200.0 | +200.0 to +200.0 | — | — | "
                                "+200.0 to +200.0\n"));
  CHECK_THAT(
      t, Catch::Contains("\npayback on money paid in, all payers (months) | not in every run: 50 % of the runs paid "
                         "back by 2030 | | | |\n"));
  // Cost per effect rounded to the thousand, without a sign.
  CHECK_THAT(t,
             Catch::Contains("\nextra money per net extra person in work or studies (SEK) | 1,235,000 | 1,000,000 to "
                             "1,500,000 | 80 % | 20 % | 1,100,000 to 1,400,000\n"));
  CHECK_THAT(t, Catch::EndsWith("\nQuote: " + study_quote(kStudyEn, small_study()) + "\n"));
}

TEST_CASE("study_table: CSV rows with exact values, the variance shares and the sets", "[cli][study]") {
  const auto lines = study_csv_lines(kStudyEn, small_study());
  REQUIRE(lines.size() == 6);
  CHECK(lines[0] ==
        "metric,label,payer,level,area,synthetic,period,unit,base_mean,scenario_mean,difference_mean,ci_low,ci_high,sd,"
        "n,note,base_sha256,scenario_sha256,share_parameters,share_noise,sets_kept,sets_tried");
  for (const auto& line : lines) CHECK(test::csv_field_count(line) == 22);
  // sd = √(300 + 100) = 20; n = 3 sets × 4 replications.
  CHECK(lines[2] ==
        "unique_participants,extra participants a year,,nation,,0,policy_per_year,persons,,,250,200,300,20,12,,"
        ",,0.75,0.25,3,10");
  CHECK(lines[1].rfind("work_studies_december,\"net extra people in work or studies, December 2030\",,nation,,0,2030,",
                       0) == 0);
  // Money in SEK in the CSV (millions only in the table); flat: no shares.
  CHECK(lines[3] ==
        "finsam_budget,\"extra Finsam money a year, all payers\",all,nation,,0,policy_per_year,SEK,,,200000000,"
        "200000000,200000000,0,12,,,,,,3,10");
  CHECK(lines[4] ==
        "payback_paid_median_months,\"payback on money paid in, all payers (months)\",all,nation,,0,horizon,"
        "months,,,,,,,,,,,,,3,10");
  CHECK(lines[5].rfind(
            "cost_per_work_studies_end,extra money per net extra person in work or studies (SEK),all,nation,,0,"
            "2026\u20132030,SEK,,,1234567,1000400,1500499,",
            0) == 0);
}
