// libFuzzer target: the result-file reader (what compare, quote, export and inspect open). The
// bytes are written as an HDF5 file and read with open_results + read_run. InputError is the
// expected outcome. Variable-length strings, where libhdf5 itself crashed on damaged files, are
// refused before they are read (tests/fuzz/known_libhdf5/README.md).
#include <cstdint>

#include "fuzz_common.h"
#include "output/results_reader.h"
#include "util/error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto path = finsim::fuzz::write("result.h5", data, size);
  try {
    (void)finsim::read_run(path);
  } catch (const finsim::InputError&) {}
  return 0;
}
