// An Area is the unit of parallel work: a förbund with its people, waiting lists and slots, or
// the kommuner of one region that have no förbund. Areas never touch each other within a month.
#pragma once
#include <array>
#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "population/agents.h"
#include "util/money.h"
#include "sim/counters.h"
#include "sim/event_calendar.h"
#include "sim/event_log.h"
#include "sim/identification_clock.h"
#include "sim/identified_pool.h"
#include "sim/participant_list.h"
#include "world/world.h"

namespace finsim {

// A waiting-list place. It is stale (skipped) once the person left Waiting or re-queued later.
struct QueueEntry {
  std::uint32_t person;  // local index in Area::agents
  std::int16_t joined;   // month joined
};

struct Area {
  int forbund = -1;  // index in OrgGraph; -1 for kommuner without a förbund
  int region = -1;
  std::string name;
  std::vector<int> kommuner;             // kommun indices served
  std::vector<std::uint32_t> next_serial;  // per kommun (parallel to kommuner): next agent serial
  std::vector<double> inflow_mean;       // per kommun: agents a month
  Agents agents;
  std::int64_t compacted_gone = 0;             // Gone people removed from `agents` (sim/compaction.h)
  std::vector<std::deque<QueueEntry>> queues;  // per insats type (FIFO: the waiting list, väntelista)
  std::vector<std::int64_t> participants;     // per insats type, now
  ParticipantList in_insats;                  // who they are (sim/participant_list.h)
  std::vector<std::int64_t> waiting;          // per insats type, people on the list now
  std::vector<std::int64_t> capacity;         // per insats type, slots staffed this month (agents)
  std::vector<std::int64_t> capacity_goal;    // per insats type, the slots this year's money pays for
  std::vector<std::int64_t> capacity_from;    // per insats type, staffed slots when the year began
  int plan_month = 0;                         // month this year's plan was applied (ramp-up clock)
  // People identified by a partner and not yet referred (sim/identified_pool.h).
  IdentifiedPool identified_pool;
  std::int64_t identified_count = 0;          // live entries of identified_pool
  std::int64_t identified_unsuited = 0;       // of them, passed over last month although places were open
  double identification_hazard = 0;           // this month's identification hazard (sim/identification.cpp)
  IdentificationClocks identification_clocks;  // when unidentified people are identified (sim/identification_clock.h)
  Sek structural_first_year = -1;             // structural money of the first planned year (−1: not yet)
  double structural_identification = 1.0;     // multipliers bought by this year's structural money
  double structural_outcome = 1.0;
  // Calendar of scheduled events: for month m, the people whose `wake` was set to m (entries are
  // stale once rescheduled). Empty: collect_due scans every person instead.
  EventCalendar calendar;
  MonthCounters month;                        // this month's record (reset at the start of a step)
  std::int64_t unreported_events = 0;         // events of burn-in months, added to month 0's count
  std::vector<std::uint32_t> due;             // people with an event this month (see sim/schedule.h)
  std::vector<std::uint64_t> due_marks;       // scratch of collect_due: one bit a person, all zero between steps
  bool record_events = false;                 // keep an EventLog (finsim run --events)
  EventLog events;                            // this month's records, in the order they happened
  // People by state and support source, kept up to date at every change so the monthly ledger
  // does not visit every person (the invariant: it equals a count over `agents`).
  std::array<std::array<std::int64_t, kSupportSources>, kStates> census{};
  void count(State s, std::uint8_t support, std::int64_t delta) {
    census[static_cast<int>(s)][support] += delta;
  }
  std::int64_t live() const;                  // people not Gone
  void size_for(std::size_t insats_types);    // empty per-type lists and counts for the catalogue
};

// One area per förbund (in förbund order), then one per region for kommuner without a förbund.
std::vector<Area> make_areas(const World& world, std::size_t insats_types);

}  // namespace finsim
