// The payer ledger (DESIGN §5): what each person-month costs the state, the region and the
// kommun in support and health care, and what work brings back in taxes. Also counts stocks.
#include <cmath>

#include "sim/events.h"

namespace finsim {

void ledger(Area& area, const StepContext& ctx) {
  const Agents& a = area.agents;
  const auto& c = ctx.config.costs;
  auto& m = area.month;
  const int state = static_cast<int>(Payer::State);
  const int region = static_cast<int>(Payer::Region);
  const int kommun = static_cast<int>(Payer::Kommun);
  const auto wage = static_cast<double>(c.wage_per_month);
  const Sek tax_k = std::llround(wage * c.tax_kommun);
  const Sek tax_r = std::llround(wage * c.tax_region);
  const Sek tax_s = std::llround(wage * c.tax_state);
  const int js_source = static_cast<int>(SupportSource::ActivitySupport);
  for (std::size_t i = 0; i < a.size(); ++i) {
    const State s = a.state_of(i);
    if (s == State::Gone) continue;
    ++m.stock[static_cast<int>(s)];
    switch (s) {
      case State::Target:
      case State::Waiting:
      case State::InInsats: {
        const int src = a.support[i];
        ++m.support[src];
        m.public_cost[static_cast<int>(c.support_payer[src])] += c.support_cost_per_month[src];
        m.public_cost[region] += c.health_care_per_month;
        break;
      }
      case State::Work:
        m.public_revenue[kommun] += tax_k;
        m.public_revenue[region] += tax_r;
        m.public_revenue[state] += tax_s;
        break;
      case State::Studies:
        m.public_cost[state] += c.study_support_per_month;
        break;
      case State::JobSeeking:
        m.public_cost[static_cast<int>(c.support_payer[js_source])] += c.support_cost_per_month[js_source];
        break;
      default:
        break;
    }
  }
}

}  // namespace finsim
