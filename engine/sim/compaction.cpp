#include "sim/compaction.h"

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <vector>

namespace finsim {

void compact_gone(Area& area, double min_gone_share) {
  Agents& a = area.agents;
  if (min_gone_share > 0) {
    const auto& gone = area.census[static_cast<int>(State::Gone)];
    const std::int64_t stored_gone = std::accumulate(gone.begin(), gone.end(), std::int64_t{0}) - area.compacted_gone;
    if (static_cast<double>(stored_gone) < min_gone_share * static_cast<double>(a.size())) return;
  }
  constexpr std::uint32_t kGone = IdentifiedPool::kGone;
  std::vector<std::uint32_t> to(a.size(), kGone);  // old index → new index
  std::size_t kept = 0;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a.rows[i].state != static_cast<std::uint8_t>(State::Gone)) {
      to[i] = static_cast<std::uint32_t>(kept);
      a.rows[kept++] = a.rows[i];
    }
  if (kept == a.size()) return;
  area.compacted_gone += static_cast<std::int64_t>(a.size() - kept);
  a.rows.resize(kept);
  const auto map = [&](std::uint32_t i) { return to[i]; };

  for (auto& q : area.queues) {
    std::erase_if(q, [&](const QueueEntry& e) { return to[e.person] == kGone; });
    for (auto& e : q) e.person = to[e.person];
  }
  area.identified_pool.renumber(map);
  auto& clocks = area.identification_clocks;
  for_each_clock_list(clocks, [&](auto& list) {
    std::erase_if(list, [&](const IdentificationClock& c) { return to[c.person] == kGone; });
    for (auto& c : list) c.person = to[c.person];
  });
  std::erase_if(clocks.pending, [&](const PendingClock& p) { return to[p.person] == kGone; });
  for (auto& p : clocks.pending) p.person = to[p.person];
  area.calendar.renumber(map, kGone);
  area.in_insats.renumber(map, kGone);
  area.due.clear();  // scratch of the step (refilled by collect_due)
  area.due_marks.assign((kept + 63) / 64, 0);
}

}  // namespace finsim
