// SIGINT/SIGTERM for long commands: the first signal asks the run to stop between months (through
// RunControl::cancel) so the command can remove its partial file and say what happened.
#pragma once
#include <atomic>
#include <csignal>

namespace finsim::cli {

// While alive, SIGINT and SIGTERM set the cancel flag instead of killing the process. A second
// signal kills as usual (SA_RESETHAND), for a run that does not stop quickly enough. The previous
// handlers are restored on destruction. One instance at a time.
class CancelOnSignal {
 public:
  CancelOnSignal();
  ~CancelOnSignal();
  CancelOnSignal(const CancelOnSignal&) = delete;
  CancelOnSignal& operator=(const CancelOnSignal&) = delete;

  const std::atomic<bool>& flag() const;
  bool cancelled() const { return flag().load(); }
  int signal() const;  // the signal received, 0 if none

 private:
  struct sigaction previous_int_ {};
  struct sigaction previous_term_ {};
};

// "SIGINT", "SIGTERM", or "signal N".
const char* signal_name(int signal);

}  // namespace finsim::cli
