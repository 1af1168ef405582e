// Which insats a referred person is offered: the insatser made for their needs and age first, then
// the general ones, each in proportion to its open places. Shared by both referral modes.
#pragma once
#include <cstdint>
#include <vector>

#include "config/scenario_config.h"
#include "sim/area.h"
#include "sim/events.h"
#include "sim/identified_pool.h"

namespace finsim {

// Whether person i may take insats t in `month` (age band, needs, support source).
bool eligible(const InsatsType& t, const Agents& a, std::size_t i, int month);

// The insats types person i may take in `month`.
TypeSet fitting_types(const std::vector<InsatsType>& insatser, const Agents& a, std::size_t i, int month);

// An insats made for a group (by needs, support source or a narrower age band than 16–64): people
// of that group are offered it before a general one, so more places elsewhere never draw them away.
bool targeted(const InsatsType& t);

// Places of each type that can take referrals this month: slots not taken and not promised to the
// waiting list, plus — capacity_responsive — the list an acceptable wait allows (expected monthly
// turnover × referral.acceptable_wait_months). Never negative.
std::vector<std::int64_t> open_places(const Area& area, const StepContext& ctx);

// The type offered to person i among types with weight > 0: targeted types they are eligible for
// first, then general ones; u ∈ [0,1) picks in proportion to the weights. −1 when none qualifies.
int choose_insats(const std::vector<InsatsType>& insatser, const Agents& a, std::size_t i, int month,
                  const std::vector<double>& weight, double u);

}  // namespace finsim
