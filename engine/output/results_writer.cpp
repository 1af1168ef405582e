#include "output/results_writer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <stdexcept>

#include "output/event_log_writer.h"
#include "output/hdf5_file.h"

namespace finsim {
namespace {

using Attrs = std::vector<h5::Attribute>;

Attrs described(const std::string& units, const std::string& long_name) {
  return {{"units", units}, {"long_name", long_name}};
}

// Sizes of the arrays, and the two unit conversions every value goes through.
struct Layout {
  std::size_t reps = 0, months = 0, areas = 0, years = 0, insatser = 0, forbund = 0;
  int first_month = 0;  // month index of month 0
  int first_year = 0;
  double per_person = 1.0;  // persons per agent (1 / population.scale)
  double scale = 1.0;
};

// Agents (or agent-unit kronor) to persons (or SEK). Kronor are rounded once per area and month
// so that summing areas gives the national ledger exactly.
Sek to_sek(Sek agent_units, double scale) { return std::llround(static_cast<double>(agent_units) / scale); }

// The leading axes of every array with replications: [replication] in a run file, [point,
// replication] in a sweep file. The replications are given in that (row-major) order.
struct Lead {
  std::vector<std::string> dims;
  h5::Shape shape;
  std::vector<const Scenario*> points;  // a sweep's resolved scenario per point; empty for a run
};

class Writer {
 public:
  Writer(const h5::Group& group, const Scenario& scenario, const std::vector<Region>& regions,
         std::vector<const ReplicationResult*> results, Lead lead)
      : g_(group), scenario_(scenario), regions_(regions), results_(std::move(results)), lead_(std::move(lead)) {
    const auto& cfg = scenario.config;
    const auto& first = *results_.front();
    l_.reps = results_.size();
    l_.months = static_cast<std::size_t>(first.months);
    l_.areas = first.areas.size();
    l_.years = static_cast<std::size_t>(cfg.meta.last_year() - cfg.meta.first_year() + 1);
    l_.insatser = cfg.insatser.size();
    l_.first_month = cfg.meta.start.index();
    l_.first_year = cfg.meta.first_year();
    l_.scale = cfg.population.scale;
    l_.per_person = 1.0 / cfg.population.scale;
    for (const auto& a : first.areas)
      if (a.forbund >= 0) l_.forbund = std::max(l_.forbund, static_cast<std::size_t>(a.forbund) + 1);
    for (const auto* rp : results_) {
      const auto& r = *rp;
      if (static_cast<std::size_t>(r.months) != l_.months || r.areas.size() != l_.areas ||
          r.monthly.size() != l_.months * l_.areas)
        throw std::invalid_argument("write_results: replication " + std::to_string(r.replication) +
                                    " has a different shape from replication " + std::to_string(first.replication));
      for (std::size_t a = 0; a < l_.areas; ++a)
        if (r.areas[a].name != first.areas[a].name)
          throw std::invalid_argument("write_results: replications have different areas");
      if (r.funding.size() != l_.years * l_.forbund || r.individual_spent.size() != r.funding.size())
        throw std::invalid_argument("write_results: replication " + std::to_string(r.replication) + " has " +
                                    std::to_string(r.funding.size()) + " funding records, expected " +
                                    std::to_string(l_.years * l_.forbund));
      for (const auto& c : r.monthly)
        if (c.participants.size() != l_.insatser || c.capacity.size() != l_.insatser)
          throw std::invalid_argument("write_results: insats counts differ from the scenario's catalogue");
    }
  }

  void write() {
    coordinates();
    monthly();
    yearly();
    ledger();
    parameters();
  }

 private:
  const h5::Group& g_;
  const Scenario& scenario_;
  const std::vector<Region>& regions_;
  const std::vector<const ReplicationResult*> results_;
  const Lead lead_;
  Layout l_;

  // The lead axes followed by `rest`.
  h5::Shape shape(std::initializer_list<std::size_t> rest) const {
    h5::Shape out = lead_.shape;
    out.insert(out.end(), rest.begin(), rest.end());
    return out;
  }
  std::vector<std::string> dims(std::initializer_list<const char*> rest) const {
    std::vector<std::string> out = lead_.dims;
    out.insert(out.end(), rest.begin(), rest.end());
    return out;
  }
  const std::vector<std::string> rmf_ = dims({"month", "forbund"});
  const std::vector<std::string> ryf_ = dims({"year", "forbund"});

