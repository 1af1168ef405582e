#include "output/h5_fault_guard.h"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstring>
#include <mutex>

namespace finsim::h5::detail {
namespace {

// A signal handler can reach nothing but static storage, so the guard's state lives here: the
// message (built before any fault, so the handler only writes bytes) and the previous_fault_actions handlers.
constexpr std::array<int, 3> kFaultSignals{SIGSEGV, SIGBUS, SIGFPE};
std::mutex fault_guard_mutex;
int active_fault_guards = 0;
std::array<struct sigaction, kFaultSignals.size()> previous_fault_actions{};
std::array<char, 4096> fault_message{};
std::atomic<std::size_t> fault_message_length{0};

extern "C" void on_fault(int) {
  const std::size_t n = fault_message_length.load();
  ssize_t ignored = ::write(STDERR_FILENO, fault_message.data(), n);
  (void)ignored;
  ::_exit(2);
}

void set_fault_message(const std::string& file) {
  const std::string text = "finsim: " + file +
                           ": libhdf5 crashed reading this file: it is damaged (not an intact HDF5 file as finsim "
                           "writes it)\n";
  const std::size_t n = std::min(text.size(), fault_message.size());
  fault_message_length.store(0);
  std::memcpy(fault_message.data(), text.data(), n);
  fault_message_length.store(n);
}

}  // namespace

ReadFaultGuard::ReadFaultGuard([[maybe_unused]] const std::string& file) {
#ifndef FINSIM_NO_FAULT_GUARD
  std::lock_guard lock(fault_guard_mutex);
  set_fault_message(file);
  if (active_fault_guards++ == 0) {
    struct sigaction action {};
    action.sa_handler = on_fault;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESETHAND;
    for (std::size_t i = 0; i < kFaultSignals.size(); ++i)
      sigaction(kFaultSignals[i], &action, &previous_fault_actions[i]);
  }
  armed_ = true;
#endif
}

ReadFaultGuard& ReadFaultGuard::operator=(ReadFaultGuard&& other) noexcept {
  if (this != &other) {
    release();
    armed_ = other.armed_;
    other.armed_ = false;
  }
  return *this;
}

void ReadFaultGuard::release() noexcept {
  if (!armed_) return;
  armed_ = false;
  std::lock_guard lock(fault_guard_mutex);
  if (--active_fault_guards == 0)
    for (std::size_t i = 0; i < kFaultSignals.size(); ++i)
      sigaction(kFaultSignals[i], &previous_fault_actions[i], nullptr);
}

}  // namespace finsim::h5::detail
