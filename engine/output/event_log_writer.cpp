#include "output/event_log_writer.h"

#include <functional>
#include <memory>
#include <stdexcept>
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

// One column: the field of every record, filled unit by unit.
class EventColumn {
 public:
  template <class T>
  static EventColumn of(const h5::Group& g, const std::string& name, std::size_t length,
                        const std::vector<h5::Attribute>& attrs,
                        std::function<T(const ReplicationResult&, const EventRecord&)> field) {
    auto writer = std::make_shared<h5::ColumnWriter>(h5::ColumnWriter::create<T>(g, name, length, "record", attrs));
    return EventColumn(
        writer, [writer, field = std::move(field), values = std::vector<T>()](const ReplicationResult& r) mutable {
          values.resize(r.events.size());
          for (std::size_t k = 0; k < r.events.size(); ++k) values[k] = field(r, r.events[k]);
          writer->append(std::span<const T>(values));
        });
  }
  void append(const ReplicationResult& r) { append_(r); }
  void close() { writer_->close(); }

 private:
  EventColumn(std::shared_ptr<h5::ColumnWriter> writer, std::function<void(const ReplicationResult&)> append)
      : writer_(std::move(writer)), append_(std::move(append)) {}
  std::shared_ptr<h5::ColumnWriter> writer_;
  std::function<void(const ReplicationResult&)> append_;
};

}  // namespace

void write_event_log(const h5::Group& scenario_group, const std::vector<ReplicationResult>& results,
                     const std::string& start_month, double persons_per_agent) {
  if (results.empty() || !results.front().events_recorded) return;
  std::vector<std::size_t> records;
  for (const auto& r : results) records.push_back(r.events.size());
  write_event_log(
      scenario_group, records,
      [&](std::size_t slot, ReplicationResult&) -> const ReplicationResult& { return results[slot]; }, start_month,
      persons_per_agent);
}

void write_event_log(const h5::Group& scenario_group, const std::vector<std::size_t>& records, const UnitLoader& load,
                     const std::string& start_month, double persons_per_agent) {
  std::size_t length = 0;
  for (auto n : records) length += n;
  const auto g = scenario_group.create_group("events");
  g.set_attribute("description",
                  std::string("every state change of every agent, with its cause (finsim run --events)"));
  g.set_attribute(
      "order",
      std::string("replication, then month, then forbund (area), then as it happened within the area's month"));
  g.set_attribute("start_month", start_month);
  g.set_attribute("persons_per_agent", persons_per_agent);
  h5::define_dimension(g, "record", length);

  std::array<const char*, kStates + 1> states{};
  std::copy(kStateLabels.begin(), kStateLabels.end(), states.begin());
  states[kOutside] = "outside";

  // No "months since" units: xarray would try, and fail, to decode the month as a date.
  using R = const ReplicationResult&;
  using E = const EventRecord&;
  std::vector<EventColumn> columns;
  columns.push_back(EventColumn::of<std::int32_t>(
      g, "replication", length,
      {{"units", std::string("1")},
       {"long_name", std::string("replication index (the scenario group's replication coordinate)")}},
      [](R r, E) { return r.replication; }));
  columns.push_back(EventColumn::of<std::int16_t>(
      g, "month", length,
      {{"units", std::string("1")},
       {"long_name", std::string("month index: position in the scenario group's month dimension, 0 = start_month")}},
      [](R, E e) { return e.month; }));
  columns.push_back(EventColumn::of<std::uint32_t>(
      g, "agent", length,
      {{"units", std::string("1")},
       {"long_name",
        std::string(
            "agent id: kommun index << 23 | serial within the kommun; the same person in every scenario of a seed")}},
      [](R, E e) { return e.agent; }));
  columns.push_back(EventColumn::of<std::uint16_t>(
      g, "forbund", length,
      {{"units", std::string("1")},
       {"long_name", std::string("area index (position in the scenario group's forbund dimension)")}},
      [](R, E e) { return e.area; }));
  columns.push_back(EventColumn::of<std::uint8_t>(
      g, "event", length, flags("cause of the state change", kLogEventLabels.data(), kLogEventLabels.size()),
      [](R, E e) { return e.event; }));
  columns.push_back(EventColumn::of<std::uint8_t>(
      g, "from_state", length,
      flags("state before the event (outside: not in the model before)", states.data(), states.size()),
      [](R, E e) { return e.from; }));
  columns.push_back(EventColumn::of<std::uint8_t>(
      g, "to_state", length, flags("state after the event", states.data(), kStates), [](R, E e) { return e.to; }));
  columns.push_back(EventColumn::of<std::int8_t>(
      g, "insats", length,
      {{"units", std::string("1")},
       {"long_name", std::string("insats the person is in or queues for after the event, or the one left; -1: none "
                                 "(position in the scenario group's insats dimension)")}},
      [](R, E e) { return e.insats; }));
  ReplicationResult scratch;
  for (std::size_t slot = 0; slot < records.size(); ++slot) {
    const ReplicationResult& r = load(slot, scratch);
    if (r.events.size() != records[slot])
      throw std::invalid_argument("write_event_log: unit " + std::to_string(slot) + " has " +
                                  std::to_string(r.events.size()) + " events, expected " +
                                  std::to_string(records[slot]));
    for (auto& c : columns) c.append(r);
    scratch = ReplicationResult();
  }
  for (auto& c : columns) c.close();
}

}  // namespace finsim
