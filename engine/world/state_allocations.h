// Allocation history: state allocations per förbund and year that a user has from FK's decisions
// (scenarios/data/state_allocations.csv). Years given are used as given; the key and the spärr
// apply from a förbund's first missing year on (engine/funding/distribution.h).
#pragma once
#include <string>
#include <vector>

#include "world/geography.h"

namespace finsim {

// Reads columns forbund, year, state_allocation_sek, flag, source. Strict: a förbund not in
// forbund.csv, a year outside 1990–2100, an amount that is not a non-negative whole number of SEK,
// a flag other than published/derived, an empty source or a second row for the same förbund and
// year is an InputError "file:line:col: column: what".
std::vector<GivenAllocation> load_state_allocations(const std::string& path, const Geography& geo);

}  // namespace finsim
