#include "sim/simulation.h"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/partitioner.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

#include "population/synthesis.h"
#include "sim/area_sharing.h"
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

ReplicationState::ReplicationState(RunKey k, Rates r, std::vector<std::shared_ptr<Area>> a, FundingCycle f,
                                   int first_month, bool events)
    : key(k),
      rates(std::move(r)),
      areas(std::move(a)),
      funding(std::move(f)),
      spending_agent_units(funding.world().forbund.size(), 0),
      month(first_month),
      record_events(events) {}

ReplicationState start_replication(const ScenarioConfig& config, const World& world, int replication,
                                   bool record_events) {
  const RunKey key{config.meta.seed, static_cast<std::uint32_t>(replication)};
  std::vector<Area> areas = make_areas(world, config.insatser.size());
  populate_areas(areas, config, world, key);
  std::vector<std::shared_ptr<Area>> held;
  for (Area& a : areas) held.push_back(std::make_shared<Area>(std::move(a)));
  ReplicationState s(key, derive_rates(config), std::move(held),
                     FundingCycle(config.funding, world.org, world.geography, config.insatser, key,
                                  config.meta.first_year(), config.costs.prices),
                     -config.meta.burn_in_years * 12, record_events);
  ReplicationResult& result = s.result;
  result.replication = replication;
  result.months = config.meta.months();
  result.events_recorded = record_events;
  for (const auto& a : s.areas) {
    AreaInfo info{a->name, a->forbund, a->region, a->forbund >= 0 && world.org.forbund()[a->forbund].synthetic, 0};
    for (int k : a->kommuner) info.population_16_64 += world.geography.kommuner[k].population_16_64;
    result.areas.push_back(info);
  }
  result.monthly.reserve(static_cast<std::size_t>(result.months) * s.areas.size());
  s.first_plan = s.funding.plan_year(config.meta.first_year());
  return s;
}

ReplicationState start_sharing(const ReplicationState& lead, const ScenarioConfig& config, const World& world) {
  if (lead.month != -config.meta.burn_in_years * 12 || !lead.result.monthly.empty())
    throw std::logic_error("start_sharing: the lead state has already run");
  ReplicationState s(lead.key, lead.rates, lead.areas,
                     FundingCycle(config.funding, world.org, world.geography, config.insatser, lead.key,
                                  config.meta.first_year(), config.costs.prices),
                     lead.month, lead.record_events);
  s.result = lead.result;
  s.first_plan = s.funding.plan_year(config.meta.first_year());
  return s;
}

bool finished(const ReplicationState& state) { return state.month >= state.result.months; }

bool same_for_model(const ForbundYear& a, const ForbundYear& b) {
  // The fields apply_year_plan reads, plus admin and structural_places, which an area does not read
  // (each point closes its own funding cycle): comparing them too can only share a little less.
  return a.individual == b.individual && a.equity_draw == b.equity_draw && a.structural == b.structural &&
         a.admin == b.admin && a.monthly_slots == b.monthly_slots && a.structural_places == b.structural_places;
}

bool same_for_model(const std::vector<ForbundYear>& a, const std::vector<ForbundYear>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](const ForbundYear& x, const ForbundYear& y) { return same_for_model(x, y); });
}

namespace {

// What each förbund spent in `year`: admin and structural money as budgeted (no source says
// otherwise) plus the individual insatser as they happened, `individual` in SEK.
std::vector<Sek> spent_in_year(const FundingCycle& funding, int year, const std::vector<Sek>& individual) {
  const auto& records = funding.year_record(year);
  std::vector<Sek> spent(individual.size());
  for (std::size_t f = 0; f < individual.size(); ++f)
    spent[f] = records[f].admin + records[f].structural + individual[f];
  return spent;
}

// The plan each state applies this month, if the month applies one (the first month, month 0 and
// every January); the burn-in and the first reported year run on the first plan.
std::vector<const std::vector<ForbundYear>*> plans_due(std::span<ReplicationState* const> states,
                                                       const ScenarioConfig& config) {
  const int m = states.front()->month;
  const YearMonth ym = YearMonth::from_index(config.meta.start.index() + m);
  std::vector<const std::vector<ForbundYear>*> plans;
  if (m != -config.meta.burn_in_years * 12 && m != 0 && ym.month != 1) return plans;
  for (ReplicationState* s : states) {
    if (m > 0 && !s->next_plan) s->next_plan = s->funding.plan_year(ym.year);
    plans.push_back(m > 0 ? &*s->next_plan : &s->first_plan);
  }
  return plans;
}

// The month's records of one state, from the areas it holds: monthly counters, spending, events.
void record_month(ReplicationState& s) {
  ReplicationResult& result = s.result;
  for (std::size_t ai = 0; ai < s.areas.size(); ++ai) {
    const Area& area = *s.areas[ai];
    result.monthly.push_back(area.month);
    if (area.forbund >= 0) s.spending_agent_units[area.forbund] += area.month.insats_spending;
    for (EventRecord e : area.events) {
      e.area = static_cast<std::uint16_t>(ai);
      result.events.push_back(e);
    }
  }
}

// At a year's end (or the run's): the förbund pays for individual insatser as they happen
// (scaled back from agent units), and the funding cycle closes the year.
void close_year(ReplicationState& s, const ScenarioConfig& config, int year) {
  std::vector<Sek> individual(s.spending_agent_units.size());
  for (std::size_t f = 0; f < individual.size(); ++f)
    individual[f] = std::llround(static_cast<double>(s.spending_agent_units[f]) / config.population.scale);
  s.result.individual_spent.insert(s.result.individual_spent.end(), individual.begin(), individual.end());
  s.funding.close_year(year, spent_in_year(s.funding, year, individual));
}

}  // namespace

