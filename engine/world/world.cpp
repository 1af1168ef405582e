#include "world/world.h"

#include <filesystem>

namespace finsim {

World build_world(const ScenarioConfig& config) {
  namespace fs = std::filesystem;
  auto resolve = [&](const std::string& p) {
    const fs::path path(p);
    return path.is_absolute() ? p : (fs::path(config.scenario_dir) / path).lexically_normal().string();
  };
  const std::string kommuner = resolve(config.organisation.kommuner_csv);
  const std::string forbund = resolve(config.organisation.forbund_csv);
  Geography geo = load_geography(kommuner, forbund);
  OrgGraph org = build_org_graph(geo, config.organisation);
  PathwayGraph pathway(config.insatser, config.pathway);
  return World{std::move(geo), std::move(org), std::move(pathway), kommuner, forbund};
}

}  // namespace finsim
