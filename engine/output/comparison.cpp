#include "output/comparison.h"

#include <algorithm>
#include <functional>
#include <map>
#include <numeric>
#include <stdexcept>

#include "output/paired_runs.h"
#include "util/error.h"

namespace finsim {
namespace {

using Side = PairedRuns::Side;

// Per replication pair, per year values of one metric for one payer and area set.
struct Series {
  std::string metric, unit, payer;
  bool additive = true;  // flows and person-years sum over years; December stocks do not
  std::vector<std::vector<double>> base, scen;  // [pair][year]
};

// One area level: the nation, a förbund or a län, with the union areas it covers.
struct AreaGroup {
  std::string level, label;
  bool synthetic = false;
  AreaSet areas;
};

// value(side, pair, year, areas) of one metric.
using YearValue = std::function<double(Side, std::size_t, std::size_t, const AreaSet&)>;

class SeriesBuilder {
 public:
  explicit SeriesBuilder(const PairedRuns& runs) : runs_(runs) {
    work_ = {runs.state(Side::base, "work"), runs.state(Side::scenario, "work")};
    studies_ = {runs.state(Side::base, "studies"), runs.state(Side::scenario, "studies")};
    for (const char* s : {"target", "waiting", "in_insats"})
      target_.push_back({runs.state(Side::base, s), runs.state(Side::scenario, s)});
  }

  Series make(const std::string& metric, const std::string& unit, const std::string& payer, bool additive,
              const AreaSet& areas, const YearValue& value) const {
    Series s{metric, unit, payer, additive, {}, {}};
    for (std::size_t r = 0; r < runs_.pairs(); ++r) {
      std::vector<double> b(runs_.years()), sc(runs_.years());
      for (std::size_t y = 0; y < runs_.years(); ++y) {
        b[y] = value(Side::base, r, y, areas);
        sc[y] = value(Side::scenario, r, y, areas);
      }
      s.base.push_back(std::move(b));
      s.scen.push_back(std::move(sc));
    }
    return s;
  }

