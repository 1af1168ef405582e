// The optional event log (`finsim run --events`): one record per state change of a person, with
// its cause, for pathway analyses the monthly aggregates cannot answer (who went where, when).
#pragma once
#include <array>
#include <cstdint>
#include <vector>

#include "population/agents.h"

namespace finsim {

// Why a person changed state. Codes are stored in the file (flag_values/flag_meanings), so new
// causes are appended, never inserted.
enum class LogEvent : std::uint8_t {
  Entry = 0,        // joins the target group (inflow); from = kOutside
  Referral,         // referred by the förbund, joins a waiting list (väntelista)
  WaitExpired,      // gave up after the maximum wait
  Start,            // got a slot: the insats starts
  Completion,       // completed the insats; `to` is the outcome
  Dropout,          // left the insats early
  EndedUnfunded,    // the insats ended at the turn of a year for lack of money
  PathwayReferral,  // completed an insats without work and queues for the next one on the pathway
  WorkStudies,      // found work or studies without an insats (baseline hazard)
  JobSeeking,       // became an active job seeker without an insats
  Relapse,          // back to the target group from work, studies or job seeking
  AgedOut,          // turned 65
  Death,
  Emigration,
  Sjukersattning,   // permanent sickness compensation: leaves the target population
  Count
};
inline constexpr int kLogEvents = static_cast<int>(LogEvent::Count);

inline constexpr std::array<const char*, kLogEvents> kLogEventLabels = {
    "entry",  "referral",   "wait_expired", "start",  "completion", "dropout",   "ended_unfunded", "pathway_referral",
    "work_studies", "job_seeking", "relapse", "aged_out", "death", "emigration", "sjukersattning"};

// The `from` state of an entry: the person was not in the model before.
inline constexpr std::uint8_t kOutside = static_cast<std::uint8_t>(State::Count);
// The `insats` of an event that concerns no insats.
inline constexpr std::int8_t kNoInsats = -1;

// 12 bytes. The replication is implied by the ReplicationResult the log belongs to.
struct EventRecord {
  std::uint32_t agent;  // agent id (sim-stable across scenarios: kommun and serial, see agents.h)
  std::int16_t month;   // months since the start of the run
  std::uint8_t event;   // LogEvent
  std::uint8_t from;    // State, or kOutside
  std::uint8_t to;      // State
  // The insats the person is in or queues for after the event; for events that leave an insats
  // or a waiting list, the one left; kNoInsats otherwise.
  std::int8_t insats;
  std::uint16_t area;   // index in ReplicationResult::areas (set when the month is collected)
  bool operator==(const EventRecord&) const = default;
};

using EventLog = std::vector<EventRecord>;

}  // namespace finsim
