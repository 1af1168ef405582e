// Whole-krona rounding: floor of a share with decimal tolerance, largest-remainder apportionment.
#include <catch2/catch.hpp>

#include "funding/apportion.h"

using namespace finsim;

TEST_CASE("floor_share: decimal shares floor as a person would", "[funding]") {
  // (1 − 0.1) × 1 000 000 is 900 000, although 0.9 has no exact binary form.
  CHECK(floor_share(1'000'000, 1.0L - static_cast<long double>(0.1)) == 900'000);
  CHECK(floor_share(1'000'000, static_cast<long double>(1.1)) == 1'100'000);
  CHECK(floor_share(3'999'996, static_cast<long double>(0.12)) == 479'999);  // 479 999.52
  CHECK(floor_share(7, 0.5L) == 3);
  CHECK(floor_share(0, 0.3L) == 0);
}

TEST_CASE("apportion: largest remainder, ties to the lower index", "[funding]") {
  // 7 × (0.125, 0.3, 0.575) = 0.875, 2.1, 4.025 → floors 0, 2, 4 (sum 6); the krona left goes to
  // the largest fractional part, 0.875.
  CHECK(apportion(7, {0.125L, 0.3L, 0.575L}) == std::vector<Sek>{1, 2, 4});
  // 100 / 3 each: floors 33 × 3 = 99, equal fractions → the lower index gets the krona.
  CHECK(apportion(100, {1.0L, 1.0L, 1.0L}) == std::vector<Sek>{34, 33, 33});
  // 2 left over, equal fractions → indices 0 and 1.
  CHECK(apportion(1'000'001, {1.0L, 1.0L, 1.0L}) == std::vector<Sek>{333'334, 333'334, 333'333});
  // A part without weight never gets money.
  CHECK(apportion(5, {0.0L, 1.0L, 1.0L}) == std::vector<Sek>{0, 3, 2});
  CHECK(apportion(0, {1.0L, 2.0L}) == std::vector<Sek>{0, 0});
}

TEST_CASE("apportion: the parts always add up to the total", "[funding]") {
  const std::vector<long double> w{0.1L, 0.2L, 0.3L, 0.15L, 0.25L, 1e-9L, 0.33333L};
  for (Sek total : {Sek{1}, Sek{13}, Sek{999'999}, Sek{339'000'000}, Sek{1'234'567'891}}) {
    const std::vector<Sek> parts = apportion(total, w);
    Sek sum = 0;
    for (Sek p : parts) {
      CHECK(p >= 0);
      sum += p;
    }
    CHECK(sum == total);
  }
}
