// Whole-krona rounding shared by every funding rule: floor of a share of an amount, and the
// largest-remainder apportionment that splits a sum so the parts add up to it exactly.
#pragma once
#include <vector>

#include "util/money.h"

namespace finsim {

// floor(amount × share) in whole SEK. Shares come from decimal scenario values that binary floating
// point cannot hold exactly (0.9 × 1 000 000 would floor to 899 999), so a product within a relative
// 1e-12 (or 1e-6 SEK) of a whole krona is taken as that krona before flooring.
Sek floor_share(Sek amount, long double share);

// floor(x) with the same tolerance, for quotients such as a contribution divided by a share.
Sek floor_sek(long double x);

// Splits `total` SEK over the parts in proportion to `weights` (non-negative, not all zero unless
// total is 0), exactly to the krona. Rule (largest remainder, Hamilton): each part gets the floor of
// its exact share total·w_i/Σw computed in long double; the krona left over go one each to the parts
// with the largest fractional part, ties to the lower index. Should float error make the floors add
// up to more than total, the excess krona are taken back one each from the smallest fractional parts
// (ties to the higher index) among parts that have one to give.
std::vector<Sek> apportion(Sek total, const std::vector<long double>& weights);

}  // namespace finsim
