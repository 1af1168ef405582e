#include "output/comparison.h"

#include <algorithm>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <map>
#include <numeric>

#include "util/error.h"

namespace finsim {
namespace {

// Per replication, per year values of one metric for one payer and area.
struct Series {
  std::string metric, unit, payer, area;
  std::vector<std::vector<double>> base, scen;  // [pair][year]
};

std::string range_text(const std::vector<std::string>& v) {
  if (v.empty()) return "none";
  return v.front() + ".." + v.back() + " (" + std::to_string(v.size()) + ")";
}
std::string range_text(const std::vector<std::int64_t>& v) {
  std::vector<std::string> s;
  for (auto x : v) s.push_back(std::to_string(x));
  return range_text(s);
}

void check_pairable(const RunData& b, const RunData& s) {
  const std::string who = b.path + " and " + s.path;
  if (b.seed != s.seed)
    throw InputError("cannot pair " + who + ": different seeds (" + std::to_string(b.seed) + " vs " +
                     std::to_string(s.seed) + "); paired differences need the same random numbers");
  auto sorted_b = b.replications, sorted_s = s.replications;
  std::sort(sorted_b.begin(), sorted_b.end());
  std::sort(sorted_s.begin(), sorted_s.end());
  if (sorted_b != sorted_s)
    throw InputError("cannot pair " + who + ": different replications (" + range_text(sorted_b) + " vs " +
                     range_text(sorted_s) + ")");
  if (b.months != s.months)
    throw InputError("cannot pair " + who + ": different months (" + range_text(b.months) + " vs " +
                     range_text(s.months) + ")");
  if (b.forbund != s.forbund) {
    std::size_t i = 0;
    while (i < b.forbund.size() && i < s.forbund.size() && b.forbund[i] == s.forbund[i]) ++i;
    const std::string bi = i < b.forbund.size() ? "'" + b.forbund[i] + "'" : "nothing";
    const std::string si = i < s.forbund.size() ? "'" + s.forbund[i] + "'" : "nothing";
    throw InputError("cannot pair " + who + ": different förbund labels (" + std::to_string(b.forbund.size()) + " vs " +
                     std::to_string(s.forbund.size()) + "; first difference at position " + std::to_string(i) + ": " +
                     bi + " vs " + si + ")");
  }
  if (b.population_scale != s.population_scale)
    throw InputError("cannot pair " + who + ": different population.scale (" + std::to_string(b.population_scale) +
                     " vs " + std::to_string(s.population_scale) + ")");
  if (b.payers != s.payers || b.years != s.years) throw InputError("cannot pair " + who + ": different payers or years");
}

RunIdentity identity(const RunData& d) {
  return {d.path, d.scenario, d.description, d.scenario_sha256, d.finsim_version, d.git_commit};
}

class Builder {
 public:
  Builder(const RunData& b, const RunData& s) : b_(b), s_(s) {
    for (std::size_t i = 0; i < b.replications.size(); ++i) {
      const auto j = std::find(s.replications.begin(), s.replications.end(), b.replications[i]) - s.replications.begin();
      pairs_.emplace_back(i, static_cast<std::size_t>(j));
    }
    std::sort(pairs_.begin(), pairs_.end(),
              [&](auto x, auto y) { return b.replications[x.first] < b.replications[y.first]; });
    Y_ = b.years.size();
    M_ = b.months.size();
    A_ = b.forbund.size();
    P_ = b.payers.size();
    for (std::size_t m = 0; m < M_; ++m) {
      const std::int64_t year = std::stoll(b.months[m].substr(0, 4));
      const auto it = std::find(b.years.begin(), b.years.end(), year);
      if (it == b.years.end()) throw InputError(b.path + ": month " + b.months[m] + " outside the year coordinate");
      year_of_month_.push_back(static_cast<std::size_t>(it - b.years.begin()));
    }
  }

  // area < 0: national sum.
  Series yearly(const std::string& metric, const std::string& unit, const std::string& payer, int area,
                const h5::Array<double>& (*pick)(const RunData&)) const {
    return make(metric, unit, payer, area, [&](const RunData& d, std::size_t r, std::size_t y, std::size_t a) {
      return pick(d).values[(r * Y_ + y) * A_ + a];
    });
  }

