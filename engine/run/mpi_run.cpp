// Built only with FINSIM_MPI=ON: the rank loops of one run over several processes (the messages
// they exchange: run/mpi_protocol.h). Each process talks MPI from one thread only
// (MPI_THREAD_SERIALIZED): on rank 0 a dispatcher thread, on the others a messenger thread; the
// process's oneTBB threads compute in lanes.
#include "run/mpi_run.h"

#include <mpi.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <deque>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>
#include <vector>

#include "run/batch_lanes.h"
#include "run/mpi_protocol.h"
#include "run/work_queue.h"
#include "util/error.h"

namespace finsim::mpi {

namespace {

// Passes units to the caller's controller and counts them for the progress line.
class Forward : public RunController {
 public:
  Forward(RunController& to, const ExecuteOptions& options, long months_per_unit, long total_units)
      : to_(to), options_(options), months_(months_per_unit), total_(total_units) {}
  bool wants(const Unit&) const override { return true; }
  void done(const Unit& unit, ReplicationResult&& result) override {
    to_.done(unit, std::move(result));
    count();
  }
  void done_encoded(const Unit& unit, std::string_view encoded_result) override {
    to_.done_encoded(unit, encoded_result);
    count();
  }

 private:
  void count() {
    const long n = ++count_;
    if (options_.on_progress) options_.on_progress(n * months_, total_ * months_);
  }

  RunController& to_;
  const ExecuteOptions& options_;
  long months_, total_;
  std::atomic<long> count_{0};
};

// Rank 0's dispatcher thread: hands batches to the ranks that ask, takes their results, stops
// them when the work is out; on cancel or another rank's error it stops everything.
class Dispatcher {
 public:
  Dispatcher(Session::Peers& peers, WorkQueue& queue, Forward& sink, const std::string& digest,
             const std::atomic<bool>* cancel, std::atomic<bool>& stop_lanes)
      : peers_(peers),
        queue_(queue),
        sink_(sink),
        digest_(digest),
        cancel_(cancel),
        stop_lanes_(stop_lanes),
        size_(static_cast<int>(peers.stopped.size())),
        credits_(peers.stopped.size(), 0),
        outstanding_(peers.stopped.size(), 0) {}

  void run() {
    for (int w = 1; w < size_; ++w) send(w, kGo);
    for (;;) {
      // Cancelled: the user stopped the job, or the launcher is ending it because a rank died.
      // Open MPI sends SIGCONT, SIGTERM and SIGKILL within about a second, sometimes only ~0.1 s
      // between the last two: be quick, the journal holds every finished unit anyway.
      if (cancel_ && cancel_->load()) return give_up(std::chrono::milliseconds(50));
      bool idle = true;
      while (auto m = poll()) {
        idle = false;
        handle(*m);
        if (error_) return give_up(std::chrono::seconds(5));  // (not waiting for the slowest unit)
      }
      hand_out();
      if (finished()) return stop_all(peers_, std::chrono::seconds(5), [&](const Message& m) { handle(m); });
      if (idle) pause();
    }
  }

  const std::optional<RemoteError>& error() const { return error_; }

 private:
  std::size_t at(int w) const { return static_cast<std::size_t>(w); }

  void handle(const Message& m) {
    const std::string rank = "rank " + std::to_string(m.from);
    switch (m.tag) {
      case kHello:
        if (m.bytes != digest_)
          fail(true, rank +
                         " prepared a different run (scenario or input files differ between the "
                         "nodes, or another finsim build)");
        break;
      case kRequest: ++credits_[at(m.from)]; break;
      case kResult: take(m); break;
      case kError: {
        const RemoteError e = read_error_message(m.bytes);
        fail(e.input, rank + ": " + e.what);
        break;
      }
      case kDone: peers_.done[at(m.from)] = 1; break;
      default: fail(false, rank + " sent an unknown message (tag " + std::to_string(m.tag) + ")");
    }
  }

  void fail(bool input, std::string what) {
    if (!error_) error_ = RemoteError{input, std::move(what)};
  }

  void take(const Message& m) {
    // Journalled as received: rank 0's serial work per unit is the decode and the write.
    const auto [unit, result] = split_unit(m.bytes);
    --outstanding_[at(m.from)];
    sink_.done_encoded(unit, result);
  }

  void hand_out() {
    for (int w = 1; w < size_; ++w)
      while (credits_[at(w)] > 0 && !peers_.stopped[at(w)]) {
        auto batch = queue_.next();
        if (!batch) break;
        send(w, kWork, encode_batch(*batch));
        --credits_[at(w)];
        outstanding_[at(w)] += static_cast<long>(batch->points.size());
      }
    if (!queue_.exhausted()) return;
    for (int w = 1; w < size_; ++w)
      if (!peers_.stopped[at(w)] && outstanding_[at(w)] == 0) {
        send(w, kStop);
        peers_.stopped[at(w)] = 1;
      }
  }

  bool finished() const {
    for (int w = 1; w < size_; ++w)
      if (!peers_.stopped[at(w)]) return false;
    return true;
  }

