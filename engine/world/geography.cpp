#include "world/geography.h"

#include <algorithm>
#include <map>
#include <set>

#include "util/error.h"
#include "util/text.h"
#include "world/csv.h"

namespace finsim {

int Geography::kommun_index(const std::string& code) const {
  for (std::size_t i = 0; i < kommuner.size(); ++i)
    if (kommuner[i].code == code) return static_cast<int>(i);
  return -1;
}

int Geography::region_index(const std::string& code) const {
  for (std::size_t i = 0; i < regions.size(); ++i)
    if (regions[i].code == code) return static_cast<int>(i);
  return -1;
}

namespace {

bool all_digits(const std::string& s, std::size_t n) {
  return s.size() == n && s.find_first_not_of("0123456789") == std::string::npos;
}

void load_kommuner(const std::string& path, Geography& geo) {
  const CsvTable csv = CsvTable::read(path);
  const auto c_code = csv.column("kommun_code");
  const auto c_name = csv.column("kommun_name");
  const auto c_region = csv.column("region_code");
  const auto c_region_name = csv.column("region_name");
  const auto c_total = csv.column("population_total");
  const auto c_pop = csv.column("population_16_64");
  const auto c_forbund = csv.column("forbund");
  const auto c_status = csv.column("forbund_status");
  const bool has_need = csv.has_column("need_indicator");
  const std::size_t c_need = has_need ? csv.column("need_indicator") : 0;

  std::map<std::string, std::string> region_names;
  std::set<std::string> codes;
  for (std::size_t r = 0; r < csv.rows(); ++r) {
    Kommun k;
    k.code = csv.cell(r, c_code);
    if (!all_digits(k.code, 4)) csv.fail(r, c_code, "expected a 4-digit SCB kommun code, found '" + k.code + "'");
    if (!codes.insert(k.code).second) csv.fail(r, c_code, "duplicate kommun code " + k.code);
    k.name = csv.cell(r, c_name);
    if (k.name.empty()) csv.fail(r, c_name, "expected a name");
    const std::string region = csv.cell(r, c_region);
    if (!all_digits(region, 2)) csv.fail(r, c_region, "expected a 2-digit län code, found '" + region + "'");
    if (k.code.substr(0, 2) != region) csv.fail(r, c_region, "expected the first two digits of the kommun code (" + k.code.substr(0, 2) + ")");
    region_names.emplace(region, csv.cell(r, c_region_name));
    k.population_total = csv.integer(r, c_total);
    k.population_16_64 = csv.integer(r, c_pop);
    if (k.population_16_64 > k.population_total) csv.fail(r, c_pop, "expected at most population_total");
    if (has_need) {
      k.need = csv.number(r, c_need);
      k.need_from_data = true;
    }
    const std::string status = csv.cell(r, c_status);
    k.forbund_name = csv.cell(r, c_forbund);
    if (status == "member") {
      k.status = MembershipStatus::Member;
      if (k.forbund_name.empty()) csv.fail(r, c_forbund, "expected the förbund of a member kommun");
    } else if (status == "no_forbund_per_source_2020") {
      k.status = MembershipStatus::NoForbund;
    } else if (status == "unknown") {
      k.status = MembershipStatus::Unknown;
    } else {
      csv.fail(r, c_status, "expected member, no_forbund_per_source_2020 or unknown, found '" + status + "'");
    }
    if (k.status != MembershipStatus::Member && !k.forbund_name.empty())
      csv.fail(r, c_forbund, "expected empty förbund when forbund_status is " + status);
    geo.kommuner.push_back(std::move(k));  // region index is set below, once regions are sorted
  }
  for (const auto& [code, name] : region_names) geo.regions.push_back({code, name});
  for (auto& k : geo.kommuner) k.region = geo.region_index(k.code.substr(0, 2));
}

void load_forbund(const std::string& path, Geography& geo) {
  const CsvTable csv = CsvTable::read(path);
  const auto c_name = csv.column("forbund_name");
  const auto c_region = csv.column("region_code");
  const auto c_members = csv.column("member_kommun_codes");
  const auto c_source = csv.column("source");
  const bool has_complete = csv.has_column("members_complete");
  const std::size_t c_complete = has_complete ? csv.column("members_complete") : 0;

  std::set<std::string> names;
  std::map<std::string, std::string> forbund_of;  // kommun code -> förbund name
  for (std::size_t r = 0; r < csv.rows(); ++r) {
    ForbundRecord f;
    f.name = csv.cell(r, c_name);
    if (f.name.empty()) csv.fail(r, c_name, "expected a name");
    if (!names.insert(f.name).second) csv.fail(r, c_name, "duplicate förbund name '" + f.name + "'");
    f.region = geo.region_index(csv.cell(r, c_region));
    if (f.region < 0) csv.fail(r, c_region, "unknown län code '" + csv.cell(r, c_region) + "'");
    for (const auto& raw : split(csv.cell(r, c_members), ';')) {
      const std::string code(trim(raw));
      if (code.empty()) continue;
      const int k = geo.kommun_index(code);
      if (k < 0) csv.fail(r, c_members, "unknown kommun code " + code);
      if (!forbund_of.emplace(code, f.name).second)
        csv.fail(r, c_members, "kommun " + code + " is already a member of '" + forbund_of[code] + "'");
      if (geo.kommuner[k].forbund_name != f.name)
        csv.fail(r, c_members, "kommun " + code + " is listed with förbund '" + geo.kommuner[k].forbund_name +
                                   "' in the kommuner file");
      f.member_codes.push_back(code);
    }
    if (f.member_codes.empty()) csv.fail(r, c_members, "expected at least one member kommun");
    f.source = csv.cell(r, c_source);
    f.members_complete = has_complete && csv.cell(r, c_complete) == "1";
    geo.forbund.push_back(std::move(f));
  }
  for (const auto& k : geo.kommuner)
    if (k.status == MembershipStatus::Member && !names.count(k.forbund_name))
      throw InputError(path + ": förbund '" + k.forbund_name + "' of kommun " + k.code + " is not in this file");
}

}  // namespace

Geography load_geography(const std::string& kommuner_csv, const std::string& forbund_csv) {
  Geography geo;
  load_kommuner(kommuner_csv, geo);
  load_forbund(forbund_csv, geo);
  return geo;
}

}  // namespace finsim
