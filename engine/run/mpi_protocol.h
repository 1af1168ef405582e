// The MPI message protocol between rank 0 and the other ranks of one run (run/mpi_run.cpp has
// the rank loops). Built only with FINSIM_MPI=ON. All on MPI_COMM_WORLD, bytes only:
//   rank 0 → w: GO (start) | WORK (a batch) | STOP (no more work, or give up: cancel what runs)
//   w → rank 0: HELLO (the run's digest) | REQUEST (one more batch: a lane is free) |
//               RESULT (a finished unit) | ERROR (kind byte + one line) | DONE (answer to STOP, last)
#pragma once
#include <mpi.h>

#include <chrono>
#include <cstdlib>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "run/mpi_run.h"

namespace finsim::mpi {

enum Tag : int { kGo = 1, kStop, kWork, kRequest, kResult, kError, kDone, kHello };

struct Session::Peers {
  explicit Peers(int size) : stopped(static_cast<std::size_t>(size), 0), done(static_cast<std::size_t>(size), 0) {}
  std::vector<char> stopped;  // STOP sent
  std::vector<char> done;     // DONE received
  bool clean = true;          // every rank answered: MPI_Finalize will not wait for a dead one
};

using Clock = std::chrono::steady_clock;

struct Message {
  int from = 0;
  int tag = 0;
  std::string bytes;
};

void send(int to, Tag tag, std::string_view bytes = {});

// The next message waiting (from `from`, or anyone), without blocking.
std::optional<Message> poll(int from = MPI_ANY_SOURCE);

// Between polls: short against a unit (tens of milliseconds and more), long enough that the
// polling thread takes no core from the lanes. (Open MPI's blocking calls would spin instead.)
void pause();

inline const char* const kRankVariables[] = {"OMPI_COMM_WORLD_RANK", "PMIX_RANK", "PMI_RANK"};

// Whether an MPI launcher started this process (one of kRankVariables is set).
bool launched_by_mpi();

// Rank 0: STOP to every rank not stopped yet, then waits up to `timeout` for each one's DONE,
// passing the other messages that still arrive (results, errors) to `on_message`. A rank that does
// not answer (it died) leaves the session unclean.
template <class OnMessage>
void stop_all(Session::Peers& peers, Clock::duration timeout, OnMessage on_message) {
  const int size = static_cast<int>(peers.stopped.size());
  for (int w = 1; w < size; ++w)
    if (!peers.stopped[static_cast<std::size_t>(w)]) {
      send(w, kStop);
      peers.stopped[static_cast<std::size_t>(w)] = 1;
    }
  const auto deadline = Clock::now() + timeout;
  auto all_done = [&] {
    for (int w = 1; w < size; ++w)
      if (!peers.done[static_cast<std::size_t>(w)]) return false;
    return true;
  };
  while (!all_done()) {
    if (auto m = poll()) {
      if (m->tag == kDone)
        peers.done[static_cast<std::size_t>(m->from)] = 1;
      else
        on_message(*m);
    } else if (Clock::now() > deadline) {
      peers.clean = false;
      return;
    } else {
      pause();
    }
  }
}

// A failure reported by another rank: its kind byte ('2' = the user's input) and one line.
struct RemoteError {
  bool input = false;
  std::string what;
};
// The ERROR message's bytes: the kind byte, then the line.
std::string error_message(bool input, const std::string& what);
// Its reading on rank 0: a kind byte other than '2' (or none) is not the user's input.
RemoteError read_error_message(std::string_view bytes);

// A rank's messages to rank 0, queued by the lanes and sent by the messenger thread.
class Outbox {
 public:
  void push(Tag tag, std::string bytes) {
    std::lock_guard lock(mutex_);
    messages_.emplace_back(tag, std::move(bytes));
  }
  bool flush() {  // true when something was sent
    std::deque<std::pair<Tag, std::string>> out;
    {
      std::lock_guard lock(mutex_);
      out.swap(messages_);
    }
    for (const auto& [tag, bytes] : out) send(0, tag, bytes);
    return !out.empty();
  }

 private:
  std::mutex mutex_;
  std::deque<std::pair<Tag, std::string>> messages_;
};

// Blocks (polling) until rank 0 sends this rank a message.
Message wait_from_root();

}  // namespace finsim::mpi
