#include "run/execute.h"

#include <tbb/task_group.h>

#include <cmath>

namespace finsim {
namespace {

// A point that shares a branch's months: its own funding cycle, planned and closed in step with
// the branch, whose plans have so far been the same for the model as the branch's.
struct Companion {
  std::size_t point;
  FundingCycle funding;
  std::vector<ForbundYear> plan;  // the plan of the year being opened
};

// A replication's state running for `lead` and its companions until their plans part.
struct Branch {
  ReplicationState state;
  std::size_t lead;
  std::vector<Companion> companions;
};

class Executor {
 public:
  Executor(const PreparedRun& run, RunController& controller, const ExecuteOptions& options)
      : run_(run), controller_(controller), options_(options) {
    const auto& meta = run.scenarios.front().config.meta;
    months_per_unit_ = meta.burn_in_years * 12 + meta.months();
  }

  void run_all() {
    std::vector<std::vector<std::size_t>> by_replication;
    long units = 0;
    for (int r = run_.first_replication; r < run_.first_replication + run_.replications; ++r) {
      std::vector<std::size_t> points;
      for (std::size_t p = 0; p < run_.scenarios.size(); ++p)
        if (controller_.wants({p, r})) points.push_back(p);
      units += static_cast<long>(points.size());
      by_replication.push_back(std::move(points));
    }
    total_ = units * months_per_unit_;
    for (std::size_t i = 0; i < by_replication.size(); ++i) {
      if (by_replication[i].empty()) continue;
      const int r = run_.first_replication + static_cast<int>(i);
      tasks_.run([this, r, points = by_replication[i]] { start(r, points); });
    }
    tasks_.wait();
  }

  void run_replication(int replication, const std::vector<std::size_t>& points) {
    total_ = static_cast<long>(points.size()) * months_per_unit_;
    if (points.empty()) return;
    tasks_.run([this, replication, points] { start(replication, points); });
    tasks_.wait();
  }

 private:
  const ScenarioConfig& config(std::size_t p) const { return run_.scenarios[p].config; }

  // Groups the points of one replication into branches that share months from the start (same
  // model inputs and the same first plan): builds the first point's branch, leaves the other points
  // to a new task and runs the branch. A branch's state is built only when a thread is free to run
  // it, so a study of hundreds of points holds about one state per thread, not one per point.
  void start(int replication, std::vector<std::size_t> points) {
    if (points.empty()) return;
    const std::size_t lead = points.front();
    const World& world = *run_.worlds[lead];
    Branch b{start_replication(config(lead), world, replication, run_.plan.record_events), lead, {}};
    std::vector<std::size_t> rest;
    for (std::size_t i = 1; i < points.size(); ++i) {
      const std::size_t p = points[i];
      if (!options_.share_months || !run_.may_share(lead, p)) {
        rest.push_back(p);
        continue;
      }
      const ScenarioConfig& c = config(p);
      FundingCycle f(c.funding, world.org, world.geography, c.insatser, b.state.key, c.meta.first_year());
      auto plan = f.plan_year(c.meta.first_year());
      if (same_for_model(plan, b.state.first_plan))
        b.companions.push_back({p, std::move(f), std::move(plan)});
      else
        rest.push_back(p);
    }
    if (!rest.empty()) tasks_.run([this, replication, rest = std::move(rest)] { start(replication, rest); });
    follow(std::move(b));
  }

  // Runs a branch to the end, splitting off companions whose plans part from the lead's.
  void follow(Branch b) {
    const ScenarioConfig& cfg = config(b.lead);
    const int nf = static_cast<int>(b.state.spending_agent_units.size());
    while (!finished(b.state)) {
      if (const int year = plan_year_due(b.state, cfg); year != 0) {
        prepare_plan(b.state, cfg);
        for (auto& c : b.companions)  // (companions that left together planned this year already)
          if (c.funding.next_year() == year) c.plan = c.funding.plan_year(year);
        split(b);
      }
      const int m = b.state.month;
      advance_month(b.state, cfg, RunControl{options_.cancel, {}, false});
      if (options_.simulated_months) options_.simulated_months->fetch_add(1, std::memory_order_relaxed);
      const YearMonth ym = YearMonth::from_index(cfg.meta.start.index() + m);
      if (m >= 0 && (ym.month == 12 || m == b.state.result.months - 1)) {
        const auto& all = b.state.result.individual_spent;
        const std::vector<Sek> individual(all.end() - nf, all.end());
        for (auto& c : b.companions) c.funding.close_year(ym.year, spent_in_year(c.funding, ym.year, individual));
      }
      progress(1 + static_cast<long>(b.companions.size()));
    }
    for (auto& c : b.companions)
      controller_.done({c.point, b.state.result.replication}, finish_replication(b.state, c.funding));
    const Unit lead{b.lead, b.state.result.replication};
    controller_.done(lead, finish_replication(std::move(b.state)));
  }

  // Companions whose plan for the year now opening differs from the lead's leave on a copy of the
  // state (grouped among themselves by equal plans), with their own funding cycle and plan.
  void split(Branch& b) {
    std::vector<Companion> stay, leave;
    for (auto& c : b.companions) (same_for_model(c.plan, *b.state.next_plan) ? stay : leave).push_back(std::move(c));
    b.companions = std::move(stay);
    while (!leave.empty()) {
      Companion head = std::move(leave.front());
      std::vector<Companion> same, rest;
      for (std::size_t i = 1; i < leave.size(); ++i)
        (same_for_model(leave[i].plan, head.plan) ? same : rest).push_back(std::move(leave[i]));
      auto fork = std::make_shared<Branch>(Branch{b.state, head.point, std::move(same)});
      fork->state.funding = std::move(head.funding);
      fork->state.next_plan = std::move(head.plan);
      tasks_.run([this, fork] { follow(std::move(*fork)); });
      leave = std::move(rest);
    }
  }

  void progress(long unit_months) {
    const long done = done_.fetch_add(unit_months, std::memory_order_relaxed) + unit_months;
    if (options_.on_progress) options_.on_progress(done, total_);
  }

  const PreparedRun& run_;
  RunController& controller_;
  const ExecuteOptions& options_;
  long months_per_unit_ = 0;
  long total_ = 0;
  std::atomic<long> done_{0};
  tbb::task_group tasks_;
};

}  // namespace

void execute(const PreparedRun& run, RunController& controller, const ExecuteOptions& options) {
  Executor(run, controller, options).run_all();
}

void execute_replication(const PreparedRun& run, int replication, const std::vector<std::size_t>& points,
                         RunController& controller, const ExecuteOptions& options) {
  Executor(run, controller, options).run_replication(replication, points);
}

std::vector<std::vector<ReplicationResult>> execute_all(const PreparedRun& run, const ExecuteOptions& options,
                                                        UnitJournal* journal) {
  CollectingController collect(run.scenarios.size(), run.first_replication, run.replications, journal);
  execute(run, collect, options);
  return std::move(collect.results());
}

}  // namespace finsim
