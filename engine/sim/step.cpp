// The monthly timetable (docs/model.md §3), after OpenABM's one_time_step(): one line per event, in the
// order the model defines. Reading this function is reading the model's schedule.
#include "sim/events.h"
#include "sim/schedule.h"

namespace finsim {
namespace {

// The month's work for benchmarks (MonthCounters::events); burn-in months are carried to month 0.
void count_events(Area& area, const StepContext& ctx) {
  const MonthCounters& m = area.month;
  const std::int64_t n = static_cast<std::int64_t>(area.due.size()) + m.inflow + m.identified + m.referrals + m.starts +
                         m.wait_expired + area.unreported_events;
  area.unreported_events = ctx.month < 0 ? n : 0;
  area.month.events = ctx.month < 0 ? 0 : n;
}

}  // namespace

void step_month(Area& area, const StepContext& ctx) {
  collect_due(area, ctx.month);  // people whose scheduled event falls in this month
  staff_places(area, ctx);       // new places staffed during the year (ramp-up)
  demographic_exits(area, ctx);
  inflow(area, ctx);
  baseline_transitions(area, ctx);
  identification(area, ctx);     // partners identify people, faster when places are free
  referral(area, ctx);
  waiting_list(area, ctx);
  assign_slots(area, ctx);
  participation(area, ctx);
  ledger(area, ctx);
  count_events(area, ctx);
}

}  // namespace finsim
