#include "output/study_labels.h"

#include <catch2/catch.hpp>
#include <stdexcept>
#include <string>

using finsim::decode_study_labels;
using finsim::encode_study_labels;
using finsim::StudyLabels;

namespace {

StudyLabels labels() {
  return {"design sobol.csv",
          4294967295u,
          3,
          "scenarios/baseline.toml",
          "../s/state-plus-50.toml",
          "baseline",
          "state-plus-50",
          {"population.inflow_per_year", "costs.rate.2025"},
          {"triangular(0.1, 0.11, 0.25)", "uniform(0.5, 1.5)"}};
}

}  // namespace

TEST_CASE("output: study labels travel through a shard header unchanged", "[output][study]") {
  const StudyLabels l = labels();
  const std::string bytes = encode_study_labels(l);
  CHECK(decode_study_labels(bytes) == l);
  // The encoding is the same for the same labels (merge compares the shards' bytes).
  CHECK(encode_study_labels(labels()) == bytes);
  StudyLabels other = l;
  other.sample_seed = 2;
  CHECK(encode_study_labels(other) != bytes);
}

TEST_CASE("output: bytes that are not study labels are refused", "[output][study]") {
  const std::string bytes = encode_study_labels(labels());
  CHECK_THROWS_AS(decode_study_labels(bytes.substr(0, bytes.size() - 1)), std::runtime_error);
  CHECK_THROWS_AS(decode_study_labels(bytes + "x"), std::runtime_error);
  CHECK_THROWS_AS(decode_study_labels(""), std::runtime_error);
  StudyLabels odd = labels();
  odd.distributions.pop_back();  // a key without its distribution
  CHECK_THROWS_AS(decode_study_labels(encode_study_labels(odd)), std::runtime_error);
}
