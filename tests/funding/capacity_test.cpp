// Capacity: monthly slots per insats type from the individual money, structural places, and the
// keyed draw that decides whether a project is taken over.
#include <catch2/catch.hpp>

#include "funding/capacity.h"
#include "util/error.h"

using namespace finsim;

namespace {

InsatsType insats(const std::string& name, bool structural, Sek cost, double share, bool enabled = true) {
  InsatsType t;
  t.name = name;
  t.structural = structural;
  t.cost_per_month = cost;
  t.budget_share = share;
  t.enabled = enabled;
  return t;
}

// 0 samtal (individual, 5 000/month, share 0.5), 1 ips (individual, 8 000, 0.3),
// 2 nätverk (structural, 20 000, 1.0), 3 kurs (individual, 4 000, 0.2).
std::vector<InsatsType> catalogue() {
  return {insats("samtal", false, 5'000, 0.5), insats("ips", false, 8'000, 0.3),
          insats("natverk", true, 20'000, 1.0), insats("kurs", false, 4'000, 0.2)};
}

}  // namespace

TEST_CASE("capacity: slots from the individual money and the equity draw", "[funding]") {
  // Month money: (2 520 000 + 440 000) / 12 = 246 666 (8 SEK of the year are not spent).
  // All four run: samtal floor(246 666 × 0.5) = 123 333 → 24 slots; ips floor(73 999.8) = 73 999 →
  // 9 slots; kurs floor(49 333.2) = 49 333 → 12 slots. Structural: 1 000 000 / 12 = 83 333 →
  // floor(83 333 / 20 000) = 4 places. The 6 666 left after whole slots buys one more slot for the
  // type closest to its next one: samtal (24.67 → fraction .67) → 25; 1 666 is too little for more.
  const Capacity c = monthly_capacity(2'520'000, 440'000, 1'000'000, catalogue(), {true, true, true, true});
  CHECK(c.month_money == 246'666);
  CHECK(c.monthly_slots == std::vector<int>{25, 9, 0, 12});
  CHECK(c.structural_places == std::vector<int>{0, 0, 4, 0});
  CHECK(c.bound_per_month == 25 * 5'000 + 9 * 8'000 + 12 * 4'000);
}

TEST_CASE("capacity: at twice the prices the same money buys about half the slots", "[funding][prices]") {
  // priced_catalogue(…, 2): samtal 10 000, ips 16 000, the structural type 40 000, kurs 8 000.
  // Month money 246 666 as above: samtal 123 333 → 12 (.33), ips 73 999 → 4 (.62), kurs 49 333 → 6
  // (.17); 232 000 bound, 14 666 left: ips (.62) needs 16 000, samtal (.33) gets one more → 13,
  // 4 666 left buys nothing. Structural: 83 333 / 40 000 → 2 places.
  const auto priced = priced_catalogue(catalogue(), 2.0);
  CHECK(priced[0].cost_per_month == 10'000);
  CHECK(priced[2].cost_per_month == 40'000);
  const Capacity c = monthly_capacity(2'520'000, 440'000, 1'000'000, priced, {true, true, true, true});
  CHECK(c.monthly_slots == std::vector<int>{13, 4, 0, 6});
  CHECK(c.structural_places == std::vector<int>{0, 0, 2, 0});
  CHECK(c.bound_per_month == 13 * 10'000 + 4 * 16'000 + 6 * 8'000);
  CHECK(priced_catalogue(catalogue(), 1.0) == catalogue());
}

TEST_CASE("capacity: money left that exactly pays one more slot buys it", "[funding]") {
  // Two types at 200 a month, shares 0.5: month money 2 400 / 12 = 200 gives each 100, no whole
  // slot (fractions .5 and .5); the 200 left pays exactly one slot, for the first by type index.
  const std::vector<InsatsType> two = {insats("a", false, 200, 0.5), insats("b", false, 200, 0.5)};
  const Capacity c = monthly_capacity(2'400, 0, 0, two, {true, true});
  CHECK(c.monthly_slots == std::vector<int>{1, 0});
  CHECK(c.bound_per_month == 200);
}

TEST_CASE("capacity: a type that does not run gives its share to the others", "[funding]") {
  // kurs off: Σ share 0.8. samtal floor(246 666 × 0.625) = 154 166 → 30 slots; ips
  // floor(246 666 × 0.375) = 92 499 → 11 slots; the 8 666 left buys samtal (fraction .83) one more.
  const Capacity c = monthly_capacity(2'520'000, 440'000, 1'000'000, catalogue(), {true, true, true, false});
  CHECK(c.monthly_slots == std::vector<int>{31, 11, 0, 0});
  CHECK(c.bound_per_month == 31 * 5'000 + 11 * 8'000);
  // Only samtal: all 246 666 → 49 slots.
  const Capacity only = monthly_capacity(2'520'000, 440'000, 1'000'000, catalogue(), {true, false, false, false});
  CHECK(only.monthly_slots == std::vector<int>{49, 0, 0, 0});
  CHECK(only.structural_places == std::vector<int>{0, 0, 0, 0});
}

TEST_CASE("capacity: a running type without a cost is an input error", "[funding]") {
  auto types = catalogue();
  types[1].cost_per_month = 0;
  CHECK_THROWS_WITH(monthly_capacity(1'200'000, 0, 0, types, {true, true, true, true}),
                    "insats.ips.cost_sek_per_month: must be positive");
}

TEST_CASE("capacity: a project runs its years, then only if taken over", "[funding]") {
  InsatsType project = insats("projekt", false, 5'000, 0.5);
  project.project_years = 2;
  const RunKey key{7, 0};
  // First modelled year 2019: the project runs 2019 and 2020 whatever the draw.
  project.takeover_probability = 0.0;
  CHECK(project_running(project, 1, 3, 2019, 2019, key));
  CHECK(project_running(project, 1, 3, 2020, 2019, key));
  CHECK_FALSE(project_running(project, 1, 3, 2021, 2019, key));
  project.takeover_probability = 1.0;
  CHECK(project_running(project, 1, 3, 2021, 2019, key));
  // In between: the keyed draw (stream = förbund, month 0, draw = type index), the same every year.
  project.takeover_probability = 0.5;
  const bool expected =
      StreamRng(key, 3, 0).uniform(Purpose::ProjectTakeover, 1) < project.takeover_probability;
  CHECK(project_running(project, 1, 3, 2021, 2019, key) == expected);
  CHECK(project_running(project, 1, 3, 2030, 2019, key) == expected);
  // Across many förbund about half take it over.
  int taken = 0;
  for (int f = 0; f < 2'000; ++f) taken += project_running(project, 1, f, 2021, 2019, key) ? 1 : 0;
  CHECK(taken > 900);
  CHECK(taken < 1'100);
  // A permanent type always runs.
  CHECK(project_running(insats("samtal", false, 5'000, 0.5), 0, 3, 2040, 2019, key));
}
