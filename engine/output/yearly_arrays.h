// The yearly arrays of a result group: each förbund's funding record (offers, contributions paid,
// budget split, equity, spending, who capped the budget) in SEK, and the year's unique participants.
#pragma once
#include "output/result_frame.h"

namespace finsim {

// key_offer … individual_spent and capping_party [lead, year, forbund], 0 (or "") for areas without
// a förbund; unique_participants [lead, year, forbund] in persons.
void write_yearly_arrays(const ResultFrame& frame);

}  // namespace finsim