  // A monthly [R, M, A] array summed over the year's months.
  template <class T>
  double month_sum(Side s, const h5::Array<T>& v, std::size_t r, std::size_t y, const AreaSet& areas) const {
    double sum = 0;
    for (std::size_t m = 0; m < runs_.months(); ++m)
      if (runs_.year_of_month(m) == y) sum += runs_.sum3(s, v, r, m, areas);
    return sum;
  }
  // A monthly [R, M, A, P] array summed over the year's months and payer p (p < 0: all).
  template <class T>
  double ledger_sum(Side s, const h5::Array<T>& v, std::size_t r, std::size_t y, const AreaSet& areas, int p) const {
    double sum = 0;
    for (std::size_t m = 0; m < runs_.months(); ++m)
      if (runs_.year_of_month(m) == y) sum += runs_.sum4(s, v, r, m, areas, p);
    return sum;
  }
  // People in the given states: person-years over the year (monthly stocks / 12), or at December
  // (the year's last month in the run).
  double stock(Side s, std::size_t r, std::size_t y, const AreaSet& areas, const std::vector<int>& states, bool december) const {
    const auto& v = runs_.run(s).stock;
    double sum = 0;
    std::optional<std::size_t> last;
    for (std::size_t m = 0; m < runs_.months(); ++m)
      if (runs_.year_of_month(m) == y) {
        last = m;
        if (!december)
          for (int st : states) sum += runs_.sum4(s, v, r, m, areas, st) / 12.0;
      }
    if (december && last)
      for (int st : states) sum += runs_.sum4(s, v, r, *last, areas, st);
    return sum;
  }
  // Every metric for one area set, in the order the table prints them.
  std::vector<Series> all(const AreaSet& areas) const {
    std::vector<Series> out;
    const RunData& b = runs_.run(Side::base);
    auto yearly = [&](const h5::Array<std::int64_t> RunData::*member) {
      return [this, member](Side s, std::size_t r, std::size_t y, const AreaSet& a) {
        return runs_.sum3(s, runs_.run(s).*member, r, y, a);
      };
    };
    out.push_back(make("unique_participants", "persons", "", true, areas, [this](Side s, std::size_t r, std::size_t y, const AreaSet& a) {
      return runs_.sum3(s, runs_.run(s).unique_participants, r, y, a);
    }));
    out.push_back(make("exits_work_studies", "persons", "", true, areas, [this](Side s, std::size_t r, std::size_t y, const AreaSet& a) {
      return month_sum(s, runs_.run(s).exit_work, r, y, a) + month_sum(s, runs_.run(s).exit_studies, r, y, a);
    }));
    auto people = [&](const std::string& metric, bool december, std::vector<const std::pair<int, int>*> which) {
      out.push_back(make(metric, december ? "persons" : "person-years", "", !december, areas,
                         [this, december, which](Side s, std::size_t r, std::size_t y, const AreaSet& a) {
                           std::vector<int> st;
                           for (const auto* w : which) st.push_back(s == Side::base ? w->first : w->second);
                           return stock(s, r, y, a, st, december);
                         }));
    };
    people("person_years_work_studies", false, {&work_, &studies_});
    people("person_years_work", false, {&work_});
    people("person_years_studies", false, {&studies_});
    people("person_years_target_group", false, {&target_[0], &target_[1], &target_[2]});
    people("work_studies_december", true, {&work_, &studies_});
    people("work_december", true, {&work_});
    people("studies_december", true, {&studies_});

    const std::vector<std::pair<std::string, const h5::Array<std::int64_t> RunData::*>> budget = {
        {"state", &RunData::state_paid}, {"region", &RunData::region_paid}, {"kommun", &RunData::kommuner_paid}};
    out.push_back(make("finsam_budget", "SEK", "all", true, areas, [&, this](Side s, std::size_t r, std::size_t y, const AreaSet& a) {
      double sum = 0;
      for (const auto& [name, member] : budget) sum += runs_.sum3(s, runs_.run(s).*member, r, y, a);
      return sum;
    }));
    for (const auto& [name, member] : budget) out.push_back(make("finsam_budget", "SEK", name, true, areas, yearly(member)));
    // Where the money went: budget + unused offer = individual + structural + admin + equity change + unused offer.
    out.push_back(make("money_individual", "SEK", "", true, areas, yearly(&RunData::individual_spent)));
    out.push_back(make("money_structural", "SEK", "", true, areas, yearly(&RunData::structural)));
    out.push_back(make("money_admin", "SEK", "", true, areas, yearly(&RunData::admin)));
    out.push_back(make("money_equity_change", "SEK", "", true, areas, [this](Side s, std::size_t r, std::size_t y, const AreaSet& a) {
      return runs_.sum3(s, runs_.run(s).equity_close, r, y, a) - runs_.sum3(s, runs_.run(s).equity_open, r, y, a);
    }));
    out.push_back(make("money_unused_offer", "SEK", "", true, areas, yearly(&RunData::unused_offer)));

    for (int p = -1; p < static_cast<int>(runs_.payers()); ++p) {
      const std::string payer = p < 0 ? "all" : b.payers[static_cast<std::size_t>(p)];
      out.push_back(make("public_cost", "SEK", payer, true, areas, [this, p](Side s, std::size_t r, std::size_t y, const AreaSet& a) {
        return ledger_sum(s, runs_.run(s).public_cost, r, y, a, p);
      }));
      out.push_back(make("public_revenue", "SEK", payer, true, areas, [this, p](Side s, std::size_t r, std::size_t y, const AreaSet& a) {
        return ledger_sum(s, runs_.run(s).public_revenue, r, y, a, p);
      }));
      out.push_back(make("public_net_gain", "SEK", payer, true, areas, [this, p](Side s, std::size_t r, std::size_t y, const AreaSet& a) {
        return ledger_sum(s, runs_.run(s).public_revenue, r, y, a, p) - ledger_sum(s, runs_.run(s).public_cost, r, y, a, p);
      }));
    }
    out.push_back(make("pension_contributions", "SEK", "", true, areas, [this](Side s, std::size_t r, std::size_t y, const AreaSet& a) {
      return month_sum(s, runs_.run(s).pension_contribution, r, y, a);
    }));
    return out;
  }

