// Need indicator per kommun for the FK key's 75 % försörjningsmått part: a län figure from
// scenarios/data/need_by_lan.csv (a *proxy*: no per-kommun försörjningsmått is public) or none.
#pragma once
#include <map>
#include <string>

#include "world/geography.h"

namespace finsim {

// The län values of one indicator relative to riket (län code "00"): value_län / value_riket.
using NeedByLan = std::map<std::string, double>;

// The indicator names of funding.distribution.need_indicator that read need_by_lan.csv, with the
// CSV's (indicator, year) they select; empty when the name is not one of them.
struct NeedColumn {
  std::string indicator;  // value of the CSV's `indicator` column
  int year = 0;
};
NeedColumn need_column(const std::string& need_indicator);

// Reads the rows of `column` from a need_by_lan.csv (columns lan_code, year, indicator, value).
// Strict: every row must have a 2-digit lan_code, an integer year and a positive value (rows of
// other indicators too, so a damaged file is caught whatever is chosen); the chosen indicator needs
// exactly one row per län and one for riket ("00"). Errors are InputError "file:line:col: column: what".
NeedByLan load_need_by_lan(const std::string& path, const NeedColumn& column);

// Sets every kommun's need to its län's relative value. A län of the geography missing from
// `need` is an InputError naming the file and the indicator.
void apply_need_by_lan(Geography& geo, const NeedByLan& need, const std::string& path,
                       const NeedColumn& column);

}  // namespace finsim
