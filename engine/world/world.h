// The World: everything a simulation reads that is not per-person state — geography, the
// organisation graph and the insats catalogue — built once per scenario and then read-only.
#pragma once
#include <string>

#include "config/scenario_config.h"
#include "world/geography.h"
#include "world/org_graph.h"
#include "world/pathway_graph.h"

namespace finsim {

struct World {
  Geography geography;
  OrgGraph org;
  PathwayGraph pathway;
  std::string kommuner_path;  // as resolved, for provenance digests
  std::string forbund_path;
  std::string need_path;         // need_by_lan.csv when the need indicator reads it, else empty
  std::string allocations_path;  // state_allocations.csv when the scenario names one, else empty
};

// Data paths in the scenario are relative to the scenario file's folder.
World build_world(const ScenarioConfig& config);

}  // namespace finsim
