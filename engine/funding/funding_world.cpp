#include "funding/funding_world.h"

#include "world/geography.h"
#include "world/org_graph.h"

namespace finsim {

FundingWorld funding_world(const OrgGraph& org, const Geography& geo) {
  FundingWorld w;
  for (const Region& r : geo.regions) w.region_codes.push_back(r.code);
  for (const Kommun& k : geo.kommuner) w.kommun_codes.push_back(k.code);
  for (int f = 0; f < org.forbund_count(); ++f) {
    FundingArea a;
    a.name = org.forbund()[f].name;
    a.region_code = geo.regions.at(org.region_of(f)).code;
    for (int k : org.members(f)) {
      a.kommun_codes.push_back(geo.kommuner.at(k).code);
      a.kommun_population_16_64.push_back(geo.kommuner.at(k).population_16_64);
    }
    a.key.need_measure = org.area_need_measure(f);
    a.key.population_16_64 = org.area_population_16_64(f);
    // History rows of a förbund that the scenario merged away or renamed find no area: they are
    // left out (a merged förbund's allocation is not the sum of its parts' under the key).
    for (const GivenAllocation& g : geo.state_allocations)
      if (g.forbund == a.name) a.given_allocation[g.year] = g.state_allocation;
    w.forbund.push_back(std::move(a));
  }
  return w;
}

}  // namespace finsim
