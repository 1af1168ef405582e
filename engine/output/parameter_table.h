// The resolved parameter table of a result group: every scenario key with its value, unit, source,
// assumption flag and where it was set, so a number in the file can be traced to its inputs.
#pragma once
#include "output/result_frame.h"

namespace finsim {

// The `parameter` dimension and parameter_value, _unit, _source, _assumption, _origin; value and
// origin have a leading `point` axis in a sweep (a point may change them).
void write_parameter_table(const ResultFrame& frame);

}  // namespace finsim
