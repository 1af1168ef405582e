#include "output/csv_export.h"

#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "output/atomic_file.h"
#include "output/event_log_reader.h"
#include "output/hdf5_file.h"
#include "util/error.h"
#include "util/text.h"

namespace finsim {
namespace {

// Every element of a dataset as CSV-ready text, row-major.
std::vector<std::string> cells(const h5::Group& g, const std::string& name) {
  const auto info = h5::dataset_info(g, name);
  std::vector<std::string> out;
  if (info.dtype == "str") {
    for (const auto& s : h5::read_strings(g, name)) out.push_back(csv_field(s));
  } else if (info.dtype.rfind("int", 0) == 0 || info.dtype.rfind("uint", 0) == 0) {
    for (auto v : h5::read_int64(g, name).values) out.push_back(std::to_string(v));
  } else if (info.dtype.rfind("float", 0) == 0) {
    for (auto v : h5::read_double(g, name).values) out.push_back(shortest_number(v));
  } else {
    throw InputError(g.file_name() + ": " + g.path_of(name) + ": cannot export type " + info.dtype);
  }
  return out;
}

void write_dataset(const h5::Group& g, const std::string& name, const std::vector<std::string>& dims,
                   const std::filesystem::path& file) {
  const auto info = h5::dataset_info(g, name);
  std::vector<std::vector<std::string>> labels;
  for (std::size_t axis = 0; axis < dims.size(); ++axis) {
    std::vector<std::string> l;
    if (!dims[axis].empty() && g.has(dims[axis])) l = cells(g, dims[axis]);
    if (l.size() != info.shape[axis]) {  // no coordinate values: the position along the axis
      l.clear();
      for (std::size_t i = 0; i < info.shape[axis]; ++i) l.push_back(std::to_string(i));
    }
    labels.push_back(std::move(l));
  }
  const auto values = cells(g, name);
  std::ofstream out(file);
  if (!out) throw std::runtime_error(file.string() + ": cannot write: " + std::strerror(errno));
  for (std::size_t axis = 0; axis < dims.size(); ++axis)
    out << csv_field(dims[axis].empty() ? "axis" + std::to_string(axis) : dims[axis]) << ",";
  out << "value\n";
  std::vector<std::size_t> index(dims.size(), 0);
  for (const auto& v : values) {
    for (std::size_t axis = 0; axis < dims.size(); ++axis) out << labels[axis][index[axis]] << ",";
    out << v << "\n";
    for (std::size_t axis = dims.size(); axis-- > 0;) {
      if (++index[axis] < info.shape[axis]) break;
      index[axis] = 0;
    }
  }
  out.close();
  if (!out) throw std::runtime_error(file.string() + ": write failed");
}

// The event log as one table with labels, a block of records at a time (it can be long).
void write_event_log(const h5::Group& scenario, const std::filesystem::path& file) {
  const EventLogReader log(scenario);
  std::ofstream out(file);
  if (!out) throw std::runtime_error(file.string() + ": cannot write: " + std::strerror(errno));
  out << "replication,month,agent,forbund,event,from_state,to_state,insats\n";
  constexpr std::size_t kBlock = 1 << 20;
  for (std::size_t first = 0; first < log.size(); first += kBlock)
    for (const auto& r : log.read(first, kBlock))
      out << r.replication << "," << r.month << "," << r.agent << "," << csv_field(r.forbund) << "," << r.event << ","
          << r.from_state << "," << r.to_state << "," << csv_field(r.insats) << "\n";
  out.close();
  if (!out) throw std::runtime_error(file.string() + ": write failed");
}

void write_attributes(const ResultsFile& results, const std::filesystem::path& file) {
  std::ofstream attrs(file);
  if (!attrs) throw std::runtime_error(file.string() + ": cannot write: " + std::strerror(errno));
  attrs << "object,attribute,value\n";
  const auto root = results.file.root();
  for (const auto& a : root.attributes())
    attrs << "/," << csv_field(a.name) << "," << csv_field(h5::to_string(a.value)) << "\n";
  for (const auto& a : results.group.attributes())
    attrs << csv_field(results.group.path()) << "," << csv_field(a.name) << "," << csv_field(h5::to_string(a.value))
          << "\n";
  for (const auto& child : results.group.children()) {
    if (child.kind != h5::Kind::dataset) continue;
    for (const auto& a : results.group.attributes(child.name))
      attrs << csv_field(results.group.path_of(child.name)) << "," << csv_field(a.name) << ","
            << csv_field(h5::to_string(a.value)) << "\n";
  }
  attrs.close();
  if (!attrs) throw std::runtime_error(file.string() + ": write failed");
}

// The files of one export: each written as NAME.partial.PID (output/atomic_file.h) and renamed
// over NAME only when every one is written, so a failed export leaves the folder as it was (no mix
// of old and new tables). The PartialFiles remove their temporaries if the export fails.
class ExportFiles {
 public:
  explicit ExportFiles(std::filesystem::path dir) : dir_(std::move(dir)) {}
  // Where to write `name` for now. An existing NAME that is not a regular file is refused first.
  std::filesystem::path add(const std::string& name) {
    std::error_code ec;
    const auto final = dir_ / name;
    if (std::filesystem::exists(final, ec) && !std::filesystem::is_regular_file(final, ec))
      throw InputError(final.string() +
                       ": exists and is not a regular file; export would replace it (give "
                       "another --csv folder)");
    files_.emplace_back(final);
    return files_.back().partial_path();
  }
  void commit() {
    for (auto& f : files_) f.commit();
  }

 private:
  std::filesystem::path dir_;
  std::vector<PartialFile> files_;
};

}  // namespace

std::size_t export_csv(const ResultsFile& results, const std::filesystem::path& dir) {
  struct Table {
    std::string name;
    std::vector<std::string> dims;
  };
  std::vector<Table> tables;
  for (const auto& child : results.group.children()) {
    if (child.kind != h5::Kind::dataset) continue;
    auto dims = h5::dimension_names(results.group, child.name);
    if (dims.size() == 1 && dims[0] == child.name) continue;  // a coordinate: its labels are columns elsewhere
    tables.push_back({child.name, std::move(dims)});
  }
  ExportFiles files(dir);
  // Every name is checked before anything is written.
  std::vector<std::filesystem::path> paths;
  for (const auto& t : tables) paths.push_back(files.add(t.name + ".csv"));
  const bool events = results.group.has("events");
  const auto events_path = events ? files.add("events.csv") : std::filesystem::path();
  // Provenance next to the data, so a spreadsheet keeps its link to the run.
  const auto attributes_path = files.add("attributes.csv");
  for (std::size_t i = 0; i < tables.size(); ++i)
    write_dataset(results.group, tables[i].name, tables[i].dims, paths[i]);
  if (events) write_event_log(results.group, events_path);
  write_attributes(results, attributes_path);
  files.commit();
  return tables.size() + (events ? 1 : 0);
}

}  // namespace finsim
