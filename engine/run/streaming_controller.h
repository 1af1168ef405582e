// A run controller that hands each finished unit to a sink (the result file's writer) on a thread
// of its own as soon as it comes, so that writing overlaps the run and no unit is kept after it.
#pragma once
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "run/journal_appender.h"
#include "run/run_controller.h"
#include "run/spill_file.h"

namespace finsim {

// Memory: at most `max_held` finished units are held at once (waiting, or in the sink): a worker
// whose unit would be one more waits in done() until the sink has taken one, so a slow sink slows
// the run instead of filling memory. Units a journal holds already (a resume) are read from it one
// at a time when the sink is free. Units given encoded (another MPI rank's) stay encoded until
// the sink takes them. With `keep_encoded_in` every unit's encoding is also kept to the end, for a
// second pass (the event log), in an unnamed file in that directory (run/spill_file.h): about a
// megabyte a unit plus its events, on disk rather than in memory.
// The sink runs on the controller's thread, one unit at a time, in the order the units finish.
class StreamingController : public RunController {
 public:
  using Sink = std::function<void(const Unit&, const ReplicationResult&)>;
  StreamingController(std::size_t points, int first_replication, int replications, Sink sink,
                      UnitJournal* journal = nullptr, std::size_t max_held = 4,
                      const std::optional<std::filesystem::path>& keep_encoded_in = std::nullopt);
  // Stops the sink's thread; units still waiting are dropped (the run failed or was cancelled).
  ~StreamingController() override;
  StreamingController(const StreamingController&) = delete;
  StreamingController& operator=(const StreamingController&) = delete;

  bool wants(const Unit& unit) const override;
  void done(const Unit& unit, ReplicationResult&& result) override;
  // Journals the bytes as they came; the sink's thread decodes them.
  void done_encoded(const Unit& unit, std::string_view encoded_result) override;

  // Waits until the sink has taken every unit given so far, and the journal has them. Rethrows
  // the first exception the sink threw (after it, units are no longer given to the sink).
  void finish();
  // Drops the units still waiting and returns once the sink is done with the one it has (the run
  // failed or was cancelled); done() then drops units too.
  void stop();
  // Why the journal was given up (a write failed: the run goes on without it), or "". Call after
  // finish(): the journal is then removed, since the sink no longer reads from it.
  std::string journal_error();
  // With keep_encoded_in: a unit's bytes (run/result_encoding.h).
  std::string encoded(const Unit& unit) const;
  // The most units held at once so far (tests: never above max_held).
  std::size_t peak_held() const;

 private:
  struct Item {
    Unit unit;
    std::optional<ReplicationResult> result;  // decoded (from a worker of this process)
    std::string bytes;                        // encoded (another rank's)
    bool in_journal = false;                  // neither: read from the journal
  };
  std::size_t slot(const Unit& unit) const;
  void push(Item&& item);
  void sink_loop();
  int first_, replications_;
  Sink sink_;
  UnitJournal* journal_;
  std::size_t max_held_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<char> have_;
  std::deque<Item> queue_;
  std::size_t held_ = 0, peak_ = 0;
  bool sinking_ = false, stop_ = false;
  std::exception_ptr failure_;
  std::optional<SpillFile> kept_;  // with keep_encoded_in
  std::thread thread_;
  JournalAppender appender_;  // last: destroyed first, after appending what was queued
};

}  // namespace finsim
