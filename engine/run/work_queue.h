// The work a run hands out: batches of units (one replication and the points of it this process
// wants), in a queue that lanes of workers take from — locally, or over MPI (run/mpi_run.h).
#pragma once
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "run/prepared_run.h"
#include "run/run_controller.h"

namespace finsim {

// One replication with the points to compute in it. The points of a replication share months
// (run/execute.h), so a batch is the smallest piece of work worth handing out.
struct Batch {
  int replication = 0;
  std::vector<std::size_t> points;
  bool operator==(const Batch&) const = default;
};

// Where lanes take their next batch. next() returns std::nullopt when there is no more work
// (it may block until there is, or until close()).
class BatchSource {
 public:
  virtual ~BatchSource() = default;
  virtual std::optional<Batch> next() = 0;
  virtual void close() = 0;  // next() returns std::nullopt from now on
};

// Every unit of a run that a controller wants, batched by replication in replication order.
// Thread-safe; never blocks.
class WorkQueue : public BatchSource {
 public:
  WorkQueue(const PreparedRun& run, const RunController& controller);
  WorkQueue(std::vector<Batch> batches);
  std::optional<Batch> next() override;
  void close() override;
  std::size_t units() const { return units_; }  // wanted units in all batches, as built
  bool exhausted() const;                       // next() would return std::nullopt

 private:
  std::deque<Batch> batches_;
  std::size_t units_ = 0;
  bool closed_ = false;
  mutable std::mutex mutex_;
};

// Batches pushed by another thread (what an MPI rank was handed). next() blocks until a batch
// arrives or the queue is closed; `on_wait` runs at each call to next(), before it blocks (a rank
// asks for the next batch there).
class FeedQueue : public BatchSource {
 public:
  template <class F>
  explicit FeedQueue(F on_wait) : on_wait_(std::move(on_wait)) {}
  std::optional<Batch> next() override;
  void close() override;
  void push(Batch batch);

 private:
  std::function<void()> on_wait_;
  std::deque<Batch> batches_;
  bool closed_ = false;
  std::mutex mutex_;
  std::condition_variable ready_;
};

// The wire forms of a batch and of a finished unit (for MPI messages): fixed-width little-endian;
// a unit's result is run/result_encoding.h's bytes. decode_* throws std::runtime_error on bytes
// that are not one message.
std::string encode_batch(const Batch& batch);
Batch decode_batch(std::string_view bytes);
std::string encode_unit(const Unit& unit, const ReplicationResult& result);
std::pair<Unit, ReplicationResult> decode_unit(std::string_view bytes);
// The unit of a unit message and its result's bytes, not decoded (a resume journal takes them as
// they are).
std::pair<Unit, std::string_view> split_unit(std::string_view bytes);

}  // namespace finsim
