// Money in Finsim: whole Swedish kronor as int64, so sums are exact and order-independent.
// Scenario files speak MSEK; conversion happens once, when the scenario is read.
#pragma once
#include <cmath>
#include <cstdint>

namespace finsim {

using Sek = std::int64_t;

// MSEK from a scenario file to whole SEK (round half away from zero, as a person would).
inline Sek msek_to_sek(double msek) { return static_cast<Sek>(std::llround(msek * 1'000'000.0)); }

}  // namespace finsim
