// Specification of the read fault guard (engine/output/h5_fault_guard.h): while a guard lives, a
// crash signal is Finsim's own handler; when the last guard ends, the handlers before it are back.
#include "output/h5_fault_guard.h"

#include <signal.h>

#include <catch2/catch.hpp>
#include <utility>

using finsim::h5::detail::ReadFaultGuard;

namespace {

// The handler now installed for `signal` (nullptr for SIG_DFL).
void* current_handler(int signal) {
  struct sigaction now {};
  sigaction(signal, nullptr, &now);
  return reinterpret_cast<void*>(now.sa_handler);
}

}  // namespace

TEST_CASE("a read fault guard installs its handler and restores the previous ones", "[hdf5][h5_fault_guard]") {
  void* const before_segv = current_handler(SIGSEGV);
  void* const before_fpe = current_handler(SIGFPE);
  {
    ReadFaultGuard outer("a.h5");
    void* const guarded = current_handler(SIGSEGV);
    CHECK(guarded != before_segv);
    CHECK(current_handler(SIGBUS) == guarded);
    CHECK(current_handler(SIGFPE) == guarded);
    {
      ReadFaultGuard inner("b.h5");  // nested: same handler, and ending it leaves the outer one
      CHECK(current_handler(SIGSEGV) == guarded);
    }
    CHECK(current_handler(SIGSEGV) == guarded);
  }
  CHECK(current_handler(SIGSEGV) == before_segv);
  CHECK(current_handler(SIGFPE) == before_fpe);
}

TEST_CASE("a moved read fault guard disarms once", "[hdf5][h5_fault_guard]") {
  void* const before = current_handler(SIGSEGV);
  {
    ReadFaultGuard first("a.h5");
    ReadFaultGuard second(std::move(first));  // the moved-from guard no longer counts
    ReadFaultGuard third;                     // not armed
    third = std::move(second);
    CHECK(current_handler(SIGSEGV) != before);
  }
  CHECK(current_handler(SIGSEGV) == before);
  ReadFaultGuard unarmed;
  CHECK(current_handler(SIGSEGV) == before);
}
