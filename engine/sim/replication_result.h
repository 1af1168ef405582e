// What one replication of a scenario produces: labelled areas, monthly counters, yearly funding
// records and (optionally) the event log. Plain data, read by run/ and output/ without the model.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "funding/funding_cycle.h"
#include "sim/counters.h"
#include "sim/event_log.h"

namespace finsim {

// Labels of the area dimension: förbund first (OrgGraph order), then "no förbund" per region.
struct AreaInfo {
  std::string name;
  int forbund = -1;
  int region = -1;
  bool synthetic = false;
  std::int64_t population_16_64 = 0;
};

struct ReplicationResult {
  int replication = 0;
  int months = 0;
  std::vector<AreaInfo> areas;
  std::vector<MonthCounters> monthly;                            // [month × areas + area], agent units
  std::vector<std::array<std::int64_t, kStates>> initial_stock;  // per area, before the first month
  std::vector<std::vector<std::int64_t>> initial_participants;   // per area and insats type, likewise
  std::vector<ForbundYear> funding;                              // [year index × förbund + f], SEK
  std::vector<Sek> individual_spent;                             // [year index × förbund + f], SEK (scaled back)
  // Only with RunControl::record_events: every state change, ordered by month, then area (in
  // `areas` order), then as it happened within the area's month — the same for any thread count.
  EventLog events;
  bool events_recorded = false;
  std::size_t peak_agents = 0;  // people stored at the end (Gone since the last yearly compaction included)
  std::size_t bytes_per_agent = 0;
  const MonthCounters& at(int month, std::size_t area) const {
    return monthly[static_cast<std::size_t>(month) * areas.size() + area];
  }
};

}  // namespace finsim
