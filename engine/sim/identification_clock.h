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
// A clock's level lies a random Exp(1) ahead of Λ, so filing into its bucket touches one of hundreds
// of lists at random (a cache miss for the list's end, and its growth). Buckets are therefore grouped
// in blocks: a clock for a block not yet opened goes to the block's list (a few dozen lists, whose
// ends stay in cache), and a block is spread over its buckets when the reading comes near it (the
// same layout as sim/event_calendar.h). The order of clocks within a bucket means nothing.
inline constexpr std::size_t kClockBlockBuckets = 16;

struct IdentificationClocks {
  std::vector<std::vector<IdentificationClock>> buckets;  // bucket b: levels in [b, b + 1) × width
  std::vector<std::vector<IdentificationClock>> blocks;   // block k > open_block: its buckets' clocks
  std::size_t open_block = 0;  // blocks up to this one are spread over their buckets
  std::size_t first = 0;       // buckets before it are empty
  std::vector<PendingClock> pending;
  double level = 0;       // Λ through the last identification step
  bool started = false;   // the people present at the start have their clocks
};

// Files a clock under its level's bucket (the first bucket if Λ has passed it already).
void file_clock(IdentificationClocks& clocks, const IdentificationClock& c);
// Spreads the blocks up to bucket b's over their buckets, so buckets ≤ b hold all their clocks.
void open_clocks_through(IdentificationClocks& clocks, std::size_t b);
// Calls f(list) for every list that may hold clocks (buckets from `first`, unopened blocks), e.g. to
// drop stale clocks or renumber people.
template <class F>
void for_each_clock_list(IdentificationClocks& clocks, F f) {
  for (std::size_t b = clocks.first; b < clocks.buckets.size(); ++b) f(clocks.buckets[b]);
  for (std::size_t k = clocks.open_block + 1; k < clocks.blocks.size(); ++k) f(clocks.blocks[k]);
}

}  // namespace finsim