void advance_month(ReplicationState& state, const ScenarioConfig& config, const RunControl& control) {
  ReplicationState* one[] = {&state};
  advance_month(one, config, control);
}

std::size_t advance_month(std::span<ReplicationState* const> states, const ScenarioConfig& config,
                          const RunControl& control) {
  if (control.cancel && control.cancel->load()) throw Cancelled{};
  const ReplicationState& lead = *states.front();
  const int m = lead.month;
  const int burn = config.meta.burn_in_years * 12;
  const YearMonth ym = YearMonth::from_index(config.meta.start.index() + m);
  const StepContext ctx{config, lead.rates, lead.key, m, ym.year};
  const bool reported = m >= 0;
  // Where a state's plan parts from the others', it goes on with its own copy of the area.
  const auto plans = plans_due(states, config);
  if (!plans.empty()) part_areas(states, plans);
  const std::vector<HeldArea> areas = distinct_areas(states);
  const auto plan_of = [&](const HeldArea& h) -> const ForbundYear& {
    const auto& plan = m > 0 ? *h.holder->next_plan : h.holder->first_plan;
    return plan[static_cast<std::size_t>(h.area->forbund)];
  };
  for (const HeldArea& h : areas) h.area->month.reset(config.insatser.size());
  if (m == -burn) {  // the insatser running at the start are funded by the first year's plan
    for (const HeldArea& h : areas)
      if (h.area->forbund >= 0) apply_year_plan(*h.area, plan_of(h), ctx, false);
    // Everyone's first event is drawn as of the month before the start, so the first month has events.
    const StepContext before{config, lead.rates, lead.key, m - 1, ym.year};
    tbb::parallel_for(std::size_t{0}, areas.size(), [&](std::size_t i) {
      Area& area = *areas[i].area;
      fill_initial_participants(area, ctx);
      for (std::size_t p = 0; p < area.agents.size(); ++p) schedule(area, p, before);
      use_calendar(area, m, lead.result.months - 1);
    });
  }
  // At a year's turn, when identification drops its stale entries too, the Gone leave the storage
  // once they are a quarter of it (about every ten years at the baseline's rates).
  if (m % 12 == 0 && m > -burn)
    tbb::parallel_for(std::size_t{0}, areas.size(), [&](std::size_t i) { compact_gone(*areas[i].area, 0.25); });
  if (m == 0)
    for (ReplicationState* s : states)
      for (const auto& area : s->areas) {
        std::array<std::int64_t, kStates> stock{};
        for (const Person& p : area->agents.rows) ++stock[p.state];
        stock[static_cast<int>(State::Gone)] += area->compacted_gone;
        s->result.initial_stock.push_back(stock);
        s->result.initial_participants.push_back(area->participants);
      }
  if (m == 0 || ym.month == 1) {
    // The burn-in (months −burn … −1, not reported, so that month 0 starts from a settled
    // population, docs/model.md §5) and the first reported year run on the first plan. After a
    // burn-in, month 0 keeps the places of the last burn-in year (the same plan).
    const bool apply = !(m == 0 && burn > 0);
    tbb::parallel_for(std::size_t{0}, areas.size(), [&](std::size_t i) {
      Area& area = *areas[i].area;
      if (area.forbund < 0) return;
      if (apply) apply_year_plan(area, plan_of(areas[i]), ctx, m > 0);
      count_running_participants(area, ctx);
    });
    for (ReplicationState* s : states) {
      if (reported) std::fill(s->spending_agent_units.begin(), s->spending_agent_units.end(), 0);
      s->next_plan.reset();
    }
  }
  for (const HeldArea& h : areas) h.area->record_events = lead.record_events && reported;

  tbb::parallel_for(
      tbb::blocked_range<std::size_t>(0, areas.size(), 1),
      [&](const tbb::blocked_range<std::size_t>& r) {
        for (std::size_t i = r.begin(); i != r.end(); ++i) step_month(*areas[i].area, ctx);
      },
      tbb::simple_partitioner());
  for (ReplicationState* s : states) ++s->month;
  if (!reported) return areas.size();
  for (ReplicationState* s : states) record_month(*s);
  for (const HeldArea& h : areas) h.area->events.clear();
  if (ym.month == 12 || m == lead.result.months - 1)
    for (ReplicationState* s : states) close_year(*s, config, ym.year);
  if (control.on_month) control.on_month(lead.result.replication, m);
  return areas.size();
}

ReplicationResult finish_replication(ReplicationState&& state) {
  ReplicationResult result = std::move(state.result);
  const int first = state.funding.first_year();
  const int years =
      static_cast<int>(result.individual_spent.size() / std::max<std::size_t>(1, state.spending_agent_units.size()));
  result.funding.clear();
  for (int y = first; y < first + years; ++y) {
    const auto& closed = state.funding.year_record(y);
    result.funding.insert(result.funding.end(), closed.begin(), closed.end());
  }
  result.peak_agents = 0;
  for (const auto& a : state.areas) result.peak_agents += a->agents.size();
  result.bytes_per_agent = state.areas.empty() ? 0 : state.areas.front()->agents.bytes_per_agent();
  return result;
}

ReplicationResult run_replication(const ScenarioConfig& config, const World& world, int replication,
                                  const RunControl& control) {
  ReplicationState state = start_replication(config, world, replication, control.record_events);
  while (!finished(state)) advance_month(state, config, control);
  return finish_replication(std::move(state));
}

}  // namespace finsim
