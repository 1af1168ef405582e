// The registry's rows. Sources are short citations; docs/model.md has the full references
// (docs/model.md, References). An empty source marks an assumption.
#include "config/parameters.h"

#include <algorithm>

#include "util/text.h"

namespace finsim {
namespace {

using T = ParamType;

// Sources used more than once.
constexpr const char* kFkMemo = "FK memo Fördelningsmodell 2015-01-22 (FK90010_006_G); finsam.se statens-fordelningsmodell";
constexpr const char* kLaw = "Lag (2003:1210) om finansiell samordning; finsam.se finansiering-fran-parterna";
constexpr const char* kLever = "Finsim convention (a scenario lever: the question asked, not a fact)";
constexpr const char* kScb = "SCB folkmängd 2019-12-31 (scenarios/data/README.md)";

struct Insats {
  const char* name;
  const char* label_sv;
  const char* kind;
  const char* cost;
  const char* duration;
  const char* dropout;
  const char* p_ws;
  const char* p_js;
  const char* share;
  const char* min_age;
  const char* max_age;
  const char* needs;
  const char* effect_source;  // source of p_work_studies, "" = assumption
  const char* what;           // what the sources say the insats is
};

// The default catalogue: the insats types the sources name (docs/sources.md#insats-types). Costs, durations and
// dropout are not published nationally: all assumptions, calibrated jointly (docs/model.md §7).
const Insats kCatalogue[] = {
    {"coordination_team", "Samordningsteam", "individual", "2250", "12", "0.02", "0.50", "0.19", "0.32",
     "16", "64", "[]", "", "multi-party coordination teams (Malmökraften, Göteborg, Insjöriket); finsam.se 2022-12-02"},
    {"ips", "IPS (Individual Placement and Support)", "individual", "3900", "18", "0.015", "0.46", "0.10", "0.10",
     "18", "64", "[\"mental\"]", "Bejerholm et al. 2015, Nord J Psychiatry 69:57-66 (46 % in work at 18 months)",
     "IPS integrated in psychosis care; seed 004"},
    {"activity_centre", "Aktivitetsplats", "individual", "2600", "9", "0.03", "0.28", "0.15", "0.20",
     "16", "64", "[\"mental\", \"somatic\", \"substance\"]", "", "activity centres for people with ill-health; seed 004"},
    {"young_neet", "Unga utanför arbete och studier", "individual", "3050", "9", "0.03", "0.48", "0.15", "0.15",
     "16", "29", "[]", "SEED trial (Norway, young NEET on benefits): 48 % in work within 12 months",
     "programmes for young people not in work or studies (DEV); seed 004"},
    {"sfi_support", "Samordnat stöd på SFI", "individual", "2600", "9", "0.03", "0.42", "0.17", "0.05",
     "16", "64", "[\"language\"]", "", "coordinated support in alternative SFI; seed 004"},
    {"work_training", "Arbetsträning", "individual", "3050", "6", "0.03", "0.53", "0.22", "0.15",
     "16", "64", "[]", "", "work-oriented insatser; FK 2012 report"},
    {"coordinated_assessment", "Samordnad kartläggning", "individual", "2200", "3", "0.02", "0.18", "0.18", "0.03",
     "16", "64", "[]", "", "joint assessment by several parties before a longer insats"},
    {"structural", "Strukturövergripande insatser", "structural", "1500", "1", "0.0", "0.0", "0.0", "1.0",
     "16", "64", "[]", "", "joint training, conferences, process support; finsam.se 2021-02-24"},
};

std::vector<ParamSpec> build_specs() {
  std::vector<ParamSpec> s;
  std::vector<std::pair<std::string, std::string>> excluded;  // numeric assumptions a study does not draw, and why
  auto add = [&](std::string key, T type, std::string def, std::string unit, std::string meaning,
                 std::string source, std::string range = "") {
    s.push_back({std::move(key), type, std::move(def), std::move(unit), std::move(meaning),
                 std::move(source), std::move(range)});
  };

  // [scenario]
  add("inherits", T::String, "\"\"", "path", "scenario file this one overlays (relative to this file)", "Finsim convention");
  add("scenario.name", T::String, "\"baseline\"", "", "name of the scenario; the HDF5 group name", "Finsim convention");
  add("scenario.description", T::String, "\"\"", "", "one line on what the scenario asks", "Finsim convention");
  add("scenario.start", T::String, "\"2019-01\"", "YYYY-MM", "first simulated month (a January: a run covers whole calendar years)", "Finsim convention (2019: the year of the calibration targets, docs/model.md §9.1)");
  add("scenario.end", T::String, "\"2030-12\"", "YYYY-MM", "last simulated month (a December)", "Finsim convention");
  add("scenario.seed", T::Integer, "1", "", "random seed (0 … 4294967295); with the replication it keys every draw", "Finsim convention");
  add("scenario.replications", T::Integer, "10", "", "number of replications", "Finsim convention");
  add("scenario.burn_in_years", T::Integer, "20", "years",
      "years simulated before scenario.start with the first year's funding, not reported, so the reported years start from a settled population (0 = start with everyone in the target group)",
      "", "20–40 (docs/model.md §5: from 20 years the 2019 targets and the +50 % headline are within simulation noise of 30 years and the target group moves < 1 % a year)");

  // [organisation]
  add("organisation.kommuner_csv", T::String, "\"data/kommuner.csv\"", "path", "kommuner file, relative to the scenario file's folder", kScb);
  add("organisation.forbund_csv", T::String, "\"data/forbund.csv\"", "path", "förbund file, relative to the scenario file's folder", "scenarios/data/README.md");
  add("organisation.unknown_membership", T::String, "\"regional\"", "regional|none",
      "kommuner whose membership is unknown: one synthetic förbund per region (regional) or non-members (none)", "",
      "regional or none (docs/model.md §6: regional gives 284 members, none 183; finsam.se 2019: 260 of 290, SKR 2024: 274)");
  add("organisation.full_coverage", T::Boolean, "false", "",
      "every non-member kommun joins the förbund of its region with most members (a new synthetic förbund if none)", "seed 003 (all kommuner)");
  add("organisation.join", T::TableArray, "", "", "a kommun joins an existing förbund (leaving any other)", "Finsim convention");
  add("organisation.join[].kommun", T::String, "\"\"", "SCB code", "kommun that joins", kLever);
  add("organisation.join[].forbund", T::String, "\"\"", "name", "förbund it joins", kLever);
  add("organisation.merge", T::TableArray, "", "", "förbund that merge into one", "docs/sources.md#forbund-and-members (mergers)");
  add("organisation.merge[].forbund", T::StringList, "[]", "names", "förbund that merge", kLever);
  add("organisation.merge[].name", T::String, "\"\"", "name", "name of the merged förbund", kLever);

  // [funding.state]
  add("funding.state.allocation_msek", T::YearSeries, "{ 2016 = 339.0 }", "MSEK/year",
      "state pot per year, piecewise constant from each listed year", "280 MSEK 2012–2015 (FK report 2012; interpellation 2014/15:709), 339 MSEK 2016–2023 (finsam.se 2015-09-23; ISF via Syre 2023)");
  add("funding.state.growth_per_year", T::Number, "0.0", "share/year", "growth of the pot after the last listed year", "Finsim convention (0 = flat, as 2016–2023)");

  // [funding.distribution]
  add("funding.distribution.base_amount_msek", T::Number, "0.4", "MSEK", "base amount (grundtilldelning) per förbund", kFkMemo);
  add("funding.distribution.weight_need", T::Number, "0.75", "share", "weight of the försörjningsmått key", kFkMemo);
  add("funding.distribution.weight_population", T::Number, "0.25", "share", "weight of the population 16–64 key", kFkMemo);
  add("funding.distribution.max_decrease", T::Number, "0.10", "share",
      "largest fall of an allocation from one year to the next (spärr)", "",
      "0.05–0.20 (the FK memo's 10 % for 2016–2017; that it was kept after is the assumption)");
  add("funding.distribution.cap_exempt_above_equity", T::Boolean, "true", "", "förbund with equity above the reasonable level lose the cap", kFkMemo);
  add("funding.distribution.equity_reasonable_share", T::Number, "0.25", "share of contributions",
      "reasonable equity (the staircase is not published)", "", "0.20–0.30 (VG 2017 ratio 0.22)");
  add("funding.distribution.equity_reasonable_share_small", T::Number, "0.40", "share of contributions",
      "staircase: reasonable equity on the first equity_small_band_msek of contributions (small förbund may keep more)", "", "0.25–0.60 (FK staircase by size exists, levels unpublished)");
  add("funding.distribution.equity_small_band_msek", T::Number, "5.0", "MSEK",
      "staircase: contributions counted at equity_reasonable_share_small", "", "2–10");
  add("funding.distribution.need_indicator", T::String, "\"sa_ae_2018\"", "sa_ae_2018|long_sick_leave_2017|kommuner_csv|none",
      "need indicator of the 75 % key: a PROXY for försörjningsmått, the län value relative to riket for every kommun of the län "
      "(sa_ae_2018: sjuk-/aktivitetsersättning per 1000 insured 2018; long_sick_leave_2017: sick-leave cases > 60 days per 1000 aged 16–64 2017; "
      "kommuner_csv: kommuner.csv's need_indicator column; none: 1 everywhere)",
      "PROXY for försörjningsmått (ill-health part only, one value per län): Försäkringskassan via Regionfakta, scenarios/data/need_by_lan.csv (scenarios/data/README.md)");
  add("funding.distribution.need_by_lan_csv", T::String, "\"data/need_by_lan.csv\"", "path", "need indicators per län, relative to the scenario file's folder", "scenarios/data/README.md");
  add("funding.distribution.state_allocations_csv", T::String, "\"data/state_allocations.csv\"", "path",
      "allocation history: years listed are used as given, the key and spärr apply from a förbund's first missing year (\"\" = none)", "scenarios/data/README.md (derived figures flagged)");
  add("funding.distribution.equity_excess_reduction", T::Number, "0.5", "share of excess",
      "share of equity above the reasonable level deducted from the next offer", "", "0–1");

  add("funding.offer_factor", T::TableArray, "", "", "the state offers a share of the model's offer to every förbund of a region (what-if); the rest is not passed on", "Finsim convention");
  add("funding.offer_factor[].region", T::String, "\"\"", "län code", "region whose förbund are affected", kLever);
  add("funding.offer_factor[].from", T::Integer, "0", "year", "first year", kLever);
  add("funding.offer_factor[].factor", T::Number, "1.0", "share", "share of the offer", kLever);

  // [funding.members]
  add("funding.members.region_max_growth", T::YearSeries, "{ 2016 = 0.10 }", "share/year", "largest yearly rise of a region's contribution", "", "0.05–0.5 (Stockholm plan +50 %, +14 %: seed 004)");
  add("funding.members.kommun_max_growth", T::YearSeries, "{ 2016 = 0.10 }", "share/year", "largest yearly rise of a kommun's contribution", "", "0.05–0.5 (seed 000: Dalarna ready to match more)");
  add("funding.freeze", T::TableArray, "", "", "a party keeps its contribution at an earlier year's level", "seed 004 (Region Stockholm kept its 2019 level)");
  add("funding.freeze[].party", T::String, "\"\"", "region:CC|kommun:CCCC", "the party that freezes", kLever);
  add("funding.freeze[].from", T::Integer, "0", "year", "first frozen year", kLever);
  add("funding.freeze[].level_of", T::Integer, "0", "year", "year whose contribution is kept", kLever);
  add("funding.ceiling", T::TableArray, "", "", "an upper bound on a förbund's total budget", "Finsim convention");
  add("funding.ceiling[].forbund", T::String, "\"\"", "name", "förbund", kLever);
  add("funding.ceiling[].from", T::Integer, "0", "year", "first year the ceiling applies", kLever);
  add("funding.ceiling[].max_budget_msek", T::Number, "0.0", "MSEK", "ceiling on the total budget", kLever);
  add("funding.kommun_share", T::TableArray, "", "", "explicit split of a förbund's kommun quarter (default: by population 16–64)", kLaw);
  add("funding.kommun_share[].forbund", T::String, "\"\"", "name", "förbund", kLever);
  add("funding.kommun_share[].kommun", T::String, "\"\"", "SCB code", "member kommun", kLever);
  add("funding.kommun_share[].share", T::Number, "0.0", "share", "its share of the kommun quarter", kLever);

  // [funding.budget]
  add("funding.budget.admin_share", T::Number, "0.12", "share of budget", "förbund office and administration", "", "0.10–0.15");
  add("funding.budget.structural_share", T::Number, "0.25", "share of budget",
      "structural insatser (about half of insatser by count are structural: docs/sources.md#participants-and-insatser)", "", "0.15–0.35");
  add("funding.budget.equity_spend_max_share", T::Number, "0.5", "share/year", "largest share of equity above the reserve (equity_reasonable_share of the budget) spent in a year", "", "0.2–1.0");
  add("funding.budget.initial_equity_share", T::Number, "0.22", "share of contributions", "opening equity in the first year",
      "docs/sources.md#state-distribution-model: VG 2017 equity 36.2 / contributions 165.5 MSEK [D]");

  // [population]
  add("population.mode", T::String, "\"target\"", "target", "agents are the target group (general mode is not implemented yet)", "Finsim convention (the general mode: docs/model.md §10)");
  add("population.target_group_size", T::Number, "300000.0", "persons", "people in need of coordinated rehabilitation",
      "prop. 2002/03:132 via seed 001 (300 000); ISF 2023: 280 000–500 000", "280 000–500 000");
  add("population.scale", T::Number, "1.0", "agents/person", "agents per person; outputs are scaled back", "Finsim convention");
  add("population.inflow_per_year", T::Number, "0.11", "share of initial stock/year", "new members of the target group a year", "", "0.10–0.25 (set so the stock stays about level)");
  add("population.female_share", T::Number, "0.55", "share", "women in the target group", "", "0.50–0.60 (FK 2012: 57 % of those ending an insats were women)");
  add("population.born_abroad_share", T::Number, "0.30", "share", "born abroad", "", "0.2–0.4");
  add("population.age.16_19", T::Number, "0.08", "share", "age band 16–19 at start", "", "0.05–0.12");
  add("population.age.20_29", T::Number, "0.27", "share", "age band 20–29 at start", "", "0.20–0.35 (AF 2019: young people on aktivitetsersättning are a main group)");
  add("population.age.30_39", T::Number, "0.23", "share", "age band 30–39 at start", "", "0.18–0.28");
  add("population.age.40_49", T::Number, "0.21", "share", "age band 40–49 at start", "", "0.16–0.26");
  add("population.age.50_64", T::Number, "0.21", "share", "age band 50–64 at start", "", "0.15–0.30");
  add("population.support.sickness_benefit", T::Number, "0.22", "share", "on sjukpenning at start", "", "0.15–0.30 (SCB helårsekvivalenter 2019 as a guide)");
  add("population.support.activity_compensation", T::Number, "0.15", "share", "on aktivitetsersättning at start", "", "0.10–0.20");
  add("population.support.social_assistance", T::Number, "0.30", "share", "on ekonomiskt bistånd at start", "", "0.20–0.40");
  add("population.support.activity_support", T::Number, "0.18", "share", "on aktivitetsstöd (AF programmes) at start", "", "0.12–0.25");
  add("population.support.no_income", T::Number, "0.15", "share", "no public transfer at start", "", "0.08–0.22");
  add("population.needs.mental", T::Number, "0.60", "probability", "has mental ill-health", "", "0.5–0.7 (AF 2019: mental ill-health dominates among participants)");
  add("population.needs.somatic", T::Number, "0.30", "probability", "has somatic ill-health", "", "0.2–0.4");
  add("population.needs.substance", T::Number, "0.15", "probability", "has substance use problems", "", "0.1–0.2");
  add("population.needs.social", T::Number, "0.25", "probability", "social needs / NEET", "", "0.15–0.35");
  add("population.needs.language", T::Number, "0.15", "probability", "needs Swedish language support", "", "0.1–0.2");
  add("population.distance_effect", T::Number, "0.5", "1/sd", "how strongly the latent distance to the labour market lowers job chances", "", "0.25–1.0");
  add("population.work_studies_per_month", T::Number, "0.0065", "probability/month",
      "baseline chance of work or studies without an insats (average person)", "",
      "0.003–0.01 (Bejerholm 2015 control arm: 11 % in work at 18 months, 1-(1-h)^18 = 0.11 gives 0.0065)");
  add("population.studies_share", T::Number, "0.25", "share", "share of work-or-studies transitions that are studies",
      "", "0.15–0.40 (SUS reports work and studies together)");
  add("population.job_seeking_per_month", T::Number, "0.004", "probability/month", "baseline chance of becoming an active job seeker", "", "0.002–0.008");
  add("population.sjukersattning_per_year", T::Number, "0.02", "probability/year", "moves to permanent sjukersättning (leaves the model)", "", "0.01–0.04");
  add("population.mortality_per_year", T::Number, "0.004", "probability/year", "death", "", "0.002–0.006");
  add("population.emigration_per_year", T::Number, "0.004", "probability/year", "emigration", "", "0.002–0.008");
  add("population.relapse_per_month", T::Number, "0.006", "probability/month", "from work, studies or job seeking back to the target group", "", "0.005–0.02");
  add("population.support_change_per_month", T::Number, "0.02", "probability/month", "redraw of the support source from the shares while in the target group (a real change at this × (1 − the current share))", "", "0.01–0.04");
  add("population.job_seeking_to_work_per_month", T::Number, "0.02", "probability/month",
      "an active job seeker finds work or studies (scaled by the person's job chance)", "", "0.01–0.05");
  add("population.studies_to_work_per_month", T::Number, "0.04", "probability/month",
      "studies lead on to work (mean time in studies 1/h months)", "", "0.02–0.08 (studies of 1–4 years)");

  // [referral]
  add("referral.mode", T::String, "\"capacity_responsive\"", "capacity_responsive|fixed_rate",
      "how people reach a förbund: identified faster when places are free, then offered the free places (capacity_responsive), or referred at a constant rate whatever the places (fixed_rate, version 0.1)",
      "Finsim convention (docs/model.md §7.6)");
  add("referral.rate_per_month", T::Number, "0.008", "probability/month", "fixed_rate only: chance a target-group member in a förbund area is referred", "", "0.004–0.016 (calibrated in version 0.1)");
  add("referral.identification_base_per_month", T::Number, "0.004", "probability/month",
      "chance a target-group member is identified by a partner (FK, AF, kommun, region) when the förbund has no places to offer", "", "0.002–0.01 (calibrated: docs/model.md §9)");
  add("referral.identification_max_per_month", T::Number, "0.04", "probability/month",
      "most a month's identification can reach: the partners' screening capacity (saturation)", "", "0.02–0.08");
  add("referral.identification_response", T::Number, "0.5", "share/month",
      "share of the förbund's places not covered by identified people that partners identify people for each month", "", "0.2–1.0");
  add("referral.acceptable_wait_months", T::Number, "3.0", "months",
      "partners refer to a waiting list while its expected wait is shorter than this", "", "1–6");
  add("referral.agency_presence", T::Number, "1.0", "index", "FK/AF staff presence; scales referral and identification (seed 000: AF withdrawal)", "", "0.5–1.0");
  add("referral.max_wait_months", T::Integer, "6", "months", "longest wait on a waiting list before giving up", "", "3–12");
  add("referral.cooldown_months", T::Integer, "6", "months", "no new referral this long after leaving an insats", "", "3–12");

  // [capacity]
  add("capacity.ramp_up_months", T::Integer, "6", "months",
      "a year's extra places are staffed evenly over this many months (new staff must be hired); fewer places apply at once", "", "3–12");
  add("capacity.structural_identification_elasticity", T::Number, "0.3", "elasticity",
      "structural insatser (outreach, shared routines) raise identification: ∝ (structural money / the förbund's first-year level)^e", "", "0–0.6");
  add("capacity.structural_outcome_elasticity", T::Number, "0.1", "elasticity",
      "structural insatser raise the work-or-studies chance at completion: ∝ (structural money / first-year level)^e", "", "0–0.2");

  // [insats.<name>] — pattern rows for any insats a scenario adds, then the default catalogue.
  add("insats.*.label_sv", T::String, "\"\"", "", "Swedish name", "Finsim convention");
  add("insats.*.kind", T::String, "\"individual\"", "individual|structural", "individual insatser have participants; structural ones do not", "docs/sources.md#insats-types");
  add("insats.*.enabled", T::Boolean, "true", "", "whether förbund fund this insats", kLever);
  add("insats.*.cost_sek_per_month", T::Integer, "3000", "SEK/participant-month", "cost per participant-month", "", "1 500–6 000");
  add("insats.*.mean_duration_months", T::Number, "9.0", "months", "mean time to completion", "", "3–24 (docs/sources.md#assumptions: placeholder 9)");
  add("insats.*.dropout_per_month", T::Number, "0.03", "probability/month", "dropout while in the insats", "", "0.01–0.05");
  add("insats.*.p_work_studies", T::Number, "0.31", "probability", "work or studies at completion (average person)", "", "0.18–0.53 (the default catalogue's span)");
  add("insats.*.p_job_seeking", T::Number, "0.15", "probability", "active job seeker at completion", "", "0.10–0.22 (the default catalogue's span)");
  add("insats.*.budget_share", T::Number, "0.1", "share", "share of the individual (or structural) budget", "", "0–1 (a composition with the other insatser of its kind)");
  add("insats.*.min_age", T::Integer, "16", "years", "youngest eligible", "docs/sources.md#legal-frame: 16–64");
  add("insats.*.max_age", T::Integer, "64", "years", "oldest eligible", "docs/sources.md#legal-frame: 16–64");
  add("insats.*.needs", T::StringList, "[]", "mental|somatic|substance|social|language", "eligible if any of these needs (empty = all)", kLever);
  add("insats.*.support", T::StringList, "[]", "support sources", "eligible if on one of these (empty = all)", kLever);
  add("insats.*.project_years", T::Integer, "0", "years", "a project ends after this many years unless a party takes it over (0 = permanent)",
      "ISF 2019:1 (projects hard to take over)");
  add("insats.*.takeover_probability", T::Number, "0.5", "probability", "chance a party takes a project over", "", "0.2–0.8");
  for (const auto& c : kCatalogue) {
    const std::string p = std::string("insats.") + c.name + ".";
    add(p + "label_sv", T::String, std::string("\"") + c.label_sv + "\"", "", c.what, "docs/sources.md#insats-types");
    add(p + "kind", T::String, std::string("\"") + c.kind + "\"", "individual|structural", "individual or structural", "docs/sources.md#insats-types");
    add(p + "enabled", T::Boolean, "true", "", "funded in the baseline", kLever);
    add(p + "cost_sek_per_month", T::Integer, c.cost, "SEK/participant-month", "cost per participant-month", "", "±40 %");
    const bool ips = std::string(c.name) == "ips";
    add(p + "mean_duration_months", T::Number, std::string(c.duration) + ".0", "months", "mean time to completion", "",
        ips ? "12–24 (Bejerholm 2015 followed up at 18 months)" : "3–24");
    add(p + "dropout_per_month", T::Number, c.dropout, "probability/month", "dropout while in the insats", "", "0.01–0.05");
    add(p + "p_work_studies", T::Number, c.p_ws, "probability", "work or studies at completion (average person)", c.effect_source,
        *c.effect_source ? "" : "±30 % (calibrated jointly to 31 % of exits, docs/sources.md#outcomes)");
    add(p + "p_job_seeking", T::Number, c.p_js, "probability", "job seeker at completion", "",
        "±30 % (calibrated jointly to 15 % of exits, docs/sources.md#outcomes)");
    add(p + "budget_share", T::Number, c.share, "share", "share of the individual (structural) budget", "", "±50 % (a composition with the other insatser of its kind)");
    // The law's 16–64 is sourced; a narrower band of one type (IPS for adults, young_neet for the
    // young) is the catalogue's assumption.
    const bool law_min = std::string(c.min_age) == "16", law_max = std::string(c.max_age) == "64";
    add(p + "min_age", T::Integer, c.min_age, "years", "youngest eligible", law_min ? "docs/sources.md#legal-frame" : "",
        law_min ? "" : "16–20 (IPS integrated in psychosis care, seed 004)");
    add(p + "max_age", T::Integer, c.max_age, "years", "oldest eligible", law_max ? "docs/sources.md#legal-frame" : "",
        law_max ? "" : "24–29 (programmes for young people not in work or studies, seed 004)");
    add(p + "needs", T::StringList, c.needs, "mental|somatic|substance|social|language", "eligible needs (empty = all)", "docs/sources.md#insats-types (whom the insats is for)");
    if (std::string(c.kind) == "structural")
      for (const char* k : {"mean_duration_months", "dropout_per_month", "p_work_studies", "p_job_seeking"})
        excluded.emplace_back(p + k, "not used: a structural insats has no participants");
  }

  // [[pathway.edge]]
  add("pathway.edge", T::TableArray, "", "", "on completion without work, referral on to another insats", kLever);
  add("pathway.edge[].from", T::String, "\"\"", "insats", "insats completed", kLever);
  add("pathway.edge[].to", T::String, "\"\"", "insats", "insats referred to", kLever);
  add("pathway.edge[].probability", T::Number, "0.0", "probability", "chance of that referral", "", "0–1 (no edges by default: docs/model.md §7.9)");

  // [costs] — payer ledger (docs/model.md §7.10). The split of costs across payers is not published.
  add("costs.price_index", T::YearSeries, "{ 2019 = 1.0, 2020 = 1.005, 2021 = 1.0267, 2022 = 1.1126, 2023 = 1.2077 }",
      "× 2019 prices", "price level of every cost (insatser, wages, transfers, health care) against 2019, in which they are given; money stays nominal",
      "SCB KPI annual averages (1980 = 100, fastställda tal) 2019 334.26, 2020 335.92, 2021 343.19, 2022 371.91, 2023 403.70, each ÷ 2019's (docs/sources.md#prices)");
  add("costs.price_growth_per_year", T::Number, "0.02", "share/year", "growth of the price level after the last listed year", "",
      "0.01–0.035 (the Riksbank's 2 % inflation target; staff costs have risen faster, wages about 3 % a year)");
  add("costs.support.sickness_benefit.sek_per_month", T::Integer, "15000", "SEK/month", "sjukpenning paid", "", "12 000–20 000");
  add("costs.support.sickness_benefit.payer", T::String, "\"state\"", "payer", "who pays it", "FK pays sjukpenning (state)");
  add("costs.support.activity_compensation.sek_per_month", T::Integer, "10000", "SEK/month", "aktivitetsersättning paid", "", "9 000–12 000");
  add("costs.support.activity_compensation.payer", T::String, "\"state\"", "payer", "who pays it", "FK pays aktivitetsersättning (state)");
  add("costs.support.social_assistance.sek_per_month", T::Integer, "8000", "SEK/month", "ekonomiskt bistånd paid", "", "6 000–10 000");
  add("costs.support.social_assistance.payer", T::String, "\"kommun\"", "payer", "who pays it", "Socialtjänstlagen: kommun pays ekonomiskt bistånd");
  add("costs.support.activity_support.sek_per_month", T::Integer, "10000", "SEK/month", "aktivitetsstöd and programme cost", "", "8 000–14 000");
  add("costs.support.activity_support.payer", T::String, "\"state\"", "payer", "who pays it", "AF pays aktivitetsstöd (state)");
  add("costs.support.no_income.sek_per_month", T::Integer, "0", "SEK/month", "no transfer", "Finsim convention");
  add("costs.support.no_income.payer", T::String, "\"kommun\"", "payer", "who would pay", "Finsim convention");
  add("costs.health_care_sek_per_month", T::Integer, "2000", "SEK/month", "extra health care per target-group month (region)", "", "1 000–4 000");
  add("costs.wage_sek_per_month", T::Integer, "22000", "SEK/month", "gross wage on entry to work", "", "18 000–28 000");
  add("costs.tax_kommun", T::Number, "0.207", "share of wage", "kommunal income tax", "", "0.19–0.22 (SCB average kommunalskatt 2019 about 20.7 %; where the participants live is not known)");
  add("costs.tax_region", T::Number, "0.1149", "share of wage", "regional income tax", "", "0.108–0.12 (SCB average regionskatt 2019 about 11.5 %)");
  add("costs.tax_state", T::Number, "0.3142", "share of wage", "employer fees (arbetsgivaravgifter): state revenue except their pension part", "", "0.25–0.3142 (arbetsgivaravgift 31.42 % in 2019; lower rates for some new hires and the youngest)");
  add("costs.employer_fee_pension_share", T::Number, "0.344", "share of costs.tax_state",
      "part of the employer fees that is pension contributions: shown apart, not counted as state revenue",
      "Socialavgiftslagen (2000:980) 2 kap. 26 §, rates 2019: ålderspensionsavgift 10.21 % + efterlevandepensionsavgift 0.60 % of 31.42 %");
  add("costs.study_support_sek_per_month", T::Integer, "3000", "SEK/month", "net state cost of study support (CSN)", "", "2 000–5 000");

  // Priors for finsim study (docs/uncertainty.md): from each row's range, except these.
  excluded.emplace_back("scenario.burn_in_years", "a numerical setting of the run, not a fact about Finsam (docs/model.md §5)");
  const char* kComposition = "one share of a composition that sums to 1";
  for (auto& spec : s) {
    std::string why;
    for (const auto& [key, reason] : excluded)
      if (spec.key == key) why = reason;
    const bool share = spec.key.starts_with("population.age.") || spec.key.starts_with("population.support.") ||
                       (spec.key.starts_with("insats.") && spec.key.ends_with(".budget_share"));
    if (share && spec.key.find('*') == std::string::npos) why = kComposition;
    spec.prior = derive_prior(spec, why);
  }
  return s;
}

bool matches(std::string_view pattern, std::string_view key) {
  // Segment-wise: "*" matches any one segment.
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < pattern.size() && j < key.size()) {
    const auto pi = pattern.find('.', i);
    const auto kj = key.find('.', j);
    const auto pseg = pattern.substr(i, pi == std::string_view::npos ? std::string_view::npos : pi - i);
    const auto kseg = key.substr(j, kj == std::string_view::npos ? std::string_view::npos : kj - j);
    if (pseg != "*" && pseg != kseg) return false;
    if ((pi == std::string_view::npos) != (kj == std::string_view::npos)) return false;
    if (pi == std::string_view::npos) return true;
    i = pi + 1;
    j = kj + 1;
  }
  return i >= pattern.size() && j >= key.size();
}

}  // namespace