  void label_dimension(const std::string& name, const std::vector<std::string>& labels, const std::string& long_name) {
    h5::define_dimension(g_, name, labels);
    g_.set_attribute(name, "units", std::string("1"));
    g_.set_attribute(name, "long_name", long_name);
  }

  void coordinates() {
    const auto& cfg = scenario_.config;
    const auto& areas = results_.front()->areas;
    std::vector<std::int32_t> reps;
    for (std::size_t i = 0; i < lead_.shape.back(); ++i) reps.push_back(results_[i]->replication);
    h5::define_dimension(g_, "replication", std::span<const std::int32_t>(reps));
    g_.set_attribute("replication", "units", std::string("1"));
    g_.set_attribute("replication", "long_name", std::string("replication index (random-number stream)"));

    std::vector<std::string> months;
    for (std::size_t m = 0; m < l_.months; ++m) months.push_back(month_label(l_.first_month + static_cast<int>(m)));
    label_dimension("month", months, "calendar month (YYYY-MM)");

    std::vector<std::int32_t> years;
    for (std::size_t y = 0; y < l_.years; ++y) years.push_back(l_.first_year + static_cast<std::int32_t>(y));
    h5::define_dimension(g_, "year", std::span<const std::int32_t>(years));
    g_.set_attribute("year", "units", std::string("1"));
    g_.set_attribute("year", "long_name", std::string("calendar year (funding year)"));

    std::vector<std::string> names, kind, region_code, region_name;
    std::vector<std::int64_t> population;
    for (const auto& a : areas) {
      names.push_back(a.name);
      kind.push_back(a.forbund < 0 ? "no_forbund" : a.synthetic ? "synthetic" : "documented");
      population.push_back(a.population_16_64);
    }
    label_dimension("forbund", names,
                    "area: samordningsförbund (documented, then synthetic), then kommuner without a förbund per region");
    write_strings_1d("forbund_kind", kind, "forbund", "documented, synthetic or no_forbund");
    region_codes(areas, region_code, region_name);
    write_strings_1d("forbund_region", region_code, "forbund", "region (län) code of the area");
    write_strings_1d("forbund_region_name", region_name, "forbund", "region (län) name of the area");
    h5::write_array(g_, "forbund_population_16_64", std::span<const std::int64_t>(population), {l_.areas}, {"forbund"},
                    described("persons", "population aged 16-64 of the area's kommuner (SCB 2019-12-31)"));

    const std::vector<std::string> states(kStateLabels.begin(), kStateLabels.end());
    label_dimension("state", states, "person state in the pathway");
    label_dimension("from_state", states, "state a person moved from");
    label_dimension("to_state", states, "state a person moved to");

    std::vector<std::string> insats, label_sv, insats_kind;
    std::vector<std::int64_t> cost;
    for (const auto& t : cfg.insatser) {
      insats.push_back(t.name);
      label_sv.push_back(t.label_sv);
      insats_kind.push_back(t.structural ? "structural" : "individual");
      cost.push_back(t.cost_per_month);
    }
    label_dimension("insats", insats, "insats type (scenario key)");
    write_strings_1d("insats_label_sv", label_sv, "insats", "insats type, Swedish label");
    write_strings_1d("insats_kind", insats_kind, "insats", "individual or structural");
    if (!lead_.points.empty()) {  // a sweep may vary the costs: one row per point
      cost.clear();
      for (const auto* p : lead_.points)
        for (const auto& t : p->config.insatser) cost.push_back(t.cost_per_month);
    }
    h5::write_array(g_, "insats_cost_per_month", std::span<const std::int64_t>(cost), per_point({l_.insatser}),
                    per_point_dims({"insats"}), described("SEK", "cost per participant-month"));

    std::vector<std::string> payers, support, gone;
    for (int p = 0; p < kPayers; ++p) payers.push_back(payer_key(static_cast<Payer>(p)));
    for (int s = 0; s < kSupportSources; ++s) support.push_back(support_key(static_cast<SupportSource>(s)));
    gone.assign(kGoneReasonLabels.begin(), kGoneReasonLabels.end());
    label_dimension("payer", payers, "public payer");
    label_dimension("support", support, "main support source (public transfer)");
    label_dimension("gone_reason", gone, "reason for leaving the population");
  }

