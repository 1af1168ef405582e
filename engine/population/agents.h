// Person state as a structure of arrays (one Agents block per area), after OpenABM/FLAME GPU:
// plain columns, no Person class. About 24 bytes a person; see benchmarks/README.md (P3).
#pragma once
#include <array>
#include <cstdint>
#include <vector>

namespace finsim {

// Where a person is in the pathway graph (docs/model.md §7.9). Work, Studies and JobSeeking are exit
// states of the pathway but people stay tracked there (taxes, relapse); Gone leaves the model.
enum class State : std::uint8_t { Target = 0, Waiting, InInsats, Work, Studies, JobSeeking, Gone, Count };
inline constexpr int kStates = static_cast<int>(State::Count);
// As result files and messages name the states.
inline constexpr std::array<const char*, kStates> kStateLabels = {"target",  "waiting",     "in_insats", "work",
                                                                  "studies", "job_seeking", "gone"};

enum class GoneReason : std::uint8_t { None = 0, AgedOut, Death, Emigration, Sjukersattning, Count };
inline constexpr int kGoneReasons = static_cast<int>(GoneReason::Count);

// The next scheduled event of a person (benchmarks/README.md (target P1): schedule, don't draw every month). Drawn
// whenever the person enters a state, from that state's constant monthly hazards.
enum class NextEvent : std::uint8_t {
  None = 0, AgeOut, Death, Emigration, Sjukersattning,   // demographic exits
  WorkStudies, JobSeeking, SupportChange, Relapse, Unblock,  // baseline transitions
  Referral,                                               // referral to the förbund
  Dropout, Completion,                                    // participation
  Identify,   // unused: identification runs on the area's clock (sim/identification_clock.h); kept so values stay
  FindWork,   // a job seeker finds work or studies; a student moves on to work
};

// `Agents::identified` of a person the partners have not identified (or who left the target group since).
inline constexpr std::int16_t kNotIdentified = INT16_MIN;

// Agent ids are stable across scenarios so that common random numbers hold: kommun index in
// the top bits, the person's serial number within the kommun below (inflow continues the count).
inline constexpr int kSerialBits = 23;
inline std::uint32_t agent_id(int kommun, std::uint32_t serial) {
  return (static_cast<std::uint32_t>(kommun) << kSerialBits) | serial;
}

struct Agents {
  std::vector<std::uint32_t> id;         // RNG stream
  std::vector<std::uint16_t> kommun;     // index into Geography::kommuner
  std::vector<std::int16_t> birth;       // birth month relative to the simulation start (age = m − birth)
  std::vector<std::uint8_t> traits;      // bit 0 female, bit 1 born abroad
  std::vector<std::uint8_t> needs;       // Need bitmask
  std::vector<std::uint8_t> support;     // SupportSource
  std::vector<std::uint8_t> state;       // State
  std::vector<std::uint8_t> insats;      // insats type while Waiting or InInsats
  std::vector<float> job_chance;         // exp(−β·distance − β²/2): mean 1 over the population
  std::vector<std::int16_t> since;       // month the current state began
  std::vector<std::int16_t> blocked_until;  // no referral before this month (cooldown)
  std::vector<std::int16_t> counted_year;   // last year counted as a unique participant
  std::vector<std::int16_t> identified;     // month a partner identified the person (kNotIdentified: not known)
  std::vector<std::int16_t> wake;           // month of the next scheduled event
  std::vector<std::uint8_t> next;           // NextEvent due at `wake`

  std::size_t size() const { return id.size(); }
  void reserve(std::size_t n);
  // Appends a person in the Target state; returns its local index.
  std::size_t add(std::uint32_t agent, std::uint16_t kommun_index, std::int16_t birth_month, std::uint8_t trait_bits,
                  std::uint8_t need_bits, std::uint8_t support_source, float chance, std::int16_t month);
  State state_of(std::size_t i) const { return static_cast<State>(state[i]); }
  void set_state(std::size_t i, State s, int month) {
    state[i] = static_cast<std::uint8_t>(s);
    since[i] = static_cast<std::int16_t>(month);
  }
  std::size_t bytes_per_agent() const;
};

}  // namespace finsim
