#include "cli/quote_text.h"

#include <catch2/catch.hpp>

#include "comparison_fixture.h"

using namespace finsim;
using namespace finsim::cli;

namespace {
const Lang kQuoteEn{false};
const Lang kQuoteSv{true};
}  // namespace

TEST_CASE("quote_text: number groups thousands in each convention and never prints -0", "[cli][quote]") {
  CHECK(number(kQuoteEn, 31167.5, 1) == "31,167.5");
  CHECK(number(kQuoteSv, 31167.5, 1) == "31 167,5");
  CHECK(number(kQuoteEn, 1234567, 0, true) == "+1,234,567");
  CHECK(number(kQuoteSv, -1234567, 0, true) == "-1 234 567");
  CHECK(number(kQuoteEn, 999.96, 1) == "1,000.0");  // the rounding carries into a new group
  CHECK(number(kQuoteEn, 123, 0) == "123");
  CHECK(number(kQuoteEn, 0.5, 2, true) == "+0.50");
  // Zero, also a negative value that rounds to zero, has no sign at all.
  CHECK(number(kQuoteEn, -0.0, 1) == "0.0");
  CHECK(number(kQuoteEn, -0.04, 1, true) == "0.0");
  CHECK(number(kQuoteEn, 0, 0, true) == "0");
  CHECK(number(kQuoteEn, -0.06, 1) == "-0.1");
}

TEST_CASE("quote_text: millions, money unit, years and digests", "[cli][quote]") {
  CHECK(millions(kQuoteEn, 12345678, 2, true) == "+12.35 MSEK");
  CHECK(millions(kQuoteSv, 12345678, 2, true) == "+12,35 mnkr");
  CHECK(millions(kQuoteEn, -2.5e9, 1) == "-2,500.0 MSEK");
  CHECK(std::string(money_unit(kQuoteSv)) == "mnkr");
  CHECK(years_text(2025, 2030) == "2025\u20132030");
  CHECK(years_text(2026, 2026) == "2026");
  CHECK(short_sha("0123456789abcdef0123456789abcdef") == "0123456789abcdef");
  CHECK(short_sha("abc") == "abc");
}

TEST_CASE("quote_text: payer labels in English and Swedish", "[cli][quote]") {
  CHECK(payer_label(kQuoteEn, "all") == "all payers");
  CHECK(payer_label(kQuoteEn, "state") == "state");
  CHECK(payer_label(kQuoteEn, "region") == "regions");
  CHECK(payer_label(kQuoteEn, "kommun") == "kommuner");
  CHECK(payer_label(kQuoteSv, "all") == "alla parter");
  CHECK(payer_label(kQuoteSv, "state") == "staten");
  CHECK(payer_label(kQuoteSv, "region") == "regionerna");
  CHECK(payer_label(kQuoteSv, "kommun") == "kommunerna");
  CHECK(payer_label(kQuoteSv, "other") == "other");
}

TEST_CASE("quote_text: with_interval gives the mean and its interval, or says there is none", "[cli][quote]") {
  CHECK(with_interval(kQuoteEn, test::paired(1234, 1000, 1400), 0) == "+1,234 (95 %: +1,000 to +1,400)");
  CHECK(with_interval(kQuoteSv, test::paired(1234, 1000, 1400), 0) == "+1 234 (95 %: +1 000 till +1 400)");
  CHECK(with_interval(kQuoteEn, test::paired(-2.5e6, -4e6, -1e6), 2, 1e6) == "-2.50 (95 %: -4.00 to -1.00)");
  CHECK(with_interval(kQuoteEn, test::paired(1234, 0, 0, 0, 1), 0) == "+1,234 (n=1, no interval)");
  CHECK(with_interval(kQuoteSv, test::paired(1234, 0, 0, 0, 1), 0) == "+1 234 (n=1, inget intervall)");
}