  template <class Field>
  Series make(const std::string& metric, const std::string& unit, const std::string& payer, int area, Field field) const {
    Series s{metric, unit, payer, area < 0 ? "" : b_.forbund[static_cast<std::size_t>(area)], {}, {}};
    for (const auto& [rb, rs] : pairs_) {
      s.base.push_back(collect(b_, rb, area, field));
      s.scen.push_back(collect(s_, rs, area, field));
    }
    return s;
  }

  template <class Field>
  std::vector<double> collect(const RunData& d, std::size_t r, int area, Field field) const {
    std::vector<double> out(Y_, 0.0);
    for (std::size_t y = 0; y < Y_; ++y)
      for (std::size_t a = 0; a < A_; ++a)
        if (area < 0 || static_cast<std::size_t>(area) == a) out[y] += field(d, r, y, a);
    return out;
  }

  // Monthly [R, M, A] summed into years.
  double month_sum(const h5::Array<double>& v, std::size_t r, std::size_t y, std::size_t a) const {
    double sum = 0;
    for (std::size_t m = 0; m < M_; ++m)
      if (year_of_month_[m] == y) sum += v.values[(r * M_ + m) * A_ + a];
    return sum;
  }
  // Monthly [R, M, A, P] summed into years; p < 0 sums the payers.
  double ledger_sum(const h5::Array<std::int64_t>& v, std::size_t r, std::size_t y, std::size_t a, int p) const {
    std::int64_t sum = 0;
    for (std::size_t m = 0; m < M_; ++m) {
      if (year_of_month_[m] != y) continue;
      for (std::size_t q = 0; q < P_; ++q)
        if (p < 0 || static_cast<std::size_t>(p) == q) sum += v.values[((r * M_ + m) * A_ + a) * P_ + q];
    }
    return static_cast<double>(sum);
  }

  std::vector<Series> all_series(int area) const {
    std::vector<Series> out;
    out.push_back(make("unique_participants", "persons", "", area,
                       [&](const RunData& d, std::size_t r, std::size_t y, std::size_t a) {
                         return d.unique_participants.values[(r * Y_ + y) * A_ + a];
                       }));
    out.push_back(make("exits_work_studies", "persons", "", area,
                       [&](const RunData& d, std::size_t r, std::size_t y, std::size_t a) {
                         return month_sum(d.exit_work, r, y, a) + month_sum(d.exit_studies, r, y, a);
                       }));
    const std::vector<std::pair<std::string, const h5::Array<std::int64_t> RunData::*>> budget = {
        {"state", &RunData::state_paid}, {"region", &RunData::region_paid}, {"kommun", &RunData::kommuner_paid}};
    out.push_back(make("finsam_budget", "SEK", "all", area, [&](const RunData& d, std::size_t r, std::size_t y, std::size_t a) {
      double sum = 0;
      for (const auto& [name, member] : budget) sum += static_cast<double>((d.*member).values[(r * Y_ + y) * A_ + a]);
      return sum;
    }));
    for (const auto& [name, member] : budget)
      out.push_back(make("finsam_budget", "SEK", name, area, [&, member = member](const RunData& d, std::size_t r, std::size_t y, std::size_t a) {
        return static_cast<double>((d.*member).values[(r * Y_ + y) * A_ + a]);
      }));
    for (int p = -1; p < static_cast<int>(P_); ++p) {
      const std::string payer = p < 0 ? "all" : b_.payers[static_cast<std::size_t>(p)];
      out.push_back(make("public_cost", "SEK", payer, area, [&, p](const RunData& d, std::size_t r, std::size_t y, std::size_t a) {
        return ledger_sum(d.public_cost, r, y, a, p);
      }));
      out.push_back(make("public_revenue", "SEK", payer, area, [&, p](const RunData& d, std::size_t r, std::size_t y, std::size_t a) {
        return ledger_sum(d.public_revenue, r, y, a, p);
      }));
      out.push_back(make("public_net_gain", "SEK", payer, area, [&, p](const RunData& d, std::size_t r, std::size_t y, std::size_t a) {
        return ledger_sum(d.public_revenue, r, y, a, p) - ledger_sum(d.public_cost, r, y, a, p);
      }));
    }
    return out;
  }

