#include "sim/event_calendar.h"

#include <algorithm>

namespace finsim {

void EventCalendar::reset(int first_month, int last_month) {
  origin_ = first_month;
  const auto n = static_cast<std::size_t>(std::max(0, last_month - first_month + 1));
  months_.assign(n, {});
  blocks_.assign((n + kBlockMonths - 1) / kBlockMonths, {});
  open_block_ = 0;
}

std::vector<std::uint32_t> EventCalendar::entries(int month) const {
  const auto slot = static_cast<std::uint32_t>(month - origin_);
  std::vector<std::uint32_t> out = months_[slot];
  for (const Filing& f : blocks_[slot / kBlockMonths])
    if (f.slot == slot) out.push_back(f.person);
  return out;
}

std::vector<std::uint32_t> EventCalendar::take(int month) {
  const auto slot = static_cast<std::uint32_t>(month - origin_);
  // Open every block up to the month's: their entries go to their months.
  for (const std::size_t block = slot / kBlockMonths; open_block_ < block;) {
    ++open_block_;
    std::vector<Filing> filed;
    filed.swap(blocks_[open_block_]);
    // Count first, so each month's list grows once instead of doubling its way up.
    const std::size_t base = open_block_ * kBlockMonths;
    std::size_t counts[kBlockMonths] = {};
    for (const Filing& f : filed) ++counts[f.slot - base];
    for (std::size_t k = 0; k < kBlockMonths && base + k < months_.size(); ++k)
      if (counts[k] != 0) months_[base + k].reserve(months_[base + k].size() + counts[k]);
    for (const Filing& f : filed) months_[f.slot].push_back(f.person);
  }
  std::vector<std::uint32_t> out;
  out.swap(months_[slot]);
  return out;
}

}  // namespace finsim
