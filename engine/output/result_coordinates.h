// The labelled dimensions of a result group (docs/output.md): replication, month, year, the areas
// with their kind and region, the states, the insats catalogue, payers, support sources, departures.
#pragma once
#include <array>
#include <string>

#include "output/result_frame.h"
#include "population/agents.h"

namespace finsim {

// Labels of the fixed dimensions, in the order of the model's enums (kStateLabels: agents.h).
// GoneReason without None (never counted): the departures dataset starts at AgedOut.
inline constexpr std::array<const char*, kGoneReasons - 1> kGoneReasonLabels = {"aged_out", "death", "emigration",
                                                                                "sjukersattning"};

// "2019-01" for a month index (year × 12 + month − 1).
std::string month_label(int month_index);

// Defines every dimension of the group but `parameter` (output/parameter_table.h) and writes the
// labels that go with them (forbund_kind, forbund_region, insats_label_sv, insats_cost_per_month, …).
void write_coordinates(const ResultFrame& frame);

}  // namespace finsim
