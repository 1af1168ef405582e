#include "world/state_allocations.h"

#include <set>
#include <utility>

#include "world/csv.h"

namespace finsim {

std::vector<GivenAllocation> load_state_allocations(const std::string& path, const Geography& geo) {
  const CsvTable csv = CsvTable::read(path);
  const auto c_forbund = csv.column("forbund");
  const auto c_year = csv.column("year");
  const auto c_sek = csv.column("state_allocation_sek");
  const auto c_flag = csv.column("flag");
  const auto c_source = csv.column("source");
  std::set<std::pair<std::string, int>> seen;
  std::vector<GivenAllocation> out;
  for (std::size_t r = 0; r < csv.rows(); ++r) {
    GivenAllocation g;
    g.forbund = csv.cell(r, c_forbund);
    bool known = false;
    for (const ForbundRecord& f : geo.forbund) known = known || f.name == g.forbund;
    if (!known) csv.fail(r, c_forbund, "no förbund '" + g.forbund + "' in the förbund file");
    const long long year = csv.integer(r, c_year);
    if (year < 1990 || year > 2100) csv.fail(r, c_year, "expected a year from 1990 to 2100");
    g.year = static_cast<int>(year);
    g.state_allocation = csv.integer(r, c_sek);
    g.flag = csv.cell(r, c_flag);
    if (g.flag != "published" && g.flag != "derived")
      csv.fail(r, c_flag, "expected published or derived, found '" + g.flag + "'");
    g.source = csv.cell(r, c_source);
    if (g.source.empty()) csv.fail(r, c_source, "expected the source of the figure");
    if (!seen.emplace(g.forbund, g.year).second)
      csv.fail(r, c_year, "second row for '" + g.forbund + "' in " + std::to_string(g.year));
    out.push_back(std::move(g));
  }
  return out;
}

}  // namespace finsim