  void region_codes(const std::vector<AreaInfo>& areas, std::vector<std::string>& code, std::vector<std::string>& name) {
    for (const auto& a : areas) {
      const bool known = a.region >= 0 && static_cast<std::size_t>(a.region) < regions_.size();
      code.push_back(known ? regions_[static_cast<std::size_t>(a.region)].code : "");
      name.push_back(known ? regions_[static_cast<std::size_t>(a.region)].name : "");
    }
  }

  void write_strings_1d(const std::string& name, const std::vector<std::string>& values, const std::string& dim,
                        const std::string& long_name) {
    h5::write_array(g_, name, std::span<const std::string>(values), {values.size()}, {dim}, described("1", long_name));
  }

  // [replication, month, forbund] in persons from one counter.
  void persons(const std::string& name, const std::function<std::int64_t(const MonthCounters&)>& field,
               const std::string& long_name) {
    std::vector<double> out;
    out.reserve(l_.reps * l_.months * l_.areas);
    for (const auto* r : results_)
      for (std::size_t m = 0; m < l_.months; ++m)
        for (std::size_t a = 0; a < l_.areas; ++a)
          out.push_back(static_cast<double>(field(r->at(static_cast<int>(m), a))) * l_.per_person);
    h5::write_array(g_, name, std::span<const double>(out), shape({l_.months, l_.areas}), rmf_,
                    described("persons", long_name));
  }

  // [replication, month, forbund, k] in persons.
  void persons4(const std::string& name, const std::string& dim, std::size_t k,
                const std::function<std::int64_t(std::size_t, int, std::size_t, std::size_t)>& field,
                const std::string& long_name) {
    std::vector<double> out;
    out.reserve(l_.reps * l_.months * l_.areas * k);
    for (std::size_t ri = 0; ri < l_.reps; ++ri)
      for (std::size_t m = 0; m < l_.months; ++m)
        for (std::size_t a = 0; a < l_.areas; ++a)
          for (std::size_t i = 0; i < k; ++i)
            out.push_back(static_cast<double>(field(ri, static_cast<int>(m), a, i)) * l_.per_person);
    auto d = dims({"month", "forbund"});
    d.push_back(dim);
    h5::write_array(g_, name, std::span<const double>(out), shape({l_.months, l_.areas, k}), d,
                    described("persons", long_name));
  }

