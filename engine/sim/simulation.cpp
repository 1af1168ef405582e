#include "sim/simulation.h"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/partitioner.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "population/synthesis.h"
#include "sim/events.h"
#include "sim/schedule.h"

namespace finsim {

void populate_areas(std::vector<Area>& areas, const ScenarioConfig& config, const World& world, RunKey key) {
  const auto stock = initial_stock(world.geography, config.population);
  const auto inflow_mean = monthly_inflow(stock, config.population);
  tbb::parallel_for(std::size_t{0}, areas.size(), [&](std::size_t ai) {
    Area& area = areas[ai];
    std::size_t total = 0;
    for (int k : area.kommuner) total += stock[k];
    area.agents.reserve(total + total / 2);
    for (std::size_t j = 0; j < area.kommuner.size(); ++j) {
      const int k = area.kommuner[j];
      area.inflow_mean.push_back(inflow_mean[k]);
      for (std::uint32_t s = 0; s < stock[k]; ++s) {
        const std::size_t i = add_person(area.agents, key, k, area.next_serial[j]++, 0, config.population, false);
        area.count(State::Target, area.agents.support[i], +1);
      }
    }
  });
}


ReplicationResult run_replication(const ScenarioConfig& config, const World& world, int replication, const RunControl& control) {
  const RunKey key{config.meta.seed, static_cast<std::uint32_t>(replication)};
  const Rates rates = derive_rates(config);
  std::vector<Area> areas = make_areas(world, config.insatser.size());
  populate_areas(areas, config, world, key);

  ReplicationResult result;
  result.replication = replication;
  result.months = config.meta.months();
  result.events_recorded = control.record_events;
  for (const auto& a : areas) {
    AreaInfo info{a.name, a.forbund, a.region, a.forbund >= 0 && world.org.forbund()[a.forbund].synthetic, 0};
    for (int k : a.kommuner) info.population_16_64 += world.geography.kommuner[k].population_16_64;
    result.areas.push_back(info);
  }
  result.monthly.reserve(static_cast<std::size_t>(result.months) * areas.size());

  // Larger areas first so two threads finish together; results do not depend on the order.
  std::vector<std::size_t> order(areas.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](auto x, auto y) { return areas[x].agents.size() > areas[y].agents.size(); });

  FundingCycle funding(config.funding, world.org, world.geography, config.insatser, key, config.meta.first_year());
  const int nf = world.org.forbund_count();
  const double scale = config.population.scale;  // agents per person
  std::vector<Sek> spending_agent_units(static_cast<std::size_t>(nf), 0);

  // The burn-in: months −burn … −1 run with the first year's funding plan and are not reported,
  // so month 0 starts from a settled population (docs/model.md §5).
  const int burn = config.meta.burn_in_years * 12;
  const std::vector<ForbundYear> first_plan = funding.plan_year(config.meta.first_year());
  for (int m = -burn; m < result.months; ++m) {
    if (control.cancel && control.cancel->load()) throw Cancelled{};
    const YearMonth ym = YearMonth::from_index(config.meta.start.index() + m);
    const StepContext ctx{config, rates, key, m, ym.year};
    const bool reported = m >= 0;
    for (auto& area : areas) area.month.reset(config.insatser.size());
    if (m == -burn) {  // the insatser running at the start are funded by the first year's plan
      for (auto& area : areas)
        if (area.forbund >= 0) apply_year_plan(area, first_plan[area.forbund], ctx, false);
      // Everyone's first event is drawn as of the month before the start, so the first month has events.
      const StepContext before{config, rates, key, m - 1, ym.year};
      tbb::parallel_for(std::size_t{0}, areas.size(), [&](std::size_t i) {
        fill_initial_participants(areas[i], ctx);
        for (std::size_t p = 0; p < areas[i].agents.size(); ++p) schedule(areas[i], p, before);
        use_calendar(areas[i], m, result.months - 1);
      });
    }
    if (m == 0)
      for (const auto& area : areas) {
        std::array<std::int64_t, kStates> stock{};
        for (auto st : area.agents.state) ++stock[st];
        result.initial_stock.push_back(stock);
        result.initial_participants.push_back(area.participants);
      }
    if (m == 0 || ym.month == 1) {
      // The first reported year and every burn-in year run on the first year's plan.
      const std::vector<ForbundYear> plan = m <= 0 ? first_plan : funding.plan_year(ym.year);
      // After a burn-in, month 0 keeps the places of the last burn-in year (the same plan).
      const bool apply = !(m == 0 && burn > 0);
      tbb::parallel_for(std::size_t{0}, areas.size(), [&](std::size_t i) {
        if (areas[i].forbund < 0) return;
        if (apply) apply_year_plan(areas[i], plan[areas[i].forbund], ctx, m > 0);
        count_running_participants(areas[i], ctx);
      });
      if (reported) {
        result.funding.insert(result.funding.end(), plan.begin(), plan.end());
        std::fill(spending_agent_units.begin(), spending_agent_units.end(), 0);
      }
    }
    for (auto& area : areas) area.record_events = control.record_events && reported;

    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, order.size(), 1),
                      [&](const tbb::blocked_range<std::size_t>& r) {
                        for (std::size_t i = r.begin(); i != r.end(); ++i) step_month(areas[order[i]], ctx);
                      },
                      tbb::simple_partitioner());
    if (!reported) continue;
    for (std::size_t ai = 0; ai < areas.size(); ++ai) {
      Area& area = areas[ai];
      result.monthly.push_back(area.month);
      if (area.forbund >= 0) spending_agent_units[area.forbund] += area.month.insats_spending;
      for (EventRecord e : area.events) {
        e.area = static_cast<std::uint16_t>(ai);
        result.events.push_back(e);
      }
      area.events.clear();
    }

    if (ym.month == 12 || m == result.months - 1) {
      // The förbund pays for individual insatser as they happen; admin and structural money is
      // assumed spent as budgeted (no source says otherwise).
      auto& year_records = result.funding;
      const std::size_t first = year_records.size() - static_cast<std::size_t>(nf);
      std::vector<Sek> spent(static_cast<std::size_t>(nf));
      for (int f = 0; f < nf; ++f) {
        const Sek individual = std::llround(static_cast<double>(spending_agent_units[f]) / scale);
        result.individual_spent.push_back(individual);
        spent[f] = year_records[first + f].admin + year_records[first + f].structural + individual;
      }
      funding.close_year(ym.year, spent);
      const auto& closed = funding.year_record(ym.year);
      std::copy(closed.begin(), closed.end(), year_records.begin() + static_cast<std::ptrdiff_t>(first));
    }
    if (control.on_month) control.on_month(replication, m);
  }
  for (const auto& a : areas) result.peak_agents += a.agents.size();
  result.bytes_per_agent = areas.empty() ? 0 : areas.front().agents.bytes_per_agent();
  return result;
}

}  // namespace finsim
