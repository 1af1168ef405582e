// finsim study: an uncertainty study — parameter sets drawn by Latin hypercube from the registry's
// distributions, each run for the baseline and the scenario with the same seeds, as one sweep file.
#include <filesystem>
#include <iostream>
#include <map>

#include "cli/options.h"
#include "cli/run_job.h"
#include "config/read_scenario.h"
#include "output/study_labels.h"
#include "run/mpi_run.h"
#include "run/shard.h"
#include "run/study_plan.h"
#include "util/error.h"
#include "util/text.h"

namespace finsim::cli {
namespace {

// Default size: fits in about 30 minutes on 2 cores at today's cost per unit (docs/uncertainty.md).
constexpr std::size_t kDefaultSamples = 30;
constexpr int kDefaultReplications = 3;

std::map<std::string, const ResolvedParameter*> by_key(const Scenario& s) {
  std::map<std::string, const ResolvedParameter*> out;
  for (const auto& p : s.parameters) out[p.key] = &p;
  return out;
}

// Keys the scenario files set themselves are not drawn: the scenario's own change (a key that differs
// between the arms) is the policy, and a value a file chose on purpose is not overwritten. Returns
// the kept parameters; prints one note for the dropped ones.
std::vector<const ParamSpec*> drop_keys_the_files_set(const std::vector<const ParamSpec*>& wanted, const Scenario& base,
                                                      const Scenario& scen, bool explicit_list) {
  const auto b = by_key(base), s = by_key(scen);
  std::vector<const ParamSpec*> kept;
  std::string dropped;
  for (const auto* spec : wanted) {
    const auto ib = b.find(spec->key), is = s.find(spec->key);
    const bool differs = ib != b.end() && is != s.end() && ib->second->value != is->second->value;
    // Set: changed by a file, or given with --set (even at its default value: --set fixes it).
    const auto set_in = [](const auto& m, const auto& it) {
      return it != m.end() && (it->second->changed || it->second->origin == "--set");
    };
    const bool set = set_in(b, ib) || set_in(s, is);
    if (differs && explicit_list)
      throw InputError("--params: '" + spec->key + "' differs between the baseline and the scenario (" +
                       ib->second->value + " / " + is->second->value +
                       "): it is the scenario's change, not an uncertainty");
    if (differs || set) {
      dropped += (dropped.empty() ? "" : ", ") + spec->key;
      continue;
    }
    kept.push_back(spec);
  }
  // Under mpirun every rank reads the files; rank 0 says it once.
  if (!dropped.empty() && !mpi::launched_as_other_rank())
    std::cerr << "finsim: note: not drawn, set by the scenario files: " << dropped << "\n";
  return kept;
}

}  // namespace

int cmd_study(const Args& args) {
  po::options_description opts("Options");
  RunPlan plan;
  JobOptions job;
  std::string base_file, scenario_file, params, design_file;
  std::size_t samples = kDefaultSamples;
  long long sample_seed = 1;
  long long replications = 0;
  long long seed = -1;
  opts.add_options()("base", po::value(&base_file)->required(), "baseline scenario TOML file")(
      "scenario", po::value(&scenario_file)->required(), "scenario TOML file compared with the baseline")(
      "samples,n", po::value(&samples), "parameter sets drawn (default 30)")(
      "params", po::value(&params),
      "KEY,KEY,... registry keys to draw, or 'all' (adds sourced keys' published intervals); default: every "
      "assumption with a distribution")("sample-seed", po::value(&sample_seed),
                                        "seed of the Latin hypercube (default 1; the simulation's seed is --seed)")(
      "design", po::value(&design_file),
      "CSV of given parameter sets (header: keys; a row per set), run instead of a Latin hypercube, e.g. a Sobol "
      "design from analysis/sobol.py");
  add_job_options(opts, job, plan.overrides, replications, seed, std::to_string(kDefaultReplications));
  po::positional_options_description pos;
  pos.add("base", 1).add("scenario", 1);
  po::variables_map vm;
  if (!parse(args, opts, pos, vm,
             "finsim study BASE SCENARIO [--samples N (default 30)] [-r R (default 3)] [--params KEY,...|all] "
             "[--sample-seed S] [-o study.h5] [run options]\n"
             "       finsim study BASE SCENARIO --design DESIGN.csv [-r R] [-o study.h5] [run options]\n"
             "       finsim study BASE SCENARIO ... --shard K/N [-o NAME.shard] (then finsim merge; docs/cluster.md)",
             "finsim study scenarios/baseline.toml scenarios/state-plus-50.toml --samples 30 -r 3 -o study.h5"))
    return 0;
  read_job_options(vm, plan, job, replications, seed);
  if (!vm.count("replications")) plan.replications = kDefaultReplications;
  if (samples < 1 || samples > 100000) throw UsageError{"--samples (-n): expected an integer from 1 to 100000"};
  if (sample_seed < 0 || sample_seed > 4294967295LL)
    throw UsageError{"--sample-seed: expected an integer from 0 to 4294967295, got " + std::to_string(sample_seed)};

  const bool given = vm.count("design") > 0;
  if (given && (vm.count("samples") || vm.count("params") || vm.count("sample-seed")))
    throw UsageError{"--design gives the parameter sets: not with --samples, --params or --sample-seed"};
  std::vector<std::string> requested;
  if (vm.count("params"))
    for (const auto& k : split(params, ',')) {
      const auto t = std::string(trim(k));
      if (t.empty()) throw UsageError{"--params: expected KEY,KEY,... or all, got '" + params + "'"};
      requested.push_back(t);
    }
  // The arms as the study will run them (with --set), for their names and the keys they set.
  const Scenario base = load_scenario(base_file, plan.overrides);
  const Scenario scen = load_scenario(scenario_file, plan.overrides);
  if (base.config.meta.name == scen.config.meta.name)
    throw InputError(scenario_file + ": scenario.name '" + scen.config.meta.name +
                     "' is the baseline's too; give the scenario its own name");

  StudyDesign design{base_file, scenario_file, samples, static_cast<std::uint32_t>(sample_seed), {}, {}};
  std::string method = "latin hypercube";
  if (given) {
    DesignFile d = read_design_file(design_file);
    // Every key of a design must be drawn: a key the files set would silently not be the design's value.
    if (drop_keys_the_files_set(d.parameters, base, scen, true).size() != d.parameters.size())
      throw InputError(design_file + ": a key of the design is set by the scenario files");
    design.parameters = std::move(d.parameters);
    design.given = std::move(d.rows);
    design.samples = samples = design.given.size();
    method = "design " + std::filesystem::path(design_file).filename().string();
  } else {
    // Only keys named one by one are refused when the files set them; `all` (like the default)
    // means every key that may be drawn, so those are left out with the note.
    const bool named = !requested.empty() && !(requested.size() == 1 && requested.front() == "all");
    design.parameters = drop_keys_the_files_set(study_parameters(requested), base, scen, named);
  }
  plan = study_plan(design, std::move(plan));

  StudyLabels labels{method,
                     design.sample_seed,
                     samples,
                     base_file,
                     scenario_file,
                     base.config.meta.name,
                     scen.config.meta.name,
                     plan.varied_keys,
                     {}};
  for (const auto* spec : design.parameters) labels.distributions.push_back(prior_formula(spec->prior));
  const std::string name = base.config.meta.name + "-" + scen.config.meta.name + "-study";
  if (job.output.empty() && job.shard.empty()) job.output = name + ".h5";
  if (job.output.empty()) {  // a shard file; finsim merge writes the .h5
    const Shard shard = parse_shard(job.shard);
    job.output = name + ".shard-" + std::to_string(shard.index) + "-of-" + std::to_string(shard.count);
  }
  job.annotate = [labels](const h5::Group& g) { write_study_labels(g, labels); };
  job.study_labels = encode_study_labels(labels);
  job.list_points = false;
  job.command_line = command_line("study", args);
  const bool speaks = !mpi::launched_as_other_rank();  // under mpirun, rank 0 prints for all
  if (speaks)
    std::cout << "study: " << samples << " parameter set(s) of " << design.parameters.size() << " key(s) x 2 arms ("
              << base.config.meta.name << ", " << scen.config.meta.name << ") x " << *plan.replications
              << " replication(s) = " << 2 * samples * static_cast<std::size_t>(*plan.replications) << " units\n"
              << std::flush;
  if (given) job.input_files.push_back(design_file);
  const int rc = run_job(plan, job);
  if (rc == 0 && job.shard.empty() && speaks)
    std::cout << "analyse: /usr/bin/python3 analysis/study.py " << job.output
              << " (history matching, uncertainty split, sensitivity)\n";
  return rc;
}

}  // namespace finsim::cli
