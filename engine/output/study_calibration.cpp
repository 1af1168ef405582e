#include "output/study_calibration.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "output/results_reader.h"
#include "util/error.h"

namespace finsim {
namespace {

// docs/uncertainty.md §3 gives the reasons for each variance. The 2017 and 2018 counts are used when
// the study's months cover them (a study from 2017-01); their model sd is wider because the real
// counts moved ±8 % around 2019 with the same money, which the model does not try to explain.
constexpr CalibrationTarget kTargets[] = {
    {"participants_2019", "participants", 2019, 31167.0, 0.03 * 31167.0, 0.05 * 31167.0},
    {"exit_work_studies_share_2019", "exit_work_studies_share", 2019, 0.31, 0.02, 0.02},
    {"exit_job_seeking_share_2019", "exit_job_seeking_share", 2019, 0.15, 0.02, 0.02},
    {"target_group_2019", "target_group", 2019, 390000.0, 55000.0, 0.0},
    {"participants_2017", "participants", 2017, 28381.0, 0.03 * 28381.0, 0.08 * 28381.0},
    {"participants_2018", "participants", 2018, 32715.0, 0.03 * 32715.0, 0.08 * 32715.0},
    {"exit_work_studies_share_2017", "exit_work_studies_share", 2017, 0.31, 0.02, 0.02},
    {"exit_job_seeking_share_2017", "exit_job_seeking_share", 2017, 0.15, 0.02, 0.02},
};

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// One baseline point's arrays, summed over the förbund.
struct PointOutputs {
  std::size_t R = 0, M = 0, Y = 0;
  std::vector<double> participants;                    // [R, Y]
  std::vector<double> work_studies, job_seeking, all;  // exits [R, M]
  std::vector<double> target_group;                    // [R, M]: target + waiting + in_insats
};

h5::Array<double> read_point(const ResultsFile& f, const char* name, std::size_t point, std::size_t rank) {
  if (!f.group.has(name))
    throw InputError(f.path + ": " + f.group.path_of(name) + ": missing (needed for calibration)");
  auto a = h5::read_double_at(f.group, name, point);
  if (a.shape.size() != rank)
    throw InputError(f.path + ": " + f.group.path_of(name) + ": expected " + std::to_string(rank + 1) + " dimensions");
  return a;
}

// Sums the last axis (förbund) or the last two (förbund, selected states) into [R, T].
std::vector<double> national(const h5::Array<double>& a) {
  const std::size_t rows = a.shape[0] * a.shape[1], A = a.shape[2];
  std::vector<double> out(rows, 0.0);
  for (std::size_t i = 0; i < rows; ++i)
    for (std::size_t k = 0; k < A; ++k) out[i] += a.values[i * A + k];
  return out;
}

}  // namespace

std::span<const CalibrationTarget> calibration_targets() { return kTargets; }

double implausibility(std::span<const double> x, double observed, double var_observation, double var_model) {
  const double n = static_cast<double>(x.size());
  if (x.empty()) return kNaN;
  double mean = 0;
  for (double v : x) mean += v / n;
  double var_mc = 0;
  if (x.size() > 1) {
    for (double v : x) var_mc += (v - mean) * (v - mean);
    var_mc /= (n - 1) * n;
  }
  return std::fabs(mean - observed) / std::sqrt(var_observation + var_model + var_mc);
}

std::size_t Calibration::kept_count() const {
  return static_cast<std::size_t>(std::count(kept.begin(), kept.end(), true));
}

Calibration history_match_study(const std::filesystem::path& path, std::size_t samples) {
  const ResultsFile f = open_results(path);
  const auto& g = f.group;
  for (const char* name : {"month", "year", "state"})
    if (!g.has(name)) throw InputError(f.path + ": " + g.path_of(name) + ": missing");
  const auto months = h5::read_strings(g, "month");
  const auto years = h5::read_int64(g, "year").values;
  const auto states = h5::read_strings(g, "state");
  std::vector<std::size_t> group_states;
  for (const char* s : {"target", "waiting", "in_insats"}) {
    const auto it = std::find(states.begin(), states.end(), s);
    if (it == states.end()) throw InputError(f.path + ": " + g.path_of("state") + ": no state '" + s + "'");
    group_states.push_back(static_cast<std::size_t>(it - states.begin()));
  }
  auto month_year = [&](std::size_t m) { return std::stoll(months[m].substr(0, 4)); };

  Calibration out;
  out.tried = samples;
  out.kept.assign(samples, true);
  std::vector<const CalibrationTarget*> used;
  for (const auto& t : kTargets) {
    if (std::find(years.begin(), years.end(), t.year) == years.end()) {
      out.not_covered.push_back(t.name);
      continue;
    }
    used.push_back(&t);
    out.targets.push_back({&t, std::vector<double>(samples, kNaN), std::vector<double>(samples, kNaN), 0});
  }
  for (std::size_t s = 0; s < samples; ++s) {
    const std::size_t point = 2 * s;  // the baseline arm of set s
    PointOutputs o;
    const auto up = read_point(f, "unique_participants", point, 3);
    o.R = up.shape[0];
    o.Y = up.shape[1];
    o.participants = national(up);
    const auto ew = national(read_point(f, "exit_work", point, 3));
    const auto es = national(read_point(f, "exit_studies", point, 3));
    const auto ej = national(read_point(f, "exit_job_seeking", point, 3));
    const auto eo = national(read_point(f, "exit_other", point, 3));
    const auto stock = read_point(f, "stock", point, 4);  // [R, M, A, S]
    o.M = stock.shape[1];
    if (o.Y != years.size() || o.M != months.size() || ew.size() != o.R * o.M)
      throw InputError(f.path + ": calibration outputs do not match the month and year coordinates");
    const std::size_t A = stock.shape[2], S = stock.shape[3];
    o.target_group.assign(o.R * o.M, 0.0);
    for (std::size_t i = 0; i < o.R * o.M; ++i)
      for (std::size_t a = 0; a < A; ++a)
        for (std::size_t k : group_states) o.target_group[i] += stock.values[(i * A + a) * S + k];

    for (std::size_t j = 0; j < used.size(); ++j) {
      const CalibrationTarget& t = *used[j];
      std::vector<double> x(o.R, 0.0);
      const std::size_t y = static_cast<std::size_t>(std::find(years.begin(), years.end(), t.year) - years.begin());
      std::size_t december = 0;
      for (std::size_t m = 0; m < o.M; ++m)
        if (month_year(m) == t.year) december = m;
      for (std::size_t r = 0; r < o.R; ++r) {
        const std::string q = t.quantity;
        if (q == "participants") {
          x[r] = o.participants[r * o.Y + y];
        } else if (q == "target_group") {
          x[r] = o.target_group[r * o.M + december];
        } else {
          double num = 0, total = 0;
          for (std::size_t m = 0; m < o.M; ++m) {
            if (month_year(m) != t.year) continue;
            const std::size_t i = r * o.M + m;
            num += q == "exit_work_studies_share" ? ew[i] + es[i] : ej[i];
            total += ew[i] + es[i] + ej[i] + eo[i];
          }
          x[r] = total > 0 ? num / total : kNaN;
        }
      }
      const double imp = implausibility(x, t.observed, t.sd_observation * t.sd_observation, t.sd_model * t.sd_model);
      TargetResult& res = out.targets[j];
      res.implausibility[s] = imp;
      double mean = 0;
      for (double v : x) mean += v / static_cast<double>(x.size());
      res.simulated[s] = mean;
      if (!(imp <= kImplausibilityCutoff)) {
        ++res.rejected;
        out.kept[s] = false;
      }
    }
  }
  return out;
}

}  // namespace finsim
