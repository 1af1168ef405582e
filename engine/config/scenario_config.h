// ScenarioConfig: the fully resolved, typed scenario — what the model reads, nothing else.
// Filled by read_scenario() from a resolved TOML document; every field has a documented key.
// The registry (config/parameters.cpp) is the one source of defaults: member initialisers only keep
// a default-constructed value meaningful and must equal it (tests/config/scenario_config_test.cpp).
#pragma once
#include <cmath>
#include <cstdint>
#include <iterator>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "util/money.h"

namespace finsim {

// A calendar month as a single integer (year*12 + month-1) so month arithmetic is plain subtraction.
struct YearMonth {
  int year = 2019;
  int month = 1;  // 1..12
  int index() const { return year * 12 + (month - 1); }
  static YearMonth from_index(int i) { return {i / 12, i % 12 + 1}; }
  // "2019-01": the label used in files, outputs and messages.
  std::string label() const { return std::to_string(year) + (month < 10 ? "-0" : "-") + std::to_string(month); }
  bool operator==(const YearMonth&) const = default;
};

struct ScenarioMeta {
  std::string name = "baseline";
  std::string description;
  YearMonth start{2019, 1};
  YearMonth end{2030, 12};
  std::uint32_t seed = 1;
  int replications = 10;
  // Years simulated before `start` and not reported, so the first reported month starts from a
  // settled population rather than from everyone in the target group (docs/model.md §5).
  int burn_in_years = 20;
  int months() const { return end.index() - start.index() + 1; }
  int first_year() const { return start.year; }
  int last_year() const { return end.year; }
  bool operator==(const ScenarioMeta&) const = default;
};

// --- Organisation -------------------------------------------------------------------------
struct KommunJoin {
  std::string kommun_code;   // SCB code, e.g. "0180"
  std::string forbund_name;  // an existing förbund
  bool operator==(const KommunJoin&) const = default;
};
struct ForbundMerge {
  std::vector<std::string> forbund;  // names of the förbund that merge
  std::string name;                  // name of the merged förbund
  bool operator==(const ForbundMerge&) const = default;
};
struct OrganisationConfig {
  std::string kommuner_csv = "data/kommuner.csv";  // relative to the scenario directory
  std::string forbund_csv = "data/forbund.csv";
  std::string unknown_membership = "regional";     // "regional" | "none"
  bool full_coverage = false;
  std::vector<KommunJoin> joins;
  std::vector<ForbundMerge> merges;
  bool operator==(const OrganisationConfig&) const = default;
};

// --- Funding ------------------------------------------------------------------------------
// State pot per year: piecewise constant from each listed year, then optional growth.
struct StatePot {
  std::map<int, Sek> allocation_sek;  // year -> pot from that year on
  double growth_per_year = 0.0;       // applied on top, compounding from the last listed year
  Sek pot_for(int year) const;
  bool operator==(const StatePot&) const = default;
};

struct DistributionParams {
  Sek base_amount = 400'000;          // grundtilldelning per förbund
  double weight_need = 0.75;          // försörjningsmått key weight
  double weight_population = 0.25;    // population 16–64 key weight
  double max_decrease = 0.10;         // spärr: largest yearly fall of an allocation
  bool cap_exempt_above_equity = true;
  double equity_reasonable_share = 0.25;  // reasonable equity as share of last year's contributions
  double equity_excess_reduction = 0.5;   // share of the excess equity deducted from the offer
  // Staircase (assumption): the first equity_small_band SEK of contributions count at the higher
  // equity_reasonable_share_small, the rest at equity_reasonable_share, so small förbund may keep more.
  double equity_reasonable_share_small = 0.40;
  Sek equity_small_band = 5'000'000;
  // Need indicator per kommun: "sa_ae_2018" | "long_sick_leave_2017" (län proxies from
  // need_by_lan_csv) | "kommuner_csv" (kommuner.csv's need_indicator column) | "none" (1 everywhere).
  std::string need_indicator = "sa_ae_2018";
  std::string need_by_lan_csv = "data/need_by_lan.csv";             // relative to the scenario's folder
  std::string state_allocations_csv = "data/state_allocations.csv";  // "" = no allocation history
  bool operator==(const DistributionParams&) const = default;
};

// The state offers only `factor` of the model's offer to every förbund of a region from a year on
// (a what-if cut or rise for one county); the money not offered is not passed to other förbund.
struct OfferFactor {
  std::string region;  // län code, "20"
  int from_year = 0;
  double factor = 1.0;
  bool operator==(const OfferFactor&) const = default;
};

// A party that stops raising its contribution: "region:01", "kommun:0180".
struct Freeze {
  std::string party;
  int from_year = 0;
  int level_of_year = 0;
  bool operator==(const Freeze&) const = default;
};
// An upper bound on a förbund's total budget in SEK from a year on.
struct BudgetCeiling {
  std::string forbund;
  int from_year = 0;
  Sek max_budget = 0;
  bool operator==(const BudgetCeiling&) const = default;
};
// Explicit split of a förbund's kommun quarter (otherwise by population 16–64).
struct KommunShare {
  std::string forbund;
  std::string kommun_code;
  double share = 0.0;
  bool operator==(const KommunShare&) const = default;
};
// The value of a year series ("{ 2016 = 0.10, 2025 = 0.5 }") in `year`: piecewise constant from
// each listed year, the first listed value before it.
inline double value_in_year(const std::map<int, double>& series, int year) {
  const auto it = series.upper_bound(year);
  return it == series.begin() ? it->second : std::prev(it)->second;
}

struct MemberWillingness {
  // Largest yearly rise of a contribution, piecewise constant from each listed year, so a scenario
  // can change willingness from a year on and stay identical to its baseline before it.
  std::map<int, double> region_max_growth{{2016, 0.10}};
  std::map<int, double> kommun_max_growth{{2016, 0.10}};
  double region_growth(int year) const { return value_in_year(region_max_growth, year); }
  double kommun_growth(int year) const { return value_in_year(kommun_max_growth, year); }
  std::vector<Freeze> freezes;
  std::vector<BudgetCeiling> ceilings;
  std::vector<KommunShare> kommun_shares;
  bool operator==(const MemberWillingness&) const = default;
};

struct BudgetUse {
  double admin_share = 0.12;
  double structural_share = 0.25;
  double equity_spend_max_share = 0.5;   // at most this share of opening equity spent in a year
  double initial_equity_share = 0.22;    // opening equity as share of first-year contributions
  bool operator==(const BudgetUse&) const = default;
};

struct FundingConfig {
  StatePot state;
  DistributionParams distribution;
  std::vector<OfferFactor> offer_factors;
  MemberWillingness members;
  BudgetUse budget;
  bool operator==(const FundingConfig&) const = default;
};

// --- Population ---------------------------------------------------------------------------
enum class SupportSource : std::uint8_t {
  SicknessBenefit = 0,     // sjukpenning (state via FK)
  ActivityCompensation,    // aktivitetsersättning (state via FK)
  SocialAssistance,        // ekonomiskt bistånd / försörjningsstöd (kommun)
  ActivitySupport,         // aktivitetsstöd in AF programmes (state via AF)
  NoIncome,                // no public transfer (family, savings)
  Count
};
inline constexpr int kSupportSources = static_cast<int>(SupportSource::Count);

enum Need : std::uint8_t {
  NeedMental = 1 << 0,
  NeedSomatic = 1 << 1,
  NeedSubstance = 1 << 2,
  NeedSocial = 1 << 3,    // social / NEET
  NeedLanguage = 1 << 4,
};
inline constexpr int kNeeds = 5;

struct PopulationConfig {
  std::string mode = "target";
  double target_group_size = 300'000;
  double scale = 1.0;                        // agents per person
  double inflow_per_year = 0.11;             // new members of the target group / initial stock
  std::vector<double> age_band_shares;       // over bands 16–19, 20–29, 30–39, 40–49, 50–64
  double female_share = 0.55;
  double born_abroad_share = 0.30;
  std::vector<double> support_shares;        // over SupportSource
  std::vector<double> need_shares;           // probability of each need (independent)
  double distance_effect = 0.5;              // beta: hazard multiplier exp(-beta * distance)
  double work_studies_per_month = 0.0065;    // baseline hazard, average person
  double studies_share = 0.25;               // of work-or-studies transitions, the share that are studies
  double job_seeking_per_month = 0.004;
  double sjukersattning_per_year = 0.02;
  double mortality_per_year = 0.004;
  double emigration_per_year = 0.004;
  double relapse_per_month = 0.006;          // from work / studies / job-seeking back to the target group
  double support_change_per_month = 0.02;
  double job_seeking_to_work_per_month = 0.02;  // job seeker finds work or studies (× job chance)
  double studies_to_work_per_month = 0.04;      // studies lead on to work
  bool operator==(const PopulationConfig&) const = default;
};

// How people reach a förbund. "capacity_responsive": partners identify people from the target
// group faster when the förbund has places to offer, and the förbund offers its free places to the
// people identified; "fixed_rate": the version 0.1 rule, a constant referral hazard (for comparison).
enum class ReferralMode : std::uint8_t { CapacityResponsive = 0, FixedRate };

struct ReferralConfig {
  ReferralMode mode = ReferralMode::CapacityResponsive;
  double rate_per_month = 0.008;                 // fixed_rate: referral hazard
  double identification_base_per_month = 0.004;  // identification hazard with no places to offer
  double identification_max_per_month = 0.04;    // most the partners can identify a month (saturation)
  double identification_response = 0.5;          // share of the förbund's unmet places identified a month
  double acceptable_wait_months = 3;             // partners refer to a list while its expected wait is shorter
  double agency_presence = 1.0;   // FK/AF staff presence index: scales referral and identification
  int max_wait_months = 6;
  int cooldown_months = 6;        // after leaving an insats, no new referral for this long
  bool operator==(const ReferralConfig&) const = default;
};

// Staffing new places and what structural insatser buy (docs/model.md §7).
struct CapacityConfig {
  int ramp_up_months = 6;                        // months until a year's extra places are all staffed
  double structural_identification_elasticity = 0.3;  // identification ∝ (structural money / first year's)^e
  double structural_outcome_elasticity = 0.1;          // work-or-studies chance at completion, likewise
  bool operator==(const CapacityConfig&) const = default;
};

// --- Insatser -----------------------------------------------------------------------------
struct InsatsType {
  std::string name;
  std::string label_sv;
  bool structural = false;
  bool enabled = true;
  Sek cost_per_month = 3000;         // per participant-month
  double mean_duration_months = 9;   // completion hazard = 1 / mean
  double dropout_per_month = 0.03;
  double p_work_studies = 0.31;      // at completion, for a person of average distance
  double p_job_seeking = 0.15;
  double budget_share = 0.1;         // share of the individual (or structural) budget
  int min_age = 16;
  int max_age = 64;
  std::uint8_t needs_any = 0;        // eligible if the person has any of these needs (0 = all)
  std::uint8_t support_any = 0;      // bitmask over SupportSource (0 = all)
  int project_years = 0;             // 0 = permanent; else ends unless a party takes it over
  double takeover_probability = 0.5;
  bool operator==(const InsatsType&) const = default;
};

struct PathwayEdge {
  std::string from;   // insats name
  std::string to;     // insats name the person is referred to on completion without work
  double probability = 0.0;
  bool operator==(const PathwayEdge&) const = default;
};

// --- Economics: payer ledger --------------------------------------------------------------
enum class Payer : std::uint8_t { State = 0, Region, Kommun, Count };
inline constexpr int kPayers = static_cast<int>(Payer::Count);

// The price level of costs relative to the year they are given in (2019): insatser, wages,
// transfers and health care cost price × their 2019 amount, while money (the state pot, the
// members' contributions, equity) is nominal. Piecewise constant from each listed year; after the
// last listed year it grows by growth_per_year a year, compounding. PriceLevel::flat() is 1 in
// every year.
struct PriceLevel {
  std::map<int, double> index{{2019, 1.0}, {2020, 1.005}, {2021, 1.0267}, {2022, 1.1126}, {2023, 1.2077}};
  double growth_per_year = 0.02;
  static PriceLevel flat() { return {{{2019, 1.0}}, 0.0}; }
  double at(int year) const {
    const auto last = std::prev(index.end());
    if (year > last->first) return last->second * std::pow(1.0 + growth_per_year, year - last->first);
    return value_in_year(index, year);
  }
  bool operator==(const PriceLevel&) const = default;
};

// An amount given at the 2019 price level, at `price` (whole kronor).
inline Sek priced(Sek amount, double price) {
  return static_cast<Sek>(std::llround(static_cast<double>(amount) * price));
}

struct CostConfig {
  PriceLevel prices;
  // Monthly public cost per person by support source, and who pays it.
  std::vector<Sek> support_cost_per_month;  // over SupportSource
  std::vector<Payer> support_payer;         // over SupportSource
  Sek health_care_per_month = 2'000;        // region, every target-group month
  Sek wage_per_month = 22'000;              // gross monthly wage on entry to work
  double tax_kommun = 0.207;
  double tax_region = 0.1149;
  double tax_state = 0.3142;                // employer fees (arbetsgivaravgifter), share of the wage
  double employer_fee_pension_share = 0.344;  // of the employer fees: pension, not state revenue
  Sek study_support_per_month = 3'000;      // state (CSN) while studying
  bool operator==(const CostConfig&) const = default;
};

struct ScenarioConfig {
  ScenarioMeta meta;
  std::string scenario_dir;  // directory of the top scenario file (data paths are relative to it)
  OrganisationConfig organisation;
  FundingConfig funding;
  PopulationConfig population;
  ReferralConfig referral;
  CapacityConfig capacity;
  std::vector<InsatsType> insatser;  // catalogue order = index used everywhere
  std::vector<PathwayEdge> pathway;
  CostConfig costs;
  bool operator==(const ScenarioConfig&) const = default;
};

}  // namespace finsim
