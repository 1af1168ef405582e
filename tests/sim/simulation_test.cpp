// Specification of the step loop as a whole: people are conserved, results do not depend on
// threads, the same luck holds across scenarios (common random numbers), and policy acts in the
// expected direction. Small populations (population.scale) keep these fast.
#include <tbb/global_control.h>

#include <catch2/catch.hpp>
#include <algorithm>
#include <map>
#include <numeric>

#include "config/read_scenario.h"
#include "population/synthesis.h"
#include "run/execute.h"
#include "sim/simulation.h"
#include "sim/summary.h"
#include "world/world.h"
#include "../test_paths.h"

using namespace finsim;

namespace {

using finsim::test::kBaseline;

Scenario small(std::vector<std::string> sets, const std::string& end = "2022-12") {
  sets.insert(sets.begin(), {"population.scale=0.03", "scenario.end=" + end});
  return load_scenario(kBaseline, sets);
}

ReplicationResult run(const Scenario& s, int replication = 0, int threads = 2) {
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
  const World world = build_world(s.config);
  return run_replication(s.config, world, replication);
}

double mean_unique_participants(const Scenario& s, int year, int replications) {
  const World world = build_world(s.config);
  double sum = 0;
  for (int rep = 0; rep < replications; ++rep) {
    const auto years = summarise_years(run_replication(s.config, world, rep), s.config);
    for (const auto& y : years)
      if (y.year == year) sum += y.unique_participants;
  }
  return sum / replications;
}

}  // namespace

TEST_CASE("people are conserved in every state, area and month", "[sim]") {
  const Scenario s = small({});
  const ReplicationResult r = run(s);
  REQUIRE(r.initial_stock.size() == r.areas.size());
  for (std::size_t a = 0; a < r.areas.size(); ++a) {
    std::array<std::int64_t, kStates> before = r.initial_stock[a];
    for (int m = 0; m < r.months; ++m) {
      const MonthCounters& c = r.at(m, a);
      for (int st = 0; st < kStates; ++st) {
        if (st == static_cast<int>(State::Gone)) continue;  // Gone is not a stock we keep
        std::int64_t in = 0, out = 0;
        for (int o = 0; o < kStates; ++o) {
          in += c.flow[o][st];
          out += c.flow[st][o];
        }
        if (st == static_cast<int>(State::Target)) in += c.inflow;
        INFO("area " << r.areas[a].name << " month " << m << " state " << st);
        REQUIRE(before[st] + in - out == c.stock[st]);
        REQUIRE(c.stock[st] >= 0);
      }
      before = c.stock;
      // Slots: nobody starts beyond capacity. When a new year brings fewer slots, people already in
      // an insats finish (commitments are honoured), so participants may exceed capacity but not grow.
      for (std::size_t t = 0; t < c.participants.size(); ++t) {
        const std::int64_t previous = m > 0 ? r.at(m - 1, a).participants[t] : c.participants[t];
        REQUIRE((c.participants[t] <= c.capacity[t] || c.participants[t] <= previous));
      }
      // People leaving to Gone are counted by reason.
      std::int64_t gone = 0;
      for (int o = 0; o < kStates; ++o) gone += c.flow[o][static_cast<int>(State::Gone)];
      REQUIRE(gone == std::accumulate(c.gone.begin(), c.gone.end(), std::int64_t{0}));
      REQUIRE(c.completions + c.dropouts == c.exit_work + c.exit_studies + c.exit_job_seeking + c.exit_other);
    }
  }
}

