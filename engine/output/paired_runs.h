// Two runs lined up for paired differences: replications matched by index, areas matched by label
// (an area present in one run only counts as zeros in the other), months grouped into years.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "output/results_reader.h"

namespace finsim {

// A set of areas of the union (a förbund, a län, or the nation).
using AreaSet = std::vector<std::size_t>;

class PairedRuns {
 public:
  // Throws InputError naming the mismatch when the runs cannot be paired: different seed,
  // replication indices, months, payers or population scale.
  PairedRuns(const RunData& base, const RunData& scenario);

  enum class Side { base, scenario };
  const RunData& run(Side s) const { return s == Side::base ? b_ : s_; }
  // Index of replication pair i in the run's own replication order.
  std::size_t replication(Side s, std::size_t pair) const { return s == Side::base ? pairs_[pair].first : pairs_[pair].second; }

  std::size_t pairs() const { return pairs_.size(); }
  std::size_t years() const { return b_.years.size(); }
  std::size_t months() const { return b_.months.size(); }
  std::size_t payers() const { return b_.payers.size(); }
  std::size_t year_of_month(std::size_t m) const { return year_of_month_[m]; }

  // The union of the two runs' areas: the base run's in its order, then the scenario's new ones.
  std::size_t areas() const { return labels_.size(); }
  const std::string& label(std::size_t a) const { return labels_[a]; }
  const std::string& kind(std::size_t a) const { return kinds_[a]; }
  const std::string& region(std::size_t a) const { return regions_[a]; }
  const std::string& region_name(std::size_t a) const { return region_names_[a]; }
  bool in_both(std::size_t a) const { return base_index_[a] && scen_index_[a]; }
  AreaSet all_areas() const;

  // [R, Y, A] or [R, M, A] in the run's own indices, summed over an area set (0 for areas the
  // run lacks). `t` is the year or month index.
  template <class T>
  double sum3(Side s, const h5::Array<T>& v, std::size_t pair, std::size_t t, const AreaSet& areas) const {
    const std::size_t r = replication(s, pair), T_ = v.shape[1], A = v.shape[2];
    double sum = 0;
    for (std::size_t a : areas)
      if (const auto i = index(s, a)) sum += static_cast<double>(v.values[(r * T_ + t) * A + *i]);
    return sum;
  }
  // [R, M, A, K] summed over an area set and over k (k < 0) or one k.
  template <class T>
  double sum4(Side s, const h5::Array<T>& v, std::size_t pair, std::size_t m, const AreaSet& areas, int k) const {
    const std::size_t r = replication(s, pair), M = v.shape[1], A = v.shape[2], K = v.shape[3];
    double sum = 0;
    for (std::size_t a : areas) {
      const auto i = index(s, a);
      if (!i) continue;
      for (std::size_t q = 0; q < K; ++q)
        if (k < 0 || static_cast<std::size_t>(k) == q) sum += static_cast<double>(v.values[((r * M + m) * A + *i) * K + q]);
    }
    return sum;
  }
  // Index of a state label in the run's state coordinate; throws InputError when missing.
  int state(Side s, const std::string& label) const;

 private:
  std::optional<std::size_t> index(Side s, std::size_t a) const { return s == Side::base ? base_index_[a] : scen_index_[a]; }

  const RunData& b_;
  const RunData& s_;
  std::vector<std::pair<std::size_t, std::size_t>> pairs_;  // (base index, scenario index) by replication
  std::vector<std::size_t> year_of_month_;
  std::vector<std::string> labels_, kinds_, regions_, region_names_;
  std::vector<std::optional<std::size_t>> base_index_, scen_index_;
};

}  // namespace finsim
