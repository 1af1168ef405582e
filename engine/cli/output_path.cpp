#include "cli/output_path.h"

#include <system_error>

#include "util/error.h"

namespace finsim::cli {

namespace fs = std::filesystem;

std::vector<fs::path> input_paths(const PreparedRun& run) {
  std::vector<fs::path> out;
  auto add = [&](const std::string& p) {
    if (!p.empty()) out.push_back(fs::absolute(p));
  };
  for (const auto& s : run.scenarios)
    for (const auto& f : s.chain) add(f);
  for (const auto& w : run.worlds)
    for (const auto* p : {&w->kommuner_path, &w->forbund_path, &w->need_path, &w->allocations_path}) add(*p);
  return out;
}

void check_output_path(const fs::path& output, const std::vector<fs::path>& inputs) {
  if (output.empty()) throw InputError("-o: expected a file name, got an empty one");
  std::error_code ec;
  const fs::file_status st = fs::status(output, ec);
  if (fs::is_directory(st)) throw InputError(output.string() + ": is a directory; give a file name with -o");
  if (fs::exists(st) && !fs::is_regular_file(st))
    throw InputError(output.string() +
                     ": is not a regular file (a device, pipe or socket), and the result would replace it; give "
                     "a file name with -o");
  if (!fs::exists(st)) return;
  for (const auto& input : inputs)
    if (fs::equivalent(output, input, ec))
      throw InputError(output.string() + ": is one of the run's input files (" + input.string() +
                       "); give the result another name with -o");
}

}  // namespace finsim::cli
