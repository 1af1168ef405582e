// The payer ledger of a result group in SEK: public cost, tax revenue, the pension part of employer
// fees and Finsam contributions per area, month and payer (state, region, kommun), and national sums.
#pragma once
#include "output/result_frame.h"
#include "output/unit_arrays.h"

namespace finsim {

// *_by_forbund [lead, month, forbund, payer] (pension_contribution_by_forbund without payer), their
// national sums [lead, month, payer]. Contributions are the yearly amount / 12, the remainder in
// December; kronor are rounded once per area and month (to_sek).
// Adds them to `arrays`, which fills them unit by unit.
void add_ledger_arrays(const ResultFrame& frame, UnitArrays& arrays);

}  // namespace finsim
