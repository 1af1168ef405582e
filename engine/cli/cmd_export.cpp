// finsim export: one CSV per dataset of a result file in tidy long format, plus attributes.csv and
// (if the run kept one) events.csv with labels; the writing itself is output/csv_export.
#include <filesystem>
#include <iostream>

#include "cli/options.h"
#include "output/csv_export.h"
#include "output/results_reader.h"
#include "util/error.h"

namespace finsim::cli {

int cmd_export(const Args& args) {
  po::options_description opts("Options");
  std::string path, dir;
  opts.add_options()("file", po::value(&path)->required(), "HDF5 result file")(
      "csv", po::value(&dir)->required(), "directory for the CSV files (created if missing)");
  po::positional_options_description pos;
  pos.add("file", 1);
  po::variables_map vm;
  if (!parse(args, opts, pos, vm, "finsim export FILE --csv DIR", "finsim export baseline.h5 --csv baseline-csv"))
    return 0;

  const ResultsFile f = open_results(path);
  std::error_code ec;
  const bool existed = std::filesystem::exists(dir, ec);
  std::filesystem::create_directories(dir, ec);
  if (!std::filesystem::is_directory(dir, ec))
    throw InputError(dir + ": cannot create the directory" + (ec ? ": " + ec.message() : ""));
  std::size_t written = 0;
  try {
    written = export_csv(f, dir);
  } catch (...) {
    if (!existed) std::filesystem::remove(dir, ec);  // the folder made for it, empty again
    throw;
  }
  std::cout << "wrote " << written << " CSV files and attributes.csv to " << dir << "\n";
  return 0;
}

}  // namespace finsim::cli
