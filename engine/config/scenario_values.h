// How a scenario file spells its values, and the checks each kind gets: a month, a share, an amount
// in SEK, a set of needs or support sources, a payer. read_scenario.cpp reads every key through these.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "config/scenario_config.h"
#include "config/scenario_reader.h"

namespace finsim {

// Names for SupportSource / Need / Payer as used in scenario keys and outputs.
const char* support_key(SupportSource s);
const char* need_key(int bit_index);
const char* payer_key(Payer p);

// Each reads `key` (or its registry default) and fails at the key with what was expected.
YearMonth read_month(ScenarioReader& r, const std::string& key);      // strictly "YYYY-MM"
double read_share(ScenarioReader& r, const std::string& key);         // 0 … 1
double read_non_negative(ScenarioReader& r, const std::string& key);  // finite, >= 0
Sek read_sek(ScenarioReader& r, const std::string& key);              // whole SEK, >= 0
// The shares `prefix.name` for each name, in order; with `must_sum_to_one`, they must sum to 1.
std::vector<double> read_shares(ScenarioReader& r, const std::string& prefix, const std::vector<std::string>& names,
                                bool must_sum_to_one);
std::uint8_t read_need_mask(ScenarioReader& r, const std::string& key);     // a list of need_key names
std::uint8_t read_support_mask(ScenarioReader& r, const std::string& key);  // a list of support_key names
Payer read_payer(ScenarioReader& r, const std::string& key);                // a payer_key name

}  // namespace finsim
