#include "world/need_indicator.h"

#include <set>

#include "util/error.h"
#include "world/csv.h"

namespace finsim {

NeedColumn need_column(const std::string& need_indicator) {
  // sa_ae: sjuk- och aktivitetsersättning per 1000 insured, Dec 2018. long_sick_leave: ongoing
  // sick-leave cases > 60 days per 1000 aged 16–64, Dec 2017 (the > 60-day column counts the cases
  // that carry most sjukpenning money and are in FK's rehabilitation window; > 365 days is closer
  // to the S/A stock that sa_ae_2018 already measures).
  if (need_indicator == "sa_ae_2018") return {"sa_ae_per_1000_forsakrade", 2018};
  if (need_indicator == "long_sick_leave_2017") return {"langa_sjukfall_over60d_per_1000_16_64", 2017};
  return {};
}

NeedByLan load_need_by_lan(const std::string& path, const NeedColumn& column) {
  const CsvTable csv = CsvTable::read(path);
  const auto c_lan = csv.column("lan_code");
  const auto c_year = csv.column("year");
  const auto c_indicator = csv.column("indicator");
  const auto c_value = csv.column("value");
  NeedByLan raw;
  for (std::size_t r = 0; r < csv.rows(); ++r) {
    const std::string& lan = csv.cell(r, c_lan);
    if (lan.size() != 2 || lan.find_first_not_of("0123456789") != std::string::npos)
      csv.fail(r, c_lan, "expected a 2-digit län code (00 = riket), found '" + lan + "'");
    const long long year = csv.integer(r, c_year);
    const double value = csv.number(r, c_value);
    if (!(value > 0.0)) csv.fail(r, c_value, "expected a positive number, found '" + csv.cell(r, c_value) + "'");
    if (csv.cell(r, c_indicator) != column.indicator || year != column.year) continue;
    if (!raw.emplace(lan, value).second)
      csv.fail(r, c_lan, "second row for län " + lan + " and indicator " + column.indicator);
  }
  const auto riket = raw.find("00");
  if (riket == raw.end())
    throw InputError(path + ": no riket row (lan_code 00) for indicator " + column.indicator + " " +
                     std::to_string(column.year));
  NeedByLan relative;
  for (const auto& [lan, value] : raw) relative[lan] = value / riket->second;
  return relative;
}

void apply_need_by_lan(Geography& geo, const NeedByLan& need, const std::string& path,
                       const NeedColumn& column) {
  for (Kommun& k : geo.kommuner) {
    const std::string& lan = geo.regions.at(static_cast<std::size_t>(k.region)).code;
    const auto it = need.find(lan);
    if (it == need.end())
      throw InputError(path + ": no row for län " + lan + " (kommun " + k.code + ") and indicator " +
                       column.indicator + " " + std::to_string(column.year));
    k.need = it->second;
    k.need_from_data = true;
  }
}

}  // namespace finsim
