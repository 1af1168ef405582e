// Specification of sim/event_calendar.cpp: a month holds exactly the people filed under it (in any
// order), whether filed while its block was still closed or after it opened; months outside the
// calendar file nothing; take() empties a month; renumbering follows a compaction.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "sim/event_calendar.h"

using namespace finsim;

namespace {

std::vector<std::uint32_t> sorted_copy(std::vector<std::uint32_t> v) {
  std::sort(v.begin(), v.end());
  return v;
}

}  // namespace

TEST_CASE("event calendar: covers its months only", "[sim][event_calendar]") {
  EventCalendar c;
  CHECK(c.empty());
  CHECK_FALSE(c.covers(0));
  c.file(0, 1);  // no months: nothing filed, nothing to fail
  c.reset(-3, 2);
  CHECK_FALSE(c.empty());
  CHECK(c.first_month() == -3);
  CHECK(c.months() == 6);
  CHECK_FALSE(c.covers(-4));
  CHECK(c.covers(-3));
  CHECK(c.covers(2));
  CHECK_FALSE(c.covers(3));
  CHECK_FALSE(c.covers(32767));
  c.file(-4, 7);
  c.file(3, 7);
  c.file(32767, 7);
  for (int m = -3; m <= 2; ++m) CHECK(c.entries(m).empty());
  c.reset(5, 4);  // last before first: no months
  CHECK(c.empty());
}

TEST_CASE("event calendar: every month holds what was filed under it, across blocks", "[sim][event_calendar]") {
  constexpr int kFirst = -10;
  constexpr int kLast = 60;  // four blocks and a bit
  EventCalendar c;
  c.reset(kFirst, kLast);
  std::vector<std::vector<std::uint32_t>> expected(kLast - kFirst + 1);
  std::mt19937 gen(12);
  std::uniform_int_distribution<int> month(kFirst - 5, kLast + 5);
  std::uniform_int_distribution<std::uint32_t> person(0, 999);
  // Reads in between open the blocks one after another; later filings go to open and closed blocks.
  for (int round = 0; round < 5; ++round) {
    for (int k = 0; k < 1500; ++k) {
      const int m = month(gen);
      const std::uint32_t p = person(gen);
      c.file(m, p);
      if (m >= kFirst && m <= kLast) expected[static_cast<std::size_t>(m - kFirst)].push_back(p);
    }
    const int m = kFirst + round * 13;
    INFO("round " << round << ", month " << m);
    CHECK(sorted_copy(c.take(m)) == sorted_copy(expected[static_cast<std::size_t>(m - kFirst)]));
    expected[static_cast<std::size_t>(m - kFirst)].clear();
    CHECK(c.entries(m).empty());
  }
  for (int m = kFirst; m <= kLast; ++m) {
    INFO("month " << m);
    CHECK(sorted_copy(c.entries(m)) == sorted_copy(expected[static_cast<std::size_t>(m - kFirst)]));
  }
  // A copy carries both levels with it.
  c.file(0, 5);
  EventCalendar copy = c;
  expected[static_cast<std::size_t>(0 - kFirst)].push_back(5);
  CHECK(sorted_copy(copy.entries(0)) == sorted_copy(expected[static_cast<std::size_t>(0 - kFirst)]));
  CHECK(sorted_copy(c.entries(0)) == sorted_copy(expected[static_cast<std::size_t>(0 - kFirst)]));
}

TEST_CASE("event calendar: renumbering drops the gone and maps the rest, in open and closed blocks",
          "[sim][event_calendar]") {
  constexpr std::uint32_t kGone = UINT32_MAX;
  constexpr int kLater = EventCalendar::kBlockMonths + 3;  // a month of the second block, still closed
  EventCalendar c;
  c.reset(0, 2 * EventCalendar::kBlockMonths);
  for (const std::uint32_t i : {4u, 1u, 3u}) c.file(1, i);
  c.file(2, 2);
  c.file(0, 1);
  for (const std::uint32_t i : {2u, 0u, 4u}) c.file(kLater, i);
  // People 1 and 2 leave; 3 → 1, 4 → 2, 0 → 0.
  const std::vector<std::uint32_t> to = {0, kGone, kGone, 1, 2};
  c.renumber([&](std::uint32_t i) { return to[i]; }, kGone);
  CHECK(c.entries(0).empty());
  CHECK(sorted_copy(c.entries(1)) == std::vector<std::uint32_t>{1, 2});
  CHECK(c.entries(2).empty());
  CHECK(sorted_copy(c.entries(kLater)) == std::vector<std::uint32_t>{0, 2});
  CHECK(sorted_copy(c.take(kLater)) == std::vector<std::uint32_t>{0, 2});
}
