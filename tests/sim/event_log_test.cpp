// Specification of the event log (finsim run --events): it tells the same story as the monthly
// aggregates, every person's records chain state to state, keeping it changes nothing, and it
// is the same for any thread count.
#include <tbb/global_control.h>

#include <catch2/catch.hpp>
#include <map>

#include "config/read_scenario.h"
#include "output/invariants.h"
#include "sim/simulation.h"
#include "world/world.h"

using namespace finsim;

namespace {

Scenario small() {
  return load_scenario(std::string(FINSIM_SOURCE_DIR) + "/scenarios/baseline.toml",
                       {"population.scale=0.03", "scenario.end=2021-12"});
}

ReplicationResult run_logged(const Scenario& s, bool record, int threads = 2, int replication = 0) {
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
  const World world = build_world(s.config);
  RunControl control;
  control.record_events = record;
  return run_replication(s.config, world, replication, control);
}

bool is(std::uint8_t code, State s) { return code == static_cast<std::uint8_t>(s); }

}  // namespace

TEST_CASE("event log: without --events no records are kept", "[sim][events]") {
  const ReplicationResult r = run_logged(small(), false);
  CHECK_FALSE(r.events_recorded);
  CHECK(r.events.empty());
}

TEST_CASE("event log: per month and area the records equal the flows and the inflow", "[sim][events]") {
  const Scenario s = small();
  const ReplicationResult r = run_logged(s, true);
  REQUIRE(r.events_recorded);
  REQUIRE(r.events.size() > 1000);
  // find_violations checks the log against the aggregates (output/invariants.cpp) ...
  CHECK(find_violations(r, s.config.meta.start).empty());
  // ... and here by hand for the national totals of the whole run.
  std::int64_t inflow = 0, flows = 0;
  for (const auto& c : r.monthly) {
    inflow += c.inflow;
    for (const auto& row : c.flow)
      for (auto v : row) flows += v;
  }
  std::int64_t entries = 0;
  for (const auto& e : r.events) entries += e.from == kOutside;
  CHECK(entries == inflow);
  CHECK(static_cast<std::int64_t>(r.events.size()) - entries == flows);
}

TEST_CASE("event log: a record missing or changed breaks the invariant check", "[sim][events]") {
  const Scenario s = small();
  ReplicationResult r = run_logged(s, true);
  SECTION("a record dropped") {
    r.events.erase(r.events.begin() + static_cast<std::ptrdiff_t>(r.events.size() / 2));
    CHECK_FALSE(find_violations(r, s.config.meta.start).empty());
  }
  SECTION("a record moved to another month out of order") {
    std::swap(r.events.front(), r.events.back());
    CHECK_FALSE(find_violations(r, s.config.meta.start).empty());
  }
  SECTION("a state code out of range") {
    r.events.front().to = 200;
    CHECK_FALSE(find_violations(r, s.config.meta.start).empty());
  }
}

TEST_CASE("event log: every person's records chain from state to state", "[sim][events]") {
  const ReplicationResult r = run_logged(small(), true);
  std::map<std::uint32_t, std::uint8_t> last_state;  // agent → state after their last record
  std::size_t chained = 0;
  for (const auto& e : r.events) {
    INFO("agent " << e.agent << " month " << e.month << " event " << kLogEventLabels[e.event]);
    CHECK(e.from != e.to);
    const auto it = last_state.find(e.agent);
    if (it != last_state.end()) {
      CHECK(e.from == it->second);  // nobody changes state unrecorded
      CHECK_FALSE(is(it->second, State::Gone));  // and nothing happens after leaving
      ++chained;
    }
    last_state[e.agent] = e.to;

    // What each cause means, as docs/output.md states it.
    switch (static_cast<LogEvent>(e.event)) {
      case LogEvent::Entry: CHECK((e.from == kOutside && is(e.to, State::Target))); break;
      case LogEvent::Referral: CHECK((is(e.from, State::Target) && is(e.to, State::Waiting))); break;
      case LogEvent::WaitExpired: CHECK((is(e.from, State::Waiting) && is(e.to, State::Target))); break;
      case LogEvent::Start: CHECK((is(e.from, State::Waiting) && is(e.to, State::InInsats))); break;
      case LogEvent::Completion:
      case LogEvent::Dropout:
      case LogEvent::EndedUnfunded: CHECK(is(e.from, State::InInsats)); break;
      case LogEvent::PathwayReferral: CHECK((is(e.from, State::InInsats) && is(e.to, State::Waiting))); break;
      case LogEvent::WorkStudies: CHECK((is(e.to, State::Work) || is(e.to, State::Studies))); break;
      case LogEvent::JobSeeking: CHECK(is(e.to, State::JobSeeking)); break;
      case LogEvent::Relapse: CHECK(is(e.to, State::Target)); break;
      default: CHECK(is(e.to, State::Gone)); break;  // the four ways of leaving
    }
    const bool concerns_insats = is(e.from, State::Waiting) || is(e.from, State::InInsats) ||
                                 is(e.to, State::Waiting) || is(e.to, State::InInsats);
    CHECK((e.insats >= 0) == concerns_insats);
  }
  CHECK(chained > r.events.size() / 4);
}

TEST_CASE("event log: keeping it changes no result, and threads do not change it", "[sim][events]") {
  const Scenario s = small();
  const ReplicationResult without = run_logged(s, false, 2);
  const ReplicationResult one = run_logged(s, true, 1);
  const ReplicationResult two = run_logged(s, true, 2);
  CHECK(without.monthly == one.monthly);
  CHECK(one.events == two.events);
  CHECK(one.monthly == two.monthly);
  SECTION("another replication tells another story") {
    CHECK(run_logged(s, true, 2, 1).events != one.events);
  }
}