 private:
  const PairedRuns& runs_;
  std::pair<int, int> work_, studies_;
  std::vector<std::pair<int, int>> target_;
};

double mean_of(const std::vector<double>& v) {
  double sum = 0;
  for (double x : v) sum += x;
  return v.empty() ? 0.0 : sum / static_cast<double>(v.size());
}

double policy_sum(const std::vector<double>& v, std::size_t first) {
  return std::accumulate(v.begin() + static_cast<std::ptrdiff_t>(first), v.end(), 0.0);
}

void add_rows(Comparison& c, const Series& s, const AreaGroup& g, std::optional<std::size_t> policy_first) {
  const std::size_t n = s.base.size();
  const std::size_t Y = c.years.size();
  auto row = [&](ComparisonRow::Period period, std::int64_t year, auto value_of) {
    std::vector<double> b(n), sc(n), d(n);
    for (std::size_t r = 0; r < n; ++r) {
      b[r] = value_of(s.base[r]);
      sc[r] = value_of(s.scen[r]);
      d[r] = sc[r] - b[r];
    }
    c.rows.push_back({s.metric, s.unit, s.payer, g.level, g.label, g.synthetic, period, year, mean_of(b), mean_of(sc),
                      paired_stat(d)});
  };
  for (std::size_t y = 0; y < Y; ++y)
    row(ComparisonRow::Period::year, c.years[y], [y](const std::vector<double>& v) { return v[y]; });
  if (!s.additive) return;
  row(ComparisonRow::Period::total, 0, [](const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0); });
  if (policy_first)
    row(ComparisonRow::Period::policy_per_year, 0,
        [&](const std::vector<double>& v) { return policy_sum(v, *policy_first) / static_cast<double>(Y - *policy_first); });
}

const Series& series(const std::vector<Series>& all, const std::string& metric, const std::string& payer = "") {
  for (const auto& s : all)
    if (s.metric == metric && s.payer == payer) return s;
  throw std::logic_error("comparison: no series " + metric);
}

// Extra Finsam money (all payers) over the policy years against each effect, per replication pair.
std::vector<CostPerEffect> costs_per_effect(const std::vector<Series>& national, std::size_t first) {
  const Series& money = series(national, "finsam_budget", "all");
  const std::size_t n = money.base.size();
  std::vector<double> cost(n);
  for (std::size_t r = 0; r < n; ++r) cost[r] = policy_sum(money.scen[r], first) - policy_sum(money.base[r], first);
  std::vector<CostPerEffect> out;
  auto add = [&](const std::string& name, const std::string& metric, bool at_end) {
    const Series& s = series(national, metric);
    std::vector<double> e(n);
    for (std::size_t r = 0; r < n; ++r)
      e[r] = at_end ? s.scen[r].back() - s.base[r].back() : policy_sum(s.scen[r], first) - policy_sum(s.base[r], first);
    out.push_back(cost_per_effect(name, cost, e));
  };
  add("participants", "unique_participants", false);
  add("exits_work_studies", "exits_work_studies", false);
  add("work_studies_end", "work_studies_december", true);
  add("person_years_work_studies", "person_years_work_studies", false);
  return out;
}

RunIdentity identity(const RunData& d) {
  return {d.path, d.scenario, d.description, d.scenario_sha256, d.finsim_version, d.git_commit};
}

}  // namespace

