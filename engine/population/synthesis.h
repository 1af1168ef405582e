// Synthesis of the target group: how many people each kommun starts with, and the attributes
// of a new person (initial stock or monthly inflow), each drawn from its own keyed stream.
#pragma once
#include <cstdint>
#include <vector>

#include "config/scenario_config.h"
#include "population/agents.h"
#include "util/rng.h"
#include "world/geography.h"

namespace finsim {

// Agents per kommun at the start: target_group_size × scale spread by population 16–64 × need,
// rounded by largest remainder (ties: lower kommun index) so the total is exact.
std::vector<std::uint32_t> initial_stock(const Geography& geo, const PopulationConfig& pop);

// Mean monthly inflow of new target-group members into each kommun (agents).
std::vector<double> monthly_inflow(const std::vector<std::uint32_t>& stock, const PopulationConfig& pop);

// Adds one person to `agents`: attributes drawn from the person's own stream (its agent id) at
// `month`, so the same person is identical in every scenario. `inflow` selects the purpose.
std::size_t add_person(Agents& agents, RunKey key, int kommun, std::uint32_t serial, int month,
                       const PopulationConfig& pop, bool inflow);

}  // namespace finsim
