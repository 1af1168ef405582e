// Person state, one Agents block per area: one 32-byte record per person (two to a cache line), read
// through per-field column views (a.wake[i]) so rules read as over a structure of arrays.
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

// Everything about one person. An event reads and writes about ten of these fields of a person
// drawn at random, so keeping them in one record costs one cache miss instead of one per column
// (benchmarks/history.md, "Speed work 2"). Aligned to 32 bytes so no record straddles two lines.
struct alignas(32) Person {
  std::uint32_t id;            // RNG stream
  float job_chance;            // exp(−β·distance − β²/2): mean 1 over the population
  std::int16_t wake;           // month of the next scheduled event
  std::int16_t birth;          // birth month relative to the simulation start (age = m − birth)
  std::int16_t since;          // month the current state began
  std::int16_t blocked_until;  // no referral before this month (cooldown)
  std::int16_t identified;     // month a partner identified the person (kNotIdentified: not known)
  std::int16_t counted_year;   // last year counted as a unique participant
  std::uint16_t kommun;        // index into Geography::kommuner
  std::uint8_t next;           // NextEvent due at `wake`
  std::uint8_t state;          // State
  std::uint8_t support;        // SupportSource
  std::uint8_t insats;         // insats type while Waiting or InInsats
  std::uint8_t needs;          // Need bitmask
  std::uint8_t traits;         // bit 0 female, bit 1 born abroad
  std::uint8_t outcome;        // how `next` turns out, drawn with it (sim/schedule.h, baseline_outcome)
};
static_assert(sizeof(Person) == 32);

// One field of every person, indexed by local index: `a.wake[i]` is person i's wake.
template <class T, T Person::*Field>
class Column {
 public:
  explicit Column(std::vector<Person>* rows) : rows_(rows) {}
  Column(const Column&) = delete;
  Column& operator=(const Column&) = delete;
  T& operator[](std::size_t i) { return (*rows_)[i].*Field; }
  const T& operator[](std::size_t i) const { return (*rows_)[i].*Field; }
  std::size_t size() const { return rows_->size(); }

 private:
  std::vector<Person>* rows_;  // the owning Agents' records (rebound by its copy and move)
};

struct Agents {
  std::vector<Person> rows;
  Column<std::uint32_t, &Person::id> id{&rows};
  Column<std::uint16_t, &Person::kommun> kommun{&rows};
  Column<std::int16_t, &Person::birth> birth{&rows};
  Column<std::uint8_t, &Person::traits> traits{&rows};
  Column<std::uint8_t, &Person::needs> needs{&rows};
  Column<std::uint8_t, &Person::support> support{&rows};
  Column<std::uint8_t, &Person::state> state{&rows};
  Column<std::uint8_t, &Person::insats> insats{&rows};
  Column<float, &Person::job_chance> job_chance{&rows};
  Column<std::int16_t, &Person::since> since{&rows};
  Column<std::int16_t, &Person::blocked_until> blocked_until{&rows};
  Column<std::int16_t, &Person::counted_year> counted_year{&rows};
  Column<std::int16_t, &Person::identified> identified{&rows};
  Column<std::int16_t, &Person::wake> wake{&rows};
  Column<std::uint8_t, &Person::next> next{&rows};
  Column<std::uint8_t, &Person::outcome> outcome{&rows};

  Agents() = default;
  Agents(const Agents& other) : rows(other.rows) {}
  Agents(Agents&& other) noexcept : rows(std::move(other.rows)) {}
  Agents& operator=(const Agents& other) {
    rows = other.rows;
    return *this;
  }
  Agents& operator=(Agents&& other) noexcept {
    rows = std::move(other.rows);
    return *this;
  }

  std::size_t size() const { return rows.size(); }
  void reserve(std::size_t n) { rows.reserve(n); }
  // Appends a person in the Target state; returns its local index.
  std::size_t add(std::uint32_t agent, std::uint16_t kommun_index, std::int16_t birth_month, std::uint8_t trait_bits,
                  std::uint8_t need_bits, std::uint8_t support_source, float chance, std::int16_t month);
  State state_of(std::size_t i) const { return static_cast<State>(rows[i].state); }
  void set_state(std::size_t i, State s, int month) {
    rows[i].state = static_cast<std::uint8_t>(s);
    rows[i].since = static_cast<std::int16_t>(month);
  }
  std::size_t bytes_per_agent() const { return sizeof(Person); }
};

}  // namespace finsim
