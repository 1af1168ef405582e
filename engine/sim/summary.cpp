#include "sim/summary.h"

namespace finsim {

std::vector<YearSummary> summarise_years(const ReplicationResult& r, const ScenarioConfig& config) {
  const double per_agent = 1.0 / config.population.scale;
  std::vector<YearSummary> out;
  const std::size_t nf = r.funding.empty() ? 0 : static_cast<std::size_t>(r.funding.size() / static_cast<std::size_t>(
                                                                           config.meta.last_year() - config.meta.first_year() + 1));
  for (int m = 0; m < r.months; ++m) {
    const YearMonth ym = YearMonth::from_index(config.meta.start.index() + m);
    if (out.empty() || out.back().year != ym.year) out.push_back(YearSummary{ym.year});
    YearSummary& y = out.back();
    for (std::size_t a = 0; a < r.areas.size(); ++a) {
      const auto& c = r.at(m, a);
      y.unique_participants += static_cast<double>(c.new_unique_participants) * per_agent;
      y.starts += static_cast<double>(c.starts) * per_agent;
      y.exits += static_cast<double>(c.completions + c.dropouts) * per_agent;
      y.exit_work_studies += static_cast<double>(c.exit_work + c.exit_studies) * per_agent;
      y.exit_job_seeking += static_cast<double>(c.exit_job_seeking) * per_agent;
    }
    if (ym.month == 12 || m == r.months - 1) {
      for (std::size_t a = 0; a < r.areas.size(); ++a) {
        const auto& c = r.at(m, a);
        y.participants_december += static_cast<double>(c.stock[static_cast<int>(State::InInsats)]) * per_agent;
        for (auto slots : c.capacity) y.slots_december += static_cast<double>(slots) * per_agent;
        y.waiting += static_cast<double>(c.stock[static_cast<int>(State::Waiting)]) * per_agent;
        y.target_group += static_cast<double>(c.stock[0] + c.stock[1] + c.stock[2]) * per_agent;
      }
    }
  }
  for (std::size_t i = 0; i < out.size() && nf > 0; ++i) {
    for (std::size_t f = 0; f < nf; ++f) {
      const auto& fy = r.funding[i * nf + f];
      out[i].state_paid += fy.state_paid;
      out[i].budget += fy.budget;
      out[i].unused_offer += fy.unused_offer;
      out[i].equity_close += fy.equity_close;
      if (i * nf + f < r.individual_spent.size()) out[i].individual_spent += r.individual_spent[i * nf + f];
    }
  }
  return out;
}

}  // namespace finsim