  void monthly() {
    const int target = static_cast<int>(State::Target);
    const int waiting = static_cast<int>(State::Waiting);
    const int in_insats = static_cast<int>(State::InInsats);
    persons("participants", [](const MonthCounters& c) { std::int64_t s = 0; for (auto p : c.participants) s += p; return s; },
            "participants in insatser during the month (after slot assignment)");
    persons("waiting", [&](const MonthCounters& c) { return c.stock[waiting]; }, "people on a waiting list at month end");
    persons("identified", [](const MonthCounters& c) { return c.identified; },
            "people identified by a partner in the month (referral.mode = capacity_responsive)");
    persons("identified_pool", [](const MonthCounters& c) { return c.identified_pool; },
            "people identified and not yet referred at month end");
    persons("referrals", [](const MonthCounters& c) { return c.referrals; }, "referrals to the förbund in the month");
    persons("starts", [](const MonthCounters& c) { return c.starts; }, "insats starts in the month");
    persons("completions", [](const MonthCounters& c) { return c.completions; }, "insats completions in the month");
    persons("dropouts", [](const MonthCounters& c) { return c.dropouts; }, "insats dropouts in the month");
    persons("wait_expired", [](const MonthCounters& c) { return c.wait_expired; },
            "people who left the waiting list after the maximum wait");
    persons("exit_work", [](const MonthCounters& c) { return c.exit_work; }, "insats exits to work");
    persons("exit_studies", [](const MonthCounters& c) { return c.exit_studies; }, "insats exits to studies");
    persons("exit_job_seeking", [](const MonthCounters& c) { return c.exit_job_seeking; },
            "insats exits to job seeking");
    persons("exit_other", [](const MonthCounters& c) { return c.exit_other; },
            "insats exits to other (dropouts, completions without work, studies or job seeking)");
    persons("inflow", [](const MonthCounters& c) { return c.inflow; }, "new members of the target group in the month");
    persons("target_group", [&](const MonthCounters& c) { return c.stock[target] + c.stock[waiting] + c.stock[in_insats]; },
            "target group at month end (target + waiting + in_insats)");
    persons("new_unique_participants", [](const MonthCounters& c) { return c.new_unique_participants; },
            "people in an insats for the first time in the calendar year");

    // Gone is not a stock in the model; the file shows the people who left since the start.
    const int gone = static_cast<int>(State::Gone);
    std::vector<std::vector<std::int64_t>> cumulative_gone(l_.reps, std::vector<std::int64_t>(l_.months * l_.areas));
    for (std::size_t ri = 0; ri < l_.reps; ++ri) {
      const auto& r = *results_[ri];
      for (std::size_t a = 0; a < l_.areas; ++a) {
        std::int64_t total = r.initial_stock[a][gone];
        for (std::size_t m = 0; m < l_.months; ++m) {
          for (int s = 0; s < kStates; ++s) total += r.at(static_cast<int>(m), a).flow[s][gone];
          cumulative_gone[ri][m * l_.areas + a] = total;
        }
      }
    }
    persons4("stock", "state", kStates,
             [&](std::size_t ri, int m, std::size_t a, std::size_t s) {
               if (static_cast<int>(s) != gone) return results_[ri]->at(m, a).stock[s];
               return cumulative_gone[ri][static_cast<std::size_t>(m) * l_.areas + a];
             },
             "people by state at month end ('gone': cumulative departures since the start)");
    persons4("target_group_by_support", "support", kSupportSources,
             [&](std::size_t ri, int m, std::size_t a, std::size_t s) { return results_[ri]->at(m, a).support[s]; },
             "target group at month end by main support source");
    persons4("departures", "gone_reason", kGoneReasons - 1,
             [&](std::size_t ri, int m, std::size_t a, std::size_t g) { return results_[ri]->at(m, a).gone[g + 1]; },
             "people leaving the population in the month, by reason");
    persons4("participants_by_insats", "insats", l_.insatser,
             [&](std::size_t ri, int m, std::size_t a, std::size_t t) { return results_[ri]->at(m, a).participants[t]; },
             "participants during the month by insats type");
    persons4("slots_by_insats", "insats", l_.insatser,
             [&](std::size_t ri, int m, std::size_t a, std::size_t t) { return results_[ri]->at(m, a).capacity[t]; },
             "insats slots (places) available in the month");

    std::vector<double> flows;
    flows.reserve(l_.reps * l_.months * kStates * kStates);
    for (const auto* r : results_)
      for (std::size_t m = 0; m < l_.months; ++m)
        for (int s = 0; s < kStates; ++s)
          for (int t = 0; t < kStates; ++t) {
            std::int64_t sum = 0;
            for (std::size_t a = 0; a < l_.areas; ++a) sum += r->at(static_cast<int>(m), a).flow[s][t];
            flows.push_back(static_cast<double>(sum) * l_.per_person);
          }
    h5::write_array(g_, "flows", std::span<const double>(flows), shape({l_.months, kStates, kStates}),
                    dims({"month", "from_state", "to_state"}),
                    described("persons", "people moving between states in the month, national"));

    std::vector<double> initial;
    for (const auto* r : results_)
      for (std::size_t a = 0; a < l_.areas; ++a)
        for (int s = 0; s < kStates; ++s) initial.push_back(static_cast<double>(r->initial_stock[a][s]) * l_.per_person);
    h5::write_array(g_, "initial_stock", std::span<const double>(initial), shape({l_.areas, kStates}),
                    dims({"forbund", "state"}),
                    described("persons", "people by state before the first month"));
  }

  // [replication, year, forbund] in SEK from a förbund's yearly record (0 for areas without one).
  void money(const std::string& name, const std::function<Sek(const ForbundYear&, Sek individual_spent)>& field,
             const std::string& long_name) {
    std::vector<std::int64_t> out;
    out.reserve(l_.reps * l_.years * l_.areas);
    for (const auto* r : results_)
      for (std::size_t y = 0; y < l_.years; ++y)
        for (const auto& a : r->areas) {
          if (a.forbund < 0) {
            out.push_back(0);
            continue;
          }
          const std::size_t i = y * l_.forbund + static_cast<std::size_t>(a.forbund);
          out.push_back(field(r->funding[i], r->individual_spent[i]));
        }
    h5::write_array(g_, name, std::span<const std::int64_t>(out), shape({l_.years, l_.areas}), ryf_,
                    described("SEK", long_name));
  }

