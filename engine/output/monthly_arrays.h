// The monthly arrays of a result group, in persons (agents scaled back): flows and stocks per area
// and month, people by state, support source, departure reason and insats, national flows.
#pragma once
#include "output/result_frame.h"
#include "output/unit_arrays.h"

namespace finsim {

// Creates participants … new_unique_participants [lead, month, forbund]; stock,
// target_group_by_support, departures, participants_by_insats, slots_by_insats [lead, month, forbund,
// k]; flows [lead, month, from_state, to_state]; initial_stock [lead, forbund, state] in `arrays`,
// which fills them unit by unit.
void add_monthly_arrays(const ResultFrame& frame, UnitArrays& arrays);

}  // namespace finsim