  // Payback for one payer (p < 0: all) in one area (area < 0: the nation), from the replication ×
  // month cumulative extra contributions and net gain. One loop for the nation and each förbund,
  // so the per-förbund figures add up to the national extra contributions by construction.
  Payback payback(int p, int area) const {
    Payback pb;
    pb.payer = p < 0 ? "all" : b_.payers[static_cast<std::size_t>(p)];
    pb.area = area < 0 ? "" : b_.forbund[static_cast<std::size_t>(area)];
    std::vector<std::optional<std::size_t>> payback_month;  // per defined replication
    std::vector<std::size_t> first_spending;
    for (const auto& [rb, rs] : pairs_) {
      std::vector<double> extra(M_), gain(M_);
      double c = 0, g = 0;
      std::optional<std::size_t> start;
      for (std::size_t m = 0; m < M_; ++m) {
        const double dc = monthly(s_.finsam_contribution, rs, m, area, p) - monthly(b_.finsam_contribution, rb, m, area, p);
        const double dg = (monthly(s_.public_revenue, rs, m, area, p) - monthly(b_.public_revenue, rb, m, area, p)) -
                          (monthly(s_.public_cost, rs, m, area, p) - monthly(b_.public_cost, rb, m, area, p));
        c += dc;
        g += dg;
        extra[m] = c;
        gain[m] = g;
        if (!start && dc != 0) start = m;
      }
      pb.extra_contribution += c / static_cast<double>(pairs_.size());
      pb.net_gain += g / static_cast<double>(pairs_.size());
      if (!start || c <= 0) continue;  // no net extra spending: payback is not defined
      // The payback month is the first from which the gain stays at or above the spending.
      std::optional<std::size_t> paid;
      for (std::size_t m = M_; m-- > *start;) {
        if (gain[m] < extra[m]) break;
        paid = m;
      }
      payback_month.push_back(paid);
      first_spending.push_back(*start);
    }
    pb.n = static_cast<int>(payback_month.size());
    std::vector<std::pair<std::size_t, std::size_t>> months;  // (months to payback, payback month index)
    for (std::size_t i = 0; i < payback_month.size(); ++i)
      if (payback_month[i]) {
        ++pb.paid_back;
        months.emplace_back(*payback_month[i] - first_spending[i] + 1, *payback_month[i]);
      }
    if (pb.n > 0) {
      // Upper median with non-payers counted as beyond the horizon (sorted last): with an even
      // count the later of the two middle values, so half not paying back means "not reached".
      const std::size_t k = static_cast<std::size_t>(pb.n) / 2;
      std::sort(months.begin(), months.end());
      if (k < months.size()) {
        pb.median_months = static_cast<int>(months[k].first);
        pb.median_month = b_.months[months[k].second];
      }
    }
    return pb;
  }

  // Monthly [R, M, A, P] in month m, summed over the areas (area < 0) or one, and over the payers
  // (p < 0) or one.
  double monthly(const h5::Array<std::int64_t>& v, std::size_t r, std::size_t m, int area, int p) const {
    std::int64_t sum = 0;
    for (std::size_t a = 0; a < A_; ++a) {
      if (area >= 0 && static_cast<std::size_t>(area) != a) continue;
      for (std::size_t q = 0; q < P_; ++q)
        if (p < 0 || static_cast<std::size_t>(p) == q) sum += v.values[((r * M_ + m) * A_ + a) * P_ + q];
    }
    return static_cast<double>(sum);
  }

  double state_offer_per_year(const RunData& d, bool scen, std::size_t y0) const {
    double total = 0;
    for (const auto& pr : pairs_) {
      const std::size_t r = scen ? pr.second : pr.first;
      for (std::size_t y = y0; y < Y_; ++y)
        for (std::size_t a = 0; a < A_; ++a) total += static_cast<double>(d.state_offer.values[(r * Y_ + y) * A_ + a]);
    }
    return total / static_cast<double>(pairs_.size()) / static_cast<double>(Y_ - y0);
  }

  std::size_t pairs() const { return pairs_.size(); }
  std::size_t years() const { return Y_; }
  std::size_t areas() const { return A_; }
  std::size_t payers() const { return P_; }

