// Shared option handling for the commands: parsing with Boost.Program_options, help text with
// an example, and the --set overrides every scenario-reading command accepts.
#pragma once
#include <boost/program_options.hpp>
#include <iostream>
#include <string>

#include "cli/commands.h"

namespace finsim::cli {

namespace po = boost::program_options;

// What an option's value must look like, for the error when it does not parse: every typed option
// of the commands is an integer (ranges are checked after parsing, with the flag's own message).
inline std::string expected_value(const po::options_description& opts, const std::string& option) {
  const auto* d = opts.find_nothrow(option.substr(option.find_first_not_of('-')), false);
  const po::value_semantic* v = d ? d->semantic().get() : nullptr;
  if (dynamic_cast<const po::typed_value<int>*>(v) || dynamic_cast<const po::typed_value<long long>*>(v) ||
      dynamic_cast<const po::typed_value<std::size_t>*>(v))
    return "a whole number";
  return "a value as --help describes";
}

// Parses args; returns false (after printing help) when --help was given.
inline bool parse(const Args& args, po::options_description& opts, const po::positional_options_description& pos,
                  po::variables_map& vm, const std::string& usage, const std::string& example) {
  opts.add_options()("help,h", "show this help");
  try {
    po::store(po::command_line_parser(args).options(opts).positional(pos).run(), vm);
  } catch (const po::invalid_option_value& e) {  // "the argument ('abc') for option '--seed' is invalid"
    throw UsageError{std::string(e.what()) + ": expected " + expected_value(opts, e.get_option_name())};
  }
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
        "scenario", scenario_value, "result file of the scenario run")("lang", po::value(&lang), "labels: en (default) or sv");
    pos.add("base", 1).add("scenario", 1);
  }
  // After parsing: true for Swedish labels.
  bool swedish() const {
    if (lang != "en" && lang != "sv") throw UsageError{"--lang: expected en or sv"};
    return lang == "sv";
  }
};

}  // namespace finsim::cli
