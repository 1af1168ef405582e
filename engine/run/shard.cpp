#include "run/shard.h"

#include <algorithm>
#include <charconv>
#include <stdexcept>

namespace finsim {
namespace {

constexpr int kMaxShards = 1000000;

// A whole decimal number (no sign, no spaces), or -1.
long long whole_number(std::string_view s) {
  long long v = -1;
  if (s.empty() || s.size() > 9) return -1;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return ec == std::errc() && end == s.data() + s.size() ? v : -1;
}

}  // namespace

Shard parse_shard(const std::string& text) {
  const auto slash = text.find('/');
  const std::string want =
      "expected K/N with 1 <= K <= N <= " + std::to_string(kMaxShards) + " (e.g. 2/8), got '" + text + "'";
  if (slash == std::string::npos) throw std::invalid_argument(want);
  const long long k = whole_number(std::string_view(text).substr(0, slash));
  const long long n = whole_number(std::string_view(text).substr(slash + 1));
  if (k < 1 || n < 1 || k > n || n > kMaxShards) throw std::invalid_argument(want);
  return {static_cast<int>(k), static_cast<int>(n)};
}

std::string to_string(const Shard& shard) { return std::to_string(shard.index) + "/" + std::to_string(shard.count); }

ShardSlice::ShardSlice(Shard shard, std::size_t points, int first_replication, int replications)
    : shard_(shard),
      points_(points),
      first_(first_replication),
      total_(static_cast<std::uint64_t>(points) * static_cast<std::uint64_t>(std::max(replications, 0))) {
  if (shard.count < 1 || shard.index < 1 || shard.index > shard.count)
    throw std::invalid_argument("shard " + to_string(shard) + ": expected K/N with 1 <= K <= N");
  const auto n = static_cast<std::uint64_t>(shard.count);
  if (n > total_)
    throw std::invalid_argument("shard " + to_string(shard) + ": " + std::to_string(n) + " shards for " +
                                std::to_string(total_) + " unit(s) (points x replications); use at most " +
                                std::to_string(total_) + " shards");
  const auto k = static_cast<std::uint64_t>(shard.index - 1);
  begin_ = k * total_ / n;
  end_ = (k + 1) * total_ / n;
}

int ShardSlice::shard_of(const Unit& unit) const {
  // Block k is [⌊kU/N⌋, ⌊(k+1)U/N⌋): the unit of ordinal o is in block ⌊((o+1)N − 1)/U⌋.
  const std::uint64_t o = ordinal(unit);
  return static_cast<int>(((o + 1) * static_cast<std::uint64_t>(shard_.count) - 1) / total_) + 1;
}

std::vector<Unit> ShardSlice::units() const {
  std::vector<Unit> out;
  out.reserve(size());
  for (std::uint64_t o = begin_; o < end_; ++o)
    out.push_back({static_cast<std::size_t>(o % points_), first_ + static_cast<int>(o / points_)});
  return out;
}

}  // namespace finsim
