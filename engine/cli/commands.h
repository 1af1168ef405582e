// The finsim commands, one file each (cmd_<name>.cpp); main.cpp dispatches and maps errors
// to exit codes (2 for bad input or usage, 1 for failures of the machine or a bug).
#pragma once
#include <string>
#include <vector>

namespace finsim::cli {

using Args = std::vector<std::string>;

int cmd_validate(const Args& args);
int cmd_params(const Args& args);
int cmd_run(const Args& args);
int cmd_sweep(const Args& args);
int cmd_study(const Args& args);
int cmd_inspect(const Args& args);
int cmd_compare(const Args& args);
int cmd_quote(const Args& args);
int cmd_export(const Args& args);
int cmd_funding(const Args& args);
int cmd_status(const Args& args);
int cmd_merge(const Args& args);
int cmd_missing(const Args& args);
int cmd_brief(const Args& args);

// Thrown for usage errors (unknown option, missing argument): exit code 2.
struct UsageError {
  std::string message;
};

}  // namespace finsim::cli
