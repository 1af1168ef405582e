#include "sim/simulation.h"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/partitioner.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "population/synthesis.h"
#include "sim/compaction.h"
#include "sim/events.h"
#include "sim/schedule.h"

namespace finsim {

void populate_areas(std::vector<Area>& areas, const ScenarioConfig& config, const World& world, RunKey key) {
  const auto stock = initial_stock(world.geography, config.population);
  const auto inflow_mean = monthly_inflow(stock, config.population);
  // The stock is synthesised as it is at the first simulated month (the burn-in's first), so ages,
  // `since` and the 65th birthdays run from there; at month 0 it would be ageless in the burn-in.
  const int first_month = -12 * config.meta.burn_in_years;
  tbb::parallel_for(std::size_t{0}, areas.size(), [&](std::size_t ai) {
    Area& area = areas[ai];
    std::size_t total = 0;
    for (int k : area.kommuner) total += stock[k];
    area.agents.reserve(total + total / 2);
    for (std::size_t j = 0; j < area.kommuner.size(); ++j) {
      const int k = area.kommuner[j];
      area.inflow_mean.push_back(inflow_mean[k]);
      for (std::uint32_t s = 0; s < stock[k]; ++s) {
        const std::size_t i =
            add_person(area.agents, key, k, area.next_serial[j]++, first_month, config.population, false);
        area.count(State::Target, area.agents.support[i], +1);
      }
    }
  });
}

ReplicationState start_replication(const ScenarioConfig& config, const World& world, int replication,
                                   bool record_events) {
  const RunKey key{config.meta.seed, static_cast<std::uint32_t>(replication)};
  ReplicationState s{
      key,
      derive_rates(config),
      make_areas(world, config.insatser.size()),
      {},
      FundingCycle(config.funding, world.org, world.geography, config.insatser, key, config.meta.first_year()),
      {},
      {},
      std::vector<Sek>(static_cast<std::size_t>(world.org.forbund_count()), 0),
      {},
      -config.meta.burn_in_years * 12,
      record_events};
  populate_areas(s.areas, config, world, key);
  ReplicationResult& result = s.result;
  result.replication = replication;
  result.months = config.meta.months();
  result.events_recorded = record_events;
  for (const auto& a : s.areas) {
    AreaInfo info{a.name, a.forbund, a.region, a.forbund >= 0 && world.org.forbund()[a.forbund].synthetic, 0};
    for (int k : a.kommuner) info.population_16_64 += world.geography.kommuner[k].population_16_64;
    result.areas.push_back(info);
  }
  result.monthly.reserve(static_cast<std::size_t>(result.months) * s.areas.size());
  // Larger areas first so two threads finish together; results do not depend on the order.
  s.order.resize(s.areas.size());
  std::iota(s.order.begin(), s.order.end(), 0);
  std::stable_sort(s.order.begin(), s.order.end(),
                   [&](auto x, auto y) { return s.areas[x].agents.size() > s.areas[y].agents.size(); });
  s.first_plan = s.funding.plan_year(config.meta.first_year());
  return s;
}

bool finished(const ReplicationState& state) { return state.month >= state.result.months; }

int plan_year_due(const ReplicationState& state, const ScenarioConfig& config) {
  const YearMonth ym = YearMonth::from_index(config.meta.start.index() + state.month);
  return state.month > 0 && ym.month == 1 ? ym.year : 0;
}

void prepare_plan(ReplicationState& state, const ScenarioConfig& config) {
  if (const int year = plan_year_due(state, config); year != 0 && !state.next_plan)
    state.next_plan = state.funding.plan_year(year);
}

bool same_for_model(const ForbundYear& a, const ForbundYear& b) {
  // The fields apply_year_plan reads, and admin (spent as budgeted, so it sets next year's equity).
  return a.individual == b.individual && a.equity_draw == b.equity_draw && a.structural == b.structural &&
         a.admin == b.admin && a.monthly_slots == b.monthly_slots && a.structural_places == b.structural_places;
}

bool same_for_model(const std::vector<ForbundYear>& a, const std::vector<ForbundYear>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](const ForbundYear& x, const ForbundYear& y) { return same_for_model(x, y); });
}

std::vector<Sek> spent_in_year(const FundingCycle& funding, int year, const std::vector<Sek>& individual) {
  const auto& records = funding.year_record(year);
  std::vector<Sek> spent(individual.size());
  for (std::size_t f = 0; f < individual.size(); ++f)
    spent[f] = records[f].admin + records[f].structural + individual[f];
  return spent;
}

