#include "output/study_labels.h"

namespace finsim {

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
