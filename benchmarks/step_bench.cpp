// Micro-benchmarks of the monthly step's phases on the national area set (scenarios/baseline.toml,
// all förbund and regions), one thread unless the name says otherwise. Items are agent-months:
// the live agents of the month being stepped, so items_per_second is directly comparable with
// benchmarks/README.md (target P1). Environment: FINSIM_BENCH_SCALE (population.scale, default 1), FINSIM_BENCH_TMP
// (folder for the HDF5 benchmark, default /tmp).
//
// The world is brought to a realistic state once — synthesis, the first year's plan, initial
// participants, then kWarmMonths months exactly as run_replication does them (queues, people in
// work, relapses; checked against run_replication) — and frozen as a snapshot. Every iteration restores the snapshot (not timed)
// and applies one phase to all areas for the same month, so every iteration does the same work.
#include <benchmark/benchmark.h>

#include <tbb/global_control.h>
#include <tbb/parallel_for.h>
#include <tbb/partitioner.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

#include "config/read_scenario.h"
#include "funding/funding_cycle.h"
#include "output/invariants.h"
#include "output/provenance.h"
#include "output/results_writer.h"
#include "population/synthesis.h"
#include "sim/area.h"
#include "sim/compaction.h"
#include "sim/events.h"
#include "sim/schedule.h"
#include "sim/simulation.h"
#include "world/world.h"


namespace {

using namespace finsim;
using Clock = std::chrono::steady_clock;

constexpr int kWarmMonths = 14;  // the benchmarked month is March of the second year

std::string env_or(const char* name, const char* fallback) {
  const char* v = std::getenv(name);
  return v && *v ? v : fallback;
}

// The national baseline, frozen at one ordinary month.
struct National {
  explicit National(Scenario s)
      : scenario(std::move(s)),
        world(build_world(scenario.config)),
        rates(derive_rates(scenario.config)),
        key{scenario.config.meta.seed, 0} {}
  Scenario scenario;
  World world;
  Rates rates;
  RunKey key;
  std::vector<Area> snapshot;
  std::vector<std::size_t> order;  // larger areas first, as run_replication
  int month = 0;
  int year = 0;
  std::int64_t live = 0;             // agent-months of the benchmarked month
  std::int64_t stored = 0;           // agents stored (Gone included)
  std::array<std::int64_t, kStates> stock{};
  std::int64_t due = 0;              // people with an event in the benchmarked month (scheduled engine)

