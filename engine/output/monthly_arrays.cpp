#include "output/monthly_arrays.h"

#include <functional>

namespace finsim {
namespace {

// [replication, month, forbund] in persons from one counter.
void persons(const ResultFrame& f, const std::string& name,
             const std::function<std::int64_t(const MonthCounters&)>& field, const std::string& long_name) {
  const auto& g = f.group;
  const Layout& l = f.layout;
  std::vector<double> out;
  out.reserve(l.reps * l.months * l.areas);
  for (const auto* r : f.results)
    for (std::size_t m = 0; m < l.months; ++m)
      for (std::size_t a = 0; a < l.areas; ++a)
        out.push_back(static_cast<double>(field(r->at(static_cast<int>(m), a))) * l.per_person);
  h5::write_array(g, name, std::span<const double>(out), f.shape({l.months, l.areas}), f.dims({"month", "forbund"}),
                  described("persons", long_name));
}

// [replication, month, forbund, k] in persons.
void persons4(const ResultFrame& f, const std::string& name, const std::string& dim, std::size_t k,
              const std::function<std::int64_t(std::size_t, int, std::size_t, std::size_t)>& field,
              const std::string& long_name) {
  const auto& g = f.group;
  const Layout& l = f.layout;
  std::vector<double> out;
  out.reserve(l.reps * l.months * l.areas * k);
  for (std::size_t ri = 0; ri < l.reps; ++ri)
    for (std::size_t m = 0; m < l.months; ++m)
      for (std::size_t a = 0; a < l.areas; ++a)
        for (std::size_t i = 0; i < k; ++i)
          out.push_back(static_cast<double>(field(ri, static_cast<int>(m), a, i)) * l.per_person);
  auto d = f.dims({"month", "forbund"});
  d.push_back(dim);
  h5::write_array(g, name, std::span<const double>(out), f.shape({l.months, l.areas, k}), d,
                  described("persons", long_name));
}

}  // namespace

void write_monthly_arrays(const ResultFrame& f) {
  const auto& g = f.group;
  const Layout& l = f.layout;
  const int target = static_cast<int>(State::Target);
  const int waiting = static_cast<int>(State::Waiting);
  const int in_insats = static_cast<int>(State::InInsats);
  persons(
      f, "participants",
      [](const MonthCounters& c) {
        std::int64_t s = 0;
        for (auto p : c.participants) s += p;
        return s;
      },
      "participants in insatser during the month (after slot assignment)");
  persons(
      f, "waiting", [&](const MonthCounters& c) { return c.stock[waiting]; }, "people on a waiting list at month end");
  persons(
      f, "identified", [](const MonthCounters& c) { return c.identified; },
      "people identified by a partner in the month (referral.mode = capacity_responsive)");
  persons(
      f, "identified_pool", [](const MonthCounters& c) { return c.identified_pool; },
      "people identified and not yet referred at month end");
  persons(
      f, "referrals", [](const MonthCounters& c) { return c.referrals; }, "referrals to the förbund in the month");
  persons(
      f, "starts", [](const MonthCounters& c) { return c.starts; }, "insats starts in the month");
  persons(
      f, "completions", [](const MonthCounters& c) { return c.completions; }, "insats completions in the month");
  persons(
      f, "dropouts", [](const MonthCounters& c) { return c.dropouts; }, "insats dropouts in the month");
  persons(
      f, "wait_expired", [](const MonthCounters& c) { return c.wait_expired; },
      "people who left the waiting list after the maximum wait");
  persons(
      f, "exit_work", [](const MonthCounters& c) { return c.exit_work; }, "insats exits to work");
  persons(
      f, "exit_studies", [](const MonthCounters& c) { return c.exit_studies; }, "insats exits to studies");
  persons(
      f, "exit_job_seeking", [](const MonthCounters& c) { return c.exit_job_seeking; }, "insats exits to job seeking");
  persons(
      f, "exit_other", [](const MonthCounters& c) { return c.exit_other; },
      "insats exits to other (dropouts, completions without work, studies or job seeking)");
  persons(
      f, "inflow", [](const MonthCounters& c) { return c.inflow; }, "new members of the target group in the month");
  persons(
      f, "target_group",
      [&](const MonthCounters& c) { return c.stock[target] + c.stock[waiting] + c.stock[in_insats]; },
      "target group at month end (target + waiting + in_insats)");
  persons(
      f, "new_unique_participants", [](const MonthCounters& c) { return c.new_unique_participants; },
      "people in an insats for the first time in the calendar year");

  // Gone is not a stock in the model; the file shows the people who left since the start.
  const int gone = static_cast<int>(State::Gone);
  std::vector<std::vector<std::int64_t>> cumulative_gone(l.reps, std::vector<std::int64_t>(l.months * l.areas));
  for (std::size_t ri = 0; ri < l.reps; ++ri) {
    const auto& r = *f.results[ri];
    for (std::size_t a = 0; a < l.areas; ++a) {
      std::int64_t total = r.initial_stock[a][gone];
      for (std::size_t m = 0; m < l.months; ++m) {
        for (int s = 0; s < kStates; ++s) total += r.at(static_cast<int>(m), a).flow[s][gone];
        cumulative_gone[ri][m * l.areas + a] = total;
      }
    }
  }
  persons4(
      f, "stock", "state", kStates,
      [&](std::size_t ri, int m, std::size_t a, std::size_t s) {
        if (static_cast<int>(s) != gone) return f.results[ri]->at(m, a).stock[s];
        return cumulative_gone[ri][static_cast<std::size_t>(m) * l.areas + a];
      },
      "people by state at month end ('gone': cumulative departures since the start)");
  persons4(
      f, "target_group_by_support", "support", kSupportSources,
      [&](std::size_t ri, int m, std::size_t a, std::size_t s) { return f.results[ri]->at(m, a).support[s]; },
      "target group at month end by main support source");
  persons4(
      f, "departures", "gone_reason", kGoneReasons - 1,
      [&](std::size_t ri, int m, std::size_t a, std::size_t g) { return f.results[ri]->at(m, a).gone[g + 1]; },
      "people leaving the population in the month, by reason");
  persons4(
      f, "participants_by_insats", "insats", l.insatser,
      [&](std::size_t ri, int m, std::size_t a, std::size_t t) { return f.results[ri]->at(m, a).participants[t]; },
      "participants during the month by insats type");
  persons4(
      f, "slots_by_insats", "insats", l.insatser,
      [&](std::size_t ri, int m, std::size_t a, std::size_t t) { return f.results[ri]->at(m, a).capacity[t]; },
      "insats slots (places) available in the month");

  std::vector<double> flows;
  flows.reserve(l.reps * l.months * kStates * kStates);
  for (const auto* r : f.results)
    for (std::size_t m = 0; m < l.months; ++m)
      for (int s = 0; s < kStates; ++s)
        for (int t = 0; t < kStates; ++t) {
          std::int64_t sum = 0;
          for (std::size_t a = 0; a < l.areas; ++a) sum += r->at(static_cast<int>(m), a).flow[s][t];
          flows.push_back(static_cast<double>(sum) * l.per_person);
        }
  h5::write_array(g, "flows", std::span<const double>(flows), f.shape({l.months, kStates, kStates}),
                  f.dims({"month", "from_state", "to_state"}),
                  described("persons", "people moving between states in the month, national"));

  std::vector<double> initial;
  for (const auto* r : f.results)
    for (std::size_t a = 0; a < l.areas; ++a)
      for (int s = 0; s < kStates; ++s) initial.push_back(static_cast<double>(r->initial_stock[a][s]) * l.per_person);
  h5::write_array(g, "initial_stock", std::span<const double>(initial), f.shape({l.areas, kStates}),
                  f.dims({"forbund", "state"}), described("persons", "people by state before the first month"));
}

}  // namespace finsim
