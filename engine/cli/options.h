// Shared option handling for the commands: parsing with Boost.Program_options, help text with
// an example, and the --set overrides every scenario-reading command accepts.
#pragma once
#include <boost/program_options.hpp>
#include <iostream>
#include <string>

#include "cli/commands.h"

namespace finsim::cli {

namespace po = boost::program_options;

// Parses args; returns false (after printing help) when --help was given.
inline bool parse(const Args& args, po::options_description& opts, const po::positional_options_description& pos,
                  po::variables_map& vm, const std::string& usage, const std::string& example) {
  opts.add_options()("help,h", "show this help");
  po::store(po::command_line_parser(args).options(opts).positional(pos).run(), vm);
  if (vm.count("help")) {
    std::cout << "Usage: " << usage << "\n\n" << opts << "\nExample:\n  " << example << "\n";
    return false;
  }
  po::notify(vm);
  return true;
}

// The operands and --lang of the commands that compare two runs (compare, quote).
struct PairedRunOptions {
  std::string base, scenario, lang = "en";
  // compare also takes one file alone (a sweep): then `scenario` stays empty.
  void add_to(po::options_description& opts, po::positional_options_description& pos, bool scenario_required = true) {
    auto* scenario_value = po::value(&scenario);
    if (scenario_required) scenario_value->required();
    opts.add_options()("base", po::value(&base)->required(), "result file of the base run")(
        "scenario", scenario_value, "result file of the scenario run")("lang", po::value(&lang), "labels: en or sv");
    pos.add("base", 1).add("scenario", 1);
  }
  // After parsing: true for Swedish labels.
  bool swedish() const {
    if (lang != "en" && lang != "sv") throw UsageError{"--lang: expected en or sv"};
    return lang == "sv";
  }
};

}  // namespace finsim::cli
