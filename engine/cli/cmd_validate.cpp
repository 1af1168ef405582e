// finsim validate: load a scenario, build its world, and print what it resolves to.
#include <algorithm>
#include <iomanip>
#include <iostream>

#include "cli/options.h"
#include "config/read_scenario.h"
#include "world/world.h"

namespace finsim::cli {

int cmd_validate(const Args& args) {
  po::options_description opts("Options");
  std::string file;
  std::vector<std::string> sets;
  opts.add_options()("scenario", po::value(&file)->required(), "scenario TOML file")(
      "set", po::value(&sets)->composing(), "override a key: --set funding.state.allocation_msek.2025=500")(
      "print-resolved", "print the full resolved scenario (every key, defaults filled in)");
  po::positional_options_description pos;
  pos.add("scenario", 1);
  po::variables_map vm;
  if (!parse(args, opts, pos, vm, "finsim validate SCENARIO [--set key=value]... [--print-resolved]",
             "finsim validate scenarios/baseline.toml --set population.scale=0.1"))
    return 0;

  const Scenario scenario = load_scenario(file, sets);
  const World world = build_world(scenario.config);
  if (vm.count("print-resolved")) {
    std::cout << scenario.resolved_toml;
    return 0;
  }

  const auto& geo = world.geography;
  const auto& org = world.org;
  int members = 0, documented = 0, synthetic = 0;
  std::int64_t pop_covered = 0, pop_total = 0;
  for (std::size_t k = 0; k < geo.kommuner.size(); ++k) {
    pop_total += geo.kommuner[k].population_16_64;
    if (org.forbund_of_kommun(static_cast<int>(k)) >= 0) {
      ++members;
      pop_covered += geo.kommuner[k].population_16_64;
    }
  }
  for (const auto& f : org.forbund()) (f.synthetic ? synthetic : documented)++;
  int unknown = 0, non_members = 0;
  for (const auto& k : geo.kommuner) {
    unknown += k.status == MembershipStatus::Unknown;
    non_members += k.status == MembershipStatus::NoForbund;
  }
  const auto& m = scenario.config.meta;
  auto pct = [](std::int64_t a, std::int64_t b) { return b ? 100.0 * static_cast<double>(a) / static_cast<double>(b) : 0.0; };
  std::cout << std::fixed << std::setprecision(1);
  std::cout << "scenario " << m.name << " (" << file << ") is valid\n"
            << "  period           " << m.start.year << "-" << std::setw(2) << std::setfill('0') << m.start.month << " to "
            << m.end.year << "-" << std::setw(2) << m.end.month << std::setfill(' ') << " (" << m.months() << " months), seed "
            << m.seed << ", " << m.replications << " replications\n"
            << "  kommuner         " << geo.kommuner.size() << " (in the sources: " << geo.kommuner.size() - unknown - non_members
            << " members, " << non_members << " non-members, " << unknown << " unknown -> "
            << scenario.config.organisation.unknown_membership << ")\n"
            << "  member kommuner  " << members << " in a förbund, " << geo.kommuner.size() - members << " without\n"
            << "  förbund          " << org.forbund_count() << " (" << documented << " documented, " << synthetic << " synthetic)\n"
            << "  regions          " << geo.regions.size() << "\n"
            << "  population 16-64 " << pop_total << ": covered " << pop_covered << " (" << pct(pop_covered, pop_total)
            << " %), not covered " << pop_total - pop_covered << "\n"
            << "  insats types     " << scenario.config.insatser.size() << "; pathway graph " << boost::num_vertices(world.pathway.graph())
            << " states, " << boost::num_edges(world.pathway.graph()) << " transitions (every state reaches an exit)\n"
            << "  state pot        ";
  // The whole series: a change in a later year (e.g. 2025 in state-double.toml) must be visible.
  const char* sep = "";
  for (const auto& [year, sek] : scenario.config.funding.state.allocation_sek) {
    std::cout << sep << static_cast<double>(sek) / 1e6 << " MSEK from " << year;
    sep = ", ";
  }
  std::cout << "\n";
  std::vector<const ResolvedParameter*> changed;
  for (const auto& p : scenario.parameters)
    if (p.changed) changed.push_back(&p);
  std::cout << "  changed keys     " << changed.size() << " differ from their defaults (finsim params)" << (changed.empty() ? "" : ":") << "\n";
  std::size_t width = 0;
  for (const auto* p : changed) width = std::max(width, p->key.size());
  for (const auto* p : changed)
    std::cout << "    " << p->key << std::string(width - p->key.size(), ' ') << " = " << p->value << "  (" << p->origin << ")\n";
  return 0;
}

}  // namespace finsim::cli
