// The monthly timetable (docs/model.md §3), after OpenABM's one_time_step(): one line per event, in the
// order the model defines. Reading this function is reading the model's schedule.
#include "sim/events.h"
#include "sim/schedule.h"

namespace finsim {

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
}

}  // namespace finsim
