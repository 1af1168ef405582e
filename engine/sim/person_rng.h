// Per-person monthly draws for the event functions: one Philox block per person, month and
// purpose, read as four 32-bit uniforms (lanes), each lane with a fixed meaning per event.
#pragma once
#include <array>
#include <cstdint>

#include "util/rng.h"

namespace finsim {

inline double unit32(std::uint32_t x) { return static_cast<double>(x) * 0x1.0p-32; }

inline std::array<double, 4> person_draws(RunKey key, std::uint32_t agent, int month, Purpose purpose) {
  const auto b = StreamRng(key, agent, static_cast<std::uint32_t>(month)).bits(purpose);
  return {unit32(b[0]), unit32(b[1]), unit32(b[2]), unit32(b[3])};
}

// Index chosen by a uniform from shares that sum to 1 (the last index absorbs rounding).
template <class Shares>
int pick_share(const Shares& shares, double u) {
  double cum = 0;
  const int n = static_cast<int>(shares.size());
  for (int i = 0; i < n; ++i) {
    cum += shares[i];
    if (u < cum) return i;
  }
  return n - 1;
}

}  // namespace finsim
