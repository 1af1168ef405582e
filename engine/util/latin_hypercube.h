// Latin hypercube sampling for uncertainty studies: n points in [0, 1)^d, each of the n equal strata
// of every dimension holding exactly one point. Reproducible from the seed (counter-based draws).
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

namespace finsim {

// [sample][dimension]; sample i of dimension k lies in stratum perm_k(i): [perm_k(i) / n, (perm_k(i) + 1) / n).
// The permutation and the position inside the stratum come from Philox keyed by (seed, streams[k],
// sample, Purpose::LatinHypercube): a dimension's draws depend on its own stream, the seed and n only,
// never on which other dimensions are drawn. Throws std::invalid_argument if two streams are equal
// (their draws would be identical).
std::vector<std::vector<double>> latin_hypercube(std::size_t samples, const std::vector<std::uint32_t>& streams,
                                                 std::uint32_t seed);

// The stream of a dimension named `name` (a parameter key): 32-bit FNV-1a of its bytes, so a key keeps
// its draws whatever other keys a study draws, on any machine.
std::uint32_t name_stream(std::string_view name);

}  // namespace finsim
