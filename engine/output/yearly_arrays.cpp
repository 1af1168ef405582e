#include "output/yearly_arrays.h"

#include <functional>

namespace finsim {
namespace {

// [replication, year, forbund] in SEK from a förbund's yearly record (0 for areas without one).
void money(const ResultFrame& f, const std::string& name,
           const std::function<Sek(const ForbundYear&, Sek individual_spent)>& field, const std::string& long_name) {
  const auto& g = f.group;
  const Layout& l = f.layout;
  std::vector<std::int64_t> out;
  out.reserve(l.reps * l.years * l.areas);
  for (const auto* r : f.results)
    for (std::size_t y = 0; y < l.years; ++y)
      for (const auto& a : r->areas) {
        if (a.forbund < 0) {
          out.push_back(0);
          continue;
        }
        const std::size_t i = y * l.forbund + static_cast<std::size_t>(a.forbund);
        out.push_back(field(r->funding[i], r->individual_spent[i]));
      }
  h5::write_array(g, name, std::span<const std::int64_t>(out), f.shape({l.years, l.areas}), f.dims({"year", "forbund"}),
                  described("SEK", long_name));
}

}  // namespace

void write_yearly_arrays(const ResultFrame& f) {
  const auto& g = f.group;
  const Layout& l = f.layout;
  money(
      f, "key_offer", [](const ForbundYear& fy, Sek) { return fy.key_offer; },
      "state allocation by the distribution key (base + key share), before equity rule and cap");
  money(
      f, "equity_reduction", [](const ForbundYear& fy, Sek) { return fy.equity_reduction; },
      "state allocation deducted for equity above the reasonable level");
  money(
      f, "cap_adjustment", [](const ForbundYear& fy, Sek) { return fy.cap_adjustment; },
      "raised to the cap floor (+) or share of the cap's cost (-)");
  money(
      f, "state_offer", [](const ForbundYear& fy, Sek) { return fy.state_offer; }, "state allocation offered");
  money(
      f, "state_paid", [](const ForbundYear& fy, Sek) { return fy.state_paid; }, "state contribution paid (FK)");
  money(
      f, "region_paid", [](const ForbundYear& fy, Sek) { return fy.region_paid; }, "region contribution paid");
  money(
      f, "kommuner_paid", [](const ForbundYear& fy, Sek) { return fy.kommuner_paid; },
      "member kommuner's contributions paid, together");
  money(
      f, "budget", [](const ForbundYear& fy, Sek) { return fy.budget; }, "förbund budget (sum of contributions paid)");
  money(
      f, "unused_offer", [](const ForbundYear& fy, Sek) { return fy.unused_offer; },
      "state offer not matched by the members, not paid out");
  money(
      f, "admin", [](const ForbundYear& fy, Sek) { return fy.admin; }, "budget for administration");
  money(
      f, "structural", [](const ForbundYear& fy, Sek) { return fy.structural; }, "budget for structural insatser");
  money(
      f, "individual", [](const ForbundYear& fy, Sek) { return fy.individual; }, "budget for individual insatser");
  money(
      f, "equity_open", [](const ForbundYear& fy, Sek) { return fy.equity_open; },
      "equity (eget kapital) at year start");
  money(
      f, "equity_draw", [](const ForbundYear& fy, Sek) { return fy.equity_draw; },
      "equity the förbund may spend on insatser in the year");
  money(
      f, "spent", [](const ForbundYear& fy, Sek) { return fy.spent; },
      "money spent in the year (admin + structural + individual insatser used)");
  money(
      f, "equity_close", [](const ForbundYear& fy, Sek) { return fy.equity_close; }, "equity at year end");
  money(
      f, "individual_spent", [](const ForbundYear&, Sek spent) { return spent; },
      "spent on individual insatser (participant-months x cost)");

  std::vector<std::string> capping;
  for (const auto* r : f.results)
    for (std::size_t y = 0; y < l.years; ++y)
      for (const auto& a : r->areas)
        capping.push_back(a.forbund < 0
                              ? std::string()
                              : r->funding[y * l.forbund + static_cast<std::size_t>(a.forbund)].capping_party);
  h5::write_array(g, "capping_party", std::span<const std::string>(capping), f.shape({l.years, l.areas}),
                  f.dims({"year", "forbund"}),
                  described("1",
                            "the contributor whose willingness capped the budget (state, region:CC, kommun:CCCC, "
                            "ceiling); empty for areas without a förbund"));

  std::vector<double> unique(l.reps * l.years * l.areas, 0.0);
  for (std::size_t ri = 0; ri < l.reps; ++ri)
    for (std::size_t m = 0; m < l.months; ++m) {
      const std::size_t y =
          static_cast<std::size_t>(YearMonth::from_index(l.first_month + static_cast<int>(m)).year - l.first_year);
      for (std::size_t a = 0; a < l.areas; ++a)
        unique[(ri * l.years + y) * l.areas + a] +=
            static_cast<double>(f.results[ri]->at(static_cast<int>(m), a).new_unique_participants);
    }
  for (auto& v : unique) v *= l.per_person;
  h5::write_array(
      g, "unique_participants", std::span<const double>(unique), f.shape({l.years, l.areas}),
      f.dims({"year", "forbund"}),
      described("persons", "people in an insats at some time in the year (sum of new_unique_participants)"));
}

}  // namespace finsim
