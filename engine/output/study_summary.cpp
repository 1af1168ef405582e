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

StudySummary summarise_study(const std::filesystem::path& path) {
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
  for (const auto& w : kWanted) {
    std::vector<PairedStat> per_set;
    std::string unit;
    for (const auto& c : compared) {
      const auto* row = w.policy ? find_row(c, w.metric, w.payer, Period::policy_per_year)
                                 : find_row(c, w.metric, w.payer, Period::year, c.years.back());
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
  return out;
}

}  // namespace finsim
