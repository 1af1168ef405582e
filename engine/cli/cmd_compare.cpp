// finsim compare: paired differences scenario − baseline per replication (mean, 95 % interval, n):
// net effects on people in work, studies and the target group, gross exits, the Finsam money and
// where it went, public costs and revenues, cost per effect, payback on money spent and paid in
// (nationally, per förbund with --by-forbund), per län with --by-lan, and the quote. Given one
// sweep file, the dose-response table: every point against a reference point; given a study file
// (finsim study), each headline with its total interval split into assumptions and simulation noise.
#include <iostream>

#include "cli/compare_table.h"
#include "cli/dose_response_table.h"
#include "cli/options.h"
#include "cli/quote_text.h"
#include "cli/study_table.h"
#include "output/comparison.h"
#include "output/dose_response.h"
#include "output/results_reader.h"
#include "output/study_summary.h"

namespace finsim::cli {

int cmd_compare(const Args& args) {
  po::options_description opts("Options");
  po::positional_options_description pos;
  PairedRunOptions runs;
  runs.add_to(opts, pos, false);
  std::string format = "table";
  long long reference = 0;  // signed, so that -1 is refused as -1, not as 2^64 - 1
  opts.add_options()("by-forbund", "also per förbund (areas paired by label)")(
      "by-lan", "also per län (förbund areas aggregated by their län)")("format", po::value(&format), "table or csv")(
      "reference", po::value(&reference), "with one sweep file: the reference point (default 0)")(
      "all-sets", "with a study file: every parameter set, not only those the calibration targets keep");
  po::variables_map vm;
  if (!parse(args, opts, pos, vm,
             "finsim compare BASE.h5 SCENARIO.h5 [--by-forbund] [--by-lan] [--lang sv|en] [--format table|csv]\n"
             "       finsim compare SWEEP.h5 [--reference K] [--lang sv|en] [--format table|csv]   (dose-response table)\n"
             "       finsim compare STUDY.h5 [--all-sets] [--lang sv|en] [--format table|csv]   (finsim study: total "
             "intervals over the calibrated sets, docs/uncertainty.md)",
             "finsim compare baseline.h5 state-plus-50.h5 --lang sv"))
    return 0;
  const Lang l{runs.swedish()};
  if (format != "table" && format != "csv") throw UsageError{"--format: expected table or csv"};
  if (runs.scenario.empty()) {  // one file: a sweep
    if (vm.count("by-forbund") || vm.count("by-lan"))
      throw UsageError{"--by-forbund and --by-lan compare two runs; the dose-response table of a sweep is national"};
    if (is_study_file(runs.base)) {  // finsim study: total intervals (docs/uncertainty.md)
      if (vm.count("reference")) throw UsageError{"--reference: for sweeps, not a study file"};
      const StudySummary s = summarise_study(runs.base, vm.count("all-sets") > 0);
      if (format == "csv") print_study_csv(std::cout, l, s);
      else print_study(std::cout, l, s);
      return 0;
    }
    if (vm.count("all-sets")) throw UsageError{"--all-sets: only with a study file (finsim study)"};
    if (reference < 0) throw UsageError{"--reference: expected a point number from 0, got " + std::to_string(reference)};
    const DoseResponse d = dose_response(runs.base, static_cast<std::size_t>(reference));
    if (format == "csv") print_dose_response_csv(std::cout, l, d);
    else print_dose_response(std::cout, l, d);
    return 0;
  }
  if (vm.count("reference")) throw UsageError{"--reference: only with one sweep file"};
  if (vm.count("all-sets")) throw UsageError{"--all-sets: only with a study file (finsim study)"};
  const RunData b = read_run(runs.base);
  const RunData s = read_run(runs.scenario);
  const Comparison c = compare_runs(b, s, {.by_forbund = vm.count("by-forbund") > 0, .by_lan = vm.count("by-lan") > 0});
  if (format == "csv") print_csv(std::cout, l, c);
  else print_table(std::cout, l, c);
  return 0;
}

}  // namespace finsim::cli
