#include "output/event_log_writer.h"

#include <functional>
#include <string>

#include "output/results_writer.h"

namespace finsim {
namespace {

// CF's flag_values / flag_meanings pair: how xarray users and ncdump readers decode the codes.
std::vector<h5::Attribute> flags(const std::string& long_name, const char* const* labels, std::size_t n) {
  std::vector<std::int64_t> values;
  std::string meanings;
  for (std::size_t k = 0; k < n; ++k) {
    values.push_back(static_cast<std::int64_t>(k));
    meanings += (k ? " " : "") + std::string(labels[k]);
  }
  return {{"units", std::string("1")}, {"long_name", long_name}, {"flag_values", values}, {"flag_meanings", meanings}};
}

// One column: the field of every record, replication by replication (never all in memory).
template <class T>
void write_column(const h5::Group& g, const std::string& name, std::size_t length,
                  const std::vector<h5::Attribute>& attrs, const std::vector<ReplicationResult>& results,
                  const std::function<T(const ReplicationResult&, const EventRecord&)>& field) {
  auto column = h5::ColumnWriter::create<T>(g, name, length, "record", attrs);
  std::vector<T> values;
  for (const auto& r : results) {
    values.resize(r.events.size());
    for (std::size_t k = 0; k < r.events.size(); ++k) values[k] = field(r, r.events[k]);
    column.append(std::span<const T>(values));
  }
  column.close();
}

}  // namespace

void write_event_log(const h5::Group& scenario_group, const std::vector<ReplicationResult>& results,
                     const std::string& start_month, double persons_per_agent) {
  if (results.empty() || !results.front().events_recorded) return;
  std::size_t length = 0;
  for (const auto& r : results) length += r.events.size();
  const auto g = scenario_group.create_group("events");
  g.set_attribute("description", std::string("every state change of every agent, with its cause (finsim run --events)"));
  g.set_attribute("order", std::string("replication, then month, then forbund (area), then as it happened within the area's month"));
  g.set_attribute("start_month", start_month);
  g.set_attribute("persons_per_agent", persons_per_agent);
  h5::define_dimension(g, "record", length);

  std::array<const char*, kStates + 1> states{};
  std::copy(kStateLabels.begin(), kStateLabels.end(), states.begin());
  states[kOutside] = "outside";

  // No "months since" units: xarray would try, and fail, to decode the month as a date.
  using R = const ReplicationResult&;
  using E = const EventRecord&;
  write_column<std::int32_t>(g, "replication", length, {{"units", std::string("1")}, {"long_name", std::string("replication index (the scenario group's replication coordinate)")}},
                             results, [](R r, E) { return r.replication; });
  write_column<std::int16_t>(g, "month", length, {{"units", std::string("1")}, {"long_name", std::string("month index: position in the scenario group's month dimension, 0 = start_month")}},
                             results, [](R, E e) { return e.month; });
  write_column<std::uint32_t>(g, "agent", length, {{"units", std::string("1")}, {"long_name", std::string("agent id: kommun index << 23 | serial within the kommun; the same person in every scenario of a seed")}},
                              results, [](R, E e) { return e.agent; });
  write_column<std::uint16_t>(g, "forbund", length, {{"units", std::string("1")}, {"long_name", std::string("area index (position in the scenario group's forbund dimension)")}},
                              results, [](R, E e) { return e.area; });
  write_column<std::uint8_t>(g, "event", length, flags("cause of the state change", kLogEventLabels.data(), kLogEventLabels.size()),
                             results, [](R, E e) { return e.event; });
  write_column<std::uint8_t>(g, "from_state", length, flags("state before the event (outside: not in the model before)", states.data(), states.size()),
                             results, [](R, E e) { return e.from; });
  write_column<std::uint8_t>(g, "to_state", length, flags("state after the event", states.data(), kStates),
                             results, [](R, E e) { return e.to; });
  write_column<std::int8_t>(g, "insats", length, {{"units", std::string("1")}, {"long_name", std::string("insats the person is in or queues for after the event, or the one left; -1: none (position in the scenario group's insats dimension)")}},
                            results, [](R, E e) { return e.insats; });
}

}  // namespace finsim
