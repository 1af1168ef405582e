// What one area records in one month: flows between states, stocks, pathway events and the
// payer ledger. Plain integer arrays, so summing areas in any order gives identical results.
#pragma once
#include <array>
#include <cstdint>
#include <vector>

#include "config/scenario_config.h"
#include "population/agents.h"
#include "util/money.h"

namespace finsim {

struct MonthCounters {
  // flow[from][to]: people who moved between states this month (Gone included as a target).
  std::array<std::array<std::int64_t, kStates>, kStates> flow{};
  std::array<std::int64_t, kStates> stock{};          // at month end (Gone: cumulative not kept)
  std::array<std::int64_t, kSupportSources> support{};  // target group (Target, Waiting, InInsats) by source
  std::array<std::int64_t, kGoneReasons> gone{};
  std::int64_t inflow = 0;
  std::int64_t identified = 0;       // identified by a partner (capacity_responsive referral)
  std::int64_t identified_pool = 0;  // identified, not yet referred, at month end
  std::int64_t referrals = 0;
  std::int64_t starts = 0;
  std::int64_t completions = 0;
  std::int64_t dropouts = 0;
  std::int64_t wait_expired = 0;  // gave up after the maximum wait
  std::int64_t pathway_referrals = 0;
  std::int64_t ended_unfunded = 0;  // insatser ended at the turn of a year for lack of money
  // Exits from an insats by outcome (completions + dropouts): the SUS exit statistics.
  std::int64_t exit_work = 0;
  std::int64_t exit_studies = 0;
  std::int64_t exit_job_seeking = 0;
  std::int64_t exit_other = 0;
  std::int64_t new_unique_participants = 0;  // first insats month of a person in this calendar year
  std::vector<std::int64_t> participants;    // per insats type, during the month (after slots)
  std::vector<std::int64_t> capacity;        // per insats type, slots available (agents)
  Sek insats_spending = 0;                   // participant-months × cost (agent units)
  std::array<Sek, kPayers> public_cost{};    // benefits and health care paid (agent units)
  std::array<Sek, kPayers> public_revenue{};  // taxes from work (agent units)
  Sek pension_contribution = 0;  // pension part of the employer fees from work (agent units): not revenue
  // Work done, for benchmarks (not written to results): scheduled events that fell due, newcomers,
  // identifications, referrals, starts and waits expired. Month 0 also carries the burn-in's events.
  std::int64_t events = 0;

  void reset(std::size_t insats_types) {
    *this = MonthCounters{};
    participants.assign(insats_types, 0);
    capacity.assign(insats_types, 0);
  }
  bool operator==(const MonthCounters&) const = default;
  void move(State from, State to) { ++flow[static_cast<int>(from)][static_cast<int>(to)]; }
};

}  // namespace finsim