TEST_CASE("the initial stock is created at the first burn-in month, so it ages during the burn-in", "[sim][burn-in]") {
  constexpr int kBurn = 3;
  const Scenario s = small({"scenario.burn_in_years=3"}, "2019-12");
  const World world = build_world(s.config);
  ReplicationState st = start_replication(s.config, world, 0);
  REQUIRE(st.month == -12 * kBurn);
  const auto stock = initial_stock(world.geography, s.config.population);
  // Everyone present at the start has the sampled age (16–64) at that month, not at month 0.
  std::int64_t people = 0;
  std::vector<std::uint32_t> turning_65;  // ids of those who turn 65 before month 0
  for (const auto& held : st.areas)
    for (std::size_t i = 0; i < held->agents.size(); ++i) {
      const Area& area = *held;
      const int age = st.month - area.agents.birth[i];
      REQUIRE(age >= 16 * 12);
      REQUIRE(age < 65 * 12);
      REQUIRE(area.agents.since[i] == st.month);
      ++people;
      if (age + 12 * kBurn > 65 * 12) turning_65.push_back(area.agents.id[i]);
    }
  REQUIRE(people == std::accumulate(stock.begin(), stock.end(), std::int64_t{0}));
  REQUIRE(turning_65.size() > 100);  // 50–64 is the largest band: about a fifth of them
  std::sort(turning_65.begin(), turning_65.end());

  // Through the burn-in people are conserved (start + inflow − gone = present at month 0), and the
  // 65th birthdays take people out.
  std::int64_t in = 0, out = 0, aged_out = 0;
  while (st.month < 0) {
    advance_month(st, s.config);
    for (const auto& held : st.areas) {
      const Area& area = *held;
      in += area.month.inflow;
      out += std::accumulate(area.month.gone.begin(), area.month.gone.end(), std::int64_t{0});
      aged_out += area.month.gone[static_cast<int>(GoneReason::AgedOut)];
    }
  }
  CHECK(aged_out >= 1);
  std::int64_t present = 0;
  for (const auto& held : st.areas)
    for (std::size_t i = 0; i < held->agents.size(); ++i) {
      const Area& area = *held;
      if (area.agents.state_of(i) == State::Gone) continue;
      ++present;
      // Nobody above 64 remains at month 0, except those turning 65 in it, who leave in it.
      const int age = 0 - area.agents.birth[i];
      REQUIRE((age < 65 * 12 ||
               (age == 65 * 12 && area.agents.wake[i] == 0 && area.agents.next[i] == std::uint8_t(NextEvent::AgeOut))));
      REQUIRE_FALSE(std::binary_search(turning_65.begin(), turning_65.end(), area.agents.id[i]));
    }
  CHECK(present == people + in - out);
  // The burn-in is not reported: month 0 is the first month in the result, and its opening stock
  // is the people present after the burn-in.
  REQUIRE(st.result.monthly.empty());
  advance_month(st, s.config);
  CHECK(st.result.monthly.size() == st.areas.size());
  std::int64_t opening = 0;
  for (const auto& area_stock : st.result.initial_stock)
    for (int state = 0; state < kStates; ++state)
      if (state != static_cast<int>(State::Gone)) opening += area_stock[state];
  CHECK(opening == present);
}

TEST_CASE("money: spending stays within budget plus equity, and equity closes the account", "[sim]") {
  const Scenario s = small({});
  const ReplicationResult r = run(s);
  for (const auto& fy : r.funding) {
    INFO("förbund " << fy.forbund << " year " << fy.year);
    REQUIRE(fy.state_paid + fy.region_paid + fy.kommuner_paid == fy.budget);
    REQUIRE(fy.spent <= fy.budget + fy.equity_open);
    REQUIRE(fy.equity_close == fy.equity_open + fy.budget - fy.spent);
    REQUIRE(fy.equity_close >= 0);
  }
}

TEST_CASE("kommuner without a förbund get no insatser", "[sim]") {
  const Scenario s = small({});
  const ReplicationResult r = run(s);
  bool seen_area_without = false;
  for (std::size_t a = 0; a < r.areas.size(); ++a) {
    if (r.areas[a].forbund >= 0) continue;
    seen_area_without = true;
    for (int m = 0; m < r.months; ++m) {
      REQUIRE(r.at(m, a).referrals == 0);
      REQUIRE(r.at(m, a).starts == 0);
      REQUIRE(r.at(m, a).stock[static_cast<int>(State::InInsats)] == 0);
    }
  }
  REQUIRE(seen_area_without);  // the six documented non-members of Stockholms län
}

TEST_CASE("results are identical for 1, 2 and 4 threads", "[sim][determinism]") {
  const Scenario s = small({}, "2020-12");
  const ReplicationResult one = run(s, 0, 1);
  const ReplicationResult two = run(s, 0, 2);
  const ReplicationResult four = run(s, 0, 4);
  REQUIRE(one.monthly == two.monthly);
  REQUIRE(one.monthly == four.monthly);
  REQUIRE(one.initial_stock == four.initial_stock);
  REQUIRE(one.individual_spent == four.individual_spent);
}

TEST_CASE("same seed gives the same run, another seed or replication differs", "[sim][determinism]") {
  const Scenario s = small({}, "2019-12");
  const ReplicationResult a = run(s, 0);
  REQUIRE(a.monthly == run(s, 0).monthly);
  REQUIRE_FALSE(a.monthly == run(s, 1).monthly);
  const Scenario other_seed = small({"scenario.seed=7"}, "2019-12");
  REQUIRE_FALSE(a.monthly == run(other_seed, 0).monthly);
}

TEST_CASE("replications in parallel equal replications run one by one", "[sim][determinism]") {
  const Scenario s = small({}, "2019-12");
  const World world = build_world(s.config);
  Scenario three = s;
  three.config.meta.replications = 3;
  const auto together = execute_all(prepare_run(three, std::make_shared<const World>(world))).front();
  for (int rep = 0; rep < 3; ++rep) REQUIRE(together[rep].monthly == run_replication(s.config, world, rep).monthly);
}

