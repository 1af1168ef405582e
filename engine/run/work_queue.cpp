#include "run/work_queue.h"

#include <stdexcept>

#include "run/binary_archive.h"
#include "run/result_encoding.h"

namespace finsim {

namespace {

std::vector<Batch> wanted_batches(const PreparedRun& run, const RunController& controller) {
  std::vector<Batch> batches;
  for (int r = run.first_replication; r < run.first_replication + run.replications; ++r) {
    Batch b{r, {}};
    for (std::size_t p = 0; p < run.scenarios.size(); ++p)
      if (controller.wants({p, r})) b.points.push_back(p);
    if (!b.points.empty()) batches.push_back(std::move(b));
  }
  return batches;
}

}  // namespace

WorkQueue::WorkQueue(const PreparedRun& run, const RunController& controller)
    : WorkQueue(wanted_batches(run, controller)) {}

WorkQueue::WorkQueue(std::vector<Batch> batches) : batches_(batches.begin(), batches.end()) {
  for (const auto& b : batches_) units_ += b.points.size();
}

std::optional<Batch> WorkQueue::next() {
  std::lock_guard lock(mutex_);
  if (closed_ || batches_.empty()) return std::nullopt;
  Batch b = std::move(batches_.front());
  batches_.pop_front();
  return b;
}

void WorkQueue::close() {
  std::lock_guard lock(mutex_);
  closed_ = true;
}

bool WorkQueue::exhausted() const {
  std::lock_guard lock(mutex_);
  return closed_ || batches_.empty();
}

std::optional<Batch> FeedQueue::next() {
  if (on_wait_) on_wait_();
  std::unique_lock lock(mutex_);
  ready_.wait(lock, [&] { return closed_ || !batches_.empty(); });
  if (closed_) return std::nullopt;
  Batch b = std::move(batches_.front());
  batches_.pop_front();
  return b;
}

void FeedQueue::close() {
  {
    std::lock_guard lock(mutex_);
    closed_ = true;
  }
  ready_.notify_all();
}

void FeedQueue::push(Batch batch) {
  {
    std::lock_guard lock(mutex_);
    batches_.push_back(std::move(batch));
  }
  ready_.notify_one();
}

std::string encode_batch(const Batch& batch) {
  std::string out;
  ArchiveWriter w(out);
  w(batch.replication, batch.points);
  return out;
}

Batch decode_batch(std::string_view bytes) {
  Batch b;
  ArchiveReader r(bytes);
  r(b.replication, b.points);
  if (r.remaining() != 0) throw std::runtime_error("batch message: bytes left after one batch");
  return b;
}

std::string encode_unit(const Unit& unit, const ReplicationResult& result) {
  std::string out;
  ArchiveWriter w(out);
  w(unit.point, unit.replication);
  encode_result(result, out);
  return out;
}

std::pair<Unit, std::string_view> split_unit(std::string_view bytes) {
  constexpr std::size_t kHead = sizeof(std::size_t) + sizeof(int);
  if (bytes.size() < kHead) throw std::runtime_error("unit message: too short");
  Unit u;
  ArchiveReader r(bytes.substr(0, kHead));
  r(u.point, u.replication);
  return {u, bytes.substr(kHead)};
}

std::pair<Unit, ReplicationResult> decode_unit(std::string_view bytes) {
  const auto [unit, result] = split_unit(bytes);
  return {unit, decode_result(result)};
}

}  // namespace finsim