  StepContext context() const { return StepContext{scenario.config, rates, key, month, year}; }
};

// Replays run_replication's months [0, kWarmMonths) on public functions and keeps the areas.
// The month records are checked against run_replication itself, so a harness that no longer
// follows the engine's timetable fails loudly instead of measuring something else.
std::unique_ptr<National> build_national() {
  const std::string scale = env_or("FINSIM_BENCH_SCALE", "1");
  auto n = std::make_unique<National>(load_scenario(std::string(FINSIM_SOURCE_DIR) + "/scenarios/baseline.toml",
                                                    {"population.scale=" + scale, "scenario.end=\"2028-12\"", "scenario.replications=1",
                                                     "scenario.burn_in_years=0"}));
  const auto& config = n->scenario.config;
  auto areas = make_areas(n->world, config.insatser.size());
  populate_areas(areas, config, n->world, n->key);

  FundingCycle funding(config.funding, n->world.org, n->world.geography, config.insatser, n->key, config.meta.first_year(),
                       config.costs.prices);
  const int nf = n->world.org.forbund_count();
  std::vector<Sek> spending(static_cast<std::size_t>(nf), 0);
  std::vector<ForbundYear> records;
  std::vector<MonthCounters> monthly;
  for (int m = 0; m < kWarmMonths; ++m) {
    const YearMonth ym = YearMonth::from_index(config.meta.start.index() + m);
    const StepContext ctx{config, n->rates, n->key, m, ym.year};
    for (auto& area : areas) area.month.reset(config.insatser.size());
    if (m == 0 || ym.month == 1) {
      const auto plan = funding.plan_year(ym.year);
      // As advance_month's first month (without a burn-in): the plan applied at once (no ramp-up),
      // everyone's first event drawn as of the month before, the calendar over the whole run.
      if (m == 0) {
        for (auto& area : areas)
          if (area.forbund >= 0) apply_year_plan(area, plan[static_cast<std::size_t>(area.forbund)], ctx, false);
        for (auto& area : areas) fill_initial_participants(area, ctx);
        const StepContext before{config, n->rates, n->key, -1, ym.year};
        for (auto& area : areas) {
          for (std::size_t p = 0; p < area.agents.size(); ++p) schedule(area, p, before);
          use_calendar(area, 0, config.meta.months() - 1);
        }
      }
      if (m % 12 == 0 && m > 0)
        for (auto& area : areas) compact_gone(area, 0.25);
      for (auto& area : areas) {
        if (area.forbund < 0) continue;
        apply_year_plan(area, plan[static_cast<std::size_t>(area.forbund)], ctx, m > 0);
        count_running_participants(area, ctx);
      }
      records = plan;
      std::fill(spending.begin(), spending.end(), 0);
    }
    tbb::parallel_for(std::size_t{0}, areas.size(), [&](std::size_t i) { step_month(areas[i], ctx); });
    for (const auto& area : areas) {
      monthly.push_back(area.month);
      if (area.forbund >= 0) spending[static_cast<std::size_t>(area.forbund)] += area.month.insats_spending;
    }
    if (ym.month == 12) {
      std::vector<Sek> spent(static_cast<std::size_t>(nf));
      for (std::size_t f = 0; f < spent.size(); ++f)
        spent[f] = records[f].admin + records[f].structural +
                   std::llround(static_cast<double>(spending[f]) / config.population.scale);
      funding.close_year(ym.year, spent);
    }
  }

  ScenarioConfig check = config;
  check.meta.end = YearMonth::from_index(config.meta.start.index() + kWarmMonths - 1);
  const auto reference = run_replication(check, n->world, 0);
  if (reference.monthly != monthly)
    throw std::logic_error("benchmarks/step_bench.cpp no longer replays run_replication (month records differ); "
                           "update build_national() to follow engine/sim/simulation.cpp");

  const YearMonth ym = YearMonth::from_index(config.meta.start.index() + kWarmMonths);
  n->month = kWarmMonths;
  n->year = ym.year;
  for (auto& area : areas) {
    area.month.reset(config.insatser.size());
    n->live += area.live();
    n->stored += static_cast<std::int64_t>(area.agents.size());
    for (std::size_t i = 0; i < area.agents.size(); ++i) ++n->stock[area.agents.state[i]];
    // The event phases read the due list that step_month collects first.
    collect_due(area, n->month);
    n->due += static_cast<std::int64_t>(area.due.size());
  }
  n->order.resize(areas.size());
  std::iota(n->order.begin(), n->order.end(), std::size_t{0});
  std::stable_sort(n->order.begin(), n->order.end(),
                   [&](auto x, auto y) { return areas[x].agents.size() > areas[y].agents.size(); });
  n->snapshot = std::move(areas);
  return n;
}

const National& national() {
  static const std::unique_ptr<National> n = build_national();
  return *n;
}

void label(benchmark::State& st, const National& n) {
  st.counters["agents_live"] = static_cast<double>(n.live);
  st.SetItemsProcessed(st.iterations() * n.live);
}

// Restores the snapshot (untimed), then times `phase(areas, ctx)` for the benchmarked month.
template <class Phase>
void time_phase(benchmark::State& st, Phase phase) {
  const National& n = national();
  const StepContext ctx = n.context();
  std::vector<Area> work;
  for (auto _ : st) {
    work = n.snapshot;
    const auto t0 = Clock::now();
    phase(work, ctx);
    benchmark::ClobberMemory();
    st.SetIterationTime(std::chrono::duration<double>(Clock::now() - t0).count());
  }
  label(st, n);
}

template <void (*Event)(Area&, const StepContext&)>
void BM_Event(benchmark::State& st) {
  time_phase(st, [](std::vector<Area>& areas, const StepContext& ctx) {
    for (auto& a : areas) Event(a, ctx);
  });
}

// The reference of benchmarks/README.md (target P1): one Philox4x32-10 block per live agent and month, nothing else.
void BM_PhiloxBare(benchmark::State& st) {
  const National& n = national();
  std::uint32_t sink = 0;
  for (auto _ : st) {
    for (const auto& area : n.snapshot) {
      const auto& a = area.agents;
      for (std::size_t i = 0; i < a.size(); ++i) {
        if (a.state[i] == static_cast<std::uint8_t>(State::Gone)) continue;
        const auto b = StreamRng(n.key, a.id[i], static_cast<std::uint32_t>(n.month)).bits(Purpose::DemographicExit);
        sink ^= b[0] ^ b[3];
      }
    }
    benchmark::DoNotOptimize(sink);
  }
  label(st, n);
}

// What drawing every event every month would cost: four blocks per agent-month (the engine before
// event scheduling drew about 2.8).
void BM_PhiloxFourPurposes(benchmark::State& st) {
  const National& n = national();
  std::uint32_t sink = 0;
  for (auto _ : st) {
    for (const auto& area : n.snapshot) {
      const auto& a = area.agents;
      for (std::size_t i = 0; i < a.size(); ++i) {
        if (a.state[i] == static_cast<std::uint8_t>(State::Gone)) continue;
        const StreamRng rng(n.key, a.id[i], static_cast<std::uint32_t>(n.month));
        for (auto p : {Purpose::DemographicExit, Purpose::BaselineTransition, Purpose::Referral, Purpose::Participation})
          sink ^= rng.bits(p)[0];
      }
    }
    benchmark::DoNotOptimize(sink);
  }
  label(st, n);
}

// The floor of one scheduled event (issue 12's ns per event): the draw sim/schedule.cpp makes for
// it — one Philox block, the log of a uniform, log1p of the total hazard and the division — per live
// agent, with nothing else (no record, no calendar). Compare with the step's ns per event.
void BM_EventDraw(benchmark::State& st) {
  const National& n = national();
  double sink = 0;
  for (auto _ : st) {
    for (const auto& area : n.snapshot) {
      const auto& a = area.agents;
      for (std::size_t i = 0; i < a.size(); ++i) {
        if (a.state[i] == static_cast<std::uint8_t>(State::Gone)) continue;
        const auto b = StreamRng(n.key, a.id[i], static_cast<std::uint32_t>(n.month)).bits(Purpose::Schedule, a.state[i]);
        const double u = 1.0 - StreamRng::to_unit(b[0], b[1]);
        const double total = 0.01 * a.job_chance[i] + 0.004;  // varies by person, as the real total does
        sink += std::floor(std::log(u) / std::log1p(-total));
      }
    }
    benchmark::DoNotOptimize(sink);
  }
  label(st, n);
}

void BM_ReferralQueue(benchmark::State& st) {
  time_phase(st, [](std::vector<Area>& areas, const StepContext& ctx) {
    for (auto& a : areas) {
      referral(a, ctx);
      waiting_list(a, ctx);
      assign_slots(a, ctx);
    }
  });
}

// The whole timetable, sequentially over areas; counters give the phase mix of this month.
void BM_StepMonth(benchmark::State& st) {
  time_phase(st, [](std::vector<Area>& areas, const StepContext& ctx) {
    for (auto& a : areas) step_month(a, ctx);
  });
  const National& n = national();
  st.counters["agents_stored"] = static_cast<double>(n.stored);
  st.counters["due_per_agent"] = static_cast<double>(n.due) / static_cast<double>(n.live);
}

// The scan for people whose event falls in this month.
void BM_CollectDue(benchmark::State& st) {
  time_phase(st, [](std::vector<Area>& areas, const StepContext& ctx) {
    for (auto& a : areas) collect_due(a, ctx.month);
  });
}

// Drawing every live person's next event, as at the start of a replication (items: people).
void BM_Schedule(benchmark::State& st) {
  time_phase(st, [](std::vector<Area>& areas, const StepContext& ctx) {
    for (auto& a : areas)
      for (std::size_t i = 0; i < a.agents.size(); ++i)
        if (a.agents.state_of(i) != State::Gone) schedule(a, i, ctx);
  });
}

// As run_replication steps a month: parallel over areas, larger first, on Arg threads.
void BM_StepMonthParallel(benchmark::State& st) {
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(st.range(0)));
  const National& n = national();
  time_phase(st, [&n](std::vector<Area>& areas, const StepContext& ctx) {
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n.order.size(), 1),
                      [&](const tbb::blocked_range<std::size_t>& r) {
                        for (std::size_t i = r.begin(); i != r.end(); ++i) step_month(areas[n.order[i]], ctx);
                      },
                      tbb::simple_partitioner());
  });
  // The largest area bounds the speed-up: at most total / largest with enough threads.
  std::int64_t largest = 0;
  for (const auto& a : n.snapshot) largest = std::max<std::int64_t>(largest, static_cast<std::int64_t>(a.agents.size()));
  st.counters["largest_area_share"] = static_cast<double>(largest) / static_cast<double>(n.stored);
  st.counters["areas"] = static_cast<double>(n.snapshot.size());
}

