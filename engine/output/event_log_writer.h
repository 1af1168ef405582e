// Writes the optional event log (`finsim run --events`) as the group <scenario>/events: one
// compressed column per field over the dimension `event`, written one replication at a time.
#pragma once
#include <vector>

#include "output/hdf5_file.h"
#include "sim/replication_result.h"

namespace finsim {

// `scenario_group` is the open scenarios/<name> group; `start_month` labels month 0 ("2019-01")
// and `persons_per_agent` is 1 / population.scale. Writes nothing unless the results recorded
// events (ReplicationResult::events_recorded).
void write_event_log(const h5::Group& scenario_group, const std::vector<ReplicationResult>& results,
                     const std::string& start_month, double persons_per_agent);

}  // namespace finsim
