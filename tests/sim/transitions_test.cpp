// Specification of sim/transitions.cpp for the routes out of job seeking and studies: a job seeker
// finds work or studies (split by population.studies_share), a student moves on to work.
#include <catch2/catch.hpp>

#include "area_fixture.h"

using namespace finsim;
using finsim::test::AreaFixture;

TEST_CASE("job seekers find work or studies, students move on to work", "[sim][transitions]") {
  AreaFixture f;
  std::vector<std::size_t> seekers, students;
  for (int k = 0; k < 2000; ++k) {
    const std::size_t s = f.person(35);
    move_to(f.area, s, State::JobSeeking, LogEvent::JobSeeking, f.ctx(0));
    seekers.push_back(s);
    const std::size_t st = f.person(25);
    move_to(f.area, st, State::Studies, LogEvent::WorkStudies, f.ctx(0));
    students.push_back(st);
  }
  f.area.due.clear();
  for (auto i : seekers) f.due(i, NextEvent::FindWork, 5);
  for (auto i : students) f.due(i, NextEvent::FindWork, 5);
  baseline_transitions(f.area, f.ctx(5));
  int work = 0, studies = 0;
  for (auto i : seekers) {
    const State s = f.area.agents.state_of(i);
    REQUIRE((s == State::Work || s == State::Studies));
    (s == State::Work ? work : studies)++;
  }
  // studies_share 0.25 of 2 000: 500 ± 4 sd (sd = sqrt(2000 × 0.25 × 0.75) ≈ 19.4)
  CHECK(std::abs(studies - 500) < 78);
  for (auto i : students) CHECK(f.area.agents.state_of(i) == State::Work);
  CHECK(f.area.month.flow[static_cast<int>(State::Studies)][static_cast<int>(State::Work)] == 2000);
  CHECK(f.area.month.flow[static_cast<int>(State::JobSeeking)][static_cast<int>(State::Work)] == work);
}

TEST_CASE("job seekers and students are at risk of the new routes", "[sim][transitions]") {
  AreaFixture f(
      {"population.relapse_per_month=0", "population.mortality_per_year=0", "population.emigration_per_year=0"});
  const std::size_t s = f.person(35);
  move_to(f.area, s, State::Studies, LogEvent::WorkStudies, f.ctx(0));
  CHECK(f.area.agents.next[s] == static_cast<std::uint8_t>(NextEvent::FindWork));  // the only hazard left
  move_to(f.area, s, State::Work, LogEvent::WorkStudies, f.ctx(1));
  CHECK(f.area.agents.next[s] != static_cast<std::uint8_t>(NextEvent::FindWork));  // work is not left for work
}

TEST_CASE("a support change moves to another source, and the census follows", "[sim][transitions]") {
  AreaFixture f;
  constexpr std::uint8_t kSocialAssistance = 2;
  std::vector<std::size_t> people;
  for (int k = 0; k < 1000; ++k) people.push_back(f.person(30, 0, kSocialAssistance));
  f.area.due.clear();
  for (auto i : people) f.due(i, NextEvent::SupportChange, 5);
  baseline_transitions(f.area, f.ctx(5));
  for (auto i : people) {
    CHECK(f.area.agents.support[i] != kSocialAssistance);
    CHECK(f.area.agents.state_of(i) == State::Target);
    CHECK(f.area.agents.wake[i] > 5);  // the next event is drawn anew
  }
  const auto& target = f.area.census[static_cast<int>(State::Target)];
  CHECK(target[kSocialAssistance] == 0);
  CHECK(finsim::test::census_of(f.area, State::Target) == 1000);
}
