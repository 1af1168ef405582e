// Writes the optional event log (`finsim run --events`) as the group <scenario>/events: one
// compressed column per field over the dimension `record`, written one replication at a time.
#pragma once
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "output/hdf5_file.h"
#include "sim/replication_result.h"

namespace finsim {

// `scenario_group` is the open scenarios/<name> group; `start_month` labels month 0 ("2019-01")
// and `persons_per_agent` is 1 / population.scale. Writes nothing unless the results recorded
// events (ReplicationResult::events_recorded).
void write_event_log(const h5::Group& scenario_group, const std::vector<ReplicationResult>& results,
                     const std::string& start_month, double persons_per_agent);

// Unit `slot` of the file's order (again: a streamed writer has let it go). The loader may decode
// it into `scratch` and return that, or return a unit it holds.
using UnitLoader = std::function<const ReplicationResult&(std::size_t slot, ReplicationResult& scratch)>;

// The same from units taken one at a time: `records[slot]` events in unit `slot`, which `load`
// gives back (each once, in order; at most one held at a time).
void write_event_log(const h5::Group& scenario_group, const std::vector<std::size_t>& records, const UnitLoader& load,
                     const std::string& start_month, double persons_per_agent);

}  // namespace finsim
