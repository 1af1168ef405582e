// Identification clocks: when each unidentified target-group member of an area is identified, by an
// area-wide cumulative hazard and one threshold per person, so identification costs per identification.
#pragma once
#include <cstdint>
#include <vector>

namespace finsim {

// The identification hazard h_a(m) is the same for every eligible person of an area in a month
// (sim/identification.cpp). A person who becomes eligible (Target, not identified, no cooldown) draws
// a threshold E ~ Exp(1) and is identified in the first month whose cumulative hazard
// Λ(m) = −Σ log(1 − h_a) since then exceeds E: P(identified in m | not before) = h_a(m) exactly.
struct IdentificationClock {
  double level;           // Λ at which the person is identified
  std::uint32_t person;   // local index in Area::agents
  std::int16_t stamp;     // `since` of the Target stay it belongs to: stale once it differs
};

// Drawn this month or last (levels set at the next identification step, which knows Λ then).
struct PendingClock {
  double threshold;       // E
  std::uint32_t person;
  std::int16_t stamp;
  std::int16_t month;     // month drawn: eligible from the next month on
};

// Clocks filed by level in buckets of width 1/64 (about two months of a typical hazard): a month
// reads the buckets Λ has passed and the one it is in, so the cost follows the clocks that run out.
inline constexpr double kClockBucketWidth = 1.0 / 64.0;

struct IdentificationClocks {
  std::vector<std::vector<IdentificationClock>> buckets;  // bucket b: levels in [b, b + 1) × width
  std::size_t first = 0;  // buckets before it are empty
  std::vector<PendingClock> pending;
  double level = 0;       // Λ through the last identification step
  bool started = false;   // the people present at the start have their clocks
};

}  // namespace finsim
