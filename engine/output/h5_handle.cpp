#include "output/h5_handle.h"

#include <algorithm>

#include "util/error.h"

namespace finsim::h5::detail {

Handle& Handle::operator=(Handle&& other) noexcept {
  if (this != &other) {
    reset();
    close_ = other.close_;
    id_ = other.release();
  }
  return *this;
}

hid_t Handle::release() noexcept {
  hid_t id = id_;
  id_ = H5I_INVALID_HID;
  return id;
}

void Handle::reset() noexcept {
  // A failed close (the disk filled up) leaves messages on this thread's error stack that nobody
  // reads on this path; HDF5 frees a finished thread's stack without its messages, so they are
  // cleared here, not leaked.
  if (!close()) H5Eclear2(H5E_DEFAULT);
}

bool Handle::close() noexcept {
  if (id_ < 0) return true;
  bool ok = close_(id_) >= 0;
  id_ = H5I_INVALID_HID;
  return ok;  // a failure's messages stay on the stack for the caller's error (current_stack reads and clears)
}

namespace {

herr_t collect_error(unsigned, const H5E_error2_t* error, void* data) {
  auto* stack = static_cast<ErrorStack*>(data);
  std::string text = error->desc ? error->desc : "";
  // HDF5 embeds ctime() output, which ends in a newline; messages must stay on one line.
  std::replace(text.begin(), text.end(), '\n', ' ');
  stack->messages.push_back(text);
  return 0;
}

bool mentions(const ErrorStack& stack, std::string_view text) {
  return std::any_of(stack.messages.begin(), stack.messages.end(),
                     [&](const std::string& m) { return m.find(text) != std::string::npos; });
}

}  // namespace

ErrorStack current_stack() {
  ErrorStack stack;
  H5Ewalk2(H5E_DEFAULT, H5E_WALK_DOWNWARD, collect_error, &stack);
  H5Eclear2(H5E_DEFAULT);  // read once; see Handle::reset
  return stack;
}

std::string reason(const ErrorStack& stack) {
  constexpr std::string_view marker = "error message = '";
  for (const auto& message : stack.messages) {
    auto at = message.find(marker);
    if (at != std::string::npos) {
      auto start = at + marker.size();
      return message.substr(start, message.find('\'', start) - start);
    }
  }
  for (auto it = stack.messages.rbegin(); it != stack.messages.rend(); ++it) {
    if (!it->empty()) return *it;
  }
  return "unknown HDF5 error";
}

// From the stack's text, not errno: errno may be left over from an unrelated earlier failure.
bool disk_full(const ErrorStack& stack) { return mentions(stack, "errno = 28,") || mentions(stack, "errno = 122,"); }

bool file_locked(const ErrorStack& stack) { return mentions(stack, "unable to lock file"); }

std::runtime_error write_error(const std::string& file, const std::string& object, std::string_view action) {
  ErrorStack stack = current_stack();
  if (disk_full(stack)) return std::runtime_error(file + ": disk full while writing " + object);
  return std::runtime_error(file + ": " + object + ": cannot " + std::string(action) + ": " + reason(stack));
}

void write_failure(const std::string& file, const std::string& object, std::string_view action) {
  throw write_error(file, object, action);
}

void input_failure(const std::string& file, const std::string& object, const std::string& what) {
  throw InputError(file + ": " + object + ": " + what);
}

void prepare_library() {
  // When a write fails (disk full), HDF5 1.10 cannot close the file and keeps its ID; its atexit
  // clean-up then closes that ID again and crashes, turning a clear error into a segfault. Our
  // handles close everything themselves, so the clean-up is not needed. This only takes effect
  // before the library's first use, and later calls are harmless.
  H5dont_atexit();
  // Errors become exceptions with the stack's text; HDF5's own printing to stderr would duplicate
  // them and break the one-line message rule.
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
}

}  // namespace finsim::h5::detail
