// libFuzzer target: the scenario reader — TOML syntax, `inherits` (the scratch directory holds the
// baseline as parent.toml), --set overrides and every typed check. Input: the scenario text, then
// optionally a line "#--set" followed by one override per line. InputError is the expected outcome
// of bad input; anything else (a crash, another exception, a sanitizer report) is a finding.
#include <cstdint>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "config/read_scenario.h"
#include "fuzz_common.h"
#include "util/error.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  const auto dir = finsim::fuzz::scratch();
  std::filesystem::copy_file(FINSIM_SOURCE_DIR "/scenarios/baseline.toml", dir / "parent.toml",
                             std::filesystem::copy_options::overwrite_existing);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  const auto marker = input.find("\n#--set\n");
  const std::string toml = input.substr(0, marker);
  std::vector<std::string> sets;
  if (marker != std::string::npos) {
    std::istringstream rest(input.substr(marker + 8));
    for (std::string line; std::getline(rest, line);) sets.push_back(line);
  }
  const auto path =
      finsim::fuzz::write("scenario.toml", reinterpret_cast<const std::uint8_t*>(toml.data()), toml.size());
  try {
    (void)finsim::load_scenario(path.string(), sets);
  } catch (const finsim::InputError&) {}
  return 0;
}
