// Specification of the strict CSV loading: each fault in a geography file is an InputError that
// names the file, the line, and the column where there is one. Fixtures: tests/data/csv/.
#include "world/csv.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "util/error.h"
#include "world/geography.h"

using finsim::CsvTable;
using finsim::InputError;
using finsim::load_geography;

namespace {

const std::string kCsvDir = std::string(FINSIM_TEST_DATA) + "/csv/";
const std::string kKommunerOk = kCsvDir + "kommuner_ok.csv";
const std::string kForbundOk = kCsvDir + "forbund_ok.csv";

std::string geography_error(const std::string& kommuner, const std::string& forbund) {
  try {
    load_geography(kommuner, forbund);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("world: the valid fixture loads with RFC 4180 quoting", "[world][csv]") {
  const CsvTable t = CsvTable::read(kKommunerOk);
  REQUIRE(t.rows() == 5);
  CHECK(t.line_of(0) == 2);  // the header is line 1
  // Row 4 (line 5) quotes a förbund name that holds a comma.
  CHECK(t.cell(3, t.column("forbund")) == "Förbund Stad, Stockholm");
  CHECK(t.integer(3, t.column("population_total")) == 974073);

  const auto geo = load_geography(kKommunerOk, kForbundOk);
  CHECK(geo.kommuner.size() == 5);
  CHECK(geo.regions.size() == 2);  // 01 and 03
  CHECK(geo.forbund.size() == 2);
  CHECK(geo.forbund[1].member_codes == std::vector<std::string>{"0180"});
}

TEST_CASE("world: a missing column is named with the file", "[world][csv]") {
  // kommuner_missing_column.csv has no population_16_64 column.
  const std::string file = kCsvDir + "kommuner_missing_column.csv";
  CHECK(geography_error(file, kForbundOk) == file + ":1: missing column 'population_16_64'");
}

TEST_CASE("world: a duplicate kommun code names line and column", "[world][csv]") {
  // Line 4 repeats 0114 from line 2.
  const std::string file = kCsvDir + "kommuner_duplicate_code.csv";
  CHECK(geography_error(file, kForbundOk) == file + ":4:1: kommun_code: duplicate kommun code 0114");
}

TEST_CASE("world: an unknown kommun code in forbund.csv names line and column", "[world][csv]") {
  // Line 2 lists 9999, which is not in kommuner_ok.csv; member_kommun_codes is column 3.
  const std::string file = kCsvDir + "forbund_unknown_code.csv";
  CHECK(geography_error(kKommunerOk, file) == file + ":2:3: member_kommun_codes: unknown kommun code 9999");
}

TEST_CASE("world: a förbund without members in forbund.csv is an error", "[world][csv]") {
  // Line 4: "Förbund Tom" with an empty member list.
  const std::string file = kCsvDir + "forbund_no_members.csv";
  CHECK(geography_error(kKommunerOk, file) == file + ":4:3: member_kommun_codes: expected at least one member kommun");
}

TEST_CASE("world: a non-numeric population names line and column", "[world][csv]") {
  // Line 3: population_total "34 090" (a space as thousands separator); column 5.
  const std::string file = kCsvDir + "kommuner_non_numeric.csv";
  CHECK(geography_error(file, kForbundOk) == file + ":3:5: population_total: expected an integer, found '34 090'");
}

TEST_CASE("world: a negative population names line and column", "[world][csv]") {
  // Line 5: population_16_64 = -651526; column 6.
  const std::string file = kCsvDir + "kommuner_negative.csv";
  CHECK(geography_error(file, kForbundOk) ==
        file + ":5:6: population_16_64: expected a non-negative integer, found '-651526'");
}

TEST_CASE("world: a ragged row names its line and the field counts", "[world][csv]") {
  // Line 4 lost its empty förbund field: 7 fields under an 8-column header.
  const std::string file = kCsvDir + "kommuner_ragged.csv";
  CHECK(geography_error(file, kForbundOk) == file + ":4: expected 8 fields, found 7");
}

TEST_CASE("world: an unterminated quote names the line where the field starts", "[world][csv]") {
  // Line 5 opens a quote that never closes; it swallows line 6 up to the end of the file.
  const std::string file = kCsvDir + "kommuner_unterminated_quote.csv";
  CHECK(geography_error(file, kForbundOk) == file + ":5: unterminated quoted field");
}

TEST_CASE("world: a missing CSV file is named", "[world][csv]") {
  const std::string file = kCsvDir + "no_such_file.csv";
  CHECK(geography_error(file, kForbundOk) == file + ": cannot open CSV file");
}

TEST_CASE("world: a NUL byte is refused with its line, a directory as a directory", "[world][csv]") {
  // A NUL inside a value cut every message that quoted it short (a --points CSV).
  const std::string file = (std::filesystem::temp_directory_path() / "finsim-csv-nul.csv").string();
  {
    std::ofstream out(file, std::ios::binary);
    out << "key\n339\n6" << '\0' << "78\n";
  }
  CHECK(geography_error(file, kForbundOk) == file + ":3: a NUL byte (expected text)");
  std::filesystem::remove(file);
  const std::string dir = kCsvDir.substr(0, kCsvDir.size() - 1);
  CHECK(geography_error(dir, kForbundOk) == dir + ": is a directory, expected a CSV file");
}

TEST_CASE("world: need_indicator is optional and defaults to 1", "[world][csv]") {
  // Without the column every kommun has need 1, flagged as not from data (an assumption).
  const auto plain = load_geography(kKommunerOk, kForbundOk);
  for (const auto& k : plain.kommuner) {
    CHECK(k.need == 1.0);
    CHECK_FALSE(k.need_from_data);
  }
  // With it, the values are read as given (kommuner_need.csv: 0.8, 1.25, 1, 1.5, 0.5).
  const auto with = load_geography(kCsvDir + "kommuner_need.csv", kForbundOk);
  REQUIRE(with.kommuner.size() == 5);
  CHECK(with.kommuner[0].need == 0.8);
  CHECK(with.kommuner[1].need == 1.25);
  CHECK(with.kommuner[4].need == 0.5);
  CHECK(with.kommuner[0].need_from_data);
}