// The yearly funding cycle for all förbund: construction, then plan_year + close_year for each
// of ten years (spending reported as budgeted). Items are years.
void BM_FundingCycle(benchmark::State& st) {
  const National& n = national();
  const auto& config = n.scenario.config;
  constexpr int kYears = 10;
  for (auto _ : st) {
    FundingCycle funding(config.funding, n.world.org, n.world.geography, config.insatser, n.key, config.meta.first_year(),
                         config.costs.prices);
    for (int y = config.meta.first_year(); y < config.meta.first_year() + kYears; ++y) {
      const auto plan = funding.plan_year(y);
      std::vector<Sek> spent;
      spent.reserve(plan.size());
      for (const auto& f : plan) spent.push_back(f.budget);
      funding.close_year(y, spent);
    }
    benchmark::DoNotOptimize(funding.year_record(config.meta.first_year()).data());
  }
  st.SetItemsProcessed(st.iterations() * kYears);
}

// The turn of the year in the agent model: slots and unfunded endings for every förbund area.
void BM_ApplyYearPlan(benchmark::State& st) {
  const National& n = national();
  const auto& config = n.scenario.config;
  FundingCycle funding(config.funding, n.world.org, n.world.geography, config.insatser, n.key, config.meta.first_year(),
                       config.costs.prices);
  for (int y = config.meta.first_year(); y < n.year; ++y) funding.plan_year(y);
  const auto plan = funding.plan_year(n.year);
  time_phase(st, [&plan](std::vector<Area>& areas, const StepContext& ctx) {
    for (auto& a : areas)
      if (a.forbund >= 0) apply_year_plan(a, plan[static_cast<std::size_t>(a.forbund)], ctx);
  });
}