TEST_CASE("quote_text: payback_text with a median, after the last year, or not applicable", "[cli][quote]") {
  const Comparison c = test::small_comparison();
  const Payback& spent = c.payback[0];
  const Payback& paid = c.payback[1];
  CHECK(payback_text(kQuoteEn, spent) == "17 months (2027-05, median), 80 % of 10 replications paid back by 2030");
  CHECK(payback_text(kQuoteSv, spent) ==
        "17 månader (2027-05, median), 80 % av 10 upprepningar återbetalda senast 2030");
  CHECK(payback_text(kQuoteEn, paid) == "after 2030 (30 % of 10 replications paid back by 2030)");
  CHECK(payback_text(kQuoteSv, paid) == "efter 2030 (30 % av 10 upprepningar återbetalda senast 2030)");
  Payback none;
  none.basis = "spent";
  CHECK(payback_text(kQuoteEn, none) == "not applicable (no extra money spent)");
  none.basis = "paid";
  CHECK(payback_text(kQuoteEn, none) == "not applicable (no extra contributions)");
  CHECK(payback_text(kQuoteSv, none) == "ej tillämpligt (inga extra inbetalda medel)");
}

TEST_CASE("quote_text: cost_text rounds to the thousand and names why a cost is not given", "[cli][quote]") {
  const Comparison c = test::small_comparison();
  const CostPerEffect& ok = c.cost_per_effect[0];
  CHECK(cost_text(kQuoteEn, ok) == "1,235,000 SEK (95 %: 1,000,000 SEK to 1,500,000 SEK)");
  CHECK(cost_text(kQuoteSv, ok) == "1 235 000 kr (95 %: 1 000 000 kr till 1 500 000 kr)");
  CostPerEffect one = ok;
  one.status = CostPerEffect::Status::no_interval;
  CHECK(cost_text(kQuoteEn, one) == "1,235,000 SEK (n=1, no interval)");
  using S = CostPerEffect::Status;
  CostPerEffect none;
  none.status = S::no_extra_money;
  CHECK(cost_text(kQuoteEn, none) == "not given: no extra Finsam money");
  none.status = S::effect_negative;
  CHECK(cost_text(kQuoteSv, none) == "anges inte: effekten är inte positiv");
  none.status = S::effect_includes_zero;
  CHECK(cost_text(kQuoteEn, none) == "not given: the effect's interval includes 0");
}

TEST_CASE("quote_text: cost_effect_label names the effect and the last year", "[cli][quote]") {
  const Comparison c = test::small_comparison();
  CHECK(cost_effect_label(kQuoteEn, c, "work_studies_end") ==
        "per net extra person in work or studies at the end of 2030");
  CHECK(cost_effect_label(kQuoteSv, c, "work_studies_end") ==
        "per person netto i arbete eller studier vid utgången av 2030");
  CHECK(cost_effect_label(kQuoteEn, c, "participants") ==
        "per extra participant in individual insatser (unique per year)");
  CHECK(cost_effect_label(kQuoteEn, c, "exits_work_studies") ==
        "per extra exit from insatser to work or studies (gross)");
  CHECK(cost_effect_label(kQuoteSv, c, "person_years_work_studies") == "per personår netto i arbete eller studier");
  CHECK(cost_effect_label(kQuoteEn, c, "something_new") == "something_new");
}

TEST_CASE("quote_text: the definitions say what the net gain and the intervals cover", "[cli][quote]") {
  CHECK_THAT(net_gain_definition(kQuoteEn), Catch::Contains("VAT and other indirect taxes are not counted"));
  CHECK_THAT(net_gain_definition(kQuoteSv), Catch::Contains("moms och andra indirekta skatter ingår inte"));
  CHECK_THAT(interval_definition(kQuoteEn), Catch::Contains("simulation noise (Monte Carlo) only"));
  CHECK_THAT(interval_definition(kQuoteSv), Catch::Contains("endast slumpvariation"));
  for (const Lang& l : {kQuoteEn, kQuoteSv}) {
    CHECK(net_gain_definition(l).find('\n') == std::string::npos);
    CHECK(interval_definition(l).find('\n') == std::string::npos);
  }
}

