// Turns a crash inside libhdf5 while a damaged file is open for reading into Finsim's bad-input
// answer: one line naming the file on stderr and exit code 2, instead of a segmentation fault.
#pragma once
#include <string>

namespace finsim::h5::detail {

// Debian's libhdf5 1.10.8 can itself crash on a corrupt file (NULL reads in its metadata cache,
// frees of garbage pointers in its link tables; tests/fuzz/known_libhdf5/README.md). Those faults
// are not in Finsim's code and cannot be caught as errors, but a user who hands finsim a damaged
// file must still get a clear one-line error and exit 2. While at least one guard lives, SIGSEGV,
// SIGBUS and SIGFPE print "finsim: FILE: libhdf5 crashed reading this file ..." and end the
// process with _exit(2). Nothing is being written when it fires: results go to a temporary file
// that is renamed only when complete, so no half-written result file stays behind.
// Guards nest (the handlers stay until the last one ends; the message names the latest file).
// Builds for fuzzing (FINSIM_NO_FAULT_GUARD) leave the crash to the sanitizer, which must see it.
class ReadFaultGuard {
 public:
  ReadFaultGuard() = default;  // not armed
  explicit ReadFaultGuard(const std::string& file);
  ~ReadFaultGuard() { release(); }
  ReadFaultGuard(ReadFaultGuard&& other) noexcept : armed_(other.armed_) { other.armed_ = false; }
  ReadFaultGuard& operator=(ReadFaultGuard&& other) noexcept;
  ReadFaultGuard(const ReadFaultGuard&) = delete;
  ReadFaultGuard& operator=(const ReadFaultGuard&) = delete;

 private:
  void release() noexcept;
  bool armed_ = false;
};

}  // namespace finsim::h5::detail
