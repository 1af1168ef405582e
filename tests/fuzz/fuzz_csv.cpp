// libFuzzer target: the CSV readers — the strict RFC 4180 table and the geography loaders on top of
// it. The first byte picks which file the rest replaces: kommuner.csv or forbund.csv (the other is
// the shipped one). InputError is the expected outcome of bad input; anything else is a finding.
#include <cstdint>
#include <string>

#include "fuzz_common.h"
#include "util/error.h"
#include "world/csv.h"
#include "world/geography.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const auto path = finsim::fuzz::write("input.csv", data + 1, size - 1);
  const std::string shipped = FINSIM_SOURCE_DIR "/scenarios/data/";
  try {
    const auto table = finsim::CsvTable::read(path.string());
    for (std::size_t r = 0; r < table.rows(); ++r) (void)table.line_of(r);
    if (data[0] & 1)
      (void)finsim::load_geography(shipped + "kommuner.csv", path.string());
    else
      (void)finsim::load_geography(path.string(), shipped + "forbund.csv");
  } catch (const finsim::InputError&) {}
  return 0;
}
