// The people partners have identified and the förbund has not yet referred, grouped by the insats
// types they fit so that offering places costs in proportion to referrals, not to the pool's size.
#pragma once
#include <array>
#include <cstdint>
#include <deque>
#include <map>
#include <vector>

namespace finsim {

// A set of insats types (the catalogue has at most 127).
using TypeSet = std::array<std::uint64_t, 2>;
inline void add_type(TypeSet& s, std::size_t t) { s[t / 64] |= std::uint64_t{1} << (t % 64); }
inline bool intersects(const TypeSet& a, const TypeSet& b) { return (a[0] & b[0]) || (a[1] & b[1]); }

struct PoolEntry {
  std::uint32_t person;     // local index in Area::agents
  std::int16_t identified;  // month identified: the entry is stale once the person's stamp differs
  std::uint32_t order;      // first identified, first offered
};

// A small class because it guards an order: entries leave in identification order among the
// groups a caller asks for. Stale entries (the person left the target group) are dropped lazily.
class IdentifiedPool {
 public:
  void add(std::uint32_t person, std::int16_t month, const TypeSet& fits);
  // The earliest live entry among groups whose types meet `open`, removed from the pool; false if none.
  // `live(entry)` tells whether an entry still stands.
  template <class Live>
  bool take_first(const TypeSet& open, Live live, PoolEntry& out);
  // Entries (live or not yet dropped) whose types meet none of `open`.
  std::int64_t unsuited(const TypeSet& open) const;
  // Drops every stale entry (called once a year so counts stay close to the live ones).
  template <class Live>
  void compact(Live live);
  // Renumbers the people after the area's storage was compacted: `map(person)` is the new index,
  // or kGone for a person no longer stored (the entry is dropped). Order and groups are kept.
  static constexpr std::uint32_t kGone = UINT32_MAX;
  template <class Map>
  void renumber(Map map);

 private:
  std::map<TypeSet, std::deque<PoolEntry>> groups_;
  std::uint32_t next_order_ = 0;
};

template <class Live>
bool IdentifiedPool::take_first(const TypeSet& open, Live live, PoolEntry& out) {
  std::deque<PoolEntry>* best = nullptr;
  for (auto& [fits, q] : groups_) {
    if (!intersects(fits, open)) continue;
    while (!q.empty() && !live(q.front())) q.pop_front();
    if (!q.empty() && (!best || q.front().order < best->front().order)) best = &q;
  }
  if (!best) return false;
  out = best->front();
  best->pop_front();
  return true;
}

template <class Live>
void IdentifiedPool::compact(Live live) {
  for (auto it = groups_.begin(); it != groups_.end();) {
    std::deque<PoolEntry> kept;
    for (const PoolEntry& e : it->second)
      if (live(e)) kept.push_back(e);
    it->second.swap(kept);
    it = it->second.empty() ? groups_.erase(it) : std::next(it);
  }
}

template <class Map>
void IdentifiedPool::renumber(Map map) {
  for (auto it = groups_.begin(); it != groups_.end();) {
    std::deque<PoolEntry> kept;
    for (PoolEntry e : it->second)
      if ((e.person = map(e.person)) != kGone) kept.push_back(e);
    it->second.swap(kept);
    it = it->second.empty() ? groups_.erase(it) : std::next(it);
  }
}

}  // namespace finsim
