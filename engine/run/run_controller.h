// A run controller decides which units this process computes and takes each finished one (into
// memory, a resume journal, or — later — another rank). execute() calls it; the model never does.
#pragma once
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "run/journal_appender.h"
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

// Keeps every unit of a run in memory: results[point][replication − first]. For tests and
// benchmarks: a result file is written by streaming the units instead (run/streaming_controller.h).
// With a journal, the units it holds are loaded first (a resume) and each new one is appended to it
// (run/journal_appender.h): a unit is on disk for certain once results(), journal_error() or flush()
// has returned, or the controller is destroyed.
class CollectingController : public RunController {
 public:
  CollectingController(std::size_t points, int first_replication, int replications, UnitJournal* journal = nullptr);
  bool wants(const Unit& unit) const override { return !have(unit); }
  void done(const Unit& unit, ReplicationResult&& result) override;
  // Journals the bytes as they came (no second encoding), then decodes them.
  void done_encoded(const Unit& unit, std::string_view encoded_result) override;
  bool have(const Unit& unit) const;
  // Waits until every unit given so far is in the journal (or the journal was given up).
  void flush() { appender_.flush(); }
  // Why the journal was given up (a write failed: the run goes on without it), or "". Flushes first.
  std::string journal_error() { return appender_.error(); }
  // Flushes first.
  std::vector<std::vector<ReplicationResult>>& results();

 private:
  void store(const Unit& unit, ReplicationResult&& result);
  int first_;
  std::vector<std::vector<ReplicationResult>> results_;
  std::vector<std::vector<char>> have_;
  mutable std::mutex mutex_;
  JournalAppender appender_;  // last: its destructor appends what is queued while the rest still lives
};

}  // namespace finsim
