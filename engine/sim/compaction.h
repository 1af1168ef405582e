// Compaction of an area's storage: the people who left the model (Gone) are removed once a year and
// everyone else keeps their order, so an area's records stay about as many as its live people.
#pragma once
#include "sim/area.h"

namespace finsim {

// Removes the Gone people from area.agents, keeping the order of the others, and renumbers every
// list that holds local indices (waiting lists, identified pool, identification clocks, calendar,
// participant list).
// Entries of Gone people in those lists are stale (skipped wherever they are read), so dropping
// them changes no result. Call between steps, at a month when identification compacts its own
// lists (month % 12 == 0): until then the pool's stale entries count in IdentifiedPool::unsuited.
// Does nothing while the stored Gone (by the census) are fewer than `min_gone_share` of the stored
// people: each pass renumbers every calendar entry, so it pays only when it removes many.
void compact_gone(Area& area, double min_gone_share = 0);

}  // namespace finsim
