// Identification (capacity_responsive referral, docs/model.md §7.6): partners (FK, AF, kommun,
// region) identify target-group members who need coordinated support. The monthly hazard rises with
// the förbund's open places not yet covered by identified people who could take them, with FK/AF
// presence and with structural work, up to the partners' screening capacity (saturation).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>

#include "sim/events.h"
#include "sim/insats_choice.h"
#include "sim/person_rng.h"
#include "sim/schedule.h"

namespace finsim {
namespace {

constexpr std::size_t kIdentificationPrefetch = 12;

bool eligible(const Area& area, std::size_t i, int month) {
  const Agents& a = area.agents;
  return a.state_of(i) == State::Target && a.identified[i] == kNotIdentified && a.blocked_until[i] <= month;
}

bool live(const Area& area, const IdentificationClock& c) {
  return area.agents.state_of(c.person) == State::Target && area.agents.identified[c.person] == kNotIdentified &&
         area.agents.since[c.person] == c.stamp;
}

void draw_clock(Area& area, std::size_t i, int month, const StepContext& ctx) {
  const Agents& a = area.agents;
  const double u = StreamRng(ctx.key, a.id[i], static_cast<std::uint32_t>(month)).uniform(Purpose::IdentificationClock);
  area.identification_clocks.pending.push_back(
      {-std::log1p(-u), static_cast<std::uint32_t>(i), a.since[i], static_cast<std::int16_t>(month)});
}

// The people present when identification first runs get their clocks as of the month before, so
// they can be identified at once; those who entered this month already drew theirs.
void start_everyone(Area& area, const StepContext& ctx) {
  auto& clocks = area.identification_clocks;
  clocks.started = true;
  std::vector<std::uint32_t> drawn;
  for (const auto& p : clocks.pending) drawn.push_back(p.person);
  std::sort(drawn.begin(), drawn.end());
  for (std::size_t i = 0; i < area.agents.size(); ++i)
    if (eligible(area, i, ctx.month - 1) &&
        !std::binary_search(drawn.begin(), drawn.end(), static_cast<std::uint32_t>(i)))
      draw_clock(area, i, ctx.month - 1, ctx);
}

}  // namespace

double identification_hazard(const Area& area, const StepContext& ctx) {
  const ReferralConfig& r = ctx.config.referral;
  const std::vector<std::int64_t> open = open_places(area, ctx);
  const std::int64_t places = std::accumulate(open.begin(), open.end(), std::int64_t{0});
  const auto& target = area.census[static_cast<int>(State::Target)];
  const std::int64_t unknown = std::accumulate(target.begin(), target.end(), std::int64_t{0}) - area.identified_count;
  // Places not covered by identified people who could take them.
  const std::int64_t covering = std::max<std::int64_t>(0, area.identified_count - area.identified_unsuited);
  const double shortfall = static_cast<double>(std::max<std::int64_t>(0, places - covering));
  const double pull = unknown > 0 ? r.identification_response * shortfall / static_cast<double>(unknown) : 0.0;
  const double h = r.agency_presence * area.structural_identification * (r.identification_base_per_month + pull);
  return std::min(h, ctx.rates.identification_bound);
}

void start_identification_clock(Area& area, std::size_t i, const StepContext& ctx) {
  if (area.forbund < 0 || ctx.config.referral.mode != ReferralMode::CapacityResponsive) return;
  if (eligible(area, i, ctx.month)) draw_clock(area, i, ctx.month, ctx);
}

void identification(Area& area, const StepContext& ctx) {
  if (area.forbund < 0 || ctx.config.referral.mode != ReferralMode::CapacityResponsive) return;
  auto& clocks = area.identification_clocks;
  if (!clocks.started) start_everyone(area, ctx);
  if (ctx.month % 12 == 0) {  // once a year: drop the entries of people who left the target group
    area.identified_pool.compact([&](const PoolEntry& e) {
      return area.agents.state_of(e.person) == State::Target && area.agents.identified[e.person] == e.identified;
    });
    // Stale clocks are skipped wherever they are read, and one never comes alive again (a new stay
    // in Target has a later stamp), so dropping them changes no result: it is only done once they
    // are at least half of the clocks stored, since it visits every person and every clock.
    std::size_t stored = 0;
    for_each_clock_list(clocks, [&](const auto& list) { stored += list.size(); });
    const auto& target = area.census[static_cast<int>(State::Target)];
    const std::int64_t could_hold =
        std::accumulate(target.begin(), target.end(), std::int64_t{0}) - area.identified_count;
    if (static_cast<std::int64_t>(stored) > 2 * could_hold) {
      // live() for every clock at once: one pass over the people in storage order, then a lookup in
      // a small array per clock instead of a cache miss on the person's record.
      const Agents& a = area.agents;
      std::vector<std::int32_t> live_stamp(a.size(), INT32_MIN);
      for (std::size_t i = 0; i < a.size(); ++i)
        if (a.rows[i].state == static_cast<std::uint8_t>(State::Target) && a.rows[i].identified == kNotIdentified)
          live_stamp[i] = a.rows[i].since;
      for_each_clock_list(clocks, [&](auto& list) {
        std::erase_if(list, [&](const IdentificationClock& c) { return live_stamp[c.person] != c.stamp; });
      });
    }
  }
  area.identification_hazard = identification_hazard(area, ctx);
  const double h = area.identification_hazard;
  // Clocks drawn before this month run from this month on; those drawn this month from the next.
  const auto this_month = std::stable_partition(clocks.pending.begin(), clocks.pending.end(),
                                                [&](const PendingClock& p) { return p.month < ctx.month; });
  for (auto p = clocks.pending.begin(); p != this_month; ++p)
    file_clock(clocks, {clocks.level + p->threshold, p->person, p->stamp});
  const bool everyone = h >= 1.0;  // Λ would be infinite: every clock runs out
  if (h > 0 && !everyone) clocks.level -= std::log1p(-h);
  // Clocks below Λ run out: whole buckets Λ has passed, then those below it in Λ's own bucket.
  std::vector<std::uint32_t> identified;
  open_clocks_through(clocks, everyone ? SIZE_MAX : static_cast<std::size_t>(clocks.level / kClockBucketWidth));
  const std::size_t current =
      everyone ? clocks.buckets.size() : static_cast<std::size_t>(clocks.level / kClockBucketWidth);
  const Person* rows = area.agents.rows.data();
  for (; clocks.first < std::min(current, clocks.buckets.size()); ++clocks.first) {
    auto& bucket = clocks.buckets[clocks.first];
    // Each clock's person is a cache miss; fetching a few ahead lets the misses overlap.
    for (std::size_t k = 0; k < bucket.size(); ++k) {
      if (k + kIdentificationPrefetch < bucket.size())
        __builtin_prefetch(rows + bucket[k + kIdentificationPrefetch].person);
      if (live(area, bucket[k])) identified.push_back(bucket[k].person);
    }
    std::vector<IdentificationClock>().swap(bucket);
  }
  if (clocks.first < clocks.buckets.size())
    std::erase_if(clocks.buckets[clocks.first], [&](const IdentificationClock& c) {
      if (!(c.level < clocks.level)) return false;
      if (live(area, c)) identified.push_back(c.person);
      return true;
    });
  for (auto p = this_month; p != clocks.pending.end(); ++p)
    file_clock(clocks, {clocks.level + p->threshold, p->person, p->stamp});
  // The first month holds a clock for nearly everyone eligible (start_everyone), later months a few
  // hundred: keeping that capacity would hold about 8 bytes per stored person for the whole run.
  if (clocks.pending.capacity() > 4 * clocks.pending.size() + 4096) {
    std::vector<PendingClock>().swap(clocks.pending);
  } else {
    clocks.pending.clear();
  }
  // In storage order, as the partners' lists would have them; the pool keeps this order.
  std::sort(identified.begin(), identified.end());
  identified.erase(std::unique(identified.begin(), identified.end()), identified.end());
  Agents& a = area.agents;
  for (const std::uint32_t i : identified) {
    a.identified[i] = static_cast<std::int16_t>(ctx.month);
    ++area.identified_count;
    area.identified_pool.add(i, static_cast<std::int16_t>(ctx.month),
                             fitting_types(ctx.config.insatser, a, i, ctx.month));
    ++area.month.identified;
  }
}

}  // namespace finsim
