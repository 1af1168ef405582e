#include "output/payback.h"

#include <algorithm>
#include <cmath>

namespace finsim {
namespace {

using Side = PairedRuns::Side;

// The förbund's spending in month m charged to payer p (p < 0: all), SEK: the year's spending
// times the payer's share of that year's contributions, one twelfth a month.
double spent_in_month(const PairedRuns& runs, Side s, std::size_t pair, std::size_t m, const AreaSet& areas, int p) {
  const RunData& d = runs.run(s);
  const std::size_t y = runs.year_of_month(m);
  double total = 0;
  for (std::size_t a : areas) {
    const AreaSet one = {a};
    const double spent = runs.sum3(s, d.spent, pair, y, one);
    if (spent == 0) continue;
    double share = 1;
    if (p >= 0) {
      const h5::Array<std::int64_t>* paid[] = {&d.state_paid, &d.region_paid, &d.kommuner_paid};
      const double budget = runs.sum3(s, d.state_paid, pair, y, one) + runs.sum3(s, d.region_paid, pair, y, one) +
                            runs.sum3(s, d.kommuner_paid, pair, y, one);
      share = budget > 0 ? runs.sum3(s, *paid[p], pair, y, one) / budget : 0.0;
    }
    total += spent * share / 12.0;
  }
  return total;
}

}  // namespace

Payback payback(const PairedRuns& runs, const std::string& basis, int p, int area) {
  const RunData& b = runs.run(Side::base);
  const RunData& s = runs.run(Side::scenario);
  Payback pb;
  pb.basis = basis;
  pb.payer = p < 0 ? "all" : b.payers[static_cast<std::size_t>(p)];
  pb.area = area < 0 ? "" : runs.label(static_cast<std::size_t>(area));
  pb.last_year = b.years.empty() ? 0 : b.years.back();
  const AreaSet areas = area < 0 ? runs.all_areas() : AreaSet{static_cast<std::size_t>(area)};
  const std::size_t M = runs.months(), R = runs.pairs();
  std::vector<std::optional<std::size_t>> payback_month;  // per defined replication
  std::vector<std::size_t> first_money;
  for (std::size_t r = 0; r < R; ++r) {
    std::vector<double> extra(M), gain(M);
    double c = 0, g = 0;
    std::optional<std::size_t> start;
    for (std::size_t m = 0; m < M; ++m) {
      const double dc = basis == "spent"
                            ? spent_in_month(runs, Side::scenario, r, m, areas, p) - spent_in_month(runs, Side::base, r, m, areas, p)
                            : runs.sum4(Side::scenario, s.finsam_contribution, r, m, areas, p) -
                                  runs.sum4(Side::base, b.finsam_contribution, r, m, areas, p);
      const double dg = (runs.sum4(Side::scenario, s.public_revenue, r, m, areas, p) -
                         runs.sum4(Side::base, b.public_revenue, r, m, areas, p)) -
                        (runs.sum4(Side::scenario, s.public_cost, r, m, areas, p) -
                         runs.sum4(Side::base, b.public_cost, r, m, areas, p));
      c += dc;
      g += dg;
      extra[m] = c;
      gain[m] = g;
      // Spending shares are fractions of a krona: below half a krona counts as no change.
      if (!start && std::fabs(dc) >= 0.5) start = m;
    }
    pb.extra_money += c / static_cast<double>(R);
    pb.net_gain += g / static_cast<double>(R);
    if (!start || c < 0.5) continue;  // no net extra money: payback is not defined
    // The payback month is the first from which the gain stays at or above the money.
    std::optional<std::size_t> paid;
    for (std::size_t m = M; m-- > *start;) {
      if (gain[m] < extra[m]) break;
      paid = m;
    }
    payback_month.push_back(paid);
    first_money.push_back(*start);
  }
  pb.n = static_cast<int>(payback_month.size());
  std::vector<std::pair<std::size_t, std::size_t>> months;  // (months to payback, payback month index)
  for (std::size_t i = 0; i < payback_month.size(); ++i) {
    pb.months_by_replication.push_back(std::nullopt);
    if (payback_month[i]) {
      ++pb.paid_back;
      months.emplace_back(*payback_month[i] - first_money[i] + 1, *payback_month[i]);
      pb.months_by_replication.back() = static_cast<int>(months.back().first);
    }
  }
  if (pb.n > 0) {
    // Upper median with non-payers counted as beyond the horizon (sorted last): with an even
    // count the later of the two middle values, so half not paying back means "after <last year>".
    const std::size_t k = static_cast<std::size_t>(pb.n) / 2;
    std::sort(months.begin(), months.end());
    if (k < months.size()) {
      pb.median_months = static_cast<int>(months[k].first);
      pb.median_month = b.months[months[k].second];
    }
  }
  return pb;
}

}  // namespace finsim
