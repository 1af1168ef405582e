#include "population/agents.h"

#include <cstdint>

namespace finsim {

std::size_t Agents::add(std::uint32_t agent, std::uint16_t kommun_index, std::int16_t birth_month,
                        std::uint8_t trait_bits, std::uint8_t need_bits, std::uint8_t support_source, float chance,
                        std::int16_t month) {
  Person p{};
  p.id = agent;
  p.job_chance = chance;
  p.wake = INT16_MAX;
  p.birth = birth_month;
  p.since = month;
  p.blocked_until = INT16_MIN;  // never blocked (months before the start are negative)
  p.identified = kNotIdentified;
  p.counted_year = -1;
  p.kommun = kommun_index;
  p.next = 0;
  p.outcome = 0;
  p.state = static_cast<std::uint8_t>(State::Target);
  p.support = support_source;
  p.insats = 0;
  p.needs = need_bits;
  p.traits = trait_bits;
  rows.push_back(p);
  return rows.size() - 1;
}

}  // namespace finsim
