#include "sim/identification_clock.h"

#include <algorithm>

namespace finsim {

void file_clock(IdentificationClocks& clocks, const IdentificationClock& c) {
  const auto b = std::max(clocks.first, static_cast<std::size_t>(c.level / kClockBucketWidth));
  const std::size_t block = b / kClockBlockBuckets;
  if (block <= clocks.open_block) {
    if (b >= clocks.buckets.size()) clocks.buckets.resize(b + 1);
    clocks.buckets[b].push_back(c);
  } else {
    if (block >= clocks.blocks.size()) clocks.blocks.resize(block + 1);
    clocks.blocks[block].push_back(c);
  }
}

void open_clocks_through(IdentificationClocks& clocks, std::size_t b) {
  const std::size_t last = std::min(b / kClockBlockBuckets, clocks.blocks.empty() ? 0 : clocks.blocks.size() - 1);
  while (clocks.open_block < last) {
    auto& block = clocks.blocks[++clocks.open_block];
    if (block.empty()) continue;
    // Count first, so each bucket grows once.
    const std::size_t base = clocks.open_block * kClockBlockBuckets;
    std::size_t counts[kClockBlockBuckets] = {};
    for (const IdentificationClock& c : block)
      ++counts[std::max(clocks.first, static_cast<std::size_t>(c.level / kClockBucketWidth)) - base];
    if (clocks.buckets.size() < base + kClockBlockBuckets) clocks.buckets.resize(base + kClockBlockBuckets);
    for (std::size_t k = 0; k < kClockBlockBuckets; ++k)
      if (counts[k] != 0) clocks.buckets[base + k].reserve(clocks.buckets[base + k].size() + counts[k]);
    for (const IdentificationClock& c : block)
      clocks.buckets[std::max(clocks.first, static_cast<std::size_t>(c.level / kClockBucketWidth))].push_back(c);
    std::vector<IdentificationClock>().swap(block);
  }
  // Once every block is open, later clocks land in buckets directly: keep open_block up with b.
  clocks.open_block = std::max(clocks.open_block, b / kClockBlockBuckets);
}

}  // namespace finsim
