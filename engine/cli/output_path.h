// Where a command may write its result: the checks an output path passes before any work, so that
// a device, a pipe or one of the run's own input files is never replaced by a result file.
#pragma once
#include <filesystem>
#include <vector>

#include "run/prepared_run.h"

namespace finsim::cli {

// Every file a prepared run read (its scenario files and data files), absolute: the paths are
// resolved now, from the working directory the run was prepared in.
std::vector<std::filesystem::path> input_paths(const PreparedRun& run);

// Throws InputError (one line naming the path) when `output` is empty, a directory, an existing
// file that is not a regular file (a device, pipe or socket: the final rename would replace it),
// or the same file as one of `inputs`.
void check_output_path(const std::filesystem::path& output, const std::vector<std::filesystem::path>& inputs);

}  // namespace finsim::cli