  void yearly() {
    money("key_offer", [](const ForbundYear& f, Sek) { return f.key_offer; },
          "state allocation by the distribution key (base + key share), before equity rule and cap");
    money("equity_reduction", [](const ForbundYear& f, Sek) { return f.equity_reduction; },
          "state allocation deducted for equity above the reasonable level");
    money("cap_adjustment", [](const ForbundYear& f, Sek) { return f.cap_adjustment; },
          "raised to the cap floor (+) or share of the cap's cost (-)");
    money("state_offer", [](const ForbundYear& f, Sek) { return f.state_offer; }, "state allocation offered");
    money("state_paid", [](const ForbundYear& f, Sek) { return f.state_paid; }, "state contribution paid (FK)");
    money("region_paid", [](const ForbundYear& f, Sek) { return f.region_paid; }, "region contribution paid");
    money("kommuner_paid", [](const ForbundYear& f, Sek) { return f.kommuner_paid; },
          "member kommuner's contributions paid, together");
    money("budget", [](const ForbundYear& f, Sek) { return f.budget; }, "förbund budget (sum of contributions paid)");
    money("unused_offer", [](const ForbundYear& f, Sek) { return f.unused_offer; },
          "state offer not matched by the members, not paid out");
    money("admin", [](const ForbundYear& f, Sek) { return f.admin; }, "budget for administration");
    money("structural", [](const ForbundYear& f, Sek) { return f.structural; }, "budget for structural insatser");
    money("individual", [](const ForbundYear& f, Sek) { return f.individual; }, "budget for individual insatser");
    money("equity_open", [](const ForbundYear& f, Sek) { return f.equity_open; }, "equity (eget kapital) at year start");
    money("equity_draw", [](const ForbundYear& f, Sek) { return f.equity_draw; },
          "equity the förbund may spend on insatser in the year");
    money("spent", [](const ForbundYear& f, Sek) { return f.spent; },
          "money spent in the year (admin + structural + individual insatser used)");
    money("equity_close", [](const ForbundYear& f, Sek) { return f.equity_close; }, "equity at year end");
    money("individual_spent", [](const ForbundYear&, Sek spent) { return spent; },
          "spent on individual insatser (participant-months x cost)");

    std::vector<std::string> capping;
    for (const auto* r : results_)
      for (std::size_t y = 0; y < l_.years; ++y)
        for (const auto& a : r->areas)
          capping.push_back(a.forbund < 0 ? std::string()
                                          : r->funding[y * l_.forbund + static_cast<std::size_t>(a.forbund)].capping_party);
    h5::write_array(g_, "capping_party", std::span<const std::string>(capping), shape({l_.years, l_.areas}), ryf_,
                    described("1", "the contributor whose willingness capped the budget (state, region:CC, kommun:CCCC, "
                                   "ceiling); empty for areas without a förbund"));

    std::vector<double> unique(l_.reps * l_.years * l_.areas, 0.0);
    for (std::size_t ri = 0; ri < l_.reps; ++ri)
      for (std::size_t m = 0; m < l_.months; ++m) {
        const std::size_t y = static_cast<std::size_t>(YearMonth::from_index(l_.first_month + static_cast<int>(m)).year - l_.first_year);
        for (std::size_t a = 0; a < l_.areas; ++a)
          unique[(ri * l_.years + y) * l_.areas + a] +=
              static_cast<double>(results_[ri]->at(static_cast<int>(m), a).new_unique_participants);
      }
    for (auto& v : unique) v *= l_.per_person;
    h5::write_array(g_, "unique_participants", std::span<const double>(unique), shape({l_.years, l_.areas}), ryf_,
                    described("persons", "people in an insats at some time in the year (sum of new_unique_participants)"));
  }