void advance_month(ReplicationState& s, const ScenarioConfig& config, const RunControl& control) {
  if (control.cancel && control.cancel->load()) throw Cancelled{};
  ReplicationResult& result = s.result;
  auto& areas = s.areas;
  const int m = s.month;
  const int burn = config.meta.burn_in_years * 12;
  const YearMonth ym = YearMonth::from_index(config.meta.start.index() + m);
  const StepContext ctx{config, s.rates, s.key, m, ym.year};
  const bool reported = m >= 0;
  for (auto& area : areas) area.month.reset(config.insatser.size());
  if (m == -burn) {  // the insatser running at the start are funded by the first year's plan
    for (auto& area : areas)
      if (area.forbund >= 0) apply_year_plan(area, s.first_plan[area.forbund], ctx, false);
    // Everyone's first event is drawn as of the month before the start, so the first month has events.
    const StepContext before{config, s.rates, s.key, m - 1, ym.year};
    tbb::parallel_for(std::size_t{0}, areas.size(), [&](std::size_t i) {
      fill_initial_participants(areas[i], ctx);
      for (std::size_t p = 0; p < areas[i].agents.size(); ++p) schedule(areas[i], p, before);
      use_calendar(areas[i], m, result.months - 1);
    });
  }
  // At a year's turn, when identification drops its stale entries too, the Gone leave the storage
  // once they are a quarter of it (about every ten years at the baseline's rates).
  if (m % 12 == 0 && m > -burn)
    tbb::parallel_for(std::size_t{0}, areas.size(), [&](std::size_t i) { compact_gone(areas[i], 0.25); });
  if (m == 0)
    for (const auto& area : areas) {
      std::array<std::int64_t, kStates> stock{};
      for (const Person& p : area.agents.rows) ++stock[p.state];
      stock[static_cast<int>(State::Gone)] += area.compacted_gone;
      result.initial_stock.push_back(stock);
      result.initial_participants.push_back(area.participants);
    }
  if (m == 0 || ym.month == 1) {
    // The burn-in (the burn-in: months −burn … −1, not reported, so that month 0 starts from a
    // settled population, docs/model.md §5) and the first reported year run on the first plan.
    prepare_plan(s, config);
    const std::vector<ForbundYear>& plan = m <= 0 ? s.first_plan : *s.next_plan;
    // After a burn-in, month 0 keeps the places of the last burn-in year (the same plan).
    const bool apply = !(m == 0 && burn > 0);
    tbb::parallel_for(std::size_t{0}, areas.size(), [&](std::size_t i) {
      if (areas[i].forbund < 0) return;
      if (apply) apply_year_plan(areas[i], plan[areas[i].forbund], ctx, m > 0);
      count_running_participants(areas[i], ctx);
    });
    if (reported) std::fill(s.spending_agent_units.begin(), s.spending_agent_units.end(), 0);
    s.next_plan.reset();
  }
  for (auto& area : areas) area.record_events = s.record_events && reported;

  tbb::parallel_for(
      tbb::blocked_range<std::size_t>(0, s.order.size(), 1),
      [&](const tbb::blocked_range<std::size_t>& r) {
        for (std::size_t i = r.begin(); i != r.end(); ++i) step_month(areas[s.order[i]], ctx);
      },
      tbb::simple_partitioner());
  ++s.month;
  if (!reported) return;
  for (std::size_t ai = 0; ai < areas.size(); ++ai) {
    Area& area = areas[ai];
    result.monthly.push_back(area.month);
    if (area.forbund >= 0) s.spending_agent_units[area.forbund] += area.month.insats_spending;
    for (EventRecord e : area.events) {
      e.area = static_cast<std::uint16_t>(ai);
      result.events.push_back(e);
    }
    area.events.clear();
  }
  if (ym.month == 12 || m == result.months - 1) {
    // The förbund pays for individual insatser as they happen (scaled back from agent units).
    std::vector<Sek> individual(s.spending_agent_units.size());
    for (std::size_t f = 0; f < individual.size(); ++f)
      individual[f] = std::llround(static_cast<double>(s.spending_agent_units[f]) / config.population.scale);
    result.individual_spent.insert(result.individual_spent.end(), individual.begin(), individual.end());
    s.funding.close_year(ym.year, spent_in_year(s.funding, ym.year, individual));
  }
  if (control.on_month) control.on_month(result.replication, m);
}

namespace {

// The funding records of `funding` and the storage figures, into a copy or the state's own result.
void complete(ReplicationResult& result, const ReplicationState& state, const FundingCycle& funding) {
  result.funding.clear();
  const int first = funding.first_year();
  const int years =
      static_cast<int>(result.individual_spent.size() / std::max<std::size_t>(1, state.spending_agent_units.size()));
  for (int y = first; y < first + years; ++y) {
    const auto& closed = funding.year_record(y);
    result.funding.insert(result.funding.end(), closed.begin(), closed.end());
  }
  result.peak_agents = 0;
  for (const auto& a : state.areas) result.peak_agents += a.agents.size();
  result.bytes_per_agent = state.areas.empty() ? 0 : state.areas.front().agents.bytes_per_agent();
}

}  // namespace

ReplicationResult finish_replication(const ReplicationState& state, const FundingCycle& funding) {
  ReplicationResult result = state.result;
  complete(result, state, funding);
  return result;
}

ReplicationResult finish_replication(ReplicationState&& state) {
  ReplicationResult result = std::move(state.result);
  complete(result, state, state.funding);
  return result;
}

ReplicationResult run_replication(const ScenarioConfig& config, const World& world, int replication,
                                  const RunControl& control) {
  ReplicationState state = start_replication(config, world, replication, control.record_events);
  while (!finished(state)) advance_month(state, config, control);
  return finish_replication(std::move(state));
}

}  // namespace finsim
