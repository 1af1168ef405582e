#include "sim/area_sharing.h"

#include <algorithm>
#include <memory>

#include "sim/simulation.h"

namespace finsim {

std::vector<HeldArea> distinct_areas(std::span<ReplicationState* const> states) {
  std::vector<HeldArea> out;
  for (const ReplicationState* s : states)
    for (const auto& a : s->areas) out.push_back({a.get(), s});
  // The first holder of each area (states are few: a sort by address is cheaper than a set).
  std::stable_sort(out.begin(), out.end(), [](const HeldArea& x, const HeldArea& y) { return x.area < y.area; });
  out.erase(std::unique(out.begin(), out.end(), [](const HeldArea& x, const HeldArea& y) { return x.area == y.area; }),
            out.end());
  std::stable_sort(out.begin(), out.end(),
                   [](const HeldArea& x, const HeldArea& y) { return x.area->agents.size() > y.area->agents.size(); });
  return out;
}

std::size_t part_areas(std::span<ReplicationState* const> states,
                       std::span<const std::vector<ForbundYear>* const> plans) {
  if (states.size() < 2) return 0;
  std::size_t copies = 0;
  // One area at a time: the areas its states held, each with the plans that keep it so far.
  struct Kept {
    const Area* held;         // the area before parting
    const ForbundYear* plan;  // the plan of the states that go on with `now`
    std::shared_ptr<Area> now;
  };
  std::vector<Kept> kept;
  const std::size_t n = states.front()->areas.size();
  for (std::size_t a = 0; a < n; ++a) {
    const int f = states.front()->areas[a]->forbund;
    if (f < 0) continue;  // kommuner without a förbund apply no plan
    kept.clear();
    for (std::size_t k = 0; k < states.size(); ++k) {
      std::shared_ptr<Area>& slot = states[k]->areas[a];
      const ForbundYear& plan = (*plans[k])[static_cast<std::size_t>(f)];
      auto same = std::find_if(kept.begin(), kept.end(),
                               [&](const Kept& e) { return e.held == slot.get() && same_for_model(*e.plan, plan); });
      if (same != kept.end()) {
        slot = same->now;
        continue;
      }
      const bool first = std::none_of(kept.begin(), kept.end(), [&](const Kept& e) { return e.held == slot.get(); });
      const Area* held = slot.get();
      if (!first) {
        slot = std::make_shared<Area>(*held);
        ++copies;
      }
      kept.push_back({held, &plan, slot});
    }
  }
  return copies;
}

}  // namespace finsim