Comparison compare_runs(const RunData& base, const RunData& scenario, CompareOptions options) {
  const PairedRuns runs(base, scenario);
  const SeriesBuilder builder(runs);
  Comparison c;
  c.base = identity(base);
  c.scenario = identity(scenario);
  c.seed = base.seed;
  c.n = static_cast<int>(runs.pairs());
  c.years = base.years;
  c.first_month = base.months.empty() ? "" : base.months.front();
  c.last_month = base.months.empty() ? "" : base.months.back();
  for (std::size_t a = 0; a < runs.areas(); ++a)
    if (!runs.in_both(a)) {
      const bool in_base = std::find(base.forbund.begin(), base.forbund.end(), runs.label(a)) != base.forbund.end();
      (in_base ? c.only_in_base : c.only_in_scenario).push_back(runs.label(a));
    }

  const AreaGroup nation{"nation", "", false, runs.all_areas()};
  const auto national = builder.all(nation.areas);
  std::optional<std::size_t> policy_first;
  for (const auto& s : national)
    for (std::size_t r = 0; r < s.base.size(); ++r)
      for (std::size_t y = 0; y < runs.years(); ++y)
        if (s.scen[r][y] != s.base[r][y] && (!policy_first || y < *policy_first)) policy_first = y;
  if (options.policy_first_year) {
    const auto it = std::find(base.years.begin(), base.years.end(), *options.policy_first_year);
    if (it == base.years.end())
      throw std::invalid_argument("compare_runs: policy year " + std::to_string(*options.policy_first_year) +
                                  " is not a year of the runs");
    policy_first = static_cast<std::size_t>(it - base.years.begin());
  }
  if (policy_first) {
    c.policy_first_year = base.years[*policy_first];
    c.policy_last_year = base.years.back();
  }
  for (const auto& s : national) add_rows(c, s, nation, policy_first);
  if (options.by_forbund)
    for (std::size_t a = 0; a < runs.areas(); ++a) {
      const AreaGroup g{"forbund", runs.label(a), runs.kind(a) == "synthetic", {a}};
      for (const auto& s : builder.all(g.areas)) add_rows(c, s, g, policy_first);
    }
  if (options.by_lan) {
    // Län in order of their codes; areas without a known län are left out (there are none in
    // files of the shipped geography).
    std::map<std::string, AreaGroup> lan;
    for (std::size_t a = 0; a < runs.areas(); ++a) {
      if (runs.region(a).empty()) continue;
      auto& g = lan[runs.region(a)];
      g.level = "lan";
      g.label = runs.region_name(a);
      g.synthetic = g.synthetic || runs.kind(a) == "synthetic";
      g.areas.push_back(a);
    }
    for (const auto& [code, g] : lan)
      for (const auto& s : builder.all(g.areas)) add_rows(c, s, g, policy_first);
  }
  for (const char* basis : {"spent", "paid"})
    for (int p = -1; p < static_cast<int>(runs.payers()); ++p) c.payback.push_back(payback(runs, basis, p, -1));
  if (options.by_forbund)
    for (std::size_t a = 0; a < runs.areas(); ++a)
      for (const char* basis : {"spent", "paid"})
        for (int p = -1; p < static_cast<int>(runs.payers()); ++p)
          c.payback_by_forbund.push_back(payback(runs, basis, p, static_cast<int>(a)));
  if (runs.years() > 0) {
    const std::size_t y0 = policy_first.value_or(0);
    c.cost_per_effect = costs_per_effect(national, y0);
    auto offer = [&](Side s) {
      double total = 0;
      for (std::size_t r = 0; r < runs.pairs(); ++r)
        for (std::size_t y = y0; y < runs.years(); ++y) total += runs.sum3(s, runs.run(s).state_offer, r, y, nation.areas);
      return total / static_cast<double>(runs.pairs()) / static_cast<double>(runs.years() - y0);
    };
    c.base_state_offer_per_year = offer(Side::base);
    c.scenario_state_offer_per_year = offer(Side::scenario);
  }
  return c;
}

const ComparisonRow* find_row(const Comparison& c, const std::string& metric, const std::string& payer,
                              ComparisonRow::Period period, std::int64_t year, const std::string& area,
                              const std::string& level) {
  for (const auto& r : c.rows)
    if (r.metric == metric && r.payer == payer && r.period == period && r.area == area &&
        (level.empty() || r.level == level) && (period != ComparisonRow::Period::year || r.year == year))
      return &r;
  return nullptr;
}

const Payback* find_payback(const Comparison& c, const std::string& basis, const std::string& payer,
                            const std::string& area) {
  for (const auto* list : {&c.payback, &c.payback_by_forbund})
    for (const auto& p : *list)
      if (p.basis == basis && p.payer == payer && p.area == area) return &p;
  return nullptr;
}

const CostPerEffect* find_cost(const Comparison& c, const std::string& effect) {
  for (const auto& e : c.cost_per_effect)
    if (e.effect == effect) return &e;
  return nullptr;
}

}  // namespace finsim
