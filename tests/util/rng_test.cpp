// Specification of util/rng.h: every purpose keys its own draws, and two 32-bit words become a
// uniform in [0, 1) with all 53 bits of a double.
#include "util/rng.h"

#include <catch2/catch.hpp>
#include <set>

using namespace finsim;

TEST_CASE("rng: every purpose has its own number", "[util][rng]") {
  // Two purposes with one number would draw the same luck for two different events.
  const Purpose all[] = {Purpose::SynthesisAttributes, Purpose::SynthesisDistance, Purpose::KommunInflow,
                         Purpose::InflowAttributes, Purpose::DemographicExit, Purpose::BaselineTransition,
                         Purpose::SupportChange, Purpose::Referral, Purpose::InsatsChoice, Purpose::Participation,
                         Purpose::Outcome, Purpose::Relapse, Purpose::PathwayNext, Purpose::ProjectTakeover,
                         Purpose::InitialParticipation, Purpose::CapacityRounding, Purpose::Schedule,
                         Purpose::Identification, Purpose::IdentificationClock, Purpose::LatinHypercube};
  std::set<std::uint32_t> numbers;
  for (const Purpose p : all) numbers.insert(static_cast<std::uint32_t>(p));
  CHECK(numbers.size() == std::size(all));
  CHECK(*numbers.begin() == 1);
  CHECK(*numbers.rbegin() == std::size(all));  // 1 … 20: none skipped or reused
}

TEST_CASE("rng: to_unit uses 53 bits, from 0 to just below 1", "[util][rng]") {
  CHECK(StreamRng::to_unit(0, 0) == 0.0);
  // hi = 0 and lo's top 21 bits set: (2^21 − 1) · 2^-53.
  CHECK(StreamRng::to_unit(0, 0xFFFFFFFFu) == 0x1.fffffp-33);
  CHECK(StreamRng::to_unit(0xFFFFFFFFu, 0xFFFFFFFFu) == 0x1.fffffffffffffp-1);  // 1 − 2^-53
  CHECK(StreamRng::to_unit(0x80000000u, 0) == 0.5);  // 2^31 << 21 = 2^52, times 2^-53
}
