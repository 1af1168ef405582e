#include "output/study_labels.h"

#include <stdexcept>

#include "run/binary_archive.h"

namespace finsim {

template <class Ar>
void serialize(Ar& ar, StudyLabels& s) {
  static_assert(kFieldCount<StudyLabels> == 9, "StudyLabels changed: update serialize(StudyLabels)");
  ar(s.method, s.sample_seed, s.samples, s.base_file, s.scenario_file, s.base_name, s.scenario_name, s.keys,
     s.distributions);
}

std::string encode_study_labels(const StudyLabels& labels) {
  std::string out;
  ArchiveWriter w(out);
  StudyLabels copy = labels;
  w(copy);
  return out;
}

StudyLabels decode_study_labels(std::string_view bytes) {
  StudyLabels labels;
  ArchiveReader r(bytes);
  r(labels);
  if (r.remaining() != 0) throw std::runtime_error("study labels: bytes left after the labels");
  if (labels.keys.size() != labels.distributions.size())
    throw std::runtime_error("study labels: a distribution per key expected");
  return labels;
}

void write_study_labels(const h5::Group& g, const StudyLabels& s) {
  const std::size_t points = 2 * s.samples;
  std::vector<std::int32_t> sample(points), arm(points);
  for (std::size_t p = 0; p < points; ++p) {
    sample[p] = static_cast<std::int32_t>(p / 2);
    arm[p] = static_cast<std::int32_t>(p % 2);
  }
  const std::vector<std::string> dim = {"point"};
  h5::write_array(g, "study_sample", std::span<const std::int32_t>(sample), {points}, dim,
                  {{"units", std::string("1")}, {"long_name", std::string("parameter set (sample) of the point")}});
  h5::write_array(g, "study_arm", std::span<const std::int32_t>(arm), {points}, dim,
                  {{"units", std::string("1")},
                   {"long_name", std::string("0 = baseline, 1 = scenario (same parameter set and seeds)")},
                   {"flag_values", std::vector<std::int64_t>{0, 1}},
                   {"flag_meanings", std::string("baseline scenario")}});
  g.set_attribute("study_method", s.method);
  g.set_attribute("study_sample_seed", static_cast<std::int64_t>(s.sample_seed));
  g.set_attribute("study_samples", static_cast<std::int64_t>(s.samples));
  g.set_attribute("study_base_file", s.base_file);
  g.set_attribute("study_scenario_file", s.scenario_file);
  g.set_attribute("study_base_scenario", s.base_name);
  g.set_attribute("study_scenario", s.scenario_name);
  g.set_attribute("study_keys", s.keys);
  g.set_attribute("study_distributions", s.distributions);
}

}  // namespace finsim
