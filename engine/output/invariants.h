// Accounting identities a replication's records must satisfy before they may be written: people
// are conserved month by month, counts are never negative, and every förbund's kronor add up.
#pragma once
#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

#include "config/scenario_config.h"
#include "sim/replication_result.h"

namespace finsim {

struct Violation {
  int replication = 0;
  std::string area;    // area (förbund) label
  std::string period;  // "2019-03" for monthly records, "2020" for yearly money
  std::string what;    // the identity and the numbers that break it
};

// A result that breaks an identity is a bug in the model, not bad input: std::runtime_error, so
// the CLI exits 1. The message names the first violations and how many there were in all.
class InvariantError : public std::runtime_error {
 public:
  explicit InvariantError(std::vector<Violation> violations);
  const std::vector<Violation>& violations() const { return violations_; }

 private:
  std::vector<Violation> violations_;
};

// Checks one replication (docs/output.md, "Invariants checked before writing", lists the identities). `start` is the first
// simulated month, used for the labels; `limit` caps how many violations are collected.
std::vector<Violation> find_violations(const ReplicationResult& result, YearMonth start, std::size_t limit = 50);

// Throws InvariantError if any replication breaks an identity.
void check_invariants(const std::vector<ReplicationResult>& results, YearMonth start);

std::string describe(const Violation& v);

}  // namespace finsim
