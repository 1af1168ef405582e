// The wording of a comparison that finsim compare and finsim quote share: labels in English or
// Swedish, numbers in either convention, the payback, and the one-line quote for a motion.
#pragma once
#include <cstdint>
#include <string>

#include "output/comparison.h"

namespace finsim::cli {

// English labels, or Swedish ones with --lang sv.
struct Lang {
  bool sv = false;
  const char* t(const char* en, const char* sv_text) const { return sv ? sv_text : en; }
};

// "all payers", "state", "regions", "kommuner" (or their Swedish names).
std::string payer_label(const Lang& l, const std::string& payer);

// Fixed decimals, thousands grouped ("31,167.5" / "31 167,5"), optional sign.
std::string number(const Lang& l, double v, int decimals, bool sign = false);

// "2025–2030", or "2025" for a single year.
std::string years_text(std::int64_t first, std::int64_t last);

// "median 6 months (2020-06), 100 % of 3 replications within the horizon", or why there is none.
std::string payback_text(const Lang& l, const Payback& p);

// The first 16 hex digits of a digest: enough to tell runs apart in a line of text.
std::string short_sha(const std::string& sha);

// One line ready to paste into a motion: the national paired differences per policy year with their
// 95 % intervals, the extra budget by payer, the payback, and the credit (finsim version and commit,
// replications, seed, both scenario digests).
std::string quote(const Lang& l, const Comparison& c);

}  // namespace finsim::cli
