// Errors the library reports instead of printing or exiting; the CLI maps them to exit codes.
// InputError = the user's input is wrong (exit 2); anything else is a bug or an environment failure.
#pragma once
#include <stdexcept>
#include <string>

namespace finsim {

// Bad scenario, CSV, flag or HDF5 input. The message is one line:
// "file:line:col: key: what was expected" (parts the caller does not know are left out).
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Builds the one-line message in the project's format.
std::string located(const std::string& file, long line, long col, const std::string& key, const std::string& what);

}  // namespace finsim
