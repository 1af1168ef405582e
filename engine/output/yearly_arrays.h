// The yearly arrays of a result group: each förbund's funding record (offers, contributions paid,
// budget split, equity, spending, who capped the budget) in SEK, and the year's unique participants.
#pragma once
#include "output/result_frame.h"
#include "output/unit_arrays.h"

namespace finsim {

// Adds key_offer … individual_spent and capping_party [lead, year, forbund], 0 (or "") for areas
// without a förbund, and unique_participants [lead, year, forbund] in persons to `arrays`.
// capping_party is a string array: created after the other arrays (UnitArrays::add_strings).
void add_yearly_arrays(const ResultFrame& frame, UnitArrays& arrays);

}  // namespace finsim
