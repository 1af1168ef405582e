// finsim export: one CSV per dataset of a result file in tidy long format (one column per
// dimension with its labels, then the value), plus attributes.csv, for spreadsheet users; the
// event log, if the run kept one, as events.csv with labels.
#include <charconv>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/options.h"
#include "output/hdf5_file.h"
#include "output/results_reader.h"
#include "util/error.h"
#include "util/text.h"

namespace finsim::cli {
namespace {

// Shortest text that reads back as the same double.
std::string shortest(double v) {
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

// Every element of a dataset as CSV-ready text, row-major.
std::vector<std::string> cells(const h5::Group& g, const std::string& name) {
  const auto info = h5::dataset_info(g, name);
  std::vector<std::string> out;
  if (info.dtype == "str") {
    for (const auto& s : h5::read_strings(g, name)) out.push_back(csv_field(s));
  } else if (info.dtype.rfind("int", 0) == 0 || info.dtype.rfind("uint", 0) == 0) {
    for (auto v : h5::read_int64(g, name).values) out.push_back(std::to_string(v));
  } else if (info.dtype.rfind("float", 0) == 0) {
    for (auto v : h5::read_double(g, name).values) out.push_back(shortest(v));
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
  if (!out) throw std::runtime_error(file.string() + ": cannot write");
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

// Codes decoded by the file's own flag_meanings, so the CSV never disagrees with the file.
std::vector<std::string> flag_meanings(const h5::Group& g, const std::string& name) {
  std::vector<std::string> out;
  std::istringstream words(h5::string_attribute(g, name, "flag_meanings"));
  for (std::string w; words >> w;) out.push_back(w);
  return out;
}

std::string label_at(const std::vector<std::string>& labels, std::int64_t code, const std::string& none = "") {
  return code >= 0 && static_cast<std::size_t>(code) < labels.size() ? labels[static_cast<std::size_t>(code)] : none;
}

// The event log as one table with labels, read a block of rows at a time (it can be long).
void write_event_log(const h5::Group& scenario, const std::filesystem::path& file) {
  const auto g = scenario.open_group("events");
  const auto months = h5::read_strings(scenario, "month");
  const auto areas = h5::read_strings(scenario, "forbund");
  const auto insatser = h5::read_strings(scenario, "insats");
  const auto events = flag_meanings(g, "event");
  const auto from = flag_meanings(g, "from_state");
  const auto to = flag_meanings(g, "to_state");
  const std::size_t length = h5::dataset_info(g, "event").shape.at(0);
  std::ofstream out(file);
  if (!out) throw std::runtime_error(file.string() + ": cannot write");
  out << "replication,month,agent,forbund,event,from_state,to_state,insats\n";
  constexpr std::size_t kBlock = 1 << 20;
  for (std::size_t first = 0; first < length; first += kBlock) {
    auto column = [&](const char* name) { return h5::read_int64_rows(g, name, first, kBlock).values; };
    const auto rep = column("replication"), month = column("month"), agent = column("agent"), area = column("forbund"),
               event = column("event"), from_state = column("from_state"), to_state = column("to_state"),
               insats = column("insats");
    for (std::size_t k = 0; k < rep.size(); ++k)
      out << rep[k] << "," << label_at(months, month[k], std::to_string(month[k])) << "," << agent[k] << ","
          << csv_field(label_at(areas, area[k], std::to_string(area[k]))) << "," << label_at(events, event[k]) << ","
          << label_at(from, from_state[k]) << "," << label_at(to, to_state[k]) << "," << csv_field(label_at(insatser, insats[k]))
          << "\n";
  }
  out.close();
  if (!out) throw std::runtime_error(file.string() + ": write failed");
}

}  // namespace

int cmd_export(const Args& args) {
  po::options_description opts("Options");
  std::string path, dir;
  opts.add_options()("file", po::value(&path)->required(), "HDF5 result file")(
      "csv", po::value(&dir)->required(), "directory for the CSV files (created if missing)");
  po::positional_options_description pos;
  pos.add("file", 1);
  po::variables_map vm;
  if (!parse(args, opts, pos, vm, "finsim export FILE --csv DIR", "finsim export baseline.h5 --csv baseline-csv")) return 0;

  const ResultsFile f = open_results(path);
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (!std::filesystem::is_directory(dir)) throw InputError(dir + ": cannot create the directory" + (ec ? ": " + ec.message() : ""));

  std::size_t written = 0;
  for (const auto& child : f.group.children()) {
    if (child.kind != h5::Kind::dataset) continue;
    const auto dims = h5::dimension_names(f.group, child.name);
    if (dims.size() == 1 && dims[0] == child.name) continue;  // a coordinate: its labels are columns elsewhere
    write_dataset(f.group, child.name, dims, std::filesystem::path(dir) / (child.name + ".csv"));
    ++written;
  }
  if (f.group.has("events")) {
    write_event_log(f.group, std::filesystem::path(dir) / "events.csv");
    ++written;
  }
  // Provenance next to the data, so a spreadsheet keeps its link to the run.
  std::ofstream attrs(std::filesystem::path(dir) / "attributes.csv");
  attrs << "object,attribute,value\n";
  const auto root = f.file.root();
  for (const auto& a : root.attributes()) attrs << "/," << csv_field(a.name) << "," << csv_field(h5::to_string(a.value)) << "\n";
  for (const auto& a : f.group.attributes())
    attrs << csv_field(f.group.path()) << "," << csv_field(a.name) << "," << csv_field(h5::to_string(a.value)) << "\n";
  for (const auto& child : f.group.children()) {
    if (child.kind != h5::Kind::dataset) continue;
    for (const auto& a : f.group.attributes(child.name))
      attrs << csv_field(f.group.path_of(child.name)) << "," << csv_field(a.name) << "," << csv_field(h5::to_string(a.value)) << "\n";
  }
  attrs.close();
  if (!attrs) throw std::runtime_error(dir + "/attributes.csv: write failed");
  std::cout << "wrote " << written << " CSV files and attributes.csv to " << dir << "\n";
  return 0;
}

}  // namespace finsim::cli
