#include "output/event_log_reader.h"

#include <sstream>

#include "util/error.h"

namespace finsim {
namespace {

// Codes decoded by the file's own flag_meanings, so a reader never disagrees with the file.
std::vector<std::string> flag_meanings(const h5::Group& g, const std::string& name) {
  std::vector<std::string> out;
  std::istringstream words(h5::string_attribute(g, name, "flag_meanings"));
  for (std::string w; words >> w;) out.push_back(w);
  return out;
}

std::string label_at(const std::vector<std::string>& labels, std::int64_t code, const std::string& none = "") {
  return code >= 0 && static_cast<std::size_t>(code) < labels.size() ? labels[static_cast<std::size_t>(code)] : none;
}

h5::Group open_events(const h5::Group& scenario) {
  if (!scenario.has("events"))
    throw InputError(scenario.file_name() + ": " + scenario.path_of("events") + ": no event log (run with --events)");
  return scenario.open_group("events");
}

}  // namespace

EventLogReader::EventLogReader(const h5::Group& scenario) : events_(open_events(scenario)) {
  months_ = h5::read_strings(scenario, "month");
  areas_ = h5::read_strings(scenario, "forbund");
  insatser_ = h5::read_strings(scenario, "insats");
  event_names_ = flag_meanings(events_, "event");
  from_names_ = flag_meanings(events_, "from_state");
  to_names_ = flag_meanings(events_, "to_state");
  length_ = h5::dataset_info(events_, "event").shape.at(0);
}

std::vector<DecodedEvent> EventLogReader::read(std::size_t first, std::size_t count) const {
  auto column = [&](const char* name) { return h5::read_int64_rows(events_, name, first, count).values; };
  const auto rep = column("replication"), month = column("month"), agent = column("agent"), area = column("forbund"),
             event = column("event"), from = column("from_state"), to = column("to_state"), insats = column("insats");
  std::vector<DecodedEvent> out(rep.size());
  for (std::size_t k = 0; k < rep.size(); ++k) {
    auto& r = out[k];
    r.replication = rep[k];
    r.month = label_at(months_, month[k], std::to_string(month[k]));
    r.agent = agent[k];
    r.forbund = label_at(areas_, area[k], std::to_string(area[k]));
    r.event = label_at(event_names_, event[k]);
    r.from_state = label_at(from_names_, from[k]);
    r.to_state = label_at(to_names_, to[k]);
    r.insats = label_at(insatser_, insats[k]);
  }
  return out;
}

}  // namespace finsim
