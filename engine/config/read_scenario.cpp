#include "config/read_scenario.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>

#include "config/parameters.h"
#include "config/scenario_values.h"
#include "config/toml_text.h"
#include "util/error.h"
#include "util/text.h"

namespace finsim {

namespace {

void read_meta(ScenarioReader& r, ScenarioMeta& m) {
  m.name = r.string("scenario.name");
  if (m.name.empty() || m.name.find_first_of("/. ") != std::string::npos)
    r.fail("scenario.name", "expected a non-empty name without '/', '.' or spaces (it names the HDF5 group)");
  m.description = r.string("scenario.description");
  m.start = read_month(r, "scenario.start");
  m.end = read_month(r, "scenario.end");
  if (m.end.index() < m.start.index())  // the start's value too: it may be the key that was changed
    r.fail("scenario.end", "expected a month after scenario.start (" + m.start.label() + "), got \"" + m.end.label() + "\"");
  // The funding rules are yearly (the state pot, each förbund's budget and its equity close a
  // calendar year), so a run covers whole years: in a part-year every yearly figure would mix a
  // whole year's money with some months of effect.
  if (m.start.month != 1)
    r.fail("scenario.start", "expected a January (a run covers whole calendar years), got \"" + m.start.label() + "\"");
  if (m.end.month != 12)
    r.fail("scenario.end", "expected a December (a run covers whole calendar years), got \"" + m.end.label() + "\"");
  const long long seed = r.integer("scenario.seed");
  if (seed < 0 || seed > 4294967295LL) r.fail("scenario.seed", "expected an integer from 0 to 4294967295");
  m.seed = static_cast<std::uint32_t>(seed);
  const long long reps = r.integer("scenario.replications");
  if (reps < 1 || reps > 100000) r.fail("scenario.replications", "expected an integer from 1 to 100000");
  m.replications = static_cast<int>(reps);
  const long long burn = r.integer("scenario.burn_in_years");
  if (burn < 0 || burn > 60) r.fail("scenario.burn_in_years", "expected 0 to 60 years");
  m.burn_in_years = static_cast<int>(burn);
}

void read_organisation(ScenarioReader& r, OrganisationConfig& o) {
  o.kommuner_csv = r.string("organisation.kommuner_csv");
  o.forbund_csv = r.string("organisation.forbund_csv");
  o.unknown_membership = r.string("organisation.unknown_membership");
  if (o.unknown_membership != "regional" && o.unknown_membership != "none")
    r.fail("organisation.unknown_membership", "expected \"regional\" or \"none\"");
  o.full_coverage = r.boolean("organisation.full_coverage");
  for (std::size_t i = 0, n = r.table_count("organisation.join"); i < n; ++i) {
    const std::string p = "organisation.join[" + std::to_string(i) + "].";
    o.joins.push_back({r.string(p + "kommun"), r.string(p + "forbund")});
  }
  for (std::size_t i = 0, n = r.table_count("organisation.merge"); i < n; ++i) {
    const std::string p = "organisation.merge[" + std::to_string(i) + "].";
    ForbundMerge m{r.string_list(p + "forbund"), r.string(p + "name")};
    if (m.forbund.size() < 2) r.fail(p + "forbund", "expected at least two förbund to merge");
    if (m.name.empty()) r.fail(p + "name", "expected the name of the merged förbund");
    o.merges.push_back(std::move(m));
  }
}

void read_funding(ScenarioReader& r, FundingConfig& f) {
  for (const auto& [year, msek] : r.year_series("funding.state.allocation_msek")) {
    if (msek < 0) r.fail("funding.state.allocation_msek", "expected amounts >= 0 MSEK");
    f.state.allocation_sek[year] = msek_to_sek(msek);
  }
  f.state.growth_per_year = r.number("funding.state.growth_per_year");
  if (f.state.growth_per_year <= -1.0) r.fail("funding.state.growth_per_year", "expected a growth above -1");

  auto& d = f.distribution;
  d.base_amount = msek_to_sek(read_non_negative(r, "funding.distribution.base_amount_msek"));
  d.weight_need = read_share(r, "funding.distribution.weight_need");
  d.weight_population = read_share(r, "funding.distribution.weight_population");
  if (std::abs(d.weight_need + d.weight_population - 1.0) > 1e-9)
    r.fail("funding.distribution.weight_population", "expected weight_need + weight_population = 1");
  d.max_decrease = read_share(r, "funding.distribution.max_decrease");
  d.cap_exempt_above_equity = r.boolean("funding.distribution.cap_exempt_above_equity");
  d.equity_reasonable_share = read_non_negative(r, "funding.distribution.equity_reasonable_share");
  d.equity_excess_reduction = read_share(r, "funding.distribution.equity_excess_reduction");
  d.equity_reasonable_share_small = read_non_negative(r, "funding.distribution.equity_reasonable_share_small");
  d.equity_small_band = msek_to_sek(read_non_negative(r, "funding.distribution.equity_small_band_msek"));
  d.need_indicator = r.string("funding.distribution.need_indicator");
  if (d.need_indicator != "sa_ae_2018" && d.need_indicator != "long_sick_leave_2017" &&
      d.need_indicator != "kommuner_csv" && d.need_indicator != "none")
    r.fail("funding.distribution.need_indicator",
           "expected \"sa_ae_2018\", \"long_sick_leave_2017\", \"kommuner_csv\" or \"none\", got \"" + d.need_indicator + "\"");
  d.need_by_lan_csv = r.string("funding.distribution.need_by_lan_csv");
  d.state_allocations_csv = r.string("funding.distribution.state_allocations_csv");
  for (std::size_t i = 0, n = r.table_count("funding.offer_factor"); i < n; ++i) {
    const std::string p = "funding.offer_factor[" + std::to_string(i) + "].";
    OfferFactor o{r.string(p + "region"), static_cast<int>(r.integer(p + "from")), read_non_negative(r, p + "factor")};
    if (o.region.size() != 2 || o.region.find_first_not_of("0123456789") != std::string::npos)
      r.fail(p + "region", "expected a 2-digit län code such as \"20\"");
    f.offer_factors.push_back(o);
  }

  auto& m = f.members;
  for (const char* key : {"funding.members.region_max_growth", "funding.members.kommun_max_growth"}) {
    auto series = r.year_series(key);
    for (const auto& [year, g] : series)
      if (!(g >= 0.0)) r.fail(key, "expected growth shares >= 0");
    (std::string(key).find("region") != std::string::npos ? m.region_max_growth : m.kommun_max_growth) = std::move(series);
  }
  for (std::size_t i = 0, n = r.table_count("funding.freeze"); i < n; ++i) {
    const std::string p = "funding.freeze[" + std::to_string(i) + "].";
    Freeze fr{r.string(p + "party"), static_cast<int>(r.integer(p + "from")), static_cast<int>(r.integer(p + "level_of"))};
    const bool region = fr.party.rfind("region:", 0) == 0 && fr.party.size() == 9;
    const bool kommun = fr.party.rfind("kommun:", 0) == 0 && fr.party.size() == 11;
    if (!region && !kommun) r.fail(p + "party", "expected \"region:CC\" or \"kommun:CCCC\" (SCB codes)");
    if (fr.level_of_year > fr.from_year) r.fail(p + "level_of", "expected a year not after 'from'");
    m.freezes.push_back(fr);
  }
  for (std::size_t i = 0, n = r.table_count("funding.ceiling"); i < n; ++i) {
    const std::string p = "funding.ceiling[" + std::to_string(i) + "].";
    m.ceilings.push_back({r.string(p + "forbund"), static_cast<int>(r.integer(p + "from")),
                          msek_to_sek(read_non_negative(r, p + "max_budget_msek"))});
  }
  for (std::size_t i = 0, n = r.table_count("funding.kommun_share"); i < n; ++i) {
    const std::string p = "funding.kommun_share[" + std::to_string(i) + "].";
    m.kommun_shares.push_back({r.string(p + "forbund"), r.string(p + "kommun"), read_share(r, p + "share")});
  }

  auto& b = f.budget;
  b.admin_share = read_share(r, "funding.budget.admin_share");
  b.structural_share = read_share(r, "funding.budget.structural_share");
  if (b.admin_share + b.structural_share > 1.0)
    r.fail("funding.budget.structural_share", "expected admin_share + structural_share <= 1");
  b.equity_spend_max_share = read_share(r, "funding.budget.equity_spend_max_share");
  b.initial_equity_share = read_non_negative(r, "funding.budget.initial_equity_share");
}

void read_population(ScenarioReader& r, PopulationConfig& p) {
  p.mode = r.string("population.mode");
  if (p.mode != "target")
    r.fail("population.mode", "expected \"target\" (the general-population mode is not implemented yet)");
  p.target_group_size = read_non_negative(r, "population.target_group_size");
  p.scale = r.number("population.scale");
  if (!(p.scale > 0.0 && p.scale <= 10.0)) r.fail("population.scale", "expected agents per person in (0, 10]");
  p.inflow_per_year = read_non_negative(r, "population.inflow_per_year");
  p.female_share = read_share(r, "population.female_share");
  p.born_abroad_share = read_share(r, "population.born_abroad_share");
  p.age_band_shares = read_shares(r, "population.age", {"16_19", "20_29", "30_39", "40_49", "50_64"}, true);
  std::vector<std::string> sources;
  for (int i = 0; i < kSupportSources; ++i) sources.emplace_back(support_key(static_cast<SupportSource>(i)));
  p.support_shares = read_shares(r, "population.support", sources, true);
  std::vector<std::string> needs;
  for (int i = 0; i < kNeeds; ++i) needs.emplace_back(need_key(i));
  p.need_shares = read_shares(r, "population.needs", needs, false);
  p.distance_effect = read_non_negative(r, "population.distance_effect");
  p.work_studies_per_month = read_share(r, "population.work_studies_per_month");
  p.studies_share = read_share(r, "population.studies_share");
  p.job_seeking_per_month = read_share(r, "population.job_seeking_per_month");
  p.sjukersattning_per_year = read_share(r, "population.sjukersattning_per_year");
  p.mortality_per_year = read_share(r, "population.mortality_per_year");
  p.emigration_per_year = read_share(r, "population.emigration_per_year");
  p.relapse_per_month = read_share(r, "population.relapse_per_month");
  p.support_change_per_month = read_share(r, "population.support_change_per_month");
  p.job_seeking_to_work_per_month = read_share(r, "population.job_seeking_to_work_per_month");
  p.studies_to_work_per_month = read_share(r, "population.studies_to_work_per_month");
}

void read_referral(ScenarioReader& r, ReferralConfig& c) {
  const std::string mode = r.string("referral.mode");
  if (mode == "capacity_responsive") c.mode = ReferralMode::CapacityResponsive;
  else if (mode == "fixed_rate") c.mode = ReferralMode::FixedRate;
  else r.fail("referral.mode", "expected \"capacity_responsive\" or \"fixed_rate\", got \"" + mode + "\"");
  c.rate_per_month = read_share(r, "referral.rate_per_month");
  c.identification_base_per_month = read_share(r, "referral.identification_base_per_month");
  c.identification_max_per_month = read_share(r, "referral.identification_max_per_month");
  if (c.identification_max_per_month < c.identification_base_per_month)
    r.fail("referral.identification_max_per_month", "expected at least referral.identification_base_per_month");
  c.identification_response = read_non_negative(r, "referral.identification_response");
  c.acceptable_wait_months = read_non_negative(r, "referral.acceptable_wait_months");
  if (c.acceptable_wait_months > 120) r.fail("referral.acceptable_wait_months", "expected 0 to 120 months");
  c.agency_presence = read_non_negative(r, "referral.agency_presence");
  const long long wait = r.integer("referral.max_wait_months");
  if (wait < 0 || wait > 120) r.fail("referral.max_wait_months", "expected 0 to 120 months");
  c.max_wait_months = static_cast<int>(wait);
  const long long cool = r.integer("referral.cooldown_months");
  if (cool < 0 || cool > 120) r.fail("referral.cooldown_months", "expected 0 to 120 months");
  c.cooldown_months = static_cast<int>(cool);
}

void read_capacity(ScenarioReader& r, CapacityConfig& c) {
  const long long ramp = r.integer("capacity.ramp_up_months");
  if (ramp < 1 || ramp > 36) r.fail("capacity.ramp_up_months", "expected 1 to 36 months");
  c.ramp_up_months = static_cast<int>(ramp);
  c.structural_identification_elasticity = read_non_negative(r, "capacity.structural_identification_elasticity");
  c.structural_outcome_elasticity = read_non_negative(r, "capacity.structural_outcome_elasticity");
  if (c.structural_identification_elasticity > 2) r.fail("capacity.structural_identification_elasticity", "expected 0 to 2");
  if (c.structural_outcome_elasticity > 2) r.fail("capacity.structural_outcome_elasticity", "expected 0 to 2");
}

// The default catalogue's type names, in registry order.
std::vector<std::string> catalogue_names() {
  std::vector<std::string> names;
  for (const auto& s : parameter_specs()) {
    if (s.key.rfind("insats.", 0) != 0 || s.key.rfind("insats.*", 0) == 0) continue;
    const std::string name = s.key.substr(7, s.key.find('.', 7) - 7);
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  return names;
}

// The catalogue first (registry order), then any type the scenario adds, in file order.
std::vector<std::string> insats_names(const ScenarioReader& r, const std::vector<std::string>& catalogue) {
  std::vector<std::string> names = catalogue;
  std::set<std::string> seen(names.begin(), names.end());
  for (const auto& n : r.table_names("insats"))
    if (seen.insert(n).second) names.push_back(n);
  return names;
}

// People store their insats in one byte and the event log in a signed one.
constexpr std::size_t kMaxInsatsTypes = 127;

// A type the catalogue lacks must say what it is: a misspelt name ([insats.ipz], --set
// insats.ipz.cost_sek_per_month=…) would otherwise add a type silently, with every default.
void require_new_type_declared(const ScenarioReader& r, const std::string& name,
                               const std::vector<std::string>& catalogue) {
  const std::string p = "insats." + name + ".";
  for (const char* key : {"kind", "label_sv"}) {
    const auto& params = r.parameters();
    const auto it = std::find_if(params.begin(), params.end(), [&](const auto& x) { return x.key == p + key; });
    if (it == params.end() || it->origin != "default") continue;
    const std::string guess = closest_match(name, catalogue);
    r.fail(p + key, "'" + name + "' is not an insats type of the catalogue, and a new type must set kind and "
                    "label_sv" + (guess.empty() ? std::string() : " (did you mean '" + guess + "'?)"));
  }
}

void read_insatser(ScenarioReader& r, std::vector<InsatsType>& out) {
  const std::vector<std::string> catalogue = catalogue_names();
  const auto names = insats_names(r, catalogue);
  if (names.size() > kMaxInsatsTypes)
    r.fail("insats", "expected at most " + std::to_string(kMaxInsatsTypes) + " insats types, found " + std::to_string(names.size()));
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::string& name = names[i];
    const std::string p = "insats." + name + ".";
    InsatsType t;
    t.name = name;
    t.label_sv = r.string(p + "label_sv");
    const std::string kind = r.string(p + "kind");
    if (i >= catalogue.size()) require_new_type_declared(r, name, catalogue);  // a type the scenario adds
    if (kind != "individual" && kind != "structural") r.fail(p + "kind", "expected \"individual\" or \"structural\"");
    t.structural = kind == "structural";
    t.enabled = r.boolean(p + "enabled");
    t.cost_per_month = read_sek(r, p + "cost_sek_per_month");
    if (t.cost_per_month == 0) r.fail(p + "cost_sek_per_month", "expected a cost > 0 SEK");
    t.mean_duration_months = r.number(p + "mean_duration_months");
    if (!(t.mean_duration_months >= 1.0)) r.fail(p + "mean_duration_months", "expected at least 1 month");
    t.dropout_per_month = read_share(r, p + "dropout_per_month");
    t.p_work_studies = read_share(r, p + "p_work_studies");
    t.p_job_seeking = read_share(r, p + "p_job_seeking");
    if (t.p_work_studies + t.p_job_seeking > 1.0) r.fail(p + "p_job_seeking", "expected p_work_studies + p_job_seeking <= 1");
    t.budget_share = read_non_negative(r, p + "budget_share");
    t.min_age = static_cast<int>(r.integer(p + "min_age"));
    t.max_age = static_cast<int>(r.integer(p + "max_age"));
    if (t.min_age < 16 || t.max_age > 64 || t.min_age > t.max_age) r.fail(p + "max_age", "expected 16 <= min_age <= max_age <= 64");
    t.needs_any = read_need_mask(r, p + "needs");
    t.support_any = read_support_mask(r, p + "support");
    const long long years = r.integer(p + "project_years");
    if (years < 0 || years > 50) r.fail(p + "project_years", "expected 0 to 50 years");
    t.project_years = static_cast<int>(years);
    t.takeover_probability = read_share(r, p + "takeover_probability");
    out.push_back(std::move(t));
  }
  double individual_share = 0;
  for (const auto& t : out)
    if (t.enabled && !t.structural) individual_share += t.budget_share;
  if (individual_share <= 0) r.fail("insats", "expected at least one enabled individual insats with budget_share > 0");
}

void read_pathway(ScenarioReader& r, const std::vector<InsatsType>& insatser, std::vector<PathwayEdge>& out) {
  for (std::size_t i = 0, n = r.table_count("pathway.edge"); i < n; ++i) {
    const std::string p = "pathway.edge[" + std::to_string(i) + "].";
    PathwayEdge e{r.string(p + "from"), r.string(p + "to"), read_share(r, p + "probability")};
    for (const auto* end : {&e.from, &e.to}) {
      bool found = false;
      for (const auto& t : insatser) found = found || (t.name == *end && !t.structural);
      if (!found) r.fail(p + (end == &e.from ? "from" : "to"), "unknown individual insats '" + *end + "'");
    }
    out.push_back(e);
  }
}

void read_costs(ScenarioReader& r, CostConfig& c) {
  c.support_cost_per_month.clear();
  c.support_payer.clear();
  for (int i = 0; i < kSupportSources; ++i) {
    const std::string p = std::string("costs.support.") + support_key(static_cast<SupportSource>(i)) + ".";
    c.support_cost_per_month.push_back(read_sek(r, p + "sek_per_month"));
    c.support_payer.push_back(read_payer(r, p + "payer"));
  }
  c.prices.index = r.year_series("costs.price_index");
  for (const auto& [year, level] : c.prices.index)
    if (!(level > 0.0)) r.fail("costs.price_index." + std::to_string(year), "expected a price level > 0");
  c.prices.growth_per_year = r.number("costs.price_growth_per_year");
  if (!(c.prices.growth_per_year > -1.0)) r.fail("costs.price_growth_per_year", "expected a growth above -1");
  c.health_care_per_month = read_sek(r, "costs.health_care_sek_per_month");
  c.wage_per_month = read_sek(r, "costs.wage_sek_per_month");
  c.tax_kommun = read_share(r, "costs.tax_kommun");
  c.tax_region = read_share(r, "costs.tax_region");
  c.tax_state = read_share(r, "costs.tax_state");
  c.employer_fee_pension_share = read_share(r, "costs.employer_fee_pension_share");
  c.study_support_per_month = read_sek(r, "costs.study_support_sek_per_month");
}

}  // namespace

Scenario read_scenario(const ScenarioDocument& doc) {
  ScenarioReader r(doc.table, doc.directory);
  Scenario s;
  auto& c = s.config;
  c.scenario_dir = doc.directory;
  read_meta(r, c.meta);
  read_organisation(r, c.organisation);
  read_funding(r, c.funding);
  read_population(r, c.population);
  read_referral(r, c.referral);
  read_capacity(r, c.capacity);
  read_insatser(r, c.insatser);
  read_pathway(r, c.insatser, c.pathway);
  read_costs(r, c.costs);
  s.parameters = r.parameters();
  std::ostringstream os;
  // No path in the text: its digest must not depend on where the scenario file lives.
  os << "# Resolved scenario (finsim " FINSIM_VERSION "): every key, defaults written out\n" << r.resolved() << "\n";
  s.resolved_toml = shortest_floats(os.str());
  s.chain = doc.chain;
  s.overrides = doc.overrides;
  return s;
}

Scenario load_scenario(const std::string& path, const std::vector<std::string>& overrides) {
  return read_scenario(load_scenario_document(path, overrides));
}

}  // namespace finsim
