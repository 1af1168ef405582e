#include "output/ledger_arrays.h"

#include <array>

namespace finsim {

void write_ledger_arrays(const ResultFrame& f) {
  const auto& g = f.group;
  const Layout& l = f.layout;
  const std::size_t n = l.reps * l.months * l.areas * kPayers;
  std::vector<std::int64_t> cost(n), revenue(n), contribution(n, 0), pension(n / kPayers);
  for (std::size_t ri = 0; ri < l.reps; ++ri) {
    const auto& r = *f.results[ri];
    for (std::size_t m = 0; m < l.months; ++m) {
      const YearMonth ym = YearMonth::from_index(l.first_month + static_cast<int>(m));
      const std::size_t y = static_cast<std::size_t>(ym.year - l.first_year);
      for (std::size_t a = 0; a < l.areas; ++a) {
        const auto& c = r.at(static_cast<int>(m), a);
        const std::size_t base = ((ri * l.months + m) * l.areas + a) * kPayers;
        pension[base / kPayers] = to_sek(c.pension_contribution, l.scale);
        for (int p = 0; p < kPayers; ++p) {
          cost[base + p] = to_sek(c.public_cost[p], l.scale);
          revenue[base + p] = to_sek(c.public_revenue[p], l.scale);
        }
        if (r.areas[a].forbund < 0) continue;
        const auto& fy = r.funding[y * l.forbund + static_cast<std::size_t>(r.areas[a].forbund)];
        const std::array<Sek, kPayers> paid = {fy.state_paid, fy.region_paid, fy.kommuner_paid};
        for (int p = 0; p < kPayers; ++p)
          contribution[base + p] = ym.month == 12 ? paid[p] - 11 * (paid[p] / 12) : paid[p] / 12;
      }
    }
  }
  const std::vector<std::string> dims4 = f.dims({"month", "forbund", "payer"});
  const h5::Shape shape4 = f.shape({l.months, l.areas, kPayers});
  h5::write_array(g, "public_cost_by_forbund", std::span<const std::int64_t>(cost), shape4, dims4,
                  described("SEK", "public cost of the target group and exits (benefits, health care) by payer"));
  h5::write_array(g, "public_revenue_by_forbund", std::span<const std::int64_t>(revenue), shape4, dims4,
                  described("SEK", "taxes from work by payer (employer fees without their pension part)"));
  h5::write_array(g, "pension_contribution_by_forbund", std::span<const std::int64_t>(pension),
                  f.shape({l.months, l.areas}), f.dims({"month", "forbund"}),
                  described("SEK", "pension part of the employer fees from work: not public revenue, shown apart"));
  h5::write_array(g, "finsam_contribution_by_forbund", std::span<const std::int64_t>(contribution), shape4, dims4,
                  described("SEK", "Finsam contribution paid by the payer: yearly amount / 12, remainder in December"));

  auto national = [&](const std::vector<std::int64_t>& by_area, const std::string& name, const std::string& long_name) {
    std::vector<std::int64_t> out(l.reps * l.months * kPayers, 0);
    for (std::size_t rm = 0; rm < l.reps * l.months; ++rm)
      for (std::size_t a = 0; a < l.areas; ++a)
        for (int p = 0; p < kPayers; ++p) out[rm * kPayers + p] += by_area[(rm * l.areas + a) * kPayers + p];
    h5::write_array(g, name, std::span<const std::int64_t>(out), f.shape({l.months, kPayers}),
                    f.dims({"month", "payer"}), described("SEK", long_name));
  };
  national(cost, "public_cost", "public cost (benefits, health care), national, by payer");
  national(revenue, "public_revenue", "taxes from work, national, by payer");
  national(contribution, "finsam_contribution", "Finsam contributions paid, national, by payer");
}

}  // namespace finsim