// One replication's aggregates (ten years, the benchmark scale) as `finsim run -o` writes them.
struct Written {
  std::vector<ReplicationResult> results;
  std::int64_t agent_months = 0;
};

const Written& written() {
  static const Written w = [] {
    const National& n = national();
    Written out;
    out.results.push_back(run_replication(n.scenario.config, n.world, 0));
    const auto& r = out.results.front();
    for (int m = 0; m < r.months; ++m)
      for (std::size_t a = 0; a < r.areas.size(); ++a)
        for (int s = 0; s < kStates; ++s)
          if (s != static_cast<int>(State::Gone)) out.agent_months += r.at(m, a).stock[static_cast<std::size_t>(s)];
    return out;
  }();
  return w;
}

void BM_WriteResults(benchmark::State& st) {
  const National& n = national();
  const Written& w = written();
  const auto path = std::filesystem::path(env_or("FINSIM_BENCH_TMP", "/tmp")) / "finsim_bench_write.h5";
  const RunInfo run = describe_run("finsim_bench", 1);
  for (auto _ : st) write_results(path, n.scenario, n.world, w.results, run);
  st.counters["file_bytes"] = static_cast<double>(std::filesystem::file_size(path));
  std::filesystem::remove(path);
  st.SetItemsProcessed(st.iterations() * w.agent_months);  // per agent-month of the replication
}

void BM_CheckInvariants(benchmark::State& st) {
  const National& n = national();
  const Written& w = written();
  for (auto _ : st) check_invariants(w.results, n.scenario.config.meta.start);
  st.SetItemsProcessed(st.iterations() * w.agent_months);
}

}  // namespace

BENCHMARK(BM_PhiloxBare)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PhiloxFourPurposes)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_EventDraw)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CollectDue)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Schedule)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Event<demographic_exits>)->Name("BM_DemographicExits")->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Event<inflow>)->Name("BM_Inflow")->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Event<baseline_transitions>)->Name("BM_BaselineTransitions")->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReferralQueue)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Event<participation>)->Name("BM_Participation")->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Event<ledger>)->Name("BM_Ledger")->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_StepMonth)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_StepMonthParallel)->Arg(1)->Arg(2)->ArgName("threads")->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ApplyYearPlan)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FundingCycle)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WriteResults)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_CheckInvariants)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
