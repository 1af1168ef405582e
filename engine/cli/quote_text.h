// The wording of a comparison that finsim compare and finsim quote share: labels in English or
// Swedish (as a Swedish civil servant writes them), numbers in either convention, the payback,
// cost per effect, what the public net gain includes, and the one-line quote for a motion.
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
// Money in millions with the unit: "+12.34 MSEK" / "+12,34 mnkr".
std::string millions(const Lang& l, double sek, int decimals, bool sign = false);
// "MSEK" or "mnkr".
const char* money_unit(const Lang& l);

// "2025–2030", or "2025" for a single year.
std::string years_text(std::int64_t first, std::int64_t last);

// "+1,234 (95 %: +1,000 to +1,400)", or "+1,234 (n=1, no interval)"; divisor scales money.
std::string with_interval(const Lang& l, const PairedStat& d, int decimals, double divisor = 1);

// "17 months (2026-05, median), 100 % of 10 replications paid back by 2030", or "after 2030 (…)", or why none.
std::string payback_text(const Lang& l, const Payback& p);

// "1,230,000 SEK (95 %: 1,000,000 SEK to 1,500,000 SEK)" (rounded to the thousand), or why it is not given.
std::string cost_text(const Lang& l, const CostPerEffect& c);
// What the effect of a cost per effect is: "net extra person in work or studies at the end of 2030", …
std::string cost_effect_label(const Lang& l, const Comparison& c, const std::string& effect);

// What "public net gain" includes and leaves out (one sentence).
std::string net_gain_definition(const Lang& l);
// What the intervals cover (one sentence).
std::string interval_definition(const Lang& l);

// The first 16 hex digits of a digest: enough to tell runs apart in a line of text.
std::string short_sha(const std::string& sha);

// One line ready to paste into a motion: the net effects per policy year with their intervals,
// gross exits, the extra budget by payer, payback on both bases and the cost per net extra person
// in work or studies, and the credit (finsim version and commit, replications, seed, digests).
std::string quote(const Lang& l, const Comparison& c);

}  // namespace finsim::cli
