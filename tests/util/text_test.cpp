#include "util/text.h"

#include <catch2/catch.hpp>

using finsim::csv_field;

TEST_CASE("util: csv_field quotes only what RFC 4180 requires", "[util][csv]") {
  CHECK(csv_field("Roslagen") == "Roslagen");
  CHECK(csv_field("") == "");
  CHECK(csv_field("Huddinge, Botkyrka och Salem") == "\"Huddinge, Botkyrka och Salem\"");
  CHECK(csv_field("say \"hej\"") == "\"say \"\"hej\"\"\"");
  CHECK(csv_field("two\nlines") == "\"two\nlines\"");
  CHECK(csv_field("cr\rhere") == "\"cr\rhere\"");  // a lone CR would break a reader's line count
  CHECK(csv_field("\"") == "\"\"\"\"");
  CHECK(csv_field("Malmö;Lund") == "Malmö;Lund");  // only the comma separates
}

TEST_CASE("util: number_ranges writes sorted numbers as runs", "[util][text]") {
  CHECK(finsim::number_ranges({}, ",").empty());
  CHECK(finsim::number_ranges({5}, ",") == "5");
  CHECK(finsim::number_ranges({0, 1, 2, 4, 6, 7}, ",") == "0-2,4,6-7");  // Slurm's --array= syntax
  CHECK(finsim::number_ranges({0, 1, 2, 4, 6, 7}, ", ") == "0-2, 4, 6-7");
  CHECK(finsim::number_ranges({3, 5, 7}, ",") == "3,5,7");  // no run of one is written as a range
}
