// The people of an area in an insats, noted as they start, so the turn of the year visits the
// participants instead of every stored person (count_running_participants in sim/year_plan.cpp).
#pragma once
#include <algorithm>
#include <cstdint>
#include <vector>

#include "population/agents.h"

namespace finsim {

// An entry stands while its person is in an insats that began in month `since`; it goes stale when
// they leave it (dropout, completion, exit, end for lack of money) and is dropped at the next read.
struct ParticipantEntry {
  std::uint32_t person;  // local index in Area::agents
  std::int16_t since;    // month the insats began (the person's `since` while it lasts)
};

struct ParticipantList {
  std::vector<ParticipantEntry> entries;

  // Call when person i enters InInsats in month `since` (set_state's month).
  void add(std::size_t i, int since) {
    entries.push_back({static_cast<std::uint32_t>(i), static_cast<std::int16_t>(since)});
  }
  // The people in an insats now, each once, in storage order (stale entries are dropped): the same
  // list as a scan of every stored person for State::InInsats, provided every entry into an insats
  // was added.
  std::vector<std::uint32_t> live(const Agents& a) {
    std::erase_if(entries, [&](const ParticipantEntry& e) {
      return a.state_of(e.person) != State::InInsats || a.since[e.person] != e.since;
    });
    std::sort(entries.begin(), entries.end(),
              [](const ParticipantEntry& x, const ParticipantEntry& y) { return x.person < y.person; });
    // Two entries of one person can only be one start noted twice (same month): keep one.
    entries.erase(
        std::unique(entries.begin(), entries.end(),
                    [](const ParticipantEntry& x, const ParticipantEntry& y) { return x.person == y.person; }),
        entries.end());
    std::vector<std::uint32_t> out(entries.size());
    std::transform(entries.begin(), entries.end(), out.begin(), [](const ParticipantEntry& e) { return e.person; });
    return out;
  }
  // After the area's storage was compacted: `map(person)` is the new index, or `gone` (dropped).
  template <class Map>
  void renumber(Map map, std::uint32_t gone) {
    std::size_t kept = 0;
    for (ParticipantEntry e : entries)
      if ((e.person = map(e.person)) != gone) entries[kept++] = e;
    entries.resize(kept);
  }
};

}  // namespace finsim