TEST_CASE("quote_text: the English quote of a small comparison, word for word", "[cli][quote]") {
  CHECK(quote(kQuoteEn, test::small_comparison()) ==
        "With scenario \"state-plus-50\" instead of the baseline \"baseline\" (state allocation offered 600.0 MSEK a "
        "year vs 400.0) in 2026\u20132030, net of the baseline with the same random numbers: +12 (95 %: +8 to +17) "
        "people in work or studies at the end of 2030; +30 (95 %: +20 to +40) person-years a year in work or "
        "studies; +250 (95 %: +240 to +260) people a year in individual insatser; +41 (95 %: +35 to +46) exits a "
        "year from insatser to work or studies (gross); Finsam money +200.0 MSEK a year (state +100.0, regions "
        "+50.0, kommuner +50.0); payback on money spent: 17 months (2027-05, median), 80 % of 10 replications paid "
        "back by 2030; on money paid: after 2030 (30 % of 10 replications paid back by 2030); cost per net extra "
        "person in work or studies at the end of 2030: 1,235,000 SEK (95 %: 1,000,000 SEK to 1,500,000 SEK). (Finsim "
        "0.1.0, commit 9e4c194, 10 replications, seed 42; intervals: simulation noise only, not the assumptions' "
        "uncertainty; scenario sha256 "
        "baseline 0123456789abcdef, scenario fedcba9876543210)");
}

TEST_CASE("quote_text: the Swedish quote of a small comparison, word for word", "[cli][quote]") {
  CHECK(quote(kQuoteSv, test::small_comparison()) ==
        "Med scenariot \"state-plus-50\" i stället för jämförelsealternativet \"baseline\" (erbjuden statlig "
        "medelstilldelning 600,0 mnkr per år mot 400,0) 2026\u20132030, netto mot jämförelsealternativet med samma "
        "slumptal: +12 (95 %: +8 till +17) personer i arbete eller studier vid utgången av 2030; +30 (95 %: +20 "
        "till +40) personår per år i arbete eller studier; +250 (95 %: +240 till +260) personer per år i "
        "individinriktade insatser; +41 (95 %: +35 till +46) avslut per år från insatser till arbete eller studier "
        "(brutto); medel till samordningsförbunden +200,0 mnkr per år (staten +100,0, regionerna +50,0, kommunerna "
        "+50,0); återbetalningstid för använda medel: 17 månader (2027-05, median), 80 % av 10 upprepningar "
        "återbetalda senast 2030; för inbetalda medel: efter 2030 (30 % av 10 upprepningar återbetalda senast "
        "2030); kostnad per person netto i arbete eller studier vid utgången av 2030: 1 235 000 kr (95 %: 1 000 000 "
        "kr till 1 500 000 kr). (Finsim 0.1.0, commit 9e4c194, 10 upprepningar, slumpfrö 42; intervallen avser "
        "slumpvariation i simuleringen, inte osäkerheten i antagandena; scenariofilernas sha256: jämförelsealternativ "
        "0123456789abcdef, scenario "
        "fedcba9876543210)");
}

TEST_CASE("quote_text: runs that do not differ are quoted as such, with the credit", "[cli][quote]") {
  Comparison c = test::small_comparison();
  c.policy_first_year.reset();
  CHECK(quote(kQuoteEn, c) ==
        "The two runs do not differ: every paired difference is exactly zero. (Finsim 0.1.0, commit 9e4c194, 10 "
        "replications, seed 42; intervals: simulation noise only, not the assumptions' uncertainty; scenario sha256 "
        "baseline 0123456789abcdef, "
        "scenario fedcba9876543210)");
  CHECK_THAT(quote(kQuoteSv, c),
             Catch::StartsWith("Körningarna skiljer sig inte åt: varje parvis skillnad är exakt noll."));
}
