// How scenario values are spelled and checked: each kind read from a real registry key, its default,
// and the located one-line error for each way a value can be wrong.
#include "config/scenario_values.h"

#include <catch2/catch.hpp>
#include <string>
#include <toml++/toml.h>

#include "../input_error.h"

using namespace finsim;

namespace {

// Reads with `read` from the document `text` (file "v.toml"); the error message, or "" if none.
template <class Read>
std::string values_error(const std::string& text, Read read) {
  const toml::table doc = toml::parse(text, std::string_view("v.toml"));
  ScenarioReader r(doc);
  return test::input_error([&] { read(r); });
}

template <class Read>
auto read_from(const std::string& text, Read read) {
  const toml::table doc = toml::parse(text, std::string_view("v.toml"));
  ScenarioReader r(doc);
  return read(r);
}

}  // namespace

TEST_CASE("scenario_values: the names of support sources, needs and payers", "[config][values]") {
  CHECK(std::string(support_key(SupportSource::SicknessBenefit)) == "sickness_benefit");
  CHECK(std::string(support_key(SupportSource::NoIncome)) == "no_income");
  CHECK(std::string(need_key(0)) == "mental");
  CHECK(std::string(need_key(kNeeds - 1)) == "language");
  CHECK(std::string(need_key(kNeeds)) == "?");
  CHECK(std::string(need_key(-1)) == "?");
  CHECK(std::string(payer_key(Payer::State)) == "state");
  CHECK(std::string(payer_key(Payer::Kommun)) == "kommun");
}

TEST_CASE("scenario_values: a month is strictly YYYY-MM within 2004-01 … 2100-12", "[config][values]") {
  const auto month = [](const std::string& v) {
    return read_from("[scenario]\nstart = \"" + v + "\"\n",
                     [](ScenarioReader& r) { return read_month(r, "scenario.start"); });
  };
  CHECK(month("2021-03").year == 2021);
  CHECK(month("2021-03").month == 3);
  CHECK(month("2004-01").year == 2004);
  CHECK(month("2100-12").month == 12);
  // The registry default, when the document does not set it.
  CHECK(read_from("", [](ScenarioReader& r) { return read_month(r, "scenario.start"); }).year == 2019);
  for (const char* bad :
       {"2019-1", "2019-01-15", "2019-13", "2019-00", "2003-12", "2101-01", "19-01-2019", "abcd-ef"}) {
    const std::string e = values_error("[scenario]\nstart = \"" + std::string(bad) + "\"\n",
                                       [](ScenarioReader& r) { read_month(r, "scenario.start"); });
    INFO(bad);
    CHECK(e.find("v.toml:2:") == 0);
    CHECK(e.find("scenario.start") != std::string::npos);
    CHECK(e.find("expected a month as \"YYYY-MM\" between 2004-01 and 2100-12, got \"" + std::string(bad) + "\"") !=
          std::string::npos);
  }
}

TEST_CASE("scenario_values: shares lie in 0 … 1 and, where they must, sum to 1", "[config][values]") {
  const std::string key = "population.age.16_19";
  CHECK(read_from("[population.age]\n16_19 = 0.25\n", [&](ScenarioReader& r) { return read_share(r, key); }) == 0.25);
  CHECK(read_from("[population.age]\n16_19 = 0\n", [&](ScenarioReader& r) { return read_share(r, key); }) == 0.0);
  CHECK(read_from("[population.age]\n16_19 = 1\n", [&](ScenarioReader& r) { return read_share(r, key); }) == 1.0);
  for (const char* bad : {"-0.01", "1.01", "nan"}) {
    INFO(bad);
    CHECK(values_error("[population.age]\n16_19 = " + std::string(bad) + "\n", [&](ScenarioReader& r) {
            read_share(r, key);
          }).find("population.age.16_19") != std::string::npos);
  }
  CHECK(values_error("[population.age]\n16_19 = 1.5\n", [&](ScenarioReader& r) {
          read_share(r, key);
        }).find("expected a share between 0 and 1") != std::string::npos);

  const std::vector<std::string> bands = {"16_19", "20_29", "30_39", "40_49", "50_64"};
  const std::string even = "[population.age]\n16_19 = 0.2\n20_29 = 0.2\n30_39 = 0.2\n40_49 = 0.2\n50_64 = 0.2\n";
  const auto shares = read_from(even, [&](ScenarioReader& r) { return read_shares(r, "population.age", bands, true); });
  REQUIRE(shares.size() == 5);
  CHECK(shares[4] == 0.2);
  const std::string uneven = "[population.age]\n16_19 = 0.3\n20_29 = 0.2\n30_39 = 0.2\n40_49 = 0.2\n50_64 = 0.2\n";
  // The sum is checked only where asked; the error is located at the first name.
  CHECK(read_from(uneven, [&](ScenarioReader& r) { return read_shares(r, "population.age", bands, false); })[0] == 0.3);
  const std::string e = values_error(uneven, [&](ScenarioReader& r) { read_shares(r, "population.age", bands, true); });
  CHECK(e.find("v.toml:2:") == 0);
  CHECK(e.find("population.age.16_19") != std::string::npos);
  CHECK(e.find("expected shares that sum to 1, got 1.1") != std::string::npos);
}

