#include "output/dose_response.h"

#include <algorithm>
#include <optional>

#include "util/error.h"

namespace finsim {
namespace {

using Period = ComparisonRow::Period;

ComparisonRow policy_row(const Comparison& c, const std::string& metric, const std::string& payer = "") {
  const auto* row = find_row(c, metric, payer, Period::policy_per_year);
  if (!row) throw std::logic_error("dose_response: no policy row " + metric);
  return *row;
}

DoseResponsePoint summarise(const SweepInfo& s, std::size_t p, const Comparison& c) {
  DoseResponsePoint out;
  out.point = p;
  for (const auto& v : s.values) out.values.push_back(v[p]);
  out.overrides = s.overrides[p];
  out.sha256 = s.sha256[p];
  out.state_offer_per_year = c.scenario_state_offer_per_year;
  out.work_studies_end = *find_row(c, "work_studies_december", "", Period::year, c.years.back());
  out.person_years_work_studies = policy_row(c, "person_years_work_studies");
  out.participants = policy_row(c, "unique_participants");
  out.budget_all = policy_row(c, "finsam_budget", "all");
  out.budget_state = policy_row(c, "finsam_budget", "state");
  out.budget_region = policy_row(c, "finsam_budget", "region");
  out.budget_kommun = policy_row(c, "finsam_budget", "kommun");
  out.payback_spent = *find_payback(c, "spent", "all");
  return out;
}

}  // namespace

DoseResponse dose_response(const std::filesystem::path& path, std::size_t reference) {
  DoseResponse d;
  d.sweep = read_sweep(path);
  const std::size_t P = d.sweep.points();
  if (reference >= P)
    throw InputError(d.sweep.path + ": no reference point " + std::to_string(reference) + " (the sweep has points 0 to " +
                     std::to_string(P - 1) + ")");
  d.reference = reference;
  const RunData ref = read_run(path, reference);
  if (ref.years.empty()) throw InputError(d.sweep.path + ": no years");

  // Every point against the reference as a pair of runs. The per-year window must be the same for
  // all points, so points whose own window starts elsewhere (the reference itself has none) are
  // compared again with the common one; usually all change in the same year and none is.
  std::vector<std::optional<Comparison>> compared(P);
  std::optional<std::int64_t> first;
  for (std::size_t p = 0; p < P; ++p) {
    if (p == reference) continue;
    compared[p] = compare_runs(ref, read_run(path, p));
    if (const auto y = compared[p]->policy_first_year; y && (!first || *y < *first)) first = *y;
  }
  const std::int64_t window = first.value_or(ref.years.front());
  for (std::size_t p = 0; p < P; ++p) {
    if (compared[p] && compared[p]->policy_first_year == window) continue;
    const CompareOptions fixed{.policy_first_year = window};
    compared[p] = p == reference ? compare_runs(ref, ref, fixed) : compare_runs(ref, read_run(path, p), fixed);
  }

  const Comparison& any = *compared[reference];
  d.finsim_version = ref.finsim_version;
  d.git_commit = ref.git_commit;
  d.seed = any.seed;
  d.n = any.n;
  d.years = any.years;
  d.first_month = any.first_month;
  d.last_month = any.last_month;
  d.policy_first_year = window;
  d.policy_last_year = ref.years.back();
  for (std::size_t p = 0; p < P; ++p) d.points.push_back(summarise(d.sweep, p, *compared[p]));
  return d;
}

}  // namespace finsim
