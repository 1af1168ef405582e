// What finsim compare prints for a sweep: the dose-response table (per point, the paired
// difference to the reference point with its interval) as text or CSV, in English or Swedish.
#pragma once
#include <ostream>

#include "cli/quote_text.h"
#include "output/dose_response.h"

namespace finsim::cli {

void print_dose_response(std::ostream& out, const Lang& l, const DoseResponse& d);
void print_dose_response_csv(std::ostream& out, const Lang& l, const DoseResponse& d);

}  // namespace finsim::cli
