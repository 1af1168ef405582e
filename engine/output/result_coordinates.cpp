#include "output/result_coordinates.h"

#include "config/scenario_values.h"

namespace finsim {
namespace {

void region_codes(const ResultFrame& f, const std::vector<AreaInfo>& areas, std::vector<std::string>& code,
                  std::vector<std::string>& name) {
  for (const auto& a : areas) {
    const bool known = a.region >= 0 && static_cast<std::size_t>(a.region) < f.regions.size();
    code.push_back(known ? f.regions[static_cast<std::size_t>(a.region)].code : "");
    name.push_back(known ? f.regions[static_cast<std::size_t>(a.region)].name : "");
  }
}

}  // namespace

std::string month_label(int month_index) { return YearMonth::from_index(month_index).label(); }

void write_coordinates(const ResultFrame& f) {
  const auto& g = f.group;
  const Layout& l = f.layout;
  const auto& cfg = f.scenario.config;
  const auto& areas = f.areas;
  h5::define_dimension(g, "replication", std::span<const std::int32_t>(f.lead.replications));
  g.set_attribute("replication", "units", std::string("1"));
  g.set_attribute("replication", "long_name", std::string("replication index (random-number stream)"));

  std::vector<std::string> months;
  for (std::size_t m = 0; m < l.months; ++m) months.push_back(month_label(l.first_month + static_cast<int>(m)));
  f.label_dimension("month", months, "calendar month (YYYY-MM)");

  std::vector<std::int32_t> years;
  for (std::size_t y = 0; y < l.years; ++y) years.push_back(l.first_year + static_cast<std::int32_t>(y));
  h5::define_dimension(g, "year", std::span<const std::int32_t>(years));
  g.set_attribute("year", "units", std::string("1"));
  g.set_attribute("year", "long_name", std::string("calendar year (funding year)"));

  std::vector<std::string> names, kind, region_code, region_name;
  std::vector<std::int64_t> population;
  for (const auto& a : areas) {
    names.push_back(a.name);
    kind.push_back(a.forbund < 0 ? "no_forbund" : a.synthetic ? "synthetic" : "documented");
    population.push_back(a.population_16_64);
  }
  f.label_dimension(
      "forbund", names,
      "area: samordningsförbund (documented, then synthetic), then kommuner without a förbund per region");
  f.write_strings_1d("forbund_kind", kind, "forbund", "documented, synthetic or no_forbund");
  region_codes(f, areas, region_code, region_name);
  f.write_strings_1d("forbund_region", region_code, "forbund", "region (län) code of the area");
  f.write_strings_1d("forbund_region_name", region_name, "forbund", "region (län) name of the area");
  h5::write_array(g, "forbund_population_16_64", std::span<const std::int64_t>(population), {l.areas}, {"forbund"},
                  described("persons", "population aged 16-64 of the area's kommuner (SCB 2019-12-31)"));

  const std::vector<std::string> states(kStateLabels.begin(), kStateLabels.end());
  f.label_dimension("state", states, "person state in the pathway");
  f.label_dimension("from_state", states, "state a person moved from");
  f.label_dimension("to_state", states, "state a person moved to");

  std::vector<std::string> insats, label_sv, insats_kind;
  std::vector<std::int64_t> cost;
  for (const auto& t : cfg.insatser) {
    insats.push_back(t.name);
    label_sv.push_back(t.label_sv);
    insats_kind.push_back(t.structural ? "structural" : "individual");
    cost.push_back(t.cost_per_month);
  }
  f.label_dimension("insats", insats, "insats type (scenario key)");
  f.write_strings_1d("insats_label_sv", label_sv, "insats", "insats type, Swedish label");
  f.write_strings_1d("insats_kind", insats_kind, "insats", "individual or structural");
  if (!f.lead.points.empty()) {  // a sweep may vary the costs: one row per point
    cost.clear();
    for (const auto* p : f.lead.points)
      for (const auto& t : p->config.insatser) cost.push_back(t.cost_per_month);
  }
  h5::write_array(g, "insats_cost_per_month", std::span<const std::int64_t>(cost), f.per_point({l.insatser}),
                  f.per_point_dims({"insats"}), described("SEK", "cost per participant-month"));

  std::vector<std::string> payers, support, gone;
  for (int p = 0; p < kPayers; ++p) payers.push_back(payer_key(static_cast<Payer>(p)));
  for (int s = 0; s < kSupportSources; ++s) support.push_back(support_key(static_cast<SupportSource>(s)));
  gone.assign(kGoneReasonLabels.begin(), kGoneReasonLabels.end());
  f.label_dimension("payer", payers, "public payer");
  f.label_dimension("support", support, "main support source (public transfer)");
  f.label_dimension("gone_reason", gone, "reason for leaving the population");
}

}  // namespace finsim