  void ledger() {
    const std::size_t n = l_.reps * l_.months * l_.areas * kPayers;
    std::vector<std::int64_t> cost(n), revenue(n), contribution(n, 0), pension(n / kPayers);
    for (std::size_t ri = 0; ri < l_.reps; ++ri) {
      const auto& r = *results_[ri];
      for (std::size_t m = 0; m < l_.months; ++m) {
        const YearMonth ym = YearMonth::from_index(l_.first_month + static_cast<int>(m));
        const std::size_t y = static_cast<std::size_t>(ym.year - l_.first_year);
        for (std::size_t a = 0; a < l_.areas; ++a) {
          const auto& c = r.at(static_cast<int>(m), a);
          const std::size_t base = ((ri * l_.months + m) * l_.areas + a) * kPayers;
          pension[base / kPayers] = to_sek(c.pension_contribution, l_.scale);
          for (int p = 0; p < kPayers; ++p) {
            cost[base + p] = to_sek(c.public_cost[p], l_.scale);
            revenue[base + p] = to_sek(c.public_revenue[p], l_.scale);
          }
          if (r.areas[a].forbund < 0) continue;
          const auto& fy = r.funding[y * l_.forbund + static_cast<std::size_t>(r.areas[a].forbund)];
          const std::array<Sek, kPayers> paid = {fy.state_paid, fy.region_paid, fy.kommuner_paid};
          for (int p = 0; p < kPayers; ++p)
            contribution[base + p] = ym.month == 12 ? paid[p] - 11 * (paid[p] / 12) : paid[p] / 12;
        }
      }
    }
    const std::vector<std::string> dims4 = dims({"month", "forbund", "payer"});
    const h5::Shape shape4 = shape({l_.months, l_.areas, kPayers});
    h5::write_array(g_, "public_cost_by_forbund", std::span<const std::int64_t>(cost), shape4, dims4,
                    described("SEK", "public cost of the target group and exits (benefits, health care) by payer"));
    h5::write_array(g_, "public_revenue_by_forbund", std::span<const std::int64_t>(revenue), shape4, dims4,
                    described("SEK", "taxes from work by payer (employer fees without their pension part)"));
    h5::write_array(g_, "pension_contribution_by_forbund", std::span<const std::int64_t>(pension),
                    shape({l_.months, l_.areas}), rmf_,
                    described("SEK", "pension part of the employer fees from work: not public revenue, shown apart"));
    h5::write_array(g_, "finsam_contribution_by_forbund", std::span<const std::int64_t>(contribution), shape4, dims4,
                    described("SEK", "Finsam contribution paid by the payer: yearly amount / 12, remainder in December"));

    auto national = [&](const std::vector<std::int64_t>& by_area, const std::string& name, const std::string& long_name) {
      std::vector<std::int64_t> out(l_.reps * l_.months * kPayers, 0);
      for (std::size_t rm = 0; rm < l_.reps * l_.months; ++rm)
        for (std::size_t a = 0; a < l_.areas; ++a)
          for (int p = 0; p < kPayers; ++p) out[rm * kPayers + p] += by_area[(rm * l_.areas + a) * kPayers + p];
      h5::write_array(g_, name, std::span<const std::int64_t>(out), shape({l_.months, kPayers}),
                      dims({"month", "payer"}), described("SEK", long_name));
    };
    national(cost, "public_cost", "public cost (benefits, health care), national, by payer");
    national(revenue, "public_revenue", "taxes from work, national, by payer");
    national(contribution, "finsam_contribution", "Finsam contributions paid, national, by payer");
  }

  // [point, k] in a sweep (what a point may change), [k] in a run.
  h5::Shape per_point(std::initializer_list<std::size_t> rest) const {
    h5::Shape out(rest);
    if (!lead_.points.empty()) out.insert(out.begin(), lead_.points.size());
    return out;
  }
  std::vector<std::string> per_point_dims(std::initializer_list<const char*> rest) const {
    std::vector<std::string> out(rest.begin(), rest.end());
    if (!lead_.points.empty()) out.insert(out.begin(), "point");
    return out;
  }

