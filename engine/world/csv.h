// A strict CSV reader (RFC 4180 quoting, UTF-8, header row) for the geography files.
// Every problem is an InputError naming file, line and column; nothing is silently skipped.
#pragma once
#include <string>
#include <vector>

namespace finsim {

class CsvTable {
 public:
  // Reads the whole file; throws InputError for a missing file, ragged rows or bad quoting.
  static CsvTable read(const std::string& path);

  const std::string& path() const { return path_; }
  const std::vector<std::string>& header() const { return header_; }
  std::size_t rows() const { return rows_.size(); }
  bool has_column(const std::string& name) const;
  // Index of a required column; InputError "file:1: missing column 'x'" if absent.
  std::size_t column(const std::string& name) const;
  const std::string& cell(std::size_t row, std::size_t col) const { return rows_[row][col]; }
  long line_of(std::size_t row) const { return lines_[row]; }

  // Typed cells with located errors (line, column number 1-based, column name).
  long long integer(std::size_t row, std::size_t col, bool allow_negative = false) const;
  double number(std::size_t row, std::size_t col, bool allow_negative = false) const;
  [[noreturn]] void fail(std::size_t row, std::size_t col, const std::string& what) const;

 private:
  std::string path_;
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
  std::vector<long> lines_;
};

}  // namespace finsim