const std::vector<ParamSpec>& parameter_specs() {
  static const std::vector<ParamSpec> specs = build_specs();  // immutable table, built once
  return specs;
}

std::string normalise_key(std::string_view key) {
  std::string out;
  for (std::size_t i = 0; i < key.size(); ++i) {
    if (key[i] == '[') {
      out += "[]";
      while (i < key.size() && key[i] != ']') ++i;
    } else {
      out += key[i];
    }
  }
  return out;
}

const ParamSpec* find_spec(std::string_view key) {
  const std::string k = normalise_key(key);
  const auto& specs = parameter_specs();
  for (const auto& s : specs)
    if (s.key == k) return &s;
  for (const auto& s : specs)
    if (s.key.find('*') != std::string::npos && matches(s.key, k)) return &s;
  return nullptr;
}

std::vector<std::string> known_keys() {
  std::vector<std::string> out;
  for (const auto& s : parameter_specs()) out.push_back(s.key);
  return out;
}

const char* type_name(ParamType t) {
  switch (t) {
    case ParamType::Integer: return "an integer";
    case ParamType::Number: return "a number";
    case ParamType::Boolean: return "true or false";
    case ParamType::String: return "a string";
    case ParamType::StringList: return "a list of strings";
    case ParamType::YearSeries: return "a table of year = value";
    case ParamType::TableArray: return "an array of tables ([[...]])";
  }
  return "?";
}

}  // namespace finsim
