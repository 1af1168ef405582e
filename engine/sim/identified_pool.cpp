#include "sim/identified_pool.h"

namespace finsim {

void IdentifiedPool::add(std::uint32_t person, std::int16_t month, const TypeSet& fits) {
  groups_[fits].push_back({person, month, next_order_++});
}

std::int64_t IdentifiedPool::unsuited(const TypeSet& open) const {
  std::int64_t n = 0;
  for (const auto& [fits, q] : groups_)
    if (!intersects(fits, open)) n += static_cast<std::int64_t>(q.size());
  return n;
}

}  // namespace finsim
