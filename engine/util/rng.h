// Counter-based randomness (Random123 Philox4x32-10): a draw is a pure function of
// (seed, replication) and (stream, month, purpose, draw) — no generator state is ever shared.
#pragma once
#include <Random123/philox.h>

#include <array>
#include <cmath>
#include <cstdint>

namespace finsim {

// What a draw is for. Keying by purpose gives common random numbers: the same person gets the
// same luck for the same event in every scenario, so only the policy differs. Never renumber.
enum class Purpose : std::uint32_t {
  SynthesisAttributes = 1,
  SynthesisDistance = 2,
  KommunInflow = 3,
  InflowAttributes = 4,
  DemographicExit = 5,
  BaselineTransition = 6,  // reserved: baseline outcomes come from the schedule block (sim/schedule.h)
  SupportChange = 7,
  Referral = 8,
  InsatsChoice = 9,
  Participation = 10,
  Outcome = 11,
  Relapse = 12,
  PathwayNext = 13,
  ProjectTakeover = 14,
  InitialParticipation = 15,
  CapacityRounding = 16,
  Schedule = 17,
  Identification = 18,
  IdentificationClock = 19,
  LatinHypercube = 20,  // finsim study's parameter sets (stream = parameter, draw = sample)
};

struct RunKey {
  std::uint32_t seed = 0;
  std::uint32_t replication = 0;
};

// One stream's view of the random numbers for one month, after memilio's personal_rng: a stream
// is an agent id, or a kommun / förbund id for collective draws (with their own purposes).
class StreamRng {
 public:
  StreamRng(RunKey key, std::uint32_t stream, std::uint32_t month)
      : key_{{key.seed, key.replication}}, stream_(stream), month_(month) {}

  std::array<std::uint32_t, 4> bits(Purpose purpose, std::uint32_t draw = 0) const {
    r123::Philox4x32 philox;
    const r123::Philox4x32::ctr_type ctr = {{stream_, month_, static_cast<std::uint32_t>(purpose), draw}};
    const auto out = philox(ctr, key_);
    return {out.v[0], out.v[1], out.v[2], out.v[3]};
  }

  // Uniform in [0, 1) with 53 random bits.
  double uniform(Purpose purpose, std::uint32_t draw = 0) const {
    const auto b = bits(purpose, draw);
    return to_unit(b[0], b[1]);
  }

  // Two independent uniforms from one Philox block (the hot path uses this to halve the work).
  std::array<double, 2> uniform2(Purpose purpose, std::uint32_t draw = 0) const {
    const auto b = bits(purpose, draw);
    return {to_unit(b[0], b[1]), to_unit(b[2], b[3])};
  }

  // Standard normal by Box–Muller from one block.
  double normal(Purpose purpose, std::uint32_t draw = 0) const {
    const auto u = uniform2(purpose, draw);
    const double r = std::sqrt(-2.0 * std::log1p(-u[0]));
    return r * std::cos(6.283185307179586 * u[1]);
  }

  static double to_unit(std::uint32_t hi, std::uint32_t lo) {
    const std::uint64_t x = (static_cast<std::uint64_t>(hi) << 21) ^ (lo >> 11);
    return static_cast<double>(x & ((std::uint64_t{1} << 53) - 1)) * 0x1.0p-53;
  }

 private:
  r123::Philox4x32::key_type key_;
  std::uint32_t stream_;
  std::uint32_t month_;
};

// Poisson count by inversion from a sequence of keyed uniforms; used for kommun inflow where
// the mean is small (tens). Deterministic for a given stream, month and purpose.
inline std::uint32_t poisson(const StreamRng& rng, Purpose purpose, double mean) {
  if (mean <= 0.0) return 0;
  if (mean > 500.0) {  // normal approximation keeps big means O(1)
    const double x = std::round(mean + std::sqrt(mean) * rng.normal(purpose, 0));
    return x < 0 ? 0u : static_cast<std::uint32_t>(x);
  }
  double u = rng.uniform(purpose, 1);
  double p = std::exp(-mean);
  double cdf = p;
  std::uint32_t k = 0;
  while (u > cdf && k < 100000) {
    ++k;
    p *= mean / k;
    cdf += p;
    if (p < 1e-300) break;
  }
  return k;
}

}  // namespace finsim
