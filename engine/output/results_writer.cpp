#include "output/results_writer.h"

#include <stdexcept>
#include <unordered_map>

#include "output/hdf5_file.h"
#include "output/ledger_arrays.h"
#include "output/monthly_arrays.h"
#include "output/parameter_table.h"
#include "output/result_coordinates.h"
#include "output/result_frame.h"
#include "output/unit_arrays.h"
#include "output/yearly_arrays.h"

namespace finsim {

std::string scenario_group_path(const std::string& scenario_name) {
  std::string name = scenario_name;
  for (auto& ch : name)
    if (ch == '/') ch = '_';
  return "scenarios/" + name;
}

// The open file once the first unit came: declared so that the arrays and groups close before the file.
struct ResultWriter::Open {
  Open(h5::File f, h5::Group g, const Scenario& scenario, const std::vector<Region>& regions,
       const ReplicationResult& reference, Lead lead)
      : file(std::move(f)),
        group(std::move(g)),
        frame(group, scenario, regions, reference, std::move(lead)),
        arrays(frame) {
    added.assign(frame.units(), 0);
    events = reference.events_recorded;
    if (events) records.assign(frame.units(), 0);
  }
  h5::File file;
  h5::Group group;
  ResultFrame frame;
  UnitArrays arrays;
  std::vector<char> added;
  std::size_t count = 0;
  bool events = false;
  std::vector<std::size_t> records;  // per slot, with an event log
};

ResultWriter::ResultWriter(std::filesystem::path path, const Scenario& scenario, const World& world,
                           std::vector<std::int32_t> replications, RunInfo run)
    : path_(std::move(path)),
      scenario_(scenario),
      world_(world),
      replications_(std::move(replications)),
      run_(std::move(run)) {
  h5::detail::prepare_library();  // per thread: see add()
  if (replications_.empty()) throw std::invalid_argument("write_results: no replications");
}

ResultWriter::ResultWriter(std::filesystem::path path, const Scenario& base, const World& world,
                           std::vector<std::string> varied_keys, std::vector<SweepPoint> points,
                           std::vector<std::int32_t> replications, RunInfo run,
                           std::function<void(const h5::Group&)> annotate)
    : path_(std::move(path)),
      scenario_(base),
      world_(world),
      keys_(std::move(varied_keys)),
      points_(std::move(points)),
      replications_(std::move(replications)),
      run_(std::move(run)),
      annotate_(std::move(annotate)) {
  h5::detail::prepare_library();  // per thread: see add()
  check_sweep_points(base, keys_, points_);
  if (replications_.empty()) throw std::invalid_argument("write_sweep: no replications");
}

ResultWriter::~ResultWriter() = default;

std::size_t ResultWriter::added() const { return open_ ? open_->count : 0; }

void ResultWriter::add(std::size_t point, const ReplicationResult& unit) {
  // libhdf5's error printing is switched off per thread, and units may come on another thread
  // than the one that made the writer (which finishes or destroys it).
  h5::detail::prepare_library();
  const bool sweep = !points_.empty();
  if (point >= (sweep ? points_.size() : 1))
    throw std::invalid_argument("write_results: no point " + std::to_string(point));
  std::size_t rep = 0;
  while (rep < replications_.size() && replications_[rep] != unit.replication) ++rep;
  if (rep == replications_.size())
    throw std::invalid_argument("write_results: replication " + std::to_string(unit.replication) +
                                " is not one of the file's");
  if (sweep && unit.events_recorded) throw std::invalid_argument("write_sweep: event logs are not written for sweeps");
  if (!open_) {
    // What a run and a sweep file share: root and scenario attributes, then the sweep's point
    // labels, the coordinates and the arrays, all created now with their full shapes.
    auto file = h5::File::create(path_);
    const auto root = file.root();
    for (const auto& a : root_attributes(run_)) root.set_attribute(a.name, a.value);
    auto group = file.create_group(scenario_group_path(scenario_.config.meta.name));
    for (const auto& a :
         scenario_attributes(scenario_, world_, replications_.front(), static_cast<int>(replications_.size())))
      group.set_attribute(a.name, a.value);
    Lead lead{{"replication"}, {replications_.size()}, {}, replications_};
    if (sweep) {
      group.set_attribute("sweep_varied_keys", keys_);
      group.set_attribute("sweep_points", static_cast<std::int64_t>(points_.size()));
      write_sweep_points(group, keys_, points_);
      lead.dims.insert(lead.dims.begin(), "point");
      lead.shape.insert(lead.shape.begin(), points_.size());
      for (const auto& p : points_) lead.points.push_back(p.scenario);
    }
    open_ = std::make_unique<Open>(std::move(file), std::move(group), scenario_, world_.geography.regions, unit,
                                   std::move(lead));
    const ResultFrame& frame = open_->frame;
    write_coordinates(frame);
    add_monthly_arrays(frame, open_->arrays);
    add_yearly_arrays(frame, open_->arrays);
    add_ledger_arrays(frame, open_->arrays);
    write_parameter_table(frame);
  }
  Open& o = *open_;
  o.frame.check(unit);
  if (unit.events_recorded != o.events)
    throw std::invalid_argument("write_results: replication " + std::to_string(unit.replication) +
                                (o.events ? " has no event log" : " has an event log"));
  const std::size_t slot = point * replications_.size() + rep;
  if (o.added[slot])
    throw std::invalid_argument("write_results: unit (point " + std::to_string(point) + ", replication " +
                                std::to_string(unit.replication) + ") given twice");
  o.arrays.write(slot, unit);
  if (o.events) o.records[slot] = unit.events.size();
  o.added[slot] = 1;
  ++o.count;
}

void ResultWriter::finish(const UnitLoader& again) {
  if (!open_) throw std::invalid_argument("write_results: no replications");
  Open& o = *open_;
  if (o.count != o.added.size())
    throw std::invalid_argument("write_results: " + std::to_string(o.added.size() - o.count) + " of " +
                                std::to_string(o.added.size()) + " units not given");
  o.arrays.close();
  if (o.events) {
    if (!again) throw std::invalid_argument("write_results: the event log needs the units again");
    write_event_log(o.group, o.records, again, scenario_.config.meta.start.label(),
                    1.0 / scenario_.config.population.scale);
  }
  if (!points_.empty()) {
    mark_point_coordinates(o.group, keys_);
    if (annotate_) annotate_(o.group);
  }
  h5::File file = std::move(o.file);
  open_.reset();  // groups and datasets first, so that HDF5 really closes the file
  file.close();
}

void write_results(const std::filesystem::path& path, const Scenario& scenario, const World& world,
                   const std::vector<ReplicationResult>& results, const RunInfo& run) {
  if (results.empty()) throw std::invalid_argument("write_results: no replications");
  std::vector<std::int32_t> replications;
  for (const auto& r : results) replications.push_back(r.replication);
  ResultWriter writer(path, scenario, world, replications, run);
  for (const auto& r : results) writer.add(0, r);
  writer.finish([&](std::size_t slot, ReplicationResult&) -> const ReplicationResult& { return results[slot]; });
}

void write_sweep(const std::filesystem::path& path, const Scenario& base, const World& world,
                 const std::vector<std::string>& varied_keys, std::span<const PointResults> points, const RunInfo& run,
                 const std::function<void(const h5::Group&)>& annotate) {
  const auto results = sweep_replications(base, varied_keys, points);
  std::vector<std::int32_t> replications;
  for (const auto& r : *points.front().replications) replications.push_back(r.replication);
  ResultWriter writer(path, base, world, varied_keys, sweep_points(points), replications, run, annotate);
  for (std::size_t i = 0; i < results.size(); ++i) writer.add(i / replications.size(), *results[i]);
  writer.finish();
}

}  // namespace finsim
