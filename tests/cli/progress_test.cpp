#include "cli/progress.h"

#include <catch2/catch.hpp>

using finsim::cli::progress_line;

TEST_CASE("progress: the line shows units, rate and time left for given counts", "[cli][progress]") {
  // 60 of 240 unit-months at 12 months a unit: 5 of 20 units after 10 s = 0.5 units/s, 15 left = 30 s;
  // a quarter of the bar's 24 marks.
  CHECK(progress_line(60, 240, 12, 10) == "[######..................] units 5/20  0.50 units/s  ETA 0:00:30   ");
  // 2 units in 4 s, 1 831 left at 0.5 units/s: 3 662 s = 1 h 1 min 2 s.
  CHECK(progress_line(24, 12 * 1833, 12, 4) == "[........................] units 2/1833  0.50 units/s  ETA 1:01:02   ");
  // A unit half done counts as not done; its months count in the rate (1.5 units in 3 s).
  CHECK(progress_line(18, 240, 12, 3) == "[#.......................] units 1/20  0.50 units/s  ETA 0:00:37   ");
}

TEST_CASE("progress: no rate, no estimate", "[cli][progress]") {
  CHECK(progress_line(0, 240, 12, 5) == "[........................] units 0/20  0.00 units/s  ETA --:--   ");
  CHECK(progress_line(60, 240, 12, 0) == "[######..................] units 5/20  0.00 units/s  ETA --:--   ");
  CHECK(progress_line(0, 0, 12, 1) == "[........................] units 0/0  0.00 units/s  ETA --:--   ");
}

TEST_CASE("progress: a finished run fills the bar, and more done than in total does not overflow it",
          "[cli][progress]") {
  CHECK(progress_line(240, 240, 12, 40) == "[########################] units 20/20  0.50 units/s  ETA 0:00:00   ");
  // (The two counters are read one after the other while workers move them.)
  CHECK(progress_line(300, 240, 12, 50) == "[########################] units 25/20  0.50 units/s  ETA --:--   ");
}

TEST_CASE("progress: a unit length of zero counts months as units", "[cli][progress]") {
  CHECK(progress_line(3, 6, 0, 3) == "[############............] units 3/6  1.00 units/s  ETA 0:00:03   ");
}

TEST_CASE("progress: a disabled line starts no thread and stops quietly", "[cli][progress]") {
  finsim::cli::Progress p(false, 12);
  p.update(12, 24);
  p.stop();
  p.stop();  // idempotent
  SUCCEED();
}
