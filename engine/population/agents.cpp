#include "population/agents.h"

#include <cstdint>

namespace finsim {

void Agents::reserve(std::size_t n) {
  id.reserve(n);
  kommun.reserve(n);
  birth.reserve(n);
  traits.reserve(n);
  needs.reserve(n);
  support.reserve(n);
  state.reserve(n);
  insats.reserve(n);
  job_chance.reserve(n);
  since.reserve(n);
  blocked_until.reserve(n);
  counted_year.reserve(n);
  identified.reserve(n);
  wake.reserve(n);
  next.reserve(n);
}

std::size_t Agents::add(std::uint32_t agent, std::uint16_t kommun_index, std::int16_t birth_month, std::uint8_t trait_bits,
                        std::uint8_t need_bits, std::uint8_t support_source, float chance, std::int16_t month) {
  id.push_back(agent);
  kommun.push_back(kommun_index);
  birth.push_back(birth_month);
  traits.push_back(trait_bits);
  needs.push_back(need_bits);
  support.push_back(support_source);
  state.push_back(static_cast<std::uint8_t>(State::Target));
  insats.push_back(0);
  job_chance.push_back(chance);
  since.push_back(month);
  blocked_until.push_back(INT16_MIN);  // never blocked (months before the start are negative)
  counted_year.push_back(-1);
  identified.push_back(kNotIdentified);
  wake.push_back(INT16_MAX);
  next.push_back(0);
  return id.size() - 1;
}

std::size_t Agents::bytes_per_agent() const {
  return sizeof(std::uint32_t) + sizeof(std::uint16_t) + sizeof(std::int16_t) + 5 * sizeof(std::uint8_t) + sizeof(float) +
         5 * sizeof(std::int16_t) + sizeof(std::uint8_t);
}

}  // namespace finsim
