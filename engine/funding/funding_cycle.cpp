#include "funding/funding_cycle.h"

#include <algorithm>
#include <map>
#include <optional>
#include <stdexcept>

#include "funding/apportion.h"
#include "funding/budget.h"
#include "funding/capacity.h"
#include "funding/distribution.h"
#include "funding/matching.h"
#include "funding/willingness.h"
#include "util/error.h"
#include "util/text.h"

namespace finsim {

namespace {

int forbund_named(const FundingWorld& w, const std::string& name, const std::string& key) {
  std::vector<std::string> names;
  for (std::size_t f = 0; f < w.forbund.size(); ++f) {
    if (w.forbund[f].name == name) return static_cast<int>(f);
    names.push_back(w.forbund[f].name);
  }
  const std::string near = closest_match(name, names);
  throw InputError(key + ": no förbund \"" + name + "\"" +
                   (near.empty() ? std::string() : " (did you mean \"" + near + "\"?)"));
}

bool listed(const std::vector<std::string>& codes, const std::string& code) {
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

// The smallest whole krona c with c/share ≥ half the offer, so the first-year quarter is not capped
// by a kommun through rounding of its part.
Sek ceil_share(Sek amount, long double share) { return -floor_sek(-static_cast<long double>(amount) * share); }

// Of the factors in force in `year`, the one with the latest from (ties to the one listed last).
const OfferFactor* offer_factor(int year, const std::vector<OfferFactor>& factors) {
  const OfferFactor* active = nullptr;
  for (const OfferFactor& o : factors)
    if (o.from_year <= year && (!active || o.from_year >= active->from_year)) active = &o;
  return active;
}

}  // namespace

FundingCycle::FundingCycle(const FundingConfig& config, FundingWorld world,
                           const std::vector<InsatsType>& insatser, RunKey key, int first_year, PriceLevel prices)
    : config_(config),
      world_(std::move(world)),
      insatser_(insatser),
      prices_(std::move(prices)),
      key_(key),
      first_year_(first_year) {
  const std::size_t n = world_.forbund.size();
  std::vector<KeyArea> areas;
  for (const FundingArea& a : world_.forbund) areas.push_back(a.key);
  key_shares(areas, config_.distribution);  // weights and keys fail here, not in some later year

  for (std::size_t i = 0; i < config_.members.kommun_shares.size(); ++i)
    forbund_named(world_, config_.members.kommun_shares[i].forbund,
                  "funding.kommun_share[" + std::to_string(i) + "].forbund");
  for (const FundingArea& a : world_.forbund)
    kommun_share_.push_back(kommun_quarter_shares(a.name, a.kommun_codes, a.kommun_population_16_64,
                                                  config_.members.kommun_shares));

  region_freezes_.resize(n);
  kommun_freezes_.resize(n);
  for (std::size_t f = 0; f < n; ++f) kommun_freezes_[f].resize(world_.forbund[f].kommun_codes.size());
  for (std::size_t i = 0; i < config_.members.freezes.size(); ++i) {
    const Freeze& fr = config_.members.freezes[i];
    const std::string key_name = "funding.freeze[" + std::to_string(i) + "].party";
    const PartyId party = parse_party(fr.party, key_name);
    const bool region = party.kind == PartyId::Kind::Region;
    if (!listed(region ? world_.region_codes : world_.kommun_codes, party.code))
      throw InputError(key_name + ": \"" + fr.party + "\": no such " + (region ? "region" : "kommun"));
    // A kommun outside every förbund pays nothing, so its freeze has nothing to act on.
    for (std::size_t f = 0; f < n; ++f) {
      const FundingArea& a = world_.forbund[f];
      if (region && a.region_code == party.code) region_freezes_[f].push_back(fr);
      if (region) continue;
      for (std::size_t m = 0; m < a.kommun_codes.size(); ++m)
        if (a.kommun_codes[m] == party.code) kommun_freezes_[f][m].push_back(fr);
    }
  }

  offer_factors_.resize(n);
  for (std::size_t i = 0; i < config_.offer_factors.size(); ++i) {
    const OfferFactor& o = config_.offer_factors[i];
    if (!listed(world_.region_codes, o.region))
      throw InputError("funding.offer_factor[" + std::to_string(i) + "].region: \"" + o.region + "\": no such region");
    for (std::size_t f = 0; f < n; ++f)
      if (world_.forbund[f].region_code == o.region) offer_factors_[f].push_back(o);
  }

  // Allocation history before the model: from the earliest given year, given years as given and
  // key + spärr in between, so the first modelled year's spärr starts from the last given level.
  // No contributions or equity are known then: the equity rule does not act.
  int earliest = first_year_;
  for (const FundingArea& a : world_.forbund)
    if (!a.given_allocation.empty()) earliest = std::min(earliest, a.given_allocation.begin()->first);
  std::vector<std::optional<AllocationHistory>> history(n);
  for (int y = earliest; y < first_year_; ++y) {
    const StateAllocation d = distribute_state_pot(y, config_.state.pot_for(y), areas, history,
                                                   config_.distribution, given_for(y));
    for (std::size_t f = 0; f < n; ++f) history[f] = AllocationHistory{d.allocation[f], 0, 0, 0};
    pre_allocation_ = d.allocation;
  }

  ceilings_.resize(n);
  for (std::size_t i = 0; i < config_.members.ceilings.size(); ++i) {
    const BudgetCeiling& c = config_.members.ceilings[i];
    const std::string key_name = "funding.ceiling[" + std::to_string(i) + "]";
    const int f = forbund_named(world_, c.forbund, key_name + ".forbund");
    if (c.max_budget < 0)
      throw InputError(key_name + ".max_budget_msek: förbund \"" + c.forbund + "\": must be at least 0");
    ceilings_[static_cast<std::size_t>(f)].push_back(c);
  }
}

std::vector<std::optional<Sek>> FundingCycle::given_for(int year) const {
  std::vector<std::optional<Sek>> given(world_.forbund.size());
  for (std::size_t f = 0; f < given.size(); ++f) {
    const auto it = world_.forbund[f].given_allocation.find(year);
    if (it != world_.forbund[f].given_allocation.end()) given[f] = it->second;
  }
  return given;
}

const std::vector<ForbundYear>& FundingCycle::year_record(int year) const {
  if (year < first_year_ || year >= next_year())
    throw std::logic_error("FundingCycle::year_record: year " + std::to_string(year) + " is not planned");
  return years_[static_cast<std::size_t>(year - first_year_)];
}

Sek FundingCycle::region_max(int f, int year, Sek state_offer) const {
  std::map<int, Sek> paid;
  for (int y = first_year_; y < year; ++y) paid[y] = year_record(y)[f].region_paid;
  return party_max(year, first_year_, paid, config_.members.region_growth(year),
                   region_freezes_[static_cast<std::size_t>(f)], state_offer / 2);
}

Sek FundingCycle::kommun_max(int f, int m, int year, Sek state_offer) const {
  std::map<int, Sek> paid;
  for (int y = first_year_; y < year; ++y) paid[y] = year_record(y)[f].kommun_paid[m];
  const auto fi = static_cast<std::size_t>(f);
  const auto mi = static_cast<std::size_t>(m);
  return party_max(year, first_year_, paid, config_.members.kommun_growth(year), kommun_freezes_[fi][mi],
                   ceil_share(state_offer / 2, kommun_share_[fi][mi]));
}

std::vector<ForbundYear> FundingCycle::plan_year(int year) {
  if (year != next_year())
    throw std::logic_error("FundingCycle::plan_year: expected year " + std::to_string(next_year()) +
                           ", got " + std::to_string(year));
  if (!closed_.empty() && !closed_.back()) closed_.back() = true;  // spent = budget, as planned
  const std::size_t n = world_.forbund.size();
  const bool first = year == first_year_;

  std::vector<KeyArea> areas;
  std::vector<std::optional<AllocationHistory>> history(n);
  for (std::size_t f = 0; f < n; ++f) {
    areas.push_back(world_.forbund[f].key);
    if (first) {
      if (!pre_allocation_.empty()) history[f] = AllocationHistory{pre_allocation_[f], 0, 0, 0};
      continue;
    }
    const ForbundYear& prev = years_.back()[f];
    // The spärr protects the allocation before any offer_factor: the what-if cut is not FK's.
    history[f] = AllocationHistory{prev.state_offer + prev.offer_cut, prev.budget, prev.equity_close,
                                   prev.rounding_leftover};
  }
  const StateAllocation dist = distribute_state_pot(year, config_.state.pot_for(year), areas, history,
                                                    config_.distribution, given_for(year));

  const std::vector<InsatsType> priced_types = priced_catalogue(insatser_, prices_.at(year));  // this year's costs
  std::vector<ForbundYear> out(n);
  for (std::size_t f = 0; f < n; ++f) {
    const FundingArea& area = world_.forbund[f];
    const int fi = static_cast<int>(f);
    ForbundYear& r = out[f];
    r.forbund = fi;
    r.year = year;
    r.key_offer = dist.key_offer[f];
    r.equity_reduction = dist.equity_reduction[f];
    r.cap_adjustment = dist.cap_adjustment[f];
    r.state_offer = dist.allocation[f];
    r.given = dist.given[f];
    if (const OfferFactor* o = offer_factor(year, offer_factors_[f])) {
      // Never below the base amount, which is a floor of FK's model whatever the what-if.
      const Sek kept = std::max(std::min(r.state_offer, config_.distribution.base_amount),
                                floor_share(r.state_offer, o->factor));
      r.offer_cut = r.state_offer - kept;
      r.state_offer = kept;
    }

    MatchInput in;
    in.state_offer = r.state_offer;
    in.region_max = region_max(fi, year, r.state_offer);
    for (std::size_t m = 0; m < area.kommun_codes.size(); ++m)
      in.kommun_max.push_back(kommun_max(fi, static_cast<int>(m), year, r.state_offer));
    in.kommun_share = kommun_share_[f];
    in.ceiling = budget_ceiling(year, ceilings_[f]);
    in.region_code = area.region_code;
    in.kommun_codes = area.kommun_codes;
    const MatchResult match = match_members(in);
    r.state_paid = match.state_paid;
    r.region_paid = match.region_paid;
    r.kommuner_paid = match.kommuner_paid;
    r.kommun_paid = match.kommun_paid;
    r.budget = match.budget;
    r.unused_offer = match.unused_offer;
    r.capping_party = match.capping_party;
    // A ceiling is what the förbund can use: the offer above it is declined, not lapsed.
    r.declined = r.capping_party == "ceiling" ? r.unused_offer : 0;

    const BudgetSplit split = split_budget(r.budget, config_.budget);
    r.admin = split.admin;
    r.structural = split.structural;
    r.individual = split.individual;
    r.equity_open = first ? initial_equity(r.budget, config_.budget) : years_.back()[f].equity_close;
    // A förbund keeps a reserve at the reasonable level and spends only equity above it (at most
    // equity_spend_max_share of that a year): reserves are a buffer, not a fund to run down.
    const Sek reserve = floor_share(r.budget, config_.distribution.equity_reasonable_share);
    r.equity_draw = equity_draw_allowed(std::max<Sek>(0, r.equity_open - reserve), config_.budget);
    r.spent = r.budget;
    r.equity_close = r.equity_open;

    std::vector<bool> running(insatser_.size());
    for (std::size_t t = 0; t < insatser_.size(); ++t)
      running[t] = insatser_[t].enabled &&
                   project_running(insatser_[t], static_cast<int>(t), fi, year, first_year_, key_);
    Capacity cap = monthly_capacity(r.individual, r.equity_draw, r.structural, priced_types, running);
    r.rounding_leftover = r.individual + r.equity_draw - 12 * cap.bound_per_month;
    r.reasonable_equity = reasonable_equity(r.budget, config_.distribution);
    r.monthly_slots = std::move(cap.monthly_slots);
    r.structural_places = std::move(cap.structural_places);
  }
  years_.push_back(out);
  closed_.push_back(false);
  return out;
}

void FundingCycle::close_year(int year, const std::vector<Sek>& spent_per_forbund) {
  if (years_.empty() || year != next_year() - 1 || closed_.back())
    throw std::logic_error("FundingCycle::close_year: year " + std::to_string(year) +
                           " is not the open planned year");
  std::vector<ForbundYear>& records = years_.back();
  if (spent_per_forbund.size() != records.size())
    throw std::logic_error("FundingCycle::close_year: spending is not reported for every förbund");
  // Check every report before touching any record, so a rejected call leaves the year as it was.
  for (std::size_t f = 0; f < records.size(); ++f) {
    const Sek spent = spent_per_forbund[f];
    if (spent < 0 || spent > records[f].budget + records[f].equity_open)
      throw std::logic_error("FundingCycle::close_year: förbund \"" + world_.forbund[f].name +
                             "\" spent " + std::to_string(spent) + " SEK in " + std::to_string(year) +
                             ", outside 0 .. budget + opening equity");
  }
  for (std::size_t f = 0; f < records.size(); ++f) {
    ForbundYear& r = records[f];
    r.spent = spent_per_forbund[f];
    r.equity_close = closing_equity(r.equity_open, r.budget, r.spent);
  }
  closed_.back() = true;
}

std::vector<ForbundYear> project_funding(const FundingConfig& config, const FundingWorld& world,
                                         const std::vector<InsatsType>& insatser, RunKey key,
                                         int first_year, int last_year, const PriceLevel& prices) {
  FundingCycle cycle(config, world, insatser, key, first_year, prices);
  std::vector<ForbundYear> all;
  for (int year = first_year; year <= last_year; ++year) {
    const std::vector<ForbundYear> plan = cycle.plan_year(year);
    const std::vector<InsatsType> priced_types = priced_catalogue(insatser, prices.at(year));
    std::vector<Sek> spent;
    for (const ForbundYear& r : plan) {
      Sek bound_per_month = 0;
      for (std::size_t t = 0; t < priced_types.size(); ++t)
        bound_per_month += static_cast<Sek>(r.monthly_slots[t]) * priced_types[t].cost_per_month;
      spent.push_back(r.admin + r.structural + 12 * bound_per_month);
    }
    cycle.close_year(year, spent);
    const std::vector<ForbundYear>& closed = cycle.year_record(year);
    all.insert(all.end(), closed.begin(), closed.end());
  }
  return all;
}

}  // namespace finsim
