#include "world/world.h"

#include <filesystem>

#include "util/error.h"
#include "world/need_indicator.h"
#include "world/state_allocations.h"

namespace finsim {

namespace {

// The need indicator the scenario chose, onto every kommun. A need_indicator column in kommuner.csv
// is used only when asked for ("kommuner_csv"), and is an error otherwise, so a per-kommun column
// is never silently overridden by a län proxy.
std::string apply_need(Geography& geo, const DistributionParams& d, const std::string& kommuner,
                       const std::string& need_path) {
  bool column = false;
  for (const Kommun& k : geo.kommuner) column = column || k.need_from_data;
  if (d.need_indicator == "kommuner_csv") {
    if (!column)
      throw InputError("funding.distribution.need_indicator: \"kommuner_csv\" needs a need_indicator column in " +
                       kommuner);
    return "";
  }
  if (column)
    throw InputError("funding.distribution.need_indicator: " + kommuner +
                     " has a need_indicator column; set need_indicator = \"kommuner_csv\" to use it, or remove it");
  const NeedColumn col = need_column(d.need_indicator);
  if (col.indicator.empty()) return "";  // "none": need 1 for every kommun
  apply_need_by_lan(geo, load_need_by_lan(need_path, col), need_path, col);
  return need_path;
}

}  // namespace

World build_world(const ScenarioConfig& config) {
  namespace fs = std::filesystem;
  auto resolve = [&](const std::string& p) {
    const fs::path path(p);
    return path.is_absolute() ? p : (fs::path(config.scenario_dir) / path).lexically_normal().string();
  };
  const std::string kommuner = resolve(config.organisation.kommuner_csv);
  const std::string forbund = resolve(config.organisation.forbund_csv);
  const DistributionParams& d = config.funding.distribution;
  Geography geo = load_geography(kommuner, forbund);
  const std::string need = apply_need(geo, d, kommuner, resolve(d.need_by_lan_csv));
  std::string allocations;
  if (!d.state_allocations_csv.empty()) {
    allocations = resolve(d.state_allocations_csv);
    geo.state_allocations = load_state_allocations(allocations, geo);
  }
  OrgGraph org = build_org_graph(geo, config.organisation);
  PathwayGraph pathway(config.insatser, config.pathway);
  return World{std::move(geo), std::move(org), std::move(pathway), kommuner, forbund, need, allocations};
}

}  // namespace finsim
