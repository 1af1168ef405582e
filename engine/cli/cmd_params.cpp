// finsim params: the parameter registry as a table — the source of docs/parameters.md (docs/model.md §8 links it),
// with each key's distribution for finsim study.
#include <iostream>

#include "cli/options.h"
#include "config/parameters.h"

namespace finsim::cli {

int cmd_params(const Args& args) {
  po::options_description opts("Options");
  std::string format = "markdown";
  opts.add_options()("format", po::value(&format)->default_value("markdown"), "markdown or tsv");
  po::positional_options_description pos;
  po::variables_map vm;
  if (!parse(args, opts, pos, vm, "finsim params [--format markdown|tsv]", "finsim params > keys.md")) return 0;
  if (format != "markdown" && format != "tsv") throw UsageError{"--format: expected markdown or tsv, got '" + format + "'"};

  auto cell = [](std::string s) {
    for (auto& c : s)
      if (c == '|') c = '/';
    return s;
  };
  if (format == "markdown") {
    std::cout << "| key | type | default | unit | meaning | source | distribution (finsim study) |\n"
                 "|---|---|---|---|---|---|---|\n";
    for (const auto& s : parameter_specs()) {
      const std::string source = s.assumption() ? "*assumption*" + (s.range.empty() ? "" : " (range " + s.range + ")") : s.source;
      std::cout << "| `" << s.key << "` | " << type_name(s.type) << " | " << (s.default_toml.empty() ? "" : "`" + cell(s.default_toml) + "`")
                << " | " << cell(s.unit) << " | " << cell(s.meaning) << " | " << cell(source) << " | "
                << cell(prior_text(s.prior)) << " |\n";
    }
  } else {
    std::cout << "key\ttype\tdefault\tunit\tmeaning\tsource\trange\tdistribution\n";
    for (const auto& s : parameter_specs())
      std::cout << s.key << '\t' << type_name(s.type) << '\t' << s.default_toml << '\t' << s.unit << '\t' << s.meaning << '\t'
                << (s.assumption() ? "assumption" : s.source) << '\t' << s.range << '\t' << prior_text(s.prior) << '\n';
  }
  return 0;
}

}  // namespace finsim::cli
