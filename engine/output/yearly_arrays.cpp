#include "output/yearly_arrays.h"

#include <functional>

namespace finsim {
namespace {

// [lead, year, forbund] in SEK from a förbund's yearly record (0 for areas without one).
void money(const ResultFrame& f, UnitArrays& arrays, const std::string& name,
           std::function<Sek(const ForbundYear&, Sek individual_spent)> field, const std::string& long_name) {
  const Layout& l = f.layout;
  arrays.add_integers(name, {l.years, l.areas}, {"year", "forbund"}, described("SEK", long_name),
                      [&l, field = std::move(field)](const ReplicationResult& r, std::vector<std::int64_t>& out) {
                        std::size_t at = 0;
                        for (std::size_t y = 0; y < l.years; ++y)
                          for (const auto& a : r.areas) {
                            if (a.forbund >= 0) {
                              const std::size_t i = y * l.forbund + static_cast<std::size_t>(a.forbund);
                              out[at] = field(r.funding[i], r.individual_spent[i]);
                            }
                            ++at;
                          }
                      });
}

}  // namespace

void add_yearly_arrays(const ResultFrame& f, UnitArrays& arrays) {
  const Layout& l = f.layout;
  money(
      f, arrays, "key_offer", [](const ForbundYear& fy, Sek) { return fy.key_offer; },
      "state allocation by the distribution key (base + key share), before equity rule and cap");
  money(
      f, arrays, "equity_reduction", [](const ForbundYear& fy, Sek) { return fy.equity_reduction; },
      "state allocation deducted for equity above the reasonable level");
  money(
      f, arrays, "cap_adjustment", [](const ForbundYear& fy, Sek) { return fy.cap_adjustment; },
      "raised to the cap floor (+) or share of the cap's cost (-)");
  money(
      f, arrays, "state_offer", [](const ForbundYear& fy, Sek) { return fy.state_offer; }, "state allocation offered");
  money(
      f, arrays, "state_paid", [](const ForbundYear& fy, Sek) { return fy.state_paid; },
      "state contribution paid (FK)");
  money(
      f, arrays, "region_paid", [](const ForbundYear& fy, Sek) { return fy.region_paid; }, "region contribution paid");
  money(
      f, arrays, "kommuner_paid", [](const ForbundYear& fy, Sek) { return fy.kommuner_paid; },
      "member kommuner's contributions paid, together");
  money(
      f, arrays, "budget", [](const ForbundYear& fy, Sek) { return fy.budget; },
      "förbund budget (sum of contributions paid)");
  money(
      f, arrays, "unused_offer", [](const ForbundYear& fy, Sek) { return fy.unused_offer; },
      "state offer not matched by the members, not paid out");
  money(
      f, arrays, "admin", [](const ForbundYear& fy, Sek) { return fy.admin; }, "budget for administration");
  money(
      f, arrays, "structural", [](const ForbundYear& fy, Sek) { return fy.structural; },
      "budget for structural insatser");
  money(
      f, arrays, "individual", [](const ForbundYear& fy, Sek) { return fy.individual; },
      "budget for individual insatser");
  money(
      f, arrays, "equity_open", [](const ForbundYear& fy, Sek) { return fy.equity_open; },
      "equity (eget kapital) at year start");
  money(
      f, arrays, "equity_draw", [](const ForbundYear& fy, Sek) { return fy.equity_draw; },
      "equity the förbund may spend on insatser in the year");
  money(
      f, arrays, "spent", [](const ForbundYear& fy, Sek) { return fy.spent; },
      "money spent in the year (admin + structural + individual insatser used)");
  money(
      f, arrays, "equity_close", [](const ForbundYear& fy, Sek) { return fy.equity_close; }, "equity at year end");
  money(
      f, arrays, "individual_spent", [](const ForbundYear&, Sek spent) { return spent; },
      "spent on individual insatser (participant-months x cost)");

  arrays.add_strings("capping_party", {l.years, l.areas}, {"year", "forbund"},
                     described("1",
                               "the contributor whose willingness capped the budget (state, region:CC, kommun:CCCC, "
                               "ceiling); empty for areas without a förbund"),
                     [&l](const ReplicationResult& r, std::vector<std::string>& out) {
                       std::size_t at = 0;
                       for (std::size_t y = 0; y < l.years; ++y)
                         for (const auto& a : r.areas) {
                           if (a.forbund >= 0)
                             out[at] = r.funding[y * l.forbund + static_cast<std::size_t>(a.forbund)].capping_party;
                           ++at;
                         }
                     });

  arrays.add_doubles(
      "unique_participants", {l.years, l.areas}, {"year", "forbund"},
      described("persons", "people in an insats at some time in the year (sum of new_unique_participants)"),
      [&l](const ReplicationResult& r, std::vector<double>& out) {
        for (std::size_t m = 0; m < l.months; ++m) {
          const std::size_t y =
              static_cast<std::size_t>(YearMonth::from_index(l.first_month + static_cast<int>(m)).year - l.first_year);
          for (std::size_t a = 0; a < l.areas; ++a)
            out[y * l.areas + a] += static_cast<double>(r.at(static_cast<int>(m), a).new_unique_participants);
        }
        for (auto& v : out) v *= l.per_person;
      });
}

}  // namespace finsim
