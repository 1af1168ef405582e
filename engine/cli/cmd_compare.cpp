// finsim compare: paired differences scenario − baseline per replication (mean, 95 % interval, n):
// net effects on people in work, studies and the target group, gross exits, the Finsam money and
// where it went, public costs and revenues, cost per effect, payback on money spent and paid in
// (nationally, per förbund with --by-forbund), per län with --by-lan, and the quote.
#include <iostream>

#include "cli/compare_table.h"
#include "cli/options.h"
#include "cli/quote_text.h"
#include "output/comparison.h"
#include "output/results_reader.h"

namespace finsim::cli {

int cmd_compare(const Args& args) {
  po::options_description opts("Options");
  po::positional_options_description pos;
  PairedRunOptions runs;
  runs.add_to(opts, pos);
  std::string format = "table";
  opts.add_options()("by-forbund", "also per förbund (areas paired by label)")(
      "by-lan", "also per län (förbund areas aggregated by their län)")("format", po::value(&format), "table or csv");
  po::variables_map vm;
  if (!parse(args, opts, pos, vm,
             "finsim compare BASE.h5 SCENARIO.h5 [--by-forbund] [--by-lan] [--lang sv|en] [--format table|csv]",
             "finsim compare baseline.h5 state-plus-50.h5 --lang sv"))
    return 0;
  const Lang l{runs.swedish()};
  if (format != "table" && format != "csv") throw UsageError{"--format: expected table or csv"};
  const RunData b = read_run(runs.base);
  const RunData s = read_run(runs.scenario);
  const Comparison c = compare_runs(b, s, {.by_forbund = vm.count("by-forbund") > 0, .by_lan = vm.count("by-lan") > 0});
  if (format == "csv") print_csv(std::cout, l, c);
  else print_table(std::cout, l, c);
  return 0;
}

}  // namespace finsim::cli
