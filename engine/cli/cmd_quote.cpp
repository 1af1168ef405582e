// finsim quote: only the line that finsim compare prints after "Quote:", ready to paste into a
// motion, and a line with both runs' digests so that a reader can find the runs it came from.
#include <iostream>

#include "cli/options.h"
#include "cli/quote_text.h"
#include "output/comparison.h"
#include "output/results_reader.h"

namespace finsim::cli {
namespace {

// The quote credits the scenario run's commit only: the base run may come from another build.
std::string digests_text(const Lang& l, const Comparison& c) {
  auto run = [&](const RunIdentity& r) {
    return r.path + " (" + r.scenario + ", sha256 " + short_sha(r.scenario_sha256) + ", finsim " + r.finsim_version +
           " commit " + r.git_commit + ")";
  };
  return std::string(l.t("Runs: base ", "Körningar: bas ")) + run(c.base) + "; scenario " + run(c.scenario);
}

}  // namespace

int cmd_quote(const Args& args) {
  po::options_description opts("Options");
  std::string base, scenario, lang = "en";
  opts.add_options()("base", po::value(&base)->required(), "result file of the base run")(
      "scenario", po::value(&scenario)->required(), "result file of the scenario run")(
      "lang", po::value(&lang), "language of the quote: en or sv");
  po::positional_options_description pos;
  pos.add("base", 1).add("scenario", 1);
  po::variables_map vm;
  if (!parse(args, opts, pos, vm, "finsim quote BASE.h5 SCENARIO.h5 [--lang sv|en]",
             "finsim quote baseline.h5 state-plus-50.h5 --lang sv"))
    return 0;
  if (lang != "en" && lang != "sv") throw UsageError{"--lang: expected en or sv"};
  const Lang l{lang == "sv"};
  const RunData b = read_run(base);
  const RunData s = read_run(scenario);
  // The quote is national: the per-förbund rows would only cost time.
  const Comparison c = compare_runs(b, s, false);
  std::cout << quote(l, c) << "\n" << digests_text(l, c) << "\n";
  return 0;
}

}  // namespace finsim::cli
