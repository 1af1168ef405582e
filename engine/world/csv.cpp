#include "world/csv.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "util/error.h"

namespace finsim {

CsvTable CsvTable::read(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) throw InputError(path + ": is a directory, expected a CSV file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path + ": cannot open CSV file");
  std::stringstream buf;
  buf << in.rdbuf();
  std::string text = buf.str();
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);  // UTF-8 BOM from spreadsheets
  // A NUL byte is no text (and would cut every message quoting the field short).
  if (const auto nul = text.find('\0'); nul != std::string::npos)
    throw InputError(located(path, 1 + static_cast<long>(std::count(text.begin(), text.begin() + static_cast<long>(nul), '\n')),
                             0, "", "a NUL byte (expected text)"));

  CsvTable t;
  t.path_ = path;
  std::vector<std::string> record;
  std::string field;
  bool quoted = false;
  bool field_was_quoted = false;
  long line = 1;
  long record_line = 1;
  auto end_record = [&]() {
    record.push_back(field);
    field.clear();
    field_was_quoted = false;
    const bool blank = record.size() == 1 && record[0].empty();
    if (!blank) {
      if (t.header_.empty()) {
        t.header_ = record;
      } else {
        if (record.size() != t.header_.size())
          throw InputError(located(path, record_line, 0, "",
                                   "expected " + std::to_string(t.header_.size()) + " fields, found " +
                                       std::to_string(record.size())));
        t.rows_.push_back(record);
        t.lines_.push_back(record_line);
      }
    }
    record.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line;
        field += c;
      }
      continue;
    }
    switch (c) {
      case '"':
        if (!field.empty() || field_was_quoted)
          throw InputError(located(path, line, static_cast<long>(record.size() + 1), "", "unexpected quote inside a field"));
        quoted = true;
        field_was_quoted = true;
        break;
      case ',':
        record.push_back(field);
        field.clear();
        field_was_quoted = false;
        break;
      case '\r':
        break;
      case '\n':
        end_record();
        ++line;
        record_line = line;
        break;
      default:
        field += c;
    }
  }
  if (quoted) throw InputError(located(path, record_line, 0, "", "unterminated quoted field"));
  if (!field.empty() || !record.empty()) end_record();
  if (t.header_.empty()) throw InputError(path + ": empty CSV file (expected a header row)");
  return t;
}

bool CsvTable::has_column(const std::string& name) const {
  for (const auto& h : header_)
    if (h == name) return true;
  return false;
}

std::size_t CsvTable::column(const std::string& name) const {
  for (std::size_t i = 0; i < header_.size(); ++i)
    if (header_[i] == name) return i;
  throw InputError(located(path_, 1, 0, "", "missing column '" + name + "'"));
}

void CsvTable::fail(std::size_t row, std::size_t col, const std::string& what) const {
  throw InputError(located(path_, lines_[row], static_cast<long>(col + 1), header_[col], what));
}

long long CsvTable::integer(std::size_t row, std::size_t col, bool allow_negative) const {
  const std::string& s = rows_[row][col];
  char* end = nullptr;
  errno = 0;
  const long long v = std::strtoll(s.c_str(), &end, 10);
  if (s.empty() || *end != '\0' || errno == ERANGE) fail(row, col, "expected an integer, found '" + s + "'");
  if (v < 0 && !allow_negative) fail(row, col, "expected a non-negative integer, found '" + s + "'");
  return v;
}

double CsvTable::number(std::size_t row, std::size_t col, bool allow_negative) const {
  const std::string& s = rows_[row][col];
  char* end = nullptr;
  errno = 0;
  const double v = std::strtod(s.c_str(), &end);
  if (s.empty() || *end != '\0' || errno == ERANGE || !std::isfinite(v))
    fail(row, col, "expected a number, found '" + s + "'");
  if (v < 0 && !allow_negative) fail(row, col, "expected a non-negative number, found '" + s + "'");
  return v;
}

}  // namespace finsim
