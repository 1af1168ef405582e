// finsim brief: the report a motion can cite (docs/brief.md), one self-contained HTML file and with
// --pdf its A4 print. The writing is analysis/brief.py; this command finds it and hands over to it.
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "cli/options.h"
#include "util/build_info.h"
#include "util/error.h"

namespace finsim::cli {
namespace {

// analysis/ of the source tree this binary was built from; FINSIM_ANALYSIS_DIR overrides it
// (an installed copy, or a source tree moved after the build).
std::filesystem::path analysis_dir() {
  if (const char* dir = std::getenv("FINSIM_ANALYSIS_DIR"); dir && *dir) return dir;
  return FINSIM_ANALYSIS_DIR;
}

}  // namespace

int cmd_brief(const Args& args) {
  po::options_description opts("Options");
  po::positional_options_description pos;
  PairedRunOptions runs;
  runs.add_to(opts, pos);
  std::string sweep, study, output;
  opts.add_options()("sweep", po::value(&sweep), "sweep file (finsim sweep): adds the dose-response curve")(
      "study", po::value(&study), "study file (finsim study): adds total intervals and the assumptions that matter")(
      "output,o", po::value(&output)->required(), "the brief, an .html file")(
      "pdf", "also print it to A4 PDF next to it (same name, .pdf) with headless Chromium");
  po::variables_map vm;
  if (!parse(
          args, opts, pos, vm,
          "finsim brief BASE.h5 SCENARIO.h5 [--sweep SWEEP.h5] [--study STUDY.h5] [--lang en|sv] -o BRIEF.html [--pdf]",
          "finsim brief out/baseline.h5 out/state-plus-50.h5 --lang sv --pdf -o out/brief-sv.html"))
    return 0;
  runs.swedish();  // checks --lang
  const std::filesystem::path script = analysis_dir() / "brief.py";
  if (!std::filesystem::is_regular_file(script))
    throw InputError(script.string() +
                     ": not found (finsim brief needs the analysis/ directory of Finsim's source; "
                     "set FINSIM_ANALYSIS_DIR to it)");
  // brief.py calls back into this very binary for compare and quote, so that the brief's figures
  // are those of the finsim that made it.
  std::error_code ec;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
  Args argv = {"/usr/bin/python3",
               script.string(),
               runs.base,
               runs.scenario,
               "--lang",
               runs.lang,
               "-o",
               output,
               "--finsim",
               ec ? std::string("finsim") : self.string(),
               "--commit",
               git_commit()};
  if (!sweep.empty()) argv.insert(argv.end(), {"--sweep", sweep});
  if (!study.empty()) argv.insert(argv.end(), {"--study", study});
  if (vm.count("pdf")) argv.push_back("--pdf");
  std::vector<char*> c_argv;
  for (auto& a : argv) c_argv.push_back(a.data());
  c_argv.push_back(nullptr);
  std::cout.flush();
  execv(c_argv[0], c_argv.data());  // returns only on failure
  throw std::runtime_error(std::string("finsim brief: cannot run /usr/bin/python3: ") + std::strerror(errno));
}

}  // namespace finsim::cli
