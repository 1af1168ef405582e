#include "run/batch_lanes.h"

#include <tbb/global_control.h>
#include <tbb/task_arena.h>
#include <tbb/task_group.h>

#include <algorithm>
#include <exception>
#include <mutex>

namespace finsim {

void run_batches(const PreparedRun& run, BatchSource& source, RunController& sink, const ExecuteOptions& options,
                 int lanes) {
  if (lanes < 1)  // the threads this process may use: the arena's, capped by --threads (global_control)
    lanes = static_cast<int>(
        std::min<std::size_t>(static_cast<std::size_t>(tbb::this_task_arena::max_concurrency()),
                              tbb::global_control::active_value(tbb::global_control::max_allowed_parallelism)));
  std::mutex mutex;
  std::exception_ptr first;
  tbb::task_group group;
  for (int lane = 0; lane < lanes; ++lane)
    group.run([&] {
      try {
        // Isolated: a lane waiting for its replication's tasks must not pick up another lane's loop
        // (which runs until the source ends) and so hold its own batch back.
        while (auto batch = source.next())
          tbb::this_task_arena::isolate(
              [&] { execute_replication(run, batch->replication, batch->points, sink, options); });
      } catch (...) {
        source.close();
        std::lock_guard lock(mutex);
        if (!first) first = std::current_exception();
      }
    });
  group.wait();
  if (first) std::rethrow_exception(first);
}

}  // namespace finsim