TEST_CASE("common random numbers: a scenario changed from 2021 equals its baseline before 2021", "[sim][crn]") {
  const Scenario base = small({});
  const Scenario more = small({"funding.state.allocation_msek.2021=508.5", "funding.members.region_max_growth.2021=0.5",
                               "funding.members.kommun_max_growth.2021=0.5"});
  const ReplicationResult b = run(base);
  const ReplicationResult m = run(more);
  const int months_before = 24;  // 2019-01 .. 2020-12
  for (int month = 0; month < months_before; ++month)
    for (std::size_t a = 0; a < b.areas.size(); ++a) REQUIRE(b.at(month, a) == m.at(month, a));
  // And the policy does change something afterwards.
  bool differs = false;
  for (std::size_t a = 0; a < b.areas.size() && !differs; ++a) differs = !(b.at(months_before + 6, a) == m.at(months_before + 6, a));
  REQUIRE(differs);
}

TEST_CASE("more state money with matching members gives at least as many participants", "[sim][direction]") {
  const Scenario base = small({});
  const Scenario more = small({"funding.state.allocation_msek.2021=678.0", "funding.members.region_max_growth.2021=1.0",
                               "funding.members.kommun_max_growth.2021=1.0"});
  const double b = mean_unique_participants(base, 2022, 3);
  const double m = mean_unique_participants(more, 2022, 3);
  INFO("baseline " << b << ", doubled " << m);
  REQUIRE(m > b * 1.3);  // twice the money buys far more places once members match it
}

TEST_CASE("a frozen region caps its förbund and leaves state money unused", "[sim][direction]") {
  // region-freeze.toml: state +50 % from 2025, Region Stockholm (01) frozen at its 2019 level.
  const std::string file = std::string(FINSIM_SOURCE_DIR) + "/scenarios/region-freeze.toml";
  // Prices flat: the rule under test is the members' cap. (Rising prices leave other rounding
  // leftovers as equity at this small scale, and equity decides which party caps: with the default
  // prices 11 of 24 förbund-years are capped by the region, with flat prices 16.)
  const Scenario frozen = load_scenario(file, {"population.scale=0.02", "scenario.end=2025-12", "costs.price_index.2020=1",
                                               "costs.price_index.2021=1", "costs.price_index.2022=1",
                                               "costs.price_index.2023=1", "costs.price_growth_per_year=0"});
  // Whether a förbund is capped by the region, the state or a kommun also depends on its equity,
  // hence on the realisation at this small scale: "most" is checked over three replications.
  int capped_01 = 0, forbund_01 = 0;
  for (int rep = 0; rep < 3; ++rep) {
    const ReplicationResult r = run(frozen, rep);
    std::map<int, Sek> region_2019;  // förbund -> Region Stockholm's contribution in 2019
    Sek unused_01 = 0;
    int forbund_rep = 0;
    for (const auto& fy : r.funding) {
      if (r.areas[static_cast<std::size_t>(fy.forbund)].region != 0) continue;  // regions sorted: "01" first
      if (fy.year == 2019) region_2019[fy.forbund] = fy.region_paid;
      if (fy.year != 2025) continue;
      ++forbund_rep;
      unused_01 += fy.unused_offer;
      capped_01 += fy.capping_party == "region:01";
      // The frozen region never pays more than in 2019, so no budget exceeds four times that.
      REQUIRE(fy.region_paid <= region_2019.at(fy.forbund));
      REQUIRE(fy.budget <= 4 * region_2019.at(fy.forbund));
    }
    REQUIRE(forbund_rep == 8);  // the documented förbund of Stockholms län
    REQUIRE(unused_01 > 0);     // and the state's extra offer is partly not paid out
    forbund_01 += forbund_rep;
  }
  REQUIRE(capped_01 * 2 > forbund_01);  // most are capped by the region itself
}

TEST_CASE("an insats with a stronger effect gives at least as many exits to work", "[sim][direction]") {
  const Scenario base = small({}, "2020-12");
  const Scenario strong = small({"insats.coordination_team.p_work_studies=0.7"}, "2020-12");
  const World world = build_world(base.config);
  double b = 0, s = 0;
  for (int rep = 0; rep < 3; ++rep) {
    for (const auto& y : summarise_years(run_replication(base.config, world, rep), base.config)) b += y.exit_work_studies;
    for (const auto& y : summarise_years(run_replication(strong.config, world, rep), strong.config)) s += y.exit_work_studies;
  }
  INFO("baseline " << b << ", stronger " << s);
  REQUIRE(s > b);
}
