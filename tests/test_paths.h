// Test helper: the paths of the shipped scenarios and their data, for tests that run the real
// baseline. One definition, so that test files batched into one unity translation unit agree.
#pragma once
#include <string>

namespace finsim::test {

inline const std::string kBaseline = std::string(FINSIM_SOURCE_DIR) + "/scenarios/baseline.toml";
inline const std::string kData = std::string(FINSIM_SOURCE_DIR) + "/scenarios/data/";

}  // namespace finsim::test
