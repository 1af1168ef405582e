#include "run/execute.h"

#include <tbb/task_group.h>

#include <algorithm>

namespace finsim {
namespace {

// At most this many points of a replication step together: each holds its own result (about
// 20 MB for a national 2019–2040 unit) until the group ends, so a sweep of hundreds of funding
// levels runs in groups instead of holding every point's result at once.
constexpr std::size_t kMaxPointsTogether = 16;

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

  // Takes the first point of one replication and the points that may share its areas (the same
  // model inputs but for funding, and the same first year's plan) into a group, leaves the others
  // to a new task and runs the group to the end. A group's states are built only when a thread is
  // free to run them, so a study of hundreds of points holds about one group per thread, not one
  // state per point; and points whose funding differs from the start finish apart.
  void start(int replication, std::vector<std::size_t> points) {
    if (points.empty()) return;
    const std::size_t lead = points.front();
    const World& world = *run_.worlds[lead];
    std::vector<std::size_t> group{lead}, rest;
    std::vector<ReplicationState> states;
    states.reserve(std::min(points.size(), kMaxPointsTogether));
    states.push_back(start_replication(config(lead), world, replication, run_.plan.record_events));
    for (std::size_t i = 1; i < points.size(); ++i) {
      const std::size_t p = points[i];
      if (options_.share_months && group.size() < kMaxPointsTogether && run_.may_share(lead, p)) {
        ReplicationState s = start_sharing(states.front(), config(p), world);
        if (same_for_model(s.first_plan, states.front().first_plan)) {
          states.push_back(std::move(s));
          group.push_back(p);
          continue;
        }
      }
      rest.push_back(p);
    }
    if (!rest.empty()) tasks_.run([this, replication, rest = std::move(rest)] { start(replication, rest); });
    std::vector<ReplicationState*> held;
    for (auto& s : states) held.push_back(&s);
    const RunControl control{options_.cancel, {}, false};
    while (!finished(states.front())) {
      const std::size_t stepped = advance_month(held, config(lead), control);
      if (options_.simulated_area_months)
        options_.simulated_area_months->fetch_add(static_cast<long>(stepped), std::memory_order_relaxed);
      progress(static_cast<long>(states.size()));
    }
    for (std::size_t i = 0; i < group.size(); ++i)
      controller_.done({group[i], replication}, finish_replication(std::move(states[i])));
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
