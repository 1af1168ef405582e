// The bottom of Finsim's HDF5 layer: one owner per HDF5 identifier, closed in its destructor, and
// HDF5's error stack turned into exceptions that name the file and the object's path.
#pragma once
#include <hdf5.h>

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace finsim::h5 {

// Errors: problems with a file the user gave us (not HDF5, missing object, wrong type or shape)
// throw finsim::InputError; failures while writing throw std::runtime_error; misuse by the
// caller (data size not matching the shape, unknown dimension) throws std::invalid_argument.
// Not thread-safe: one thread at a time may use the objects of one file.

namespace detail {

// Owns one HDF5 identifier and closes it with the matching H5?close.
class Handle {
 public:
  using Closer = herr_t (*)(hid_t);
  Handle() = default;
  Handle(hid_t id, Closer close) : id_(id), close_(close) {}
  Handle(Handle&& other) noexcept : id_(other.release()), close_(other.close_) {}
  Handle& operator=(Handle&& other) noexcept;
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  ~Handle() { reset(); }

  hid_t get() const { return id_; }
  hid_t release() noexcept;
  void reset() noexcept;
  // Closes now and reports whether HDF5 succeeded: closing a dataset or file may flush data. On
  // failure HDF5's messages stay on the error stack: read them (write_error) for the reason.
  bool close() noexcept;

 private:
  hid_t id_ = H5I_INVALID_HID;
  Closer close_ = nullptr;
};

// The messages on HDF5's error stack, outermost (the API call) first.
struct ErrorStack {
  std::vector<std::string> messages;
};

// Must run right after the failing call: the next HDF5 call clears the stack.
ErrorStack current_stack();
// The operating system's words if HDF5 recorded them, else HDF5's most specific message.
std::string reason(const ErrorStack& stack);
// ENOSPC or EDQUOT on the stack (a full quota looks the same to the user).
bool disk_full(const ErrorStack& stack);
bool file_locked(const ErrorStack& stack);

// "FILE: OBJECT: cannot ACTION: REASON", or "FILE: disk full while writing OBJECT". Must be built
// right after the failing call, before another HDF5 call clears the stack.
std::runtime_error write_error(const std::string& file, const std::string& object, std::string_view action);
[[noreturn]] void write_failure(const std::string& file, const std::string& object, std::string_view action);
// Throws InputError("FILE: OBJECT: WHAT").
[[noreturn]] void input_failure(const std::string& file, const std::string& object, const std::string& what);

// Checks the result of an HDF5 call made while writing.
template <class T>
T written(T result, const std::string& file, const std::string& object, std::string_view action) {
  if (result < 0) write_failure(file, object, action);
  return result;
}

// Checks the result of an HDF5 call made while reading a user's file.
template <class T>
T read_ok(T result, const std::string& file, const std::string& object, std::string_view action) {
  if (result < 0) input_failure(file, object, "cannot " + std::string(action) + ": " + reason(current_stack()));
  return result;
}

// Once before a file is opened or created: no atexit clean-up, no printing of errors to stderr.
void prepare_library();

}  // namespace detail
}  // namespace finsim::h5
