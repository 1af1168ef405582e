// How states of one replication share areas (sim/simulation.h): which distinct areas a month steps,
// and where a state's plan for a förbund parts from the others' so it must go on with its own copy.
#pragma once
#include <span>
#include <vector>

#include "funding/funding_cycle.h"
#include "sim/area.h"

namespace finsim {

struct ReplicationState;

// An area to step this month and a state that holds it (whose plan the area applies).
struct HeldArea {
  Area* area;
  const ReplicationState* holder;
};

// The distinct areas the states hold, larger first (for scheduling only: results do not depend
// on the order).
std::vector<HeldArea> distinct_areas(std::span<ReplicationState* const> states);

// Before plans are applied: plans[k] is the plan states[k] applies next. States that hold an area
// together keep holding it while their plans for its förbund are the same for the model; each
// further group of equal plans goes on with its own copy of the area. Returns the copies made.
std::size_t part_areas(std::span<ReplicationState* const> states,
                       std::span<const std::vector<ForbundYear>* const> plans);

}  // namespace finsim
