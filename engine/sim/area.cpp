#include "sim/area.h"

namespace finsim {

void Area::size_for(std::size_t insats_types) {
  queues.assign(insats_types, {});
  participants.assign(insats_types, 0);
  waiting.assign(insats_types, 0);
  capacity.assign(insats_types, 0);
  capacity_goal.assign(insats_types, 0);
  capacity_from.assign(insats_types, 0);
  month.reset(insats_types);
}

std::int64_t Area::live() const {
  std::int64_t n = 0;
  for (const Person& p : agents.rows) n += p.state != static_cast<std::uint8_t>(State::Gone);
  return n;
}

std::vector<Area> make_areas(const World& world, std::size_t insats_types) {
  std::vector<Area> areas;
  const auto& org = world.org;
  for (int f = 0; f < org.forbund_count(); ++f) {
    Area a;
    a.forbund = f;
    a.region = org.region_of(f);
    a.name = org.forbund()[f].name;
    a.kommuner = org.members(f);
    areas.push_back(std::move(a));
  }
  const auto& geo = world.geography;
  for (std::size_t r = 0; r < geo.regions.size(); ++r) {
    Area a;
    a.region = static_cast<int>(r);
    a.name = "Utan förbund, " + geo.regions[r].name;  // kommuner without a förbund
    for (std::size_t k = 0; k < geo.kommuner.size(); ++k)
      if (geo.kommuner[k].region == static_cast<int>(r) && org.forbund_of_kommun(static_cast<int>(k)) < 0)
        a.kommuner.push_back(static_cast<int>(k));
    if (!a.kommuner.empty()) areas.push_back(std::move(a));
  }
  for (auto& a : areas) {
    a.next_serial.assign(a.kommuner.size(), 0);
    a.size_for(insats_types);
  }
  return areas;
}

}  // namespace finsim
