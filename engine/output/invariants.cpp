#include "output/invariants.h"

#include <algorithm>
#include <array>
#include <cstdio>

namespace finsim {
namespace {

std::string month_text(YearMonth start, int m) { return YearMonth::from_index(start.index() + m).label(); }

// Collects violations up to the limit but keeps counting, so the message can say "N in all".
struct Collector {
  const ReplicationResult& result;
  std::size_t limit;
  std::vector<Violation> found;
  std::size_t total = 0;

  bool full() const { return found.size() >= limit; }
  void add(const std::string& area, const std::string& period, std::string what) {
    ++total;
    if (!full()) found.push_back({result.replication, area, period, std::move(what)});
  }
};

std::string num(std::int64_t v) { return std::to_string(v); }

// Participants of insats t in area a before the first recorded month (after a burn-in), or 0.
std::int64_t before_participants(const ReplicationResult& r, std::size_t a, std::size_t t) {
  return a < r.initial_participants.size() && t < r.initial_participants[a].size() ? r.initial_participants[a][t] : 0;
}

void check_month(Collector& c, std::size_t a, int m, const std::string& period,
                 const std::array<std::int64_t, kStates>& before) {
  const ReplicationResult& r = c.result;
  const MonthCounters& now = r.at(m, a);
  const MonthCounters* previous = m > 0 ? &r.at(m - 1, a) : nullptr;
  if (previous && previous->participants.size() != now.participants.size()) previous = nullptr;
  const std::string& area = r.areas[a].name;
  auto negative = [&](const char* name, std::int64_t v) {
    if (v < 0) c.add(area, period, std::string(name) + " is negative (" + num(v) + ")");
  };
  for (int s = 0; s < kStates; ++s) {
    negative(("stock of " + std::string(kStateLabels[s])).c_str(), now.stock[s]);
    for (int t = 0; t < kStates; ++t) negative("a flow between states", now.flow[s][t]);
  }
  for (auto v : now.support) negative("a target-group count by support source", v);
  for (auto v : now.gone) negative("a departure count", v);
  for (auto [name, v] : {std::pair{"inflow", now.inflow}, {"referrals", now.referrals}, {"starts", now.starts},
                         {"completions", now.completions}, {"dropouts", now.dropouts},
                         {"wait_expired", now.wait_expired}, {"exit_work", now.exit_work},
                         {"exit_studies", now.exit_studies}, {"exit_job_seeking", now.exit_job_seeking},
                         {"exit_other", now.exit_other}, {"new_unique_participants", now.new_unique_participants},
                         {"insats_spending", now.insats_spending}})
    negative(name, v);
  for (int p = 0; p < kPayers; ++p) {
    negative("public_cost", now.public_cost[p]);
    negative("public_revenue", now.public_revenue[p]);
  }

  // People: what a state holds now is what it held, plus arrivals, minus departures. Gone is
  // not kept as a stock by the model, so it has no identity of its own here.
  for (int s = 0; s < static_cast<int>(State::Gone); ++s) {
    std::int64_t in = 0;
    std::int64_t out = 0;
    for (int t = 0; t < kStates; ++t) {
      in += now.flow[t][s];
      out += now.flow[s][t];
    }
    const std::int64_t inflow = s == static_cast<int>(State::Target) ? now.inflow : 0;
    const std::int64_t expected = before[s] + in - out + inflow;
    if (now.stock[s] != expected)
      c.add(area, period,
            "people in state '" + std::string(kStateLabels[s]) + "': stock " + num(now.stock[s]) + " != previous " +
                num(before[s]) + " + in " + num(in) + " - out " + num(out) +
                (inflow ? " + inflow " + num(inflow) : std::string()));
  }
  std::int64_t departures = 0;
  std::int64_t to_gone = 0;
  for (auto g : now.gone) departures += g;
  for (int s = 0; s < kStates; ++s) to_gone += now.flow[s][static_cast<int>(State::Gone)];
  if (departures != to_gone)
    c.add(area, period, "departures by reason " + num(departures) + " != flows to 'gone' " + num(to_gone));

  std::int64_t by_support = 0;
  for (auto v : now.support) by_support += v;
  const std::int64_t target_group = now.stock[0] + now.stock[1] + now.stock[2];
  if (by_support != target_group)
    c.add(area, period,
          "target group by support source " + num(by_support) + " != target+waiting+in_insats " + num(target_group));

  const std::int64_t exits = now.exit_work + now.exit_studies + now.exit_job_seeking + now.exit_other;
  if (exits != now.completions + now.dropouts)
    c.add(area, period,
          "exits by outcome " + num(exits) + " != completions + dropouts " + num(now.completions + now.dropouts));

  if (now.participants.size() != now.capacity.size())
    c.add(area, period, "participants and slots have different insats counts");
  for (std::size_t t = 0; t < now.participants.size() && t < now.capacity.size(); ++t) {
    negative("participants", now.participants[t]);
    negative("slots", now.capacity[t]);
    // Slots may fall below the participants at a year turn (a smaller budget, a project that
    // ends): people then finish their insats, but nobody may start one while it is full. So the
    // participants may exceed the slots only by people already in it the month before.
    const std::int64_t allowed = std::max(now.capacity[t], previous ? previous->participants[t] : before_participants(r, a, t));
    if (now.participants[t] > allowed)
      c.add(area, period,
            "insats #" + std::to_string(t) + ": participants " + num(now.participants[t]) + " > slots " +
                num(now.capacity[t]) + (previous && previous->participants[t] > now.capacity[t]
                                            ? " and > last month's participants " + num(previous->participants[t])
                                            : std::string()));
  }
}

void check_money(Collector& c, const ForbundYear& fy, Sek individual_spent, const std::string& area) {
  const std::string period = std::to_string(fy.year);
  const Sek paid = fy.state_paid + fy.region_paid + fy.kommuner_paid;
  if (paid != fy.budget)
    c.add(area, period,
          "money paid in: state " + num(fy.state_paid) + " + region " + num(fy.region_paid) + " + kommuner " +
              num(fy.kommuner_paid) + " = " + num(paid) + " != budget " + num(fy.budget) + " SEK");
  if (fy.equity_close != fy.equity_open + fy.budget - fy.spent)
    c.add(area, period,
          "equity: close " + num(fy.equity_close) + " != open " + num(fy.equity_open) + " + budget " + num(fy.budget) +
              " - spent " + num(fy.spent) + " SEK");
  if (fy.spent > fy.budget + fy.equity_open)
    c.add(area, period,
          "spent " + num(fy.spent) + " > budget " + num(fy.budget) + " + opening equity " + num(fy.equity_open) +
              " SEK");
  for (auto [name, v] : {std::pair{"state_offer", fy.state_offer}, {"state_paid", fy.state_paid},
                         {"region_paid", fy.region_paid}, {"kommuner_paid", fy.kommuner_paid}, {"budget", fy.budget},
                         {"unused_offer", fy.unused_offer}, {"admin", fy.admin}, {"structural", fy.structural},
                         {"individual", fy.individual}, {"equity_open", fy.equity_open}, {"spent", fy.spent},
                         {"equity_close", fy.equity_close}, {"individual_spent", individual_spent}})
    if (v < 0) c.add(area, period, std::string(name) + " is negative (" + num(v) + " SEK)");
}

// The event log tells the same story as the aggregates: per month and area, the events between
// two states are the flow between them, entries are the inflow, and records come in order.
void check_event_log(Collector& c, YearMonth start) {
  const ReplicationResult& r = c.result;
  const std::size_t n_areas = r.areas.size();
  using Flows = std::array<std::array<std::int64_t, kStates>, kStates>;
  std::vector<Flows> flows(static_cast<std::size_t>(r.months) * n_areas, Flows{});
  std::vector<std::int64_t> entries(flows.size(), 0);
  std::size_t previous = 0;
  for (std::size_t k = 0; k < r.events.size(); ++k) {
    const EventRecord& e = r.events[k];
    const bool valid = e.month >= 0 && e.month < r.months && e.area < n_areas && e.event < kLogEvents &&
                       e.from <= kOutside && e.to < kStates;
    if (!valid) {
      c.add("", "", "event record #" + std::to_string(k) + " out of range");
      return;
    }
    const std::size_t at = static_cast<std::size_t>(e.month) * n_areas + e.area;
    if (at < previous) c.add(r.areas[e.area].name, month_text(start, e.month), "event record #" + std::to_string(k) + " out of order");
    previous = at;
    if (e.from == kOutside) ++entries[at];
    else ++flows[at][e.from][e.to];
  }
  for (int m = 0; m < r.months; ++m)
    for (std::size_t a = 0; a < n_areas; ++a) {
      const std::size_t at = static_cast<std::size_t>(m) * n_areas + a;
      const MonthCounters& now = r.at(m, a);
      if (entries[at] != now.inflow)
        c.add(r.areas[a].name, month_text(start, m), "event log: " + num(entries[at]) + " entries != inflow " + num(now.inflow));
      for (int s = 0; s < kStates; ++s)
        for (int t = 0; t < kStates; ++t)
          if (flows[at][s][t] != now.flow[s][t])
            c.add(r.areas[a].name, month_text(start, m),
                  "event log: " + num(flows[at][s][t]) + " events " + kStateLabels[s] + " -> " + kStateLabels[t] +
                      " != flow " + num(now.flow[s][t]));
    }
}

}  // namespace

InvariantError::InvariantError(std::vector<Violation> violations)
    : std::runtime_error([&] {
        std::string msg = "invariant violated before writing";
        if (!violations.empty()) msg += ": " + describe(violations.front());
        if (violations.size() > 1) msg += " (and " + std::to_string(violations.size() - 1) + " more)";
        return msg;
      }()),
      violations_(std::move(violations)) {}

std::string describe(const Violation& v) {
  return "replication " + std::to_string(v.replication) + ", area '" + v.area + "', " + v.period + ": " + v.what;
}

std::vector<Violation> find_violations(const ReplicationResult& r, YearMonth start, std::size_t limit) {
  Collector c{r, limit, {}, 0};
  const std::size_t n_areas = r.areas.size();
  if (r.months < 0 || r.monthly.size() != static_cast<std::size_t>(r.months) * n_areas) {
    c.add("", "", "monthly records: " + std::to_string(r.monthly.size()) + " for " + std::to_string(r.months) +
                      " months x " + std::to_string(n_areas) + " areas");
    return c.found;
  }
  if (r.initial_stock.size() != n_areas) {
    c.add("", "", "initial stock for " + std::to_string(r.initial_stock.size()) + " of " + std::to_string(n_areas) +
                      " areas");
    return c.found;
  }
  for (std::size_t a = 0; a < n_areas; ++a) {
    std::array<std::int64_t, kStates> before = r.initial_stock[a];
    for (int s = 0; s < kStates; ++s)
      if (before[s] < 0) c.add(r.areas[a].name, "start", "initial stock is negative");
    for (int m = 0; m < r.months; ++m) {
      check_month(c, a, m, month_text(start, m), before);
      before = r.at(m, a).stock;
    }
  }
  if (r.events_recorded) check_event_log(c, start);
  else if (!r.events.empty()) c.add("", "", "event records without events_recorded");

  // Money: records are [year × förbund]; förbund index f is the area whose AreaInfo::forbund is f.
  std::vector<std::string> forbund_names;
  for (const auto& info : r.areas)
    if (info.forbund >= 0) {
      if (forbund_names.size() <= static_cast<std::size_t>(info.forbund)) forbund_names.resize(static_cast<std::size_t>(info.forbund) + 1);
      forbund_names[static_cast<std::size_t>(info.forbund)] = info.name;
    }
  const std::size_t nf = forbund_names.size();
  if (nf == 0) return c.found;
  if (r.funding.size() % nf != 0 || r.individual_spent.size() != r.funding.size()) {
    c.add("", "", "funding records: " + std::to_string(r.funding.size()) + " (individual_spent " +
                      std::to_string(r.individual_spent.size()) + ") for " + std::to_string(nf) + " förbund");
    return c.found;
  }
  for (std::size_t i = 0; i < r.funding.size(); ++i) {
    const std::size_t f = i % nf;
    const auto& fy = r.funding[i];
    const std::string& name = forbund_names[f];
    if (fy.forbund >= 0 && static_cast<std::size_t>(fy.forbund) != f)
      c.add(name, std::to_string(fy.year), "funding record for förbund #" + std::to_string(fy.forbund) + " at position " + std::to_string(f));
    check_money(c, fy, r.individual_spent[i], name);
  }
  return c.found;
}

void check_invariants(const std::vector<ReplicationResult>& results, YearMonth start) {
  std::vector<Violation> all;
  for (const auto& r : results) {
    auto v = find_violations(r, start);
    all.insert(all.end(), v.begin(), v.end());
  }
  if (!all.empty()) throw InvariantError(std::move(all));
}

}  // namespace finsim
