// libFuzzer target: the result-file reader (what compare, quote, export and inspect open). The
// bytes are written as an HDF5 file and read with open_results + read_run. InputError is the
// expected outcome; crashes inside libhdf5 itself are reported upstream, not worked around here.
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
