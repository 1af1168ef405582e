// The labels that make a sweep file a study file (docs/uncertainty.md): which sample and which arm
// (baseline or scenario) each point is, and how the parameter sets were drawn.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "output/hdf5_file.h"

namespace finsim {

struct StudyLabels {
  std::string method = "latin hypercube";
  std::uint32_t sample_seed = 0;
  std::size_t samples = 0;
  std::string base_file, scenario_file;    // as given on the command line
  std::string base_name, scenario_name;    // scenario.name of each arm
  std::vector<std::string> keys;           // the sampled keys (the sweep's varied keys)
  std::vector<std::string> distributions;  // per key: its prior ("triangular(0.2, 0.25, 0.3)")
  bool operator==(const StudyLabels&) const = default;
};

// The labels as bytes and back (run/binary_archive.h), for a shard file's header: finsim merge writes
// the study's labels as the whole study would have (docs/cluster.md). decode throws
// std::runtime_error on bytes that are not labels.
std::string encode_study_labels(const StudyLabels& labels);
StudyLabels decode_study_labels(std::string_view bytes);

// Writes `study_sample` and `study_arm` along `point` (point 2s = sample s in the baseline, 2s + 1 in
// the scenario) and the study_* attributes of the scenario group.
void write_study_labels(const h5::Group& group, const StudyLabels& labels);

}  // namespace finsim
