// The payer ledger (docs/model.md): what each person-month costs the state, the region and the
// kommun in support and health care, and what work brings back in taxes, at the month's price
// level (costs.price_index: the amounts are given in 2019 kronor). Also counts stocks.
// The pension part of the employer fees is kept apart: it funds the worker's own pension, so it is
// not revenue the state can spend (costs.employer_fee_pension_share).
#include <array>
#include <cmath>

#include "sim/events.h"

namespace finsim {

void ledger(Area& area, const StepContext& ctx) {
  const auto& c = ctx.config.costs;
  auto& m = area.month;
  const int state = static_cast<int>(Payer::State);
  const int region = static_cast<int>(Payer::Region);
  const int kommun = static_cast<int>(Payer::Kommun);
  const double price = price_level(ctx);
  const auto wage = static_cast<double>(priced(c.wage_per_month, price));
  const Sek health_care = priced(c.health_care_per_month, price);
  const Sek study_support = priced(c.study_support_per_month, price);
  std::array<Sek, kSupportSources> support{};
  for (int src = 0; src < kSupportSources; ++src) support[src] = priced(c.support_cost_per_month[src], price);
  const Sek tax_k = std::llround(wage * c.tax_kommun);
  const Sek tax_r = std::llround(wage * c.tax_region);
  const Sek fees = std::llround(wage * c.tax_state);
  const Sek pension = std::llround(static_cast<double>(fees) * c.employer_fee_pension_share);
  const Sek tax_s = fees - pension;
  const int js_source = static_cast<int>(SupportSource::ActivitySupport);
  for (int st = 0; st < kStates; ++st) {
    if (st == static_cast<int>(State::Gone)) continue;
    for (int src = 0; src < kSupportSources; ++src) {
      const std::int64_t n = area.census[st][src];
      m.stock[st] += n;
      switch (static_cast<State>(st)) {
        case State::Target:
        case State::Waiting:
        case State::InInsats:
          m.support[src] += n;
          m.public_cost[static_cast<int>(c.support_payer[src])] += n * support[src];
          m.public_cost[region] += n * health_care;
          break;
        case State::Work:
          m.public_revenue[kommun] += n * tax_k;
          m.public_revenue[region] += n * tax_r;
          m.public_revenue[state] += n * tax_s;
          m.pension_contribution += n * pension;
          break;
        case State::Studies:
          m.public_cost[state] += n * study_support;
          break;
        case State::JobSeeking:
          m.public_cost[static_cast<int>(c.support_payer[js_source])] += n * support[js_source];
          break;
        default:
          break;
      }
    }
  }
}

}  // namespace finsim
