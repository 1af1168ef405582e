#include "population/synthesis.h"

#include <algorithm>
#include <cmath>
#include <numeric>


namespace finsim {

std::vector<std::uint32_t> initial_stock(const Geography& geo, const PopulationConfig& pop) {
  const std::size_t n = geo.kommuner.size();
  std::vector<long double> weight(n);
  long double total = 0;
  for (std::size_t k = 0; k < n; ++k) {
    weight[k] = static_cast<long double>(geo.kommuner[k].need) * geo.kommuner[k].population_16_64;
    total += weight[k];
  }
  const long double agents = std::llround(static_cast<long double>(pop.target_group_size) * pop.scale);
  std::vector<std::uint32_t> out(n, 0);
  if (total <= 0) return out;
  std::vector<long double> exact(n);
  std::vector<std::pair<long double, std::size_t>> remainder;
  long double assigned = 0;
  for (std::size_t k = 0; k < n; ++k) {
    exact[k] = agents * weight[k] / total;
    out[k] = static_cast<std::uint32_t>(std::floor(exact[k]));
    assigned += out[k];
    remainder.push_back({exact[k] - out[k], k});
  }
  std::stable_sort(remainder.begin(), remainder.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t i = 0; assigned < agents && i < remainder.size(); ++i, assigned += 1) ++out[remainder[i].second];
  return out;
}

std::vector<double> monthly_inflow(const std::vector<std::uint32_t>& stock, const PopulationConfig& pop) {
  std::vector<double> out;
  for (auto s : stock) out.push_back(static_cast<double>(s) * pop.inflow_per_year / 12.0);
  return out;
}

namespace {

double unit32(std::uint32_t x) { return static_cast<double>(x) * 0x1.0p-32; }

int pick(const std::vector<double>& shares, double u) {
  double cum = 0;
  for (std::size_t i = 0; i < shares.size(); ++i) {
    cum += shares[i];
    if (u < cum) return static_cast<int>(i);
  }
  return static_cast<int>(shares.size()) - 1;
}

constexpr int kBandStart[] = {16, 20, 30, 40, 50};
constexpr int kBandEnd[] = {19, 29, 39, 49, 64};

}  // namespace

std::size_t add_person(Agents& agents, RunKey key, int kommun, std::uint32_t serial, int month,
                       const PopulationConfig& pop, bool inflow) {
  const std::uint32_t id = agent_id(kommun, serial);
  const StreamRng rng(key, id, static_cast<std::uint32_t>(month));
  const Purpose purpose = inflow ? Purpose::InflowAttributes : Purpose::SynthesisAttributes;
  const auto a = rng.bits(purpose, 0);
  const auto b = rng.bits(purpose, 1);
  const auto c = rng.bits(purpose, 2);

  const int band = pick(pop.age_band_shares, unit32(a[0]));
  const int span_months = (kBandEnd[band] - kBandStart[band] + 1) * 12;
  const int age_months = kBandStart[band] * 12 + static_cast<int>(unit32(a[1]) * span_months);
  std::uint8_t traits = 0;
  if (unit32(a[2]) < pop.female_share) traits |= 1;
  if (unit32(a[3]) < pop.born_abroad_share) traits |= 2;
  std::uint8_t needs = 0;
  const double need_u[kNeeds] = {unit32(b[0]), unit32(b[1]), unit32(b[2]), unit32(b[3]), unit32(c[1])};
  for (int i = 0; i < kNeeds; ++i)
    if (need_u[i] < pop.need_shares[i]) needs |= static_cast<std::uint8_t>(1u << i);
  const int support = pick(pop.support_shares, unit32(c[0]));
  const double distance = rng.normal(Purpose::SynthesisDistance, inflow ? 1 : 0);
  const double beta = pop.distance_effect;
  const float chance = static_cast<float>(std::exp(-beta * distance - beta * beta / 2.0));
  return agents.add(id, static_cast<std::uint16_t>(kommun), static_cast<std::int16_t>(month - age_months), traits, needs,
                    static_cast<std::uint8_t>(support), chance, static_cast<std::int16_t>(month));
}

}  // namespace finsim
