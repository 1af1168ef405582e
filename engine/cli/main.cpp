// finsim: the command-line front end. The library never prints or exits; this file does both.
#include <boost/program_options/errors.hpp>
#include <filesystem>
#include <cstring>
#include <iostream>
#include <map>

#include "cli/commands.h"
#include "run/mpi_run.h"
#include "util/build_info.h"
#include "util/error.h"

namespace {

using namespace finsim::cli;

struct Command {
  int (*run)(const Args&);
  const char* summary;
};

const std::map<std::string, Command>& commands() {
  static const std::map<std::string, Command> table = {
      {"validate", {cmd_validate, "check a scenario and print a summary of its resolved world"}},
      {"run", {cmd_run, "simulate a scenario (replications in parallel), write an HDF5 result file"}},
      {"sweep", {cmd_sweep, "simulate a scenario at several points (funding levels, ...), same seeds, one file"}},
      {"study", {cmd_study, "uncertainty study: drawn parameter sets, each for baseline and scenario, one file"}},
      {"inspect", {cmd_inspect, "print the structure and provenance of a result file"}},
      {"compare", {cmd_compare, "paired differences between two result files, with a quote"}},
      {"quote", {cmd_quote, "the one-line quote of a comparison, with both runs' digests"}},
      {"brief", {cmd_brief, "the report a motion can cite: one self-contained HTML (and --pdf) in Swedish or English"}},
      {"export", {cmd_export, "write a result file's datasets as CSV files"}},
      {"params", {cmd_params, "list every scenario key with default, unit and source"}},
      {"funding", {cmd_funding, "project the funding cycle alone: state offer, matching, budget, slots per förbund"}},
      {"merge", {cmd_merge, "join the shard files of a run or sweep (--shard K/N) into its result file"}},
      {"missing", {cmd_missing, "units not yet done in a sharded run, and the Slurm --array list to resubmit"}},
      {"status", {cmd_status, "units done and missing of an unfinished run (its NAME.partial journal), or complete"}},
  };
  return table;
}

void print_help() {
  std::cout << "finsim " FINSIM_VERSION " — agent-based model of Finsam (lag 2003:1210) funding\n\n"
               "Usage: finsim COMMAND [options]    (finsim COMMAND --help for details)\n\nCommands:\n";
  for (const auto& [name, cmd] : commands()) std::cout << "  " << name << std::string(12 - name.size(), ' ') << cmd.summary << "\n";
  std::cout << "\nOptions:\n  --help       this text\n  --version    version and git commit\n\n"
               "Example:\n  finsim validate scenarios/baseline.toml\n";
}

}  // namespace

int main(int argc, char** argv) {
  const Args all(argv + 1, argv + argc);
  if (all.empty()) {
    print_help();
    return 2;
  }
  const std::string& first = all.front();
  if (first == "--help" || first == "-h" || first == "help") {
    print_help();
    return 0;
  }
  if (first == "--version") {
    std::cout << "finsim " FINSIM_VERSION " (commit " << finsim::git_commit() << ")\n";
    return 0;
  }
  const auto it = commands().find(first);
  if (it == commands().end()) {
    std::cerr << "finsim: unknown command '" << first << "' (see finsim --help)\n";
    return 2;
  }
  try {
    return it->second.run(Args(all.begin() + 1, all.end()));
  } catch (const UsageError& e) {
    if (!finsim::mpi::launched_as_other_rank())  // under mpirun, rank 0 says it once
      std::cerr << "finsim " << first << ": " << e.message << " (see finsim " << first << " --help)\n";
    return 2;
  } catch (const boost::program_options::error& e) {
    if (!finsim::mpi::launched_as_other_rank())
      std::cerr << "finsim " << first << ": " << e.what() << " (see finsim " << first << " --help)\n";
    return 2;
  } catch (const finsim::InputError& e) {
    std::cerr << "finsim: " << e.what() << "\n";
    return 2;
  } catch (const std::filesystem::filesystem_error& e) {
    // A path given to finsim that the file system refuses (a symbolic-link loop, a name too long):
    // bad input, named by its path.
    std::cerr << "finsim: " << (e.path1().empty() ? std::string() : e.path1().string() + ": ") << e.code().message()
              << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "finsim: error: " << e.what() << "\n";
    return 1;
  }
}