  // Keys, units and sources are the base scenario's; values and origins are per point in a sweep
  // (a key a point lacks, which no override can cause today, would read as "").
  void parameters() {
    const auto& params = scenario_.parameters;
    std::vector<std::string> keys, unit, source;
    std::vector<std::int32_t> assumption;
    for (const auto& p : params) {
      keys.push_back(p.key);
      unit.push_back(p.unit);
      source.push_back(p.source);
      assumption.push_back(p.assumption ? 1 : 0);
    }
    std::vector<std::string> value, origin;
    const std::vector<const Scenario*> scenarios = lead_.points.empty() ? std::vector<const Scenario*>{&scenario_} : lead_.points;
    for (const auto* s : scenarios)
      for (const auto& key : keys) {
        const auto it = std::find_if(s->parameters.begin(), s->parameters.end(), [&](const auto& p) { return p.key == key; });
        value.push_back(it == s->parameters.end() ? std::string() : it->value);
        origin.push_back(it == s->parameters.end() ? std::string() : it->origin);
      }
    label_dimension("parameter", keys, "scenario key");
    const h5::Shape shape = {keys.size()};
    const std::vector<std::string> dims = {"parameter"};
    h5::write_array(g_, "parameter_value", std::span<const std::string>(value), per_point({keys.size()}),
                    per_point_dims({"parameter"}),
                    described("1", "resolved value as TOML text (money in MSEK as in scenario files)"));
    h5::write_array(g_, "parameter_unit", std::span<const std::string>(unit), shape, dims,
                    described("1", "unit of the value"));
    h5::write_array(g_, "parameter_source", std::span<const std::string>(source), shape, dims,
                    described("1", "source reference, or the assumption and its range"));
    h5::write_array(g_, "parameter_assumption", std::span<const std::int32_t>(assumption), shape, dims,
                    described("1", "1 if the value is a flagged assumption, 0 if it has a source"));
    h5::write_array(g_, "parameter_origin", std::span<const std::string>(origin), per_point({keys.size()}),
                    per_point_dims({"parameter"}),
                    described("1", "where the value was set: default, file:line:col, or --set"));
  }
};

}  // namespace

std::string month_label(int month_index) { return YearMonth::from_index(month_index).label(); }

std::string scenario_group_path(const std::string& scenario_name) {
  std::string name = scenario_name;
  for (auto& ch : name)
    if (ch == '/') ch = '_';
  return "scenarios/" + name;
}

namespace {

using GroupStep = std::function<void(const h5::Group&)>;

// What run and sweep files share: root and scenario attributes, then `before` (the sweep's point
// labels), the arrays, and `after` (the event log, or marking the point labels as coordinates).
void write_file(const std::filesystem::path& path, const Scenario& scenario, const World& world,
                std::vector<const ReplicationResult*> results, std::size_t replications, const RunInfo& run,
                Lead lead, const GroupStep& before, const GroupStep& after) {
  auto file = h5::File::create(path);
  {
    const auto root = file.root();
    for (const auto& a : root_attributes(run)) root.set_attribute(a.name, a.value);
    const auto group = file.create_group(scenario_group_path(scenario.config.meta.name));
    for (const auto& a : scenario_attributes(scenario, world, results.front()->replication,
                                             static_cast<int>(replications)))
      group.set_attribute(a.name, a.value);
    if (before) before(group);
    Writer(group, scenario, world.geography.regions, std::move(results), std::move(lead)).write();
    if (after) after(group);
  }
  file.close();
}

}  // namespace

void write_results(const std::filesystem::path& path, const Scenario& scenario, const World& world,
                   const std::vector<ReplicationResult>& results, const RunInfo& run) {
  if (results.empty()) throw std::invalid_argument("write_results: no replications");
  std::vector<const ReplicationResult*> pointers;
  for (const auto& r : results) pointers.push_back(&r);
  write_file(path, scenario, world, std::move(pointers), results.size(), run, Lead{{"replication"}, {results.size()}, {}},
             nullptr, [&](const h5::Group& g) {
               write_event_log(g, results, scenario.config.meta.start.label(), 1.0 / scenario.config.population.scale);
             });
}

void write_sweep(const std::filesystem::path& path, const Scenario& base, const World& world,
                 const std::vector<std::string>& varied_keys, std::span<const PointResults> points, const RunInfo& run,
                 const std::function<void(const h5::Group&)>& annotate) {
  const auto results = sweep_replications(base, varied_keys, points);
  const std::size_t reps = points.front().replications->size();
  std::vector<const Scenario*> scenarios;
  for (const auto& point : points) scenarios.push_back(point.scenario);
  write_file(path, base, world, results, reps, run, Lead{{"point", "replication"}, {points.size(), reps}, std::move(scenarios)},
             [&](const h5::Group& g) {
               g.set_attribute("sweep_varied_keys", varied_keys);
               g.set_attribute("sweep_points", static_cast<std::int64_t>(points.size()));
               write_sweep_points(g, varied_keys, points);
             },
             [&](const h5::Group& g) {
               mark_point_coordinates(g, varied_keys);
               if (annotate) annotate(g);
             });
}

}  // namespace finsim
