#include "output/ledger_arrays.h"

#include <array>
#include <cstdint>
#include <memory>

namespace finsim {
namespace {

// One unit's ledger per area: [month, forbund, payer] (pension: [month, forbund]).
struct UnitLedger {
  std::vector<std::int64_t> cost, revenue, contribution, pension;
};

UnitLedger unit_ledger(const Layout& l, const ReplicationResult& r) {
  const std::size_t n = l.months * l.areas * kPayers;
  UnitLedger out{std::vector<std::int64_t>(n), std::vector<std::int64_t>(n), std::vector<std::int64_t>(n, 0),
                 std::vector<std::int64_t>(n / kPayers)};
  for (std::size_t m = 0; m < l.months; ++m) {
    const YearMonth ym = YearMonth::from_index(l.first_month + static_cast<int>(m));
    const std::size_t y = static_cast<std::size_t>(ym.year - l.first_year);
    for (std::size_t a = 0; a < l.areas; ++a) {
      const auto& c = r.at(static_cast<int>(m), a);
      const std::size_t base = (m * l.areas + a) * kPayers;
      out.pension[base / kPayers] = to_sek(c.pension_contribution, l.scale);
      for (int p = 0; p < kPayers; ++p) {
        out.cost[base + p] = to_sek(c.public_cost[p], l.scale);
        out.revenue[base + p] = to_sek(c.public_revenue[p], l.scale);
      }
      if (r.areas[a].forbund < 0) continue;
      const auto& fy = r.funding[y * l.forbund + static_cast<std::size_t>(r.areas[a].forbund)];
      const std::array<Sek, kPayers> paid = {fy.state_paid, fy.region_paid, fy.kommuner_paid};
      for (int p = 0; p < kPayers; ++p)
        out.contribution[base + p] = ym.month == 12 ? paid[p] - 11 * (paid[p] / 12) : paid[p] / 12;
    }
  }
  return out;
}

// The national sums [month, payer] of one of a unit's by-area ledgers.
void national_sum(const Layout& l, const std::vector<std::int64_t>& by_area, std::vector<std::int64_t>& out) {
  for (std::size_t m = 0; m < l.months; ++m)
    for (std::size_t a = 0; a < l.areas; ++a)
      for (int p = 0; p < kPayers; ++p) out[m * kPayers + p] += by_area[(m * l.areas + a) * kPayers + p];
}

}  // namespace

void add_ledger_arrays(const ResultFrame& f, UnitArrays& arrays) {
  const Layout& l = f.layout;
  using Part = std::vector<std::int64_t> UnitLedger::*;
  // The unit's ledger, computed by the first of its arrays and read by the others.
  struct Cached {
    std::uint64_t write = 0;
    UnitLedger ledger;
  };
  auto cache = std::make_shared<Cached>();
  auto ledger_of = [cache, &l, &arrays](const ReplicationResult& r) -> const UnitLedger& {
    if (cache->write != arrays.writes()) {
      cache->ledger = unit_ledger(l, r);
      cache->write = arrays.writes();
    }
    return cache->ledger;
  };
  auto by_area = [&](const std::string& name, Part part, const std::string& long_name) {
    const bool pension = part == &UnitLedger::pension;
    arrays.add_integers(
        name, pension ? h5::Shape{l.months, l.areas} : h5::Shape{l.months, l.areas, kPayers},
        pension ? std::vector<std::string>{"month", "forbund"} : std::vector<std::string>{"month", "forbund", "payer"},
        described("SEK", long_name),
        [ledger_of, part](const ReplicationResult& r, std::vector<std::int64_t>& out) { out = ledger_of(r).*part; });
  };
  auto national = [&](const std::string& name, Part part, const std::string& long_name) {
    arrays.add_integers(name, {l.months, kPayers}, {"month", "payer"}, described("SEK", long_name),
                        [&l, ledger_of, part](const ReplicationResult& r, std::vector<std::int64_t>& out) {
                          national_sum(l, ledger_of(r).*part, out);
                        });
  };
  by_area("public_cost_by_forbund", &UnitLedger::cost,
          "public cost of the target group and exits (benefits, health care) by payer");
  by_area("public_revenue_by_forbund", &UnitLedger::revenue,
          "taxes from work by payer (employer fees without their pension part)");
  by_area("pension_contribution_by_forbund", &UnitLedger::pension,
          "pension part of the employer fees from work: not public revenue, shown apart");
  by_area("finsam_contribution_by_forbund", &UnitLedger::contribution,
          "Finsam contribution paid by the payer: yearly amount / 12, remainder in December");
  national("public_cost", &UnitLedger::cost, "public cost (benefits, health care), national, by payer");
  national("public_revenue", &UnitLedger::revenue, "taxes from work, national, by payer");
  national("finsam_contribution", &UnitLedger::contribution, "Finsam contributions paid, national, by payer");
}

}  // namespace finsim
