#include "output/study_summary.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "output/comparison.h"
#include "output/results_reader.h"
#include "util/error.h"

namespace finsim {
namespace {

using Period = ComparisonRow::Period;

struct Wanted {
  const char* metric;
  const char* payer;
  bool policy;  // per policy year, else December of the last year
};
// The headlines of issue 14 that compare_runs gives per replication.
constexpr Wanted kWanted[] = {
    {"work_studies_december", "", false}, {"person_years_work_studies", "", true}, {"unique_participants", "", true},
    {"finsam_budget", "all", true},       {"finsam_budget", "state", true},        {"finsam_budget", "region", true},
    {"finsam_budget", "kommun", true},    {"public_net_gain", "all", true},
};

std::string text_attribute(const h5::Group& g, const char* name) {
  const auto v = g.attribute(".", name);
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  return "";
}

std::int64_t int_attribute(const h5::Group& g, const char* name) {
  const auto v = g.attribute(".", name);
  if (const auto* i = std::get_if<std::int64_t>(&v)) return *i;
  return 0;
}

}  // namespace

StudyEffect split_effect(std::span<const PairedStat> sets) {
  if (sets.size() < 2) throw std::invalid_argument("split_effect: need at least 2 parameter sets");
  const double k = static_cast<double>(sets.size());
  const int n = sets.front().n;
  double mean = 0, within = 0;
  for (const auto& s : sets) {
    mean += s.mean / k;
    within += s.sd * s.sd / k;
  }
  double between = 0;
  for (const auto& s : sets) between += (s.mean - mean) * (s.mean - mean) / (k - 1);
  StudyEffect e;
  e.mean = mean;
  // With one replication `between` is the whole variance; it is kept as the parameter part only so
  // that the total is right, and split_known says the split is not measured.
  e.split_known = n > 1;
  e.monte_carlo_var = n > 1 ? within : 0.0;
  e.parameter_var = std::max(between - (n > 1 ? within / n : 0.0), 0.0);
  const double half = 1.959963985 * std::sqrt(e.parameter_var + e.monte_carlo_var);
  e.low = mean - half;
  e.high = mean + half;
  std::vector<PairedStat> sorted(sets.begin(), sets.end());
  std::sort(sorted.begin(), sorted.end(), [](const PairedStat& a, const PairedStat& b) { return a.mean < b.mean; });
  e.noise_only = sorted[sorted.size() / 2];
  return e;
}

bool is_study_file(const std::filesystem::path& path) {
  const ResultsFile f = open_results(path);
  return is_sweep(f) && f.group.has("study_sample");
}

StudyEffect split_values(const std::vector<std::vector<std::optional<double>>>& per_set) {
  std::size_t total = 0, present = 0;
  for (const auto& set : per_set)
    for (const auto& v : set) {
      ++total;
      present += v.has_value();
    }
  StudyEffect e;
  e.defined_share = total > 0 ? static_cast<double>(present) / static_cast<double>(total) : 0.0;
  if (present < total || total == 0 || per_set.size() < 2) {
    e.defined = false;
    return e;
  }
  std::vector<PairedStat> stats;
  for (const auto& set : per_set) {
    std::vector<double> x;
    for (const auto& v : set) x.push_back(*v);
    stats.push_back(paired_stat(x));
  }
  return split_effect(stats);
}

StudySummary summarise_study(const std::filesystem::path& path, bool all_sets) {
  StudySummary out;
  out.path = path.string();
  {
    const ResultsFile f = open_results(path);
    if (!is_sweep(f) || !f.group.has("study_sample"))
      throw InputError(out.path + ": not a study file (made by finsim study): no study_sample");
    out.base_scenario = text_attribute(f.group, "study_base_scenario");
    out.scenario = text_attribute(f.group, "study_scenario");
    out.method = text_attribute(f.group, "study_method");
    out.samples = static_cast<std::size_t>(int_attribute(f.group, "study_samples"));
    out.sample_seed = int_attribute(f.group, "study_sample_seed");
    const auto keys = f.group.attribute(".", "study_keys");
    if (const auto* k = std::get_if<std::vector<std::string>>(&keys)) out.keys = k->size();
  }
  if (out.samples < 2) throw InputError(out.path + ": a study needs at least 2 parameter sets for an interval");
  out.calibration = history_match_study(path, out.samples);
  out.calibrated = !all_sets;
  std::vector<Comparison> compared;
  std::optional<std::int64_t> first;
  for (std::size_t s = 0; s < out.samples; ++s) {
    compared.push_back(compare_runs(read_run(path, 2 * s), read_run(path, 2 * s + 1)));
    if (const auto y = compared.back().policy_first_year; y && (!first || *y < *first)) first = *y;
  }
  const Comparison& any = compared.front();
  const std::int64_t window = first.value_or(any.years.front());
  for (std::size_t s = 0; s < out.samples; ++s)
    if (compared[s].policy_first_year != window)
      compared[s] = compare_runs(read_run(path, 2 * s), read_run(path, 2 * s + 1), {.policy_first_year = window});
  out.finsim_version = any.scenario.finsim_version;
  out.git_commit = any.scenario.git_commit;
  out.description = any.scenario.description;
  out.seed = any.seed;
  out.replications = any.n;
  out.policy_first_year = window;
  out.last_year = any.years.back();

  // The sets the effects are over: those the calibration targets keep, unless all were asked for.
  std::vector<const Comparison*> used;
  for (std::size_t s = 0; s < out.samples; ++s)
    if (all_sets || out.calibration.kept[s]) used.push_back(&compared[s]);
  out.sets_used = used.size();
  // Fewer than 2 sets: no interval over the assumptions; every effect says so.
  const bool too_few = used.size() < 2;
  auto mark_too_few = [&](StudyEffect& e) {
    if (!too_few) return;
    e.defined = false;
    e.defined_share = 0;
    e.note = "too_few_sets_kept";
  };

  for (const auto& w : kWanted) {
    std::vector<PairedStat> per_set;
    std::string unit = find_row(any, w.metric, w.payer, Period::year, any.years.back())->unit;
    if (too_few) {
      StudyEffect e;
      e.metric = w.metric;
      e.payer = w.payer;
      e.unit = unit;
      e.per_policy_year = w.policy;
      mark_too_few(e);
      out.effects.push_back(std::move(e));
      continue;
    }
    for (const Comparison* c : used) {
      const auto* row = w.policy ? find_row(*c, w.metric, w.payer, Period::policy_per_year)
                                 : find_row(*c, w.metric, w.payer, Period::year, c->years.back());
      if (!row) throw std::logic_error(std::string("summarise_study: no row ") + w.metric);
      per_set.push_back(row->difference);
      unit = row->unit;
    }
    StudyEffect e = split_effect(per_set);
    e.metric = w.metric;
    e.payer = w.payer;
    e.unit = unit;
    e.per_policy_year = w.policy;
    out.effects.push_back(std::move(e));
  }
  // Payback on both bases (months from the first month of extra money), per replication; a run
  // without extra money or without payback within the run has no value.
  for (const char* basis : {"spent", "paid"}) {
    std::vector<std::vector<std::optional<double>>> months;
    for (const Comparison* c : used) {
      const Payback* p = find_payback(*c, basis, "all");
      std::vector<std::optional<double>> m(static_cast<std::size_t>(c->n));
      if (p && p->months_by_replication.size() == m.size())
        for (std::size_t r = 0; r < m.size(); ++r)
          if (p->months_by_replication[r]) m[r] = *p->months_by_replication[r];
      months.push_back(std::move(m));
    }
    StudyEffect e = split_values(months);
    e.metric = std::string("payback_") + basis + "_median_months";
    e.payer = "all";
    e.unit = "months";
    if (!e.defined) e.note = "after_" + std::to_string(out.last_year);
    mark_too_few(e);
    out.effects.push_back(std::move(e));
  }
  // Extra money over the policy years per net extra person in work or studies at the end, per
  // replication; defined when the effect is positive in every run.
  {
    std::vector<std::vector<std::optional<double>>> ratios;
    for (const Comparison* c : used) {
      const CostPerEffect* k = find_cost(*c, "work_studies_end");
      std::vector<std::optional<double>> v(static_cast<std::size_t>(c->n));
      if (k && k->effect_by_replication.size() == v.size())
        for (std::size_t r = 0; r < v.size(); ++r)
          if (k->effect_by_replication[r] > 0 && k->cost_by_replication[r] > 0)
            v[r] = k->cost_by_replication[r] / k->effect_by_replication[r];
      ratios.push_back(std::move(v));
    }
    StudyEffect e = split_values(ratios);
    e.metric = "cost_per_work_studies_end";
    e.payer = "all";
    e.unit = "SEK";
    if (!e.defined) e.note = "undefined_effect_not_positive";
    mark_too_few(e);
    out.effects.push_back(std::move(e));
  }
  return out;
}

}  // namespace finsim
