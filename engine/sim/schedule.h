// Event scheduling: when a person enters a state, the month and kind of their next event are drawn
// from the state's constant monthly hazards (competing risks), so months without events cost nothing.
#pragma once
#include <cstdint>
#include <vector>

#include "sim/area.h"
#include "sim/events.h"

namespace finsim {

// Draws and stores (wake, next) for person i, who is in its current state from `month` on.
// Geometric waiting time with the summed monthly probability; the kind in proportion to each
// hazard — the same distribution as a draw every month, with one Philox block instead of many.
void schedule(Area& area, std::size_t i, const StepContext& ctx);

// How a baseline event of `kind` turns out for a person in state `s` on support source `support`,
// decided by the uniform `u` when the event is scheduled (the schedule block's spare lane, so the
// event needs no block of its own): for WorkStudies and FindWork 1 = studies, 0 = work; for
// SupportChange and Relapse the new support source (a SupportChange always changes it); else 0.
std::uint8_t baseline_outcome(NextEvent kind, State s, std::uint8_t support, double u, const PopulationConfig& pop);

// Moves person i to `to` because of `why` (recording the flow, and the event when the area keeps
// a log) and schedules their next event. Set the person's insats before a move into an insats.
void move_to(Area& area, std::size_t i, State to, LogEvent why, const StepContext& ctx);

// Records an event in the area's log, if it keeps one.
void log_event(Area& area, std::size_t i, LogEvent why, std::uint8_t from, State to, int month);

// People whose event is due this month, in storage order (filled once at the start of a step):
// from the area's calendar when it has one, else by scanning every person.
void collect_due(Area& area, int month);

// Gives the area a calendar of due events for months first_month … last_month (the run's), so a
// month costs in proportion to its events, not to the people in the area. Call after everyone's
// first event is scheduled; later schedule() calls file people in it.
void use_calendar(Area& area, int first_month, int last_month);

inline bool due(const Agents& a, std::size_t i, int month, NextEvent kind) {
  return a.wake[i] == month && a.next[i] == static_cast<std::uint8_t>(kind);
}

}  // namespace finsim
