#include "output/paired_runs.h"

#include <algorithm>
#include <map>

#include "util/error.h"

namespace finsim {
namespace {

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
  // A file from before runs covered whole calendar years (docs/model.md §2.5) can end in a part-year,
  // whose yearly figures mix a whole year's money with some months of effect: not comparable.
  const auto month_of = [](const std::string& label) { return label.size() == 7 ? label.substr(5) : ""; };
  if (!b.months.empty() && (month_of(b.months.front()) != "01" || month_of(b.months.back()) != "12"))
    throw InputError(b.path + ": covers " + range_text(b.months) +
                     ", not whole calendar years: its yearly money and effects do not match (run it again; "
                     "a run now starts in a January and ends in a December)");
  if (b.population_scale != s.population_scale)
    throw InputError("cannot pair " + who + ": different population.scale (" + std::to_string(b.population_scale) +
                     " vs " + std::to_string(s.population_scale) + ")");
  if (b.payers != s.payers || b.years != s.years) throw InputError("cannot pair " + who + ": different payers or years");
}

}  // namespace

PairedRuns::PairedRuns(const RunData& b, const RunData& s) : b_(b), s_(s) {
  check_pairable(b, s);
  for (std::size_t i = 0; i < b.replications.size(); ++i) {
    const auto j = std::find(s.replications.begin(), s.replications.end(), b.replications[i]) - s.replications.begin();
    pairs_.emplace_back(i, static_cast<std::size_t>(j));
  }
  std::sort(pairs_.begin(), pairs_.end(), [&](auto x, auto y) { return b.replications[x.first] < b.replications[y.first]; });
  for (const auto& month : b.months) {
    const std::int64_t year = std::stoll(month.substr(0, 4));
    const auto it = std::find(b.years.begin(), b.years.end(), year);
    if (it == b.years.end()) throw InputError(b.path + ": month " + month + " outside the year coordinate");
    year_of_month_.push_back(static_cast<std::size_t>(it - b.years.begin()));
  }
  // Labels are the identity of an area: a förbund that exists in one run only (full coverage adds
  // some and empties the non-member areas) is compared with zeros.
  std::map<std::string, std::size_t> union_index;
  auto add = [&](const RunData& d, std::vector<std::optional<std::size_t>>& own) {
    for (std::size_t i = 0; i < d.forbund.size(); ++i) {
      auto [it, fresh] = union_index.emplace(d.forbund[i], labels_.size());
      if (fresh) {
        labels_.push_back(d.forbund[i]);
        kinds_.push_back(i < d.forbund_kind.size() ? d.forbund_kind[i] : "");
        regions_.push_back(i < d.forbund_region.size() ? d.forbund_region[i] : "");
        region_names_.push_back(i < d.forbund_region_name.size() ? d.forbund_region_name[i] : "");
        base_index_.emplace_back();
        scen_index_.emplace_back();
      } else if (own[it->second]) {
        throw InputError(d.path + ": förbund label '" + d.forbund[i] + "' appears twice; areas are paired by label");
      }
      own[it->second] = i;
    }
  };
  add(b, base_index_);
  add(s, scen_index_);
}

AreaSet PairedRuns::all_areas() const {
  AreaSet all(labels_.size());
  for (std::size_t a = 0; a < all.size(); ++a) all[a] = a;
  return all;
}

int PairedRuns::state(Side s, const std::string& label) const {
  const auto& states = run(s).states;
  const auto it = std::find(states.begin(), states.end(), label);
  if (it == states.end()) throw InputError(run(s).path + ": state coordinate has no '" + label + "'");
  return static_cast<int>(it - states.begin());
}

}  // namespace finsim
