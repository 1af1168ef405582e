#include "output/monthly_arrays.h"

#include <functional>

namespace finsim {
namespace {

// [lead, month, forbund] in persons from one counter.
void persons(const ResultFrame& f, UnitArrays& arrays, const std::string& name,
             std::function<std::int64_t(const MonthCounters&)> field, const std::string& long_name) {
  const Layout& l = f.layout;
  arrays.add_doubles(name, {l.months, l.areas}, {"month", "forbund"}, described("persons", long_name),
                     [&l, field = std::move(field)](const ReplicationResult& r, std::vector<double>& out) {
                       for (std::size_t m = 0; m < l.months; ++m)
                         for (std::size_t a = 0; a < l.areas; ++a)
                           out[m * l.areas + a] =
                               static_cast<double>(field(r.at(static_cast<int>(m), a))) * l.per_person;
                     });
}

// [lead, month, forbund, k] in persons.
void persons4(const ResultFrame& f, UnitArrays& arrays, const std::string& name, const std::string& dim, std::size_t k,
              std::function<std::int64_t(const ReplicationResult&, int, std::size_t, std::size_t)> field,
              const std::string& long_name) {
  const Layout& l = f.layout;
  arrays.add_doubles(name, {l.months, l.areas, k}, {"month", "forbund", dim}, described("persons", long_name),
                     [&l, k, field = std::move(field)](const ReplicationResult& r, std::vector<double>& out) {
                       std::size_t at = 0;
                       for (std::size_t m = 0; m < l.months; ++m)
                         for (std::size_t a = 0; a < l.areas; ++a)
                           for (std::size_t i = 0; i < k; ++i)
                             out[at++] = static_cast<double>(field(r, static_cast<int>(m), a, i)) * l.per_person;
                     });
}

}  // namespace

void add_monthly_arrays(const ResultFrame& f, UnitArrays& arrays) {
  const Layout& l = f.layout;
  const int target = static_cast<int>(State::Target);
  const int waiting = static_cast<int>(State::Waiting);
  const int in_insats = static_cast<int>(State::InInsats);
  auto add = [&](const std::string& name, std::function<std::int64_t(const MonthCounters&)> field,
                 const std::string& long_name) { persons(f, arrays, name, std::move(field), long_name); };
  add(
      "participants",
      [](const MonthCounters& c) {
        std::int64_t s = 0;
        for (auto p : c.participants) s += p;
        return s;
      },
      "participants in insatser during the month (after slot assignment)");
  add(
      "waiting", [=](const MonthCounters& c) { return c.stock[waiting]; }, "people on a waiting list at month end");
  add(
      "identified", [](const MonthCounters& c) { return c.identified; },
      "people identified by a partner in the month (referral.mode = capacity_responsive)");
  add(
      "identified_pool", [](const MonthCounters& c) { return c.identified_pool; },
      "people identified and not yet referred at month end");
  add(
      "referrals", [](const MonthCounters& c) { return c.referrals; }, "referrals to the förbund in the month");
  add(
      "starts", [](const MonthCounters& c) { return c.starts; }, "insats starts in the month");
  add(
      "completions", [](const MonthCounters& c) { return c.completions; }, "insats completions in the month");
  add(
      "dropouts", [](const MonthCounters& c) { return c.dropouts; }, "insats dropouts in the month");
  add(
      "wait_expired", [](const MonthCounters& c) { return c.wait_expired; },
      "people who left the waiting list after the maximum wait");
  add(
      "exit_work", [](const MonthCounters& c) { return c.exit_work; }, "insats exits to work");
  add(
      "exit_studies", [](const MonthCounters& c) { return c.exit_studies; }, "insats exits to studies");
  add(
      "exit_job_seeking", [](const MonthCounters& c) { return c.exit_job_seeking; }, "insats exits to job seeking");
  add(
      "exit_other", [](const MonthCounters& c) { return c.exit_other; },
      "insats exits to other (dropouts, completions without work, studies or job seeking)");
  add(
      "inflow", [](const MonthCounters& c) { return c.inflow; }, "new members of the target group in the month");
  add(
      "target_group", [=](const MonthCounters& c) { return c.stock[target] + c.stock[waiting] + c.stock[in_insats]; },
      "target group at month end (target + waiting + in_insats)");
  add(
      "new_unique_participants", [](const MonthCounters& c) { return c.new_unique_participants; },
      "people in an insats for the first time in the calendar year");

  // Gone is not a stock in the model; the file shows the people who left since the start.
  constexpr int gone = static_cast<int>(State::Gone);
  arrays.add_doubles(
      "stock", {l.months, l.areas, kStates}, {"month", "forbund", "state"},
      described("persons", "people by state at month end ('gone': cumulative departures since the start)"),
      [&l](const ReplicationResult& r, std::vector<double>& out) {
        for (std::size_t a = 0; a < l.areas; ++a) {
          std::int64_t total = r.initial_stock[a][gone];
          for (std::size_t m = 0; m < l.months; ++m) {
            const auto& c = r.at(static_cast<int>(m), a);
            for (int s = 0; s < kStates; ++s) total += c.flow[s][gone];
            const std::size_t base = (m * l.areas + a) * kStates;
            for (int s = 0; s < kStates; ++s)
              out[base + static_cast<std::size_t>(s)] =
                  static_cast<double>(s == gone ? total : c.stock[s]) * l.per_person;
          }
        }
      });
  persons4(
      f, arrays, "target_group_by_support", "support", kSupportSources,
      [](const ReplicationResult& r, int m, std::size_t a, std::size_t s) { return r.at(m, a).support[s]; },
      "target group at month end by main support source");
  persons4(
      f, arrays, "departures", "gone_reason", kGoneReasons - 1,
      [](const ReplicationResult& r, int m, std::size_t a, std::size_t g) { return r.at(m, a).gone[g + 1]; },
      "people leaving the population in the month, by reason");
  persons4(
      f, arrays, "participants_by_insats", "insats", l.insatser,
      [](const ReplicationResult& r, int m, std::size_t a, std::size_t t) { return r.at(m, a).participants[t]; },
      "participants during the month by insats type");
  persons4(
      f, arrays, "slots_by_insats", "insats", l.insatser,
      [](const ReplicationResult& r, int m, std::size_t a, std::size_t t) { return r.at(m, a).capacity[t]; },
      "insats slots (places) available in the month");

  arrays.add_doubles("flows", {l.months, kStates, kStates}, {"month", "from_state", "to_state"},
                     described("persons", "people moving between states in the month, national"),
                     [&l](const ReplicationResult& r, std::vector<double>& out) {
                       std::size_t at = 0;
                       for (std::size_t m = 0; m < l.months; ++m)
                         for (int s = 0; s < kStates; ++s)
                           for (int t = 0; t < kStates; ++t) {
                             std::int64_t sum = 0;
                             for (std::size_t a = 0; a < l.areas; ++a) sum += r.at(static_cast<int>(m), a).flow[s][t];
                             out[at++] = static_cast<double>(sum) * l.per_person;
                           }
                     });

  arrays.add_doubles("initial_stock", {l.areas, kStates}, {"forbund", "state"},
                     described("persons", "people by state before the first month"),
                     [&l](const ReplicationResult& r, std::vector<double>& out) {
                       std::size_t at = 0;
                       for (std::size_t a = 0; a < l.areas; ++a)
                         for (int s = 0; s < kStates; ++s)
                           out[at++] = static_cast<double>(r.initial_stock[a][s]) * l.per_person;
                     });
}

}  // namespace finsim
