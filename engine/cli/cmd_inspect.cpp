// finsim inspect: the structure of an HDF5 result file (every group and dataset with shape, type,
// size and units) and its provenance attributes; --resolved prints the stored scenario text.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "cli/options.h"
#include "output/hdf5_file.h"
#include "output/results_reader.h"
#include "util/error.h"

namespace finsim::cli {
namespace {

std::string human_bytes(std::uint64_t bytes) {
  char buf[32];
  if (bytes < 1024)
    std::snprintf(buf, sizeof buf, "%llu B", static_cast<unsigned long long>(bytes));
  else if (bytes < 1024 * 1024)
    std::snprintf(buf, sizeof buf, "%.1f KiB", static_cast<double>(bytes) / 1024);
  else
    std::snprintf(buf, sizeof buf, "%.1f MiB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  return buf;
}

std::string shape_text(const h5::Shape& shape) {
  std::string s = "(";
  for (std::size_t i = 0; i < shape.size(); ++i) s += (i ? ", " : "") + std::to_string(shape[i]);
  return s + (shape.size() == 1 ? ",)" : ")");
}

// Long texts (the resolved scenario) would drown the listing: first line and a count instead.
std::string brief(const h5::AttrValue& value) {
  if (const auto* s = std::get_if<std::string>(&value)) {
    const auto lines = static_cast<std::size_t>(std::count(s->begin(), s->end(), '\n'));
    if (lines > 1 || s->size() > 200)
      return "(" + std::to_string(lines) + " lines, " + std::to_string(s->size()) + " bytes; see --resolved)";
  }
  return h5::to_string(value);
}

const std::string* text_attribute(const h5::Entry& e, const std::string& name) {
  for (const auto& a : e.attributes)
    if (a.name == name)
      if (const auto* s = std::get_if<std::string>(&a.value)) return s;
  return nullptr;
}

}  // namespace

int cmd_inspect(const Args& args) {
  po::options_description opts("Options");
  std::string path;
  opts.add_options()("file", po::value(&path)->required(), "HDF5 result file")(
      "resolved", "print the resolved scenario text stored in the file (re-runnable with finsim run)");
  po::positional_options_description pos;
  pos.add("file", 1);
  po::variables_map vm;
  if (!parse(args, opts, pos, vm, "finsim inspect FILE [--resolved]", "finsim inspect baseline.h5")) return 0;

  const auto file = h5::File::open_read(path);
  check_result_file(file, path);  // another HDF5 file or schema would be listed as if it were a result
  std::vector<h5::Entry> entries;
  h5::visit(file, [&](const h5::Entry& e) { entries.push_back(e); });

  if (vm.count("resolved")) {
    int found = 0;
    for (const auto& e : entries)
      if (e.kind == h5::Kind::group)
        if (const auto* text = text_attribute(e, "resolved_scenario")) {
          if (found++) std::cout << "\n";
          std::cout << "# " << e.path << "\n" << *text;
          if (!text->empty() && text->back() != '\n') std::cout << "\n";
        }
    if (!found) throw InputError(path + ": no resolved_scenario attribute (not a finsim result file)");
    return 0;
  }

  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  std::cout << path << " (" << human_bytes(ec ? 0 : size) << ")\n";
  // Provenance: the attributes of the root and of each group.
  for (const auto& e : entries) {
    if (e.kind != h5::Kind::group || e.attributes.empty()) continue;
    std::cout << "\n" << e.path << " attributes:\n";
    std::size_t width = 0;
    for (const auto& a : e.attributes) width = std::max(width, a.name.size());
    for (const auto& a : e.attributes)
      std::cout << "  " << a.name << std::string(width - a.name.size() + 2, ' ') << brief(a.value) << "\n";
  }
  std::cout << "\n";
  std::size_t width = 4, shape_width = 16;  // a sweep's 5-D shapes may be wider
  for (const auto& e : entries) {
    width = std::max(width, e.path.size());
    if (e.kind == h5::Kind::dataset) shape_width = std::max(shape_width, shape_text(e.info.shape).size());
  }
  const int w = static_cast<int>(width), sw = static_cast<int>(shape_width);
  std::printf("%-*s  %-*s  %-7s  %10s  %s\n", w, "path", sw, "shape", "dtype", "size", "units");
  for (const auto& e : entries) {
    if (e.kind == h5::Kind::group) {
      std::printf("%-*s  %-*s\n", w, (e.path == "/" ? e.path : e.path + "/").c_str(), sw, "group");
      continue;
    }
    const auto* units = text_attribute(e, "units");
    std::printf("%-*s  %-*s  %-7s  %10s  %s\n", w, e.path.c_str(), sw, shape_text(e.info.shape).c_str(),
                e.info.dtype.c_str(), human_bytes(e.info.bytes).c_str(), units ? units->c_str() : "");
  }
  return 0;
}

}  // namespace finsim::cli
