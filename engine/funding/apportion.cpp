#include "funding/apportion.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace finsim {

Sek floor_sek(long double x) {
  const long double nearest = std::round(x);
  const long double tolerance = std::max(1e-6L, std::fabs(x) * 1e-12L);
  if (std::fabs(x - nearest) <= tolerance) return static_cast<Sek>(nearest);
  return static_cast<Sek>(std::floor(x));
}

Sek floor_share(Sek amount, long double share) {
  return floor_sek(static_cast<long double>(amount) * share);
}

std::vector<Sek> apportion(Sek total, const std::vector<long double>& weights) {
  const std::size_t n = weights.size();
  std::vector<Sek> parts(n, 0);
  if (total == 0) return parts;
  if (total < 0 || n == 0) throw std::logic_error("apportion: negative total or no parts");
  const long double sum = std::accumulate(weights.begin(), weights.end(), 0.0L);
  // Callers validate their keys; reaching here with no weight is a programming error.
  if (!(sum > 0.0L)) throw std::logic_error("apportion: weights sum to zero");

  std::vector<long double> frac(n, 0.0L);
  Sek assigned = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const long double exact = static_cast<long double>(total) * (weights[i] / sum);
    const long double fl = std::floor(exact);
    parts[i] = static_cast<Sek>(fl);
    frac[i] = exact - fl;
    assigned += parts[i];
  }
  Sek left = total - assigned;
  if (left == 0) return parts;

  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  if (left > 0) {
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return frac[a] > frac[b]; });
    // Only float error can leave n or more krona; cycling keeps the sum exact in that case too.
    for (std::size_t k = 0; left > 0; k = (k + 1) % n) {
      if (weights[order[k]] <= 0.0L) continue;  // a part with no weight never gets money
      ++parts[order[k]];
      --left;
    }
  } else {
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return frac[a] < frac[b] || (frac[a] == frac[b] && a > b);
    });
    for (std::size_t k = 0; left < 0; k = (k + 1) % n) {
      if (parts[order[k]] <= 0) continue;
      --parts[order[k]];
      ++left;
    }
  }
  return parts;
}

}  // namespace finsim
