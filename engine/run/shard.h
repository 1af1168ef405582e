// Slicing a run plan's units into N disjoint shards (Slurm job arrays: one array task per shard,
// `finsim merge` joins them). A shard run computes only the units its slice contains.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "run/run_plan.h"

namespace finsim {

// Shard K of N, K counted from 1 ("--shard 2/3" is the second of three).
struct Shard {
  int index = 1;
  int count = 1;
  bool operator==(const Shard&) const = default;
};

// "K/N" with 1 ≤ K ≤ N ≤ 1 000 000. Throws std::invalid_argument with a one-line reason.
Shard parse_shard(const std::string& text);
std::string to_string(const Shard& shard);  // "2/3"

// The units of a plan in replication-major order — (r0, p0), (r0, p1), …, (r1, p0), … — cut into N
// contiguous blocks of ⌊U/N⌋ or ⌈U/N⌉ units (U = points × replications). Every shard gets the same
// number of units give or take one; the points of a replication stay in one shard (and share their
// months, run/execute.h) except where a block boundary falls inside a replication: at most N − 1
// replications are split, each between two neighbouring shards. The slicing depends only on the
// number of points and the replication range, never on the machine or on the thread count.
class ShardSlice {
 public:
  // std::invalid_argument when the shard is out of range or N exceeds the number of units.
  ShardSlice(Shard shard, std::size_t points, int first_replication, int replications);
  bool contains(const Unit& unit) const { return begin_ <= ordinal(unit) && ordinal(unit) < end_; }
  // The shard (K of N) that holds the unit.
  int shard_of(const Unit& unit) const;
  std::vector<Unit> units() const;  // in replication-major order
  std::size_t size() const { return static_cast<std::size_t>(end_ - begin_); }
  const Shard& shard() const { return shard_; }

 private:
  std::uint64_t ordinal(const Unit& unit) const {
    return static_cast<std::uint64_t>(unit.replication - first_) * points_ + unit.point;
  }
  Shard shard_;
  std::uint64_t points_;
  int first_;
  std::uint64_t total_;
  std::uint64_t begin_, end_;  // ordinals [begin, end)
};

}  // namespace finsim
