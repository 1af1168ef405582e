// The table finsim compare prints: a short headline first (net effects, participants, budget by
// payer, payback on both bases, cost per net extra person in work or studies), details after.
#pragma once
#include <ostream>

#include "cli/quote_text.h"

namespace finsim::cli {

void print_table(std::ostream& out, const Lang& l, const Comparison& c);
void print_csv(std::ostream& out, const Lang& l, const Comparison& c);

}  // namespace finsim::cli
