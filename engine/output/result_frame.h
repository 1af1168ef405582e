// The frame every array of a result group shares: the leading axes ([replication] in a run file,
// [point, replication] in a sweep file), the sizes and unit conversions, and the check of each unit.
#pragma once
#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

#include "config/read_scenario.h"
#include "output/hdf5_file.h"
#include "sim/replication_result.h"
#include "world/geography.h"

namespace finsim {

// The leading axes of every array with replications: [replication] in a run file, [point,
// replication] in a sweep file. A unit's slot is its row-major position on them (file order).
struct Lead {
  std::vector<std::string> dims;
  h5::Shape shape;
  std::vector<const Scenario*> points;     // a sweep's resolved scenario per point; empty for a run
  std::vector<std::int32_t> replications;  // the replication coordinate (every point has the same)
};

// Sizes of the arrays, and the two unit conversions every value goes through.
struct Layout {
  std::size_t reps = 0;  // units: the product of the lead axes
  std::size_t months = 0, areas = 0, years = 0, insatser = 0, forbund = 0;
  int first_month = 0;  // month index of month 0
  int first_year = 0;
  double per_person = 1.0;  // persons per agent (1 / population.scale)
  double scale = 1.0;
};

// The open scenario group, what goes into it, and the shapes of its arrays. The writers of the
// group's parts (output/result_coordinates.h, monthly_arrays.h, yearly_arrays.h, ledger_arrays.h,
// parameter_table.h) read it; output/results_writer.h makes it from the first unit it is given
// (the reference: months, areas, förbund), and checks every unit against it before writing it.
struct ResultFrame {
  // Checks the reference like any unit (check()).
  ResultFrame(const h5::Group& group, const Scenario& scenario, const std::vector<Region>& regions,
              const ReplicationResult& reference, Lead lead);

  const h5::Group& group;
  const Scenario& scenario;
  const std::vector<Region>& regions;
  const std::vector<AreaInfo> areas;  // the reference's
  const int reference_replication;
  const Lead lead;
  Layout layout;

  std::size_t units() const { return layout.reps; }
  // Throws std::invalid_argument naming the replication unless `r` has the reference's months and
  // areas, a funding record per year and förbund, and the scenario's insats catalogue.
  void check(const ReplicationResult& r) const;

  // The lead axes followed by `rest`.
  h5::Shape shape(std::initializer_list<std::size_t> rest) const;
  std::vector<std::string> dims(std::initializer_list<const char*> rest) const;
  // [point, k] in a sweep (what a point may change), [k] in a run.
  h5::Shape per_point(std::initializer_list<std::size_t> rest) const;
  std::vector<std::string> per_point_dims(std::initializer_list<const char*> rest) const;

  // A dimension with string labels, units "1" and its long name.
  void label_dimension(const std::string& name, const std::vector<std::string>& labels,
                       const std::string& long_name) const;
  // A 1-D string array along `dim`.
  void write_strings_1d(const std::string& name, const std::vector<std::string>& values, const std::string& dim,
                        const std::string& long_name) const;
};

// The CF attributes every array has.
std::vector<h5::Attribute> described(const std::string& units, const std::string& long_name);

// Agent-unit kronor to SEK. Kronor are rounded once per area and month so that summing areas gives
// the national ledger exactly.
Sek to_sek(Sek agent_units, double scale);

}  // namespace finsim
