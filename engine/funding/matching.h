// Member matching (the law's equal shares: state 50 %, region 25 %, kommuner together 25 %) and the
// min rule: the least willing party caps the förbund's budget and the unmatched state offer lapses.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "config/scenario_config.h"
#include "util/money.h"

namespace finsim {

// How a förbund's kommuner split their quarter: by population 16–64 of the members (equal shares
// when no member has any), unless funding.kommun_share lists the förbund. Then the listed shares
// apply, members not listed pay nothing, and the shares must sum to 1 ± 1e-9; a listed kommun that
// is not a member, a repeated kommun or a negative share is an InputError naming the förbund.
std::vector<long double> kommun_quarter_shares(const std::string& forbund,
                                               const std::vector<std::string>& member_codes,
                                               const std::vector<std::int64_t>& member_population_16_64,
                                               const std::vector<KommunShare>& explicit_shares);

// Everything the min rule needs for one förbund and year. Party maxima are what each party is
// willing to pay at most this year (see willingness.h for where they come from).
struct MatchInput {
  Sek state_offer = 0;
  Sek region_max = 0;
  std::vector<Sek> kommun_max;           // parallel to the members
  std::vector<long double> kommun_share; // of the kommun quarter, parallel to the members, sum 1
  std::optional<Sek> ceiling;            // budget ceiling (funding.ceiling), if one applies
  std::string region_code;               // for the capping-party label, "01"
  std::vector<std::string> kommun_codes; // for the capping-party label, parallel to the members
};

struct MatchResult {
  Sek quarter = 0;        // the kommun quarter = the region quarter = half the state's part
  Sek budget = 0;         // 4 × quarter
  Sek state_paid = 0;     // 2 × quarter
  Sek region_paid = 0;    // quarter
  Sek kommuner_paid = 0;  // quarter
  std::vector<Sek> kommun_paid;  // parallel to the members, sums to kommuner_paid
  Sek unused_offer = 0;   // state offer − state paid: not paid out
  std::string capping_party;  // "state", "region:CC", "kommun:CCCC" or "ceiling"
};

// The min rule: quarter q = min(floor(offer/2), region_max, min over kommuner k with a positive share
// of floor(kommun_max_k / share_k), floor(ceiling/4)). A kommun with share 0 pays nothing and so
// never caps. The kommun quarter is split by largest remainder on the shares (ties to the lower
// member index), so no kommun pays more than its maximum: its part is at most ceil(share_k·q) and
// q ≤ kommun_max_k/share_k. The capping party is the first term reaching the minimum in the order
// state, region, kommuner by member index, ceiling.
MatchResult match_members(const MatchInput& in);

}  // namespace finsim
