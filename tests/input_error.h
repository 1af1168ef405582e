// Test helper: the message of the InputError a callable throws, or "" when it throws none, so a
// test can check an error's wording (file, key, what was expected) in one CHECK.
#pragma once
#include <string>

#include "util/error.h"

namespace finsim::test {

template <class F>
std::string input_error(F&& f) {
  try {
    f();
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

}  // namespace finsim::test
