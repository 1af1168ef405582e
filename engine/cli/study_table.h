// The wording of a study (finsim compare STUDY.h5, finsim quote STUDY.h5): each headline with its
// total interval and what it covers — uncertainty in the assumptions and simulation noise.
#pragma once
#include <ostream>
#include <string>

#include "cli/quote_text.h"
#include "output/study_summary.h"

namespace finsim::cli {

// What the study's total interval covers (one sentence).
std::string study_interval_definition(const Lang& l, const StudySummary& s);
// The table of headlines: mean, total 95 % interval, shares of the variance, the noise-only interval.
void print_study(std::ostream& out, const Lang& l, const StudySummary& s);
// The headlines as CSV: finsim compare's columns where they mean something, plus the variance shares
// and the sets kept and tried (docs/uncertainty.md).
void print_study_csv(std::ostream& out, const Lang& l, const StudySummary& s);
// One line ready to paste: the headlines with their total intervals, and the credit.
std::string study_quote(const Lang& l, const StudySummary& s);

}  // namespace finsim::cli
