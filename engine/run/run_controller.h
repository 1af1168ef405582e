// A run controller decides which units this process computes and takes each finished one (into
// memory, a resume journal, or — later — another rank). execute() calls it; the model never does.
#pragma once
#include <atomic>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "run/run_plan.h"
#include "run/unit_journal.h"
#include "sim/replication_result.h"

namespace finsim {

class RunController {
 public:
  virtual ~RunController() = default;
  // Whether this process computes the unit (not when it is done already or belongs to another shard).
  virtual bool wants(const Unit& unit) const = 0;
  // A finished unit; called from worker threads, in any order.
  virtual void done(const Unit& unit, ReplicationResult&& result) = 0;
  // A finished unit as run/result_encoding.h's bytes (computed by another MPI rank). By default
  // decoded and passed to done(); a controller that stores the bytes as they are overrides it.
  virtual void done_encoded(const Unit& unit, std::string_view encoded_result);
};

// Keeps every unit of a run in memory: results[point][replication − first]. With a journal, the
// units it holds are loaded first (a resume) and each new one is appended to it before it counts.
class CollectingController : public RunController {
 public:
  CollectingController(std::size_t points, int first_replication, int replications, UnitJournal* journal = nullptr);
  bool wants(const Unit& unit) const override { return !have(unit); }
  void done(const Unit& unit, ReplicationResult&& result) override;
  // Journals the bytes as they came (no second encoding), then decodes them.
  void done_encoded(const Unit& unit, std::string_view encoded_result) override;
  bool have(const Unit& unit) const;
  // Why the journal was given up (a write failed: the run goes on without it), or "".
  std::string journal_error() const;
  std::vector<std::vector<ReplicationResult>>& results() { return results_; }

 private:
  template <class Append>
  void journal(Append append);
  void store(const Unit& unit, ReplicationResult&& result);
  int first_;
  std::atomic<UnitJournal*> journal_;
  std::string journal_error_;
  std::vector<std::vector<ReplicationResult>> results_;
  std::vector<std::vector<char>> have_;
  mutable std::mutex mutex_;
};

}  // namespace finsim
