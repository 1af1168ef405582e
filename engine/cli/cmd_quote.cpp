// finsim quote: only the line that finsim compare prints after "Quote:", ready to paste into a
// motion, and a line with both runs' digests so that a reader can find the runs it came from. Given
// one study file (finsim study), the quote with total intervals that say what they cover.
#include <iostream>

#include "cli/options.h"
#include "cli/quote_text.h"
#include "cli/study_table.h"
#include "output/comparison.h"
#include "output/results_reader.h"
#include "output/study_summary.h"

namespace finsim::cli {
namespace {

// The quote credits the scenario run's commit only: the base run may come from another build.
std::string digests_text(const Lang& l, const Comparison& c) {
  auto run = [&](const RunIdentity& r) {
    return r.path + " (" + r.scenario + ", sha256 " + short_sha(r.scenario_sha256) + ", finsim " + r.finsim_version +
           " commit " + r.git_commit + ")";
  };
  return std::string(l.t("Runs: baseline ", "Körningar: jämförelsealternativ ")) + run(c.base) + "; scenario " + run(c.scenario);
}

}  // namespace

int cmd_quote(const Args& args) {
  po::options_description opts("Options");
  po::positional_options_description pos;
  PairedRunOptions runs;
  runs.add_to(opts, pos, false);
  opts.add_options()("all-sets", "with a study file: every parameter set, not only the calibrated ones (says so)");
  po::variables_map vm;
  if (!parse(args, opts, pos, vm, "finsim quote BASE.h5 SCENARIO.h5 [--lang sv|en]\n       finsim quote STUDY.h5 [--all-sets] [--lang sv|en]",
             "finsim quote baseline.h5 state-plus-50.h5 --lang sv"))
    return 0;
  const Lang l{runs.swedish()};
  if (runs.scenario.empty()) {  // one file: a study (finsim study), quoted with its total intervals
    if (!is_study_file(runs.base))
      throw UsageError{"give two run files (BASE.h5 SCENARIO.h5), or one study file made by finsim study"};
    std::cout << study_quote(l, summarise_study(runs.base, vm.count("all-sets") > 0)) << "\n";
    return 0;
  }
  if (vm.count("all-sets")) throw UsageError{"--all-sets: only with a study file (finsim study)"};
  const RunData b = read_run(runs.base);
  const RunData s = read_run(runs.scenario);
  // The quote is national: the per-förbund rows would only cost time.
  const Comparison c = compare_runs(b, s);
  std::cout << quote(l, c) << "\n" << digests_text(l, c) << "\n";
  return 0;
}

}  // namespace finsim::cli
