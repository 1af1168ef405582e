#include "funding/willingness.h"

#include <algorithm>
#include <cctype>

#include "funding/apportion.h"
#include "util/error.h"

namespace finsim {

namespace {

bool all_digits(const std::string& s, std::size_t n) {
  return s.size() == n && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

}  // namespace

PartyId parse_party(const std::string& text, const std::string& key) {
  const auto colon = text.find(':');
  if (colon != std::string::npos) {
    const std::string kind = text.substr(0, colon);
    const std::string code = text.substr(colon + 1);
    if (kind == "region" && all_digits(code, 2)) return {PartyId::Kind::Region, code};
    if (kind == "kommun" && all_digits(code, 4)) return {PartyId::Kind::Kommun, code};
  }
  throw InputError(key + ": \"" + text + "\": expected region:CC or kommun:CCCC");
}

Sek party_max(int year, int first_year, const std::map<int, Sek>& paid, double max_growth,
              const std::vector<Freeze>& freezes, Sek first_year_max) {
  if (year <= first_year) return first_year_max;
  const Freeze* active = nullptr;
  for (const Freeze& f : freezes)
    if (f.from_year <= year && (!active || f.from_year >= active->from_year)) active = &f;
  if (active) {
    const int level = std::max(active->level_of_year, first_year);
    if (level < year) return paid.at(level);
  }
  // A party is willing to pay again what it has paid before (a temporary fall of the state offer
  // must not ratchet contributions down for good), and to grow beyond last year by max_growth.
  Sek peak = 0;
  for (const auto& [y, amount] : paid)
    if (y < year) peak = std::max(peak, amount);
  return std::max(peak, floor_share(paid.at(year - 1), 1.0L + static_cast<long double>(max_growth)));
}

std::optional<Sek> budget_ceiling(int year, const std::vector<BudgetCeiling>& ceilings) {
  const BudgetCeiling* active = nullptr;
  for (const BudgetCeiling& c : ceilings)
    if (c.from_year <= year && (!active || c.from_year >= active->from_year)) active = &c;
  if (!active) return std::nullopt;
  return active->max_budget;
}

}  // namespace finsim