 private:
  const RunData& b_;
  const RunData& s_;
  std::vector<std::pair<std::size_t, std::size_t>> pairs_;  // (base index, scenario index) by replication
  std::size_t Y_ = 0, M_ = 0, A_ = 0, P_ = 0;
  std::vector<std::size_t> year_of_month_;
};

double mean_of(const std::vector<double>& v) {
  double sum = 0;
  for (double x : v) sum += x;
  return v.empty() ? 0.0 : sum / static_cast<double>(v.size());
}

void add_rows(Comparison& c, const Series& s, std::optional<std::size_t> policy_first) {
  const std::size_t n = s.base.size();
  const std::size_t Y = c.years.size();
  auto row = [&](ComparisonRow::Period period, std::int64_t year, auto value_of) {
    std::vector<double> b(n), sc(n), d(n);
    for (std::size_t r = 0; r < n; ++r) {
      b[r] = value_of(s.base[r]);
      sc[r] = value_of(s.scen[r]);
      d[r] = sc[r] - b[r];
    }
    ComparisonRow out{s.metric, s.unit, s.payer, s.area, period, year, mean_of(b), mean_of(sc), paired_stat(d)};
    c.rows.push_back(std::move(out));
  };
  for (std::size_t y = 0; y < Y; ++y)
    row(ComparisonRow::Period::year, c.years[y], [y](const std::vector<double>& v) { return v[y]; });
  row(ComparisonRow::Period::total, 0, [](const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0); });
  if (policy_first)
    row(ComparisonRow::Period::policy_per_year, 0, [&](const std::vector<double>& v) {
      double sum = 0;
      for (std::size_t y = *policy_first; y < Y; ++y) sum += v[y];
      return sum / static_cast<double>(Y - *policy_first);
    });
}

}  // namespace

double t_quantile_975(int df) {
  if (df < 1) throw std::invalid_argument("t_quantile_975: df must be at least 1");
  return boost::math::quantile(boost::math::students_t_distribution<double>(df), 0.975);
}

PairedStat paired_stat(std::span<const double> d) {
  PairedStat s;
  s.n = static_cast<int>(d.size());
  if (d.empty()) return s;
  double sum = 0;
  for (double x : d) sum += x;
  s.mean = sum / static_cast<double>(d.size());
  s.low = s.high = s.mean;
  if (d.size() < 2) return s;
  double ss = 0;
  for (double x : d) ss += (x - s.mean) * (x - s.mean);
  s.sd = std::sqrt(ss / static_cast<double>(d.size() - 1));
  const double half = t_quantile_975(s.n - 1) * s.sd / std::sqrt(static_cast<double>(s.n));
  s.low = s.mean - half;
  s.high = s.mean + half;
  return s;
}

Comparison compare_runs(const RunData& base, const RunData& scenario, bool by_forbund) {
  check_pairable(base, scenario);
  const Builder b(base, scenario);
  Comparison c;
  c.base = identity(base);
  c.scenario = identity(scenario);
  c.seed = base.seed;
  c.n = static_cast<int>(b.pairs());
  c.years = base.years;
  c.first_month = base.months.empty() ? "" : base.months.front();
  c.last_month = base.months.empty() ? "" : base.months.back();

  const auto national = b.all_series(-1);
  std::optional<std::size_t> policy_first;
  for (const auto& s : national)
    for (std::size_t r = 0; r < s.base.size(); ++r)
      for (std::size_t y = 0; y < b.years(); ++y)
        if (s.scen[r][y] != s.base[r][y] && (!policy_first || y < *policy_first)) policy_first = y;
  if (policy_first) {
    c.policy_first_year = base.years[*policy_first];
    c.policy_last_year = base.years.back();
  }
  for (const auto& s : national) add_rows(c, s, policy_first);
  if (by_forbund)
    for (std::size_t a = 0; a < b.areas(); ++a)
      for (const auto& s : b.all_series(static_cast<int>(a))) add_rows(c, s, policy_first);
  for (int p = -1; p < static_cast<int>(b.payers()); ++p) c.payback.push_back(b.payback(p, -1));
  if (by_forbund)
    for (std::size_t a = 0; a < b.areas(); ++a) c.payback_by_forbund.push_back(b.payback(-1, static_cast<int>(a)));
  const std::size_t y0 = policy_first.value_or(0);
  if (b.years() > 0) {
    c.base_state_offer_per_year = b.state_offer_per_year(base, false, y0);
    c.scenario_state_offer_per_year = b.state_offer_per_year(scenario, true, y0);
  }
  return c;
}

const ComparisonRow* find_row(const Comparison& c, const std::string& metric, const std::string& payer,
                              ComparisonRow::Period period, std::int64_t year, const std::string& area) {
  for (const auto& r : c.rows)
    if (r.metric == metric && r.payer == payer && r.period == period && r.area == area &&
        (period != ComparisonRow::Period::year || r.year == year))
      return &r;
  return nullptr;
}

}  // namespace finsim
