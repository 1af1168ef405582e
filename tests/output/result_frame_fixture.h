// Test fixture for the writers of a result group's parts: one replication written by hand (two
// areas, 2019-01 … 2020-12 at population.scale 0.5), a part written into a fresh file and read back.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "../temp_dir.h"
#include "config/read_scenario.h"
#include "output/hdf5_file.h"
#include "output/result_frame.h"
#include "output/unit_arrays.h"

namespace finsim::test {

// Area 0 is förbund 0 ("A"), area 1 the kommuner without a förbund ("Utan förbund, Första län"),
// both in region 0. Month m of area a: participants {m + 1, 2} in the first two insats types, stock
// of state s = 10 · (s + 1) + m + a, flow[0][6] (target → gone) = 1 + a, inflow m, departures by
// death 1 + a; public cost (agent units) of payer p = 3 · (p + 1) + a, pension 5. Förbund 0's
// record of year y (0, 1): state_paid 1 205 + y, region_paid 600, kommuner_paid 601, budget
// 2 406 + y, capping "region:01" then "state"; individual_spent 700 + y.
struct FrameFixture {
  TempDir dir;
  Scenario scenario;
  std::vector<Region> regions = {{"01", "Första län"}};
  std::vector<ReplicationResult> results;

  explicit FrameFixture(const std::string& name)
      : dir(name),
        scenario(load_scenario(std::string(FINSIM_SOURCE_DIR) + "/scenarios/baseline.toml",
                               {"scenario.end=2020-12", "population.scale=0.5"})) {
    results.push_back(replication(3));
  }

  std::size_t insatser() const { return scenario.config.insatser.size(); }

  ReplicationResult replication(int index) const {
    ReplicationResult r;
    r.replication = index;
    r.months = 24;
    r.areas = {{"A", 0, 0, false, 4000}, {"Utan förbund, Första län", -1, 0, false, 1000}};
    r.initial_stock = {{1, 2, 3, 4, 5, 6, 7}, {0, 0, 0, 0, 0, 0, 0}};
    r.initial_participants = {std::vector<std::int64_t>(insatser(), 0), std::vector<std::int64_t>(insatser(), 0)};
    for (int m = 0; m < r.months; ++m)
      for (int a = 0; a < 2; ++a) {
        MonthCounters c;
        c.reset(insatser());
        c.participants[0] = m + 1;
        c.participants[1] = 2;
        c.capacity[0] = 9;
        for (int s = 0; s < kStates; ++s) c.stock[s] = 10 * (s + 1) + m + a;
        c.flow[0][static_cast<int>(State::Gone)] = 1 + a;
        c.gone[static_cast<int>(GoneReason::Death)] = 1 + a;
        c.inflow = m;
        c.new_unique_participants = 1;
        for (int p = 0; p < kPayers; ++p) c.public_cost[p] = 3 * (p + 1) + a;
        c.pension_contribution = 5;
        r.monthly.push_back(c);
      }
    for (int y = 0; y < 2; ++y) {
      ForbundYear fy;
      fy.forbund = 0;
      fy.year = 2019 + y;
      fy.state_paid = 1205 + y;
      fy.region_paid = 600;
      fy.kommuner_paid = 601;
      fy.budget = 2406 + y;
      fy.capping_party = y == 0 ? "region:01" : "state";
      r.funding.push_back(fy);
      r.individual_spent.push_back(700 + y);
    }
    return r;
  }

  // Writes group "g" with `part` (a run's lead axis unless `lead` is given) and opens the file to read.
  // `part` creates its arrays in `arrays`; the fixture then writes every replication's slab, as
  // output/results_writer.cpp does, after checking each against the first (the reference).
  h5::File write(const std::function<void(const ResultFrame&, UnitArrays&)>& part, const Lead* lead = nullptr) const {
    const auto path = dir / "part.h5";
    {
      auto file = h5::File::create(path);
      {
        const auto group = file.create_group("g");
        Lead l = lead ? *lead : Lead{{"replication"}, {results.size()}, {}, {}};
        if (l.replications.empty())
          for (std::size_t i = 0; i < l.shape.back(); ++i) l.replications.push_back(results[i].replication);
        const ResultFrame frame(group, scenario, regions, results.front(), l);
        for (const auto& r : results) frame.check(r);
        UnitArrays arrays(frame);
        part(frame, arrays);
        for (std::size_t slot = 0; slot < results.size(); ++slot) arrays.write(slot, results[slot]);
        arrays.close();
      }
      file.close();
    }
    return h5::File::open_read(path);
  }
  h5::File write(const std::function<void(const ResultFrame&)>& part, const Lead* lead = nullptr) const {
    return write([&](const ResultFrame& frame, UnitArrays&) { part(frame); }, lead);
  }
};

}  // namespace finsim::test