  void give_up(Clock::duration timeout) {
    stop_lanes_ = true;
    queue_.close();
    stop_all(peers_, timeout, [&](const Message& m) { handle(m); });
  }

  Session::Peers& peers_;
  WorkQueue& queue_;
  Forward& sink_;
  const std::string& digest_;
  const std::atomic<bool>* cancel_;
  std::atomic<bool>& stop_lanes_;
  int size_;
  std::vector<long> credits_, outstanding_;
  std::optional<RemoteError> error_;
};

class SendBack : public RunController {
 public:
  explicit SendBack(Outbox& out) : out_(out) {}
  bool wants(const Unit&) const override { return true; }
  void done(const Unit& unit, ReplicationResult&& result) override { out_.push(kResult, encode_unit(unit, result)); }

 private:
  Outbox& out_;
};

}  // namespace

bool launched_as_other_rank() {
  for (const char* name : kRankVariables)
    if (const char* v = std::getenv(name)) return std::string_view(v) != "0";
  return false;
}

Session::Session() {
  if (!launched_by_mpi()) return;
  int provided = 0;
  MPI_Init_thread(nullptr, nullptr, MPI_THREAD_SERIALIZED, &provided);
  if (provided < MPI_THREAD_SERIALIZED) {
    MPI_Finalize();
    throw std::runtime_error("the MPI library does not support MPI_THREAD_SERIALIZED");
  }
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
  peers_ = std::make_unique<Peers>(size_);
}

Session::~Session() {
  if (!peers_) return;
  if (rank_ == 0 && peers_->clean) stop_all(*peers_, std::chrono::seconds(5), [](const Message&) {});
  // MPI_Finalize waits for every rank; with one dead, leave and let the launcher end the job.
  if (peers_->clean) MPI_Finalize();
}

void execute_ranks(Session& session, const PreparedRun& run, RunController& controller, const ExecuteOptions& options,
                   const std::string& digest) {
  if (session.size() == 1) return execute(run, controller, options);
  WorkQueue queue(run, controller);
  const auto& meta = run.scenarios.front().config.meta;
  Forward sink(controller, options, meta.burn_in_years * 12L + meta.months(), static_cast<long>(queue.units()));
  std::atomic<bool> stop_lanes{false};
  Dispatcher dispatcher(*session.peers(), queue, sink, digest, options.cancel, stop_lanes);
  std::thread thread([&] { dispatcher.run(); });
  ExecuteOptions local;
  local.cancel = &stop_lanes;
  local.share_months = options.share_months;
  std::exception_ptr failure;
  try {
    run_batches(run, queue, sink, local);
  } catch (...) {
    failure = std::current_exception();
  }
  // A local failure closed the queue: the dispatcher stops the others once their units are in.
  thread.join();
  if (const auto& e = dispatcher.error()) {
    if (e->input) throw InputError(e->what);
    throw std::runtime_error(e->what);
  }
  if (options.cancel && options.cancel->load()) throw Cancelled{};
  if (failure) std::rethrow_exception(failure);
}

int serve(Session& session, const PreparedRun* run, const std::string& error, bool input_error,
          const std::string& digest) {
  (void)session;
  Message first = wait_from_root();
  if (first.tag == kStop) {  // rank 0 failed before handing out work, and says why
    send(0, kDone);
    return 0;
  }
  int code = 0;
  Outbox out;
  std::atomic<bool> cancel{false}, lanes_done{false};
  std::string lane_error;
  bool lane_input_error = false;
  FeedQueue feed([&] { out.push(kRequest, {}); });
  std::thread lanes;
  if (run) {
    send(0, kHello, digest);
    lanes = std::thread([&] {
      SendBack back(out);
      ExecuteOptions options;
      options.cancel = &cancel;
      try {
        run_batches(*run, feed, back, options);
      } catch (const Cancelled&) {
      } catch (const InputError& e) {
        lane_error = e.what();
        lane_input_error = true;
      } catch (const std::exception& e) {
        lane_error = e.what();
      }
      lanes_done = true;
    });
  } else {
    send(0, kError, error_message(input_error, error));
    code = input_error ? 2 : 1;
    lanes_done = true;
  }
  bool stopped = false, error_sent = !run;
  for (;;) {
    bool idle = !out.flush();
    if (lanes_done && !lane_error.empty() && !error_sent) {
      send(0, kError, error_message(lane_input_error, lane_error));
      error_sent = true;
      code = lane_input_error ? 2 : 1;
    }
    if (stopped && lanes_done) break;
    while (auto m = poll(0)) {
      idle = false;
      if (m->tag == kWork) feed.push(decode_batch(m->bytes));
      if (m->tag == kStop) {
        stopped = true;
        cancel = true;
        feed.close();
      }
    }
    if (idle) pause();
  }
  if (lanes.joinable()) lanes.join();
  out.flush();
  send(0, kDone);
  return code;
}

}  // namespace finsim::mpi
