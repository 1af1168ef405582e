// Geography: the 290 kommuner, 21 regions and the documented förbund, as plain data loaded from
// the CSV files in scenarios/data/. Membership rules (unknown, joins, merges) live in org_graph.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "util/money.h"

namespace finsim {

// What the sources say of a kommun's membership. Unknown is never guessed: the scenario decides.
enum class MembershipStatus : std::uint8_t { Member, NoForbund, Unknown };

struct Kommun {
  std::string code;  // SCB code, 4 digits, kept as text ("0114")
  std::string name;
  int region = -1;   // index into Geography::regions
  std::int64_t population_total = 0;
  std::int64_t population_16_64 = 0;
  double need = 1.0;  // need indicator (försörjningsmått proxy per inhabitant 16–64); 1 = none
  bool need_from_data = false;  // from kommuner.csv's need_indicator column or need_by_lan.csv
  MembershipStatus status = MembershipStatus::Unknown;
  std::string forbund_name;  // as documented; empty unless status == Member
};

struct Region {
  std::string code;  // län code, 2 digits ("01")
  std::string name;
};

// A förbund as documented in forbund.csv (before scenario edits).
struct ForbundRecord {
  std::string name;
  int region = -1;
  std::vector<std::string> member_codes;
  std::string source;
  bool members_complete = false;
};

// A state allocation a user has from FK's decisions (world/state_allocations.h loads them).
struct GivenAllocation {
  std::string forbund;  // a documented förbund (forbund.csv name)
  int year = 0;
  Sek state_allocation = 0;
  std::string flag;     // "published" (FK's decision) or "derived" (e.g. half a published total)
  std::string source;
};

struct Geography {
  std::vector<Kommun> kommuner;  // in file order
  std::vector<Region> regions;   // sorted by code
  std::vector<ForbundRecord> forbund;
  std::vector<GivenAllocation> state_allocations;  // empty unless the scenario names a history file
  int kommun_index(const std::string& code) const;  // -1 if unknown
  int region_index(const std::string& code) const;
};

// Strict loaders: a missing column, duplicate or unknown code, non-numeric or negative value is an
// InputError naming file, line and column.
Geography load_geography(const std::string& kommuner_csv, const std::string& forbund_csv);

}  // namespace finsim
