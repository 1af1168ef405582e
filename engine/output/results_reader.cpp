#include "output/results_reader.h"

#include <charconv>
#include <cmath>

#include "output/provenance.h"
#include "util/error.h"
#include "util/text.h"

namespace finsim {
namespace {

std::string shape_text(const h5::Shape& shape) {
  std::string s = "[";
  for (std::size_t i = 0; i < shape.size(); ++i) s += (i ? ", " : "") + std::to_string(shape[i]);
  return s + "]";
}

template <class A>
A checked(const ResultsFile& f, A array, const std::string& name, const h5::Shape& expected) {
  if (array.shape != expected)
    throw InputError(f.path + ": " + f.group.path_of(name) + ": shape " + shape_text(array.shape) + ", expected " +
                     shape_text(expected) + " from the coordinates");
  return array;
}

// People counted (stocks, exits, participants) are finite and never negative; a NaN or a negative
// count can only come from a damaged or hand-edited file, and compare would print it as a result.
h5::Array<double> counts(const ResultsFile& f, h5::Array<double> array, const std::string& name,
                         const h5::Shape& expected) {
  array = checked(f, std::move(array), name, expected);
  for (std::size_t i = 0; i < array.values.size(); ++i) {
    const double v = array.values[i];
    if (std::isfinite(v) && v >= 0) continue;
    h5::Shape at(expected.size());
    for (std::size_t k = expected.size(), rest = i; k-- > 0; rest /= expected[k]) at[k] = rest % expected[k];
    throw InputError(f.path + ": " + f.group.path_of(name) + ": " + shortest_number(v) + " at " + shape_text(at) +
                     ", expected a finite count of people >= 0 (a damaged file)");
  }
  return array;
}

void require(const ResultsFile& f, const std::string& name) {
  if (!f.group.has(name))
    throw InputError(f.path + ": " + f.group.path_of(name) + ": missing (not a complete finsim result file)");
}

}  // namespace

void check_result_file(const h5::File& file, const std::string& name) {
  const auto root = file.root();
  if (!root.has_attribute(".", "schema_version") || !root.has_attribute(".", "finsim_version") ||
      !root.has("scenarios"))
    throw InputError(name + ": not a finsim result file (no schema_version, finsim_version or scenarios group)");
  // Schema 1 stored strings variable-length, which libhdf5 can crash on when a file is damaged
  // (tests/fuzz/known_libhdf5): refused from the attribute's type, without reading its value.
  if (h5::is_variable_length_string(root, ".", "schema_version"))
    throw InputError(name + ": an older schema_version (variable-length strings) is not supported (this finsim reads " +
                     kSchemaVersion + ")");
  const std::string schema = h5::string_attribute(root, ".", "schema_version");
  if (schema != kSchemaVersion)
    throw InputError(name + ": schema_version " + schema + " is not supported (this finsim reads " + kSchemaVersion +
                     ")");
}

ResultsFile open_results(const std::filesystem::path& path, const std::string& scenario) {
  const std::string name = path.string();
  auto file = h5::File::open_read(path);
  check_result_file(file, name);
  const auto scenarios = file.open_group("scenarios");
  std::vector<std::string> groups;
  for (const auto& c : scenarios.children())
    if (c.kind == h5::Kind::group) groups.push_back(c.name);
  std::string chosen = scenario;
  if (chosen.empty()) {
    if (groups.empty()) throw InputError(name + ": no scenario in /scenarios");
    if (groups.size() > 1) {
      std::string list;
      for (const auto& g : groups) list += (list.empty() ? "" : ", ") + g;
      throw InputError(name + ": several scenarios (" + list + "); name one");
    }
    chosen = groups.front();
  } else if (!scenarios.has(chosen)) {
    throw InputError(name + ": no scenario '" + chosen + "' in /scenarios");
  }
  auto group = scenarios.open_group(chosen);
  return ResultsFile{name, std::move(file), std::move(group), chosen};
}

bool is_sweep(const ResultsFile& f) { return f.group.has("point"); }

namespace {

SweepInfo sweep_info(const ResultsFile& f) {
  const auto& g = f.group;
  SweepInfo s;
  s.path = f.path;
  s.scenario = f.scenario;
  s.description = h5::string_attribute(g, ".", "description");
  s.scenario_sha256 = h5::string_attribute(g, ".", "scenario_sha256");
  s.keys = h5::strings_attribute(g, ".", "sweep_varied_keys");
  const std::size_t P = h5::read_int64(g, "point").values.size();
  for (const char* name : {"point_overrides", "point_scenario_sha256"}) require(f, name);
  s.overrides = h5::read_strings(g, "point_overrides");
  s.sha256 = h5::read_strings(g, "point_scenario_sha256");
  if (s.overrides.size() != P || s.sha256.size() != P)
    throw InputError(f.path + ": point_overrides or point_scenario_sha256 does not match the point coordinate");
  for (const auto& key : s.keys) {
    require(f, key);
    const bool numeric = h5::dataset_info(g, key).dtype != "str";
    std::vector<std::string> labels;
    std::vector<double> numbers;
    if (numeric) {
      numbers = h5::read_double(g, key).values;
      for (double v : numbers) labels.push_back(shortest_number(v));
    } else {
      labels = h5::read_strings(g, key);
    }
    if (labels.size() != P) throw InputError(f.path + ": " + g.path_of(key) + ": not one value per point");
    s.numeric.push_back(numeric);
    s.values.push_back(std::move(labels));
    s.numbers.push_back(std::move(numbers));
  }
  return s;
}

}  // namespace

SweepInfo read_sweep(const std::filesystem::path& path) {
  const ResultsFile f = open_results(path);
  if (!is_sweep(f))
    throw InputError(f.path +
                     ": not a sweep (a run of one scenario); compare it with another run: finsim compare BASE.h5 " +
                     f.path);
  return sweep_info(f);
}

RunData read_run(const std::filesystem::path& path, std::optional<std::size_t> point) {
  const ResultsFile f = open_results(path);
  const auto& g = f.group;
  RunData d;
  d.path = f.path;
  d.scenario = f.scenario;
  if (is_sweep(f)) {
    const SweepInfo s = sweep_info(f);
    std::string keys;
    for (const auto& k : s.keys) keys += (keys.empty() ? "" : ", ") + k;
    if (!point && g.has("study_sample"))  // a study's drawn keys are too many to list
      throw InputError(f.path + ": a study (" + std::to_string(s.points() / 2) +
                       " parameter sets x 2 arms), not "
                       "one run; its comparison: finsim compare " +
                       f.path);
    if (!point)
      throw InputError(f.path + ": a sweep of " + std::to_string(s.points()) + " points (varied: " + keys +
                       "), not one run; compare its points with: finsim compare " + f.path);
    if (*point >= s.points())
      throw InputError(f.path + ": no point " + std::to_string(*point) + " (the sweep has points 0 to " +
                       std::to_string(s.points() - 1) + ")");
    d.point = point;
    d.point_overrides = s.overrides[*point];
  } else if (point) {
    throw InputError(f.path + ": not a sweep (a run of one scenario), so it has no point " + std::to_string(*point));
  }
  // A sweep's arrays have the leading `point` axis: one point is a contiguous slice.
  auto ints = [&](const char* name) { return point ? h5::read_int64_at(g, name, *point) : h5::read_int64(g, name); };
  auto doubles = [&](const char* name) {
    return point ? h5::read_double_at(g, name, *point) : h5::read_double(g, name);
  };
  const auto root = f.file.root();
  d.finsim_version = h5::string_attribute(root, ".", "finsim_version");
  d.git_commit = root.has_attribute(".", "git_commit") ? h5::string_attribute(root, ".", "git_commit") : "";
  d.description = h5::string_attribute(g, ".", "description");
  d.scenario_sha256 =
      point ? h5::read_strings(g, "point_scenario_sha256")[*point] : h5::string_attribute(g, ".", "scenario_sha256");
  d.seed = h5::int_attribute(g, ".", "seed");
  d.population_scale = h5::double_attribute(g, ".", "population_scale");

  for (const char* name : {"replication",
                           "month",
                           "year",
                           "forbund",
                           "forbund_kind",
                           "payer",
                           "unique_participants",
                           "state_offer",
                           "state_paid",
                           "region_paid",
                           "kommuner_paid",
                           "exit_work",
                           "exit_studies",
                           "public_cost_by_forbund",
                           "public_revenue_by_forbund",
                           "finsam_contribution_by_forbund",
                           "forbund_region",
                           "forbund_region_name",
                           "state",
                           "stock",
                           "admin",
                           "structural",
                           "individual_spent",
                           "spent",
                           "equity_open",
                           "equity_close",
                           "unused_offer"})
    require(f, name);
  d.replications = h5::read_int64(g, "replication").values;
  d.months = h5::read_strings(g, "month");
  d.years = h5::read_int64(g, "year").values;
  d.forbund = h5::read_strings(g, "forbund");
  d.forbund_kind = h5::read_strings(g, "forbund_kind");
  d.payers = h5::read_strings(g, "payer");
  d.forbund_region = h5::read_strings(g, "forbund_region");
  d.forbund_region_name = h5::read_strings(g, "forbund_region_name");
  d.states = h5::read_strings(g, "state");
  const std::size_t R = d.replications.size(), M = d.months.size(), Y = d.years.size(), A = d.forbund.size(),
                    P = d.payers.size();
  if (d.forbund_kind.size() != A || d.forbund_region.size() != A || d.forbund_region_name.size() != A)
    throw InputError(f.path + ": forbund_kind or forbund_region does not match the forbund coordinate");
  const std::size_t S = d.states.size();

  d.unique_participants = counts(f, doubles("unique_participants"), "unique_participants", {R, Y, A});
  d.state_offer = checked(f, ints("state_offer"), "state_offer", {R, Y, A});
  d.state_paid = checked(f, ints("state_paid"), "state_paid", {R, Y, A});
  d.region_paid = checked(f, ints("region_paid"), "region_paid", {R, Y, A});
  d.kommuner_paid = checked(f, ints("kommuner_paid"), "kommuner_paid", {R, Y, A});
  d.admin = checked(f, ints("admin"), "admin", {R, Y, A});
  d.structural = checked(f, ints("structural"), "structural", {R, Y, A});
  d.individual_spent = checked(f, ints("individual_spent"), "individual_spent", {R, Y, A});
  d.spent = checked(f, ints("spent"), "spent", {R, Y, A});
  d.equity_open = checked(f, ints("equity_open"), "equity_open", {R, Y, A});
  d.equity_close = checked(f, ints("equity_close"), "equity_close", {R, Y, A});
  d.unused_offer = checked(f, ints("unused_offer"), "unused_offer", {R, Y, A});
  d.stock = counts(f, doubles("stock"), "stock", {R, M, A, S});
  if (g.has("pension_contribution_by_forbund"))
    d.pension_contribution =
        checked(f, ints("pension_contribution_by_forbund"), "pension_contribution_by_forbund", {R, M, A});
  else
    d.pension_contribution = {std::vector<std::int64_t>(R * M * A, 0), {R, M, A}};
  d.exit_work = counts(f, doubles("exit_work"), "exit_work", {R, M, A});
  d.exit_studies = counts(f, doubles("exit_studies"), "exit_studies", {R, M, A});
  d.public_cost = checked(f, ints("public_cost_by_forbund"), "public_cost_by_forbund", {R, M, A, P});
  d.public_revenue = checked(f, ints("public_revenue_by_forbund"), "public_revenue_by_forbund", {R, M, A, P});
  d.finsam_contribution =
      checked(f, ints("finsam_contribution_by_forbund"), "finsam_contribution_by_forbund", {R, M, A, P});
  return d;
}

}  // namespace finsim
