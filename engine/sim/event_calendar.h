// The calendar of an area's scheduled events: for each month of the run, the people whose next event
// was set to fall in it, so a month's step visits its events instead of every person (sim/schedule.h).
#pragma once
#include <cstdint>
#include <vector>

namespace finsim {

// Entries go stale when a person is rescheduled (readers check the person's `wake`), and a month's
// entries are in no particular order (collect_due puts them in storage order).
//
// A small class because it guards a layout. A person's next event falls in a month drawn at random
// over the whole run, so appending to a list per month would touch one of ~500 lists at random: a
// cache miss for the list's header and one for its end, each stalling the event that caused it. So
// the months are grouped in blocks of kBlockMonths: an entry for a later block is appended to that
// block's list (a few dozen lists, whose ends stay in cache), and when the calendar is first read in
// a block, the block's entries are spread over its months (a sequential read, kBlockMonths lists).
class EventCalendar {
 public:
  static constexpr int kBlockMonths = 16;

  // Empty months first_month … last_month (no months when last_month < first_month).
  void reset(int first_month, int last_month);
  bool empty() const { return months_.empty(); }
  bool covers(int month) const {
    return month >= origin_ && static_cast<std::int64_t>(month) - origin_ < static_cast<std::int64_t>(months_.size());
  }
  int first_month() const { return origin_; }
  std::size_t months() const { return months_.size(); }

  // Files `person` under `month`; nothing when the calendar does not cover the month.
  void file(int month, std::uint32_t person) {
    if (!covers(month)) return;
    const auto slot = static_cast<std::uint32_t>(month - origin_);
    const std::size_t block = slot / kBlockMonths;
    if (block <= open_block_)
      months_[slot].push_back(person);
    else
      blocks_[block].push_back({slot, person});
  }
  // A covered month's entries, stale ones included (in any order).
  std::vector<std::uint32_t> entries(int month) const;
  // Takes a covered month's entries out of the calendar (in any order), leaving the month empty.
  std::vector<std::uint32_t> take(int month);
  // After the area's storage was compacted: `map(person)` is the new index, or `gone` for a person
  // no longer stored (the entry is dropped).
  template <class Map>
  void renumber(Map map, std::uint32_t gone);

 private:
  struct Filing {
    std::uint32_t slot;  // month − origin_
    std::uint32_t person;
  };

  std::vector<std::vector<std::uint32_t>> months_;  // per month: entries of blocks up to open_block_
  std::vector<std::vector<Filing>> blocks_;         // per block after open_block_: its entries
  std::size_t open_block_ = 0;                      // blocks up to this one are spread over their months
  int origin_ = 0;
};

template <class Map>
void EventCalendar::renumber(Map map, std::uint32_t gone) {
  for (auto& month : months_) {
    std::size_t kept = 0;
    for (const std::uint32_t i : month)
      if (const std::uint32_t to = map(i); to != gone) month[kept++] = to;
    month.resize(kept);
  }
  for (auto& block : blocks_) {
    std::size_t kept = 0;
    for (Filing f : block)
      if ((f.person = map(f.person)) != gone) block[kept++] = f;
    block.resize(kept);
  }
}

}  // namespace finsim
