// The organisation as the funding rules see it: per förbund its key area and its paying members,
// taken from the OrgGraph and Geography once so the yearly cycle works on plain data.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "funding/distribution.h"

namespace finsim {

class OrgGraph;
struct Geography;

struct FundingArea {
  std::string name;
  std::string region_code;                            // "01"
  std::vector<std::string> kommun_codes;              // the members, in OrgGraph member order
  std::vector<std::int64_t> kommun_population_16_64;  // parallel to kommun_codes
  KeyArea key;                                        // area need measure and population 16–64
  std::map<int, Sek> given_allocation;                // year -> state allocation from the history file
};

struct FundingWorld {
  std::vector<FundingArea> forbund;       // OrgGraph order: index = förbund index everywhere
  std::vector<std::string> region_codes;  // every region of the country, to check scenario parties
  std::vector<std::string> kommun_codes;  // every kommun of the country, member or not
};

FundingWorld funding_world(const OrgGraph& org, const Geography& geo);

}  // namespace finsim
