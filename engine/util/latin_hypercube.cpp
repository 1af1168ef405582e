#include "util/latin_hypercube.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>
#include <utility>

#include "util/rng.h"

namespace finsim {

std::uint32_t name_stream(std::string_view name) {
  std::uint32_t h = 2166136261u;
  for (const unsigned char c : name) h = (h ^ c) * 16777619u;
  return h;
}

std::vector<std::vector<double>> latin_hypercube(std::size_t samples, const std::vector<std::uint32_t>& streams,
                                                 std::uint32_t seed) {
  std::vector<std::uint32_t> sorted = streams;
  std::sort(sorted.begin(), sorted.end());
  if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end())
    throw std::invalid_argument("latin_hypercube: two dimensions share a stream, so their draws would be equal");
  const std::size_t dimensions = streams.size();
  std::vector<std::vector<double>> out(samples, std::vector<double>(dimensions));
  std::vector<std::size_t> perm(samples);
  for (std::size_t k = 0; k < dimensions; ++k) {
    // "Month" 0 shuffles the strata, "month" 1 places the point inside its stratum.
    const StreamRng shuffle(RunKey{seed, 0}, streams[k], 0);
    const StreamRng place(RunKey{seed, 0}, streams[k], 1);
    std::iota(perm.begin(), perm.end(), std::size_t{0});
    for (std::size_t i = samples; i > 1; --i) {  // Fisher–Yates
      const auto j = static_cast<std::size_t>(shuffle.uniform(Purpose::LatinHypercube, static_cast<std::uint32_t>(i)) *
                                              static_cast<double>(i));
      std::swap(perm[i - 1], perm[j < i ? j : i - 1]);
    }
    for (std::size_t i = 0; i < samples; ++i) {
      const double u = place.uniform(Purpose::LatinHypercube, static_cast<std::uint32_t>(i));
      out[i][k] = (static_cast<double>(perm[i]) + u) / static_cast<double>(samples);
    }
  }
  return out;
}

}  // namespace finsim
