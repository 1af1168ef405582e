// Latin hypercube sampling for uncertainty studies: n points in [0, 1)^d, each of the n equal strata
// of every dimension holding exactly one point. Reproducible from the seed (counter-based draws).
#pragma once
#include <cstdint>
#include <vector>

namespace finsim {

// [sample][dimension]; sample i of dimension k lies in stratum perm_k(i): [perm_k(i) / n, (perm_k(i) + 1) / n).
// The permutation and the position inside the stratum come from Philox keyed by (seed, dimension,
// sample, Purpose::LatinHypercube): adding dimensions leaves the earlier ones unchanged.
std::vector<std::vector<double>> latin_hypercube(std::size_t samples, std::size_t dimensions, std::uint32_t seed);

}  // namespace finsim
