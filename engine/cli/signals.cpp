#include "cli/signals.h"

namespace finsim::cli {
namespace {

// The one global state of the program (allowed by the style guide for this purpose): a signal
// handler can reach nothing else. Only lock-free atomics and sig_atomic_t are safe to write there.
struct SignalState {
  std::atomic<bool> cancel{false};
  volatile std::sig_atomic_t signal = 0;
};
SignalState g_signal_state;
static_assert(std::atomic<bool>::is_always_lock_free, "the cancel flag must be async-signal-safe");

extern "C" void on_signal(int signal) {
  g_signal_state.signal = signal;
  g_signal_state.cancel.store(true);
}

}  // namespace

CancelOnSignal::CancelOnSignal() {
  g_signal_state.cancel.store(false);
  g_signal_state.signal = 0;
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESETHAND;
  sigaction(SIGINT, &action, &previous_int_);
  sigaction(SIGTERM, &action, &previous_term_);
}

CancelOnSignal::~CancelOnSignal() {
  sigaction(SIGINT, &previous_int_, nullptr);
  sigaction(SIGTERM, &previous_term_, nullptr);
}

const std::atomic<bool>& CancelOnSignal::flag() const { return g_signal_state.cancel; }
int CancelOnSignal::signal() const { return g_signal_state.signal; }

const char* signal_name(int signal) {
  switch (signal) {
    case SIGINT: return "SIGINT";
    case SIGTERM: return "SIGTERM";
    default: return "a signal";
  }
}

}  // namespace finsim::cli