TEST_CASE("scenario_values: non-negative numbers and whole SEK", "[config][values]") {
  const std::string number_key = "population.inflow_per_year";
  CHECK(read_from("[population]\ninflow_per_year = 0\n",
                  [&](ScenarioReader& r) { return read_non_negative(r, number_key); }) == 0.0);
  CHECK(read_from("[population]\ninflow_per_year = 2.5\n",
                  [&](ScenarioReader& r) { return read_non_negative(r, number_key); }) == 2.5);
  for (const char* bad : {"-0.5", "nan", "inf"}) {
    INFO(bad);
    CHECK(values_error("[population]\ninflow_per_year = " + std::string(bad) + "\n", [&](ScenarioReader& r) {
            read_non_negative(r, number_key);
          }).find("population.inflow_per_year") != std::string::npos);
  }
  CHECK(values_error("[population]\ninflow_per_year = -1\n", [&](ScenarioReader& r) {
          read_non_negative(r, number_key);
        }).find("expected a number >= 0") != std::string::npos);

  const std::string sek_key = "costs.wage_sek_per_month";
  CHECK(read_from("[costs]\nwage_sek_per_month = 27000\n", [&](ScenarioReader& r) { return read_sek(r, sek_key); }) ==
        27000);
  CHECK(read_from("[costs]\nwage_sek_per_month = 0\n", [&](ScenarioReader& r) { return read_sek(r, sek_key); }) == 0);
  const std::string e =
      values_error("[costs]\nwage_sek_per_month = -1\n", [&](ScenarioReader& r) { read_sek(r, sek_key); });
  CHECK(e.find("v.toml:2:") == 0);
  CHECK(e.find("costs.wage_sek_per_month") != std::string::npos);
  CHECK(e.find("expected an amount >= 0 SEK") != std::string::npos);
  // A fraction of a krona is not an amount in whole SEK.
  CHECK_FALSE(
      values_error("[costs]\nwage_sek_per_month = 1.5\n", [&](ScenarioReader& r) { read_sek(r, sek_key); }).empty());
}

TEST_CASE("scenario_values: needs and support sources become bit masks, an unknown name is refused",
          "[config][values]") {
  const std::string insats = "[insats.test]\nkind = \"individual\"\n";
  const auto needs = [&](const std::string& list) {
    return read_from(insats + "needs = " + list + "\n",
                     [](ScenarioReader& r) { return read_need_mask(r, "insats.test.needs"); });
  };
  CHECK(needs("[]") == 0);
  CHECK(needs("[\"mental\"]") == 0b00001);
  CHECK(needs("[\"somatic\", \"language\"]") == 0b10010);
  CHECK(needs("[\"language\", \"somatic\", \"somatic\"]") == 0b10010);  // a set: order and repeats do not matter
  const std::string bad_need = values_error(insats + "needs = [\"mental\", \"grief\"]\n",
                                            [](ScenarioReader& r) { read_need_mask(r, "insats.test.needs"); });
  CHECK(bad_need.find("v.toml:3:") == 0);
  CHECK(bad_need.find("unknown need 'grief' (expected mental, somatic, substance, social or language)") !=
        std::string::npos);

  const auto support = [&](const std::string& list) {
    return read_from(insats + "support = " + list + "\n",
                     [](ScenarioReader& r) { return read_support_mask(r, "insats.test.support"); });
  };
  CHECK(support("[]") == 0);
  CHECK(support("[\"sickness_benefit\"]") == 1u << static_cast<int>(SupportSource::SicknessBenefit));
  CHECK(
      support("[\"no_income\", \"social_assistance\"]") ==
      ((1u << static_cast<int>(SupportSource::NoIncome)) | (1u << static_cast<int>(SupportSource::SocialAssistance))));
  CHECK(values_error(insats + "support = [\"pension\"]\n", [](ScenarioReader& r) {
          read_support_mask(r, "insats.test.support");
        }).find("unknown support source 'pension'") != std::string::npos);
}

TEST_CASE("scenario_values: a payer is state, region or kommun", "[config][values]") {
  const std::string key = "costs.support.social_assistance.payer";
  const auto payer = [&](const std::string& v) {
    return read_from("[costs.support.social_assistance]\npayer = \"" + v + "\"\n",
                     [&](ScenarioReader& r) { return read_payer(r, key); });
  };
  CHECK(payer("state") == Payer::State);
  CHECK(payer("region") == Payer::Region);
  CHECK(payer("kommun") == Payer::Kommun);
  CHECK(read_from("", [&](ScenarioReader& r) { return read_payer(r, key); }) == Payer::Kommun);  // the default
  const std::string e = values_error("[costs.support.social_assistance]\npayer = \"FK\"\n",
                                     [&](ScenarioReader& r) { read_payer(r, key); });
  CHECK(e.find("v.toml:2:") == 0);
  CHECK(e.find("expected state, region or kommun, got \"FK\"") != std::string::npos);
}
