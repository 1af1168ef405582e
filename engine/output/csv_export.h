// Exporting a result file to CSV for spreadsheet users: one file per dataset in tidy long format
// (one column per dimension with its labels, then the value), events.csv, attributes.csv.
#pragma once
#include <cstddef>
#include <filesystem>

#include "output/results_reader.h"

namespace finsim {

// Writes the CSV files into `dir` (which must exist) and returns how many data files it wrote
// (attributes.csv not counted). All or nothing: each is written as NAME.partial.PID and renamed
// when all are written. Throws InputError when a NAME exists and is not a regular file, and
// std::runtime_error naming a file that cannot be written; `dir` is then as it was.
std::size_t export_csv(const ResultsFile& results, const std::filesystem::path& dir);

}  // namespace finsim
