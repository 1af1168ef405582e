// Small text helpers shared by loaders and the CLI: edit distance for "did you mean", trimming,
// CSV field quoting.
// Kept here so each loader does not grow its own copy.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace finsim {

std::size_t edit_distance(std::string_view a, std::string_view b);

// The closest candidate within a small distance, or "" when none is close enough.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

std::string_view trim(std::string_view s);

std::vector<std::string> split(std::string_view s, char sep);

// One CSV field as RFC 4180 writes it: quoted (with "" for ") when it holds a comma, a quote, CR
// or LF — förbund names contain commas ("Huddinge, Botkyrka och Salem") — and unchanged otherwise.
// Every CSV Finsim writes uses this one helper, and "\n" line ends.
std::string csv_field(std::string_view s);

// The shortest text that reads back as the same double (std::to_chars): 0.1, 339000000, 1e-07.
std::string shortest_number(double value);

// Terminal columns of UTF-8 text: förbund names carry å, ä, ö, two bytes each but one column, so
// padding by byte count would break a table's alignment.
std::size_t text_columns(std::string_view s);
// `s` padded with spaces to `width` columns, on the right (left-aligned) or on the left.
std::string pad_right(const std::string& s, std::size_t width);
std::string pad_left(const std::string& s, std::size_t width);

// Sorted numbers as runs: {0,1,2,4,6,7} → "0-2" sep "4" sep "6-7" (Slurm's --array syntax with ",").
std::string number_ranges(const std::vector<int>& sorted, std::string_view separator);

// The first 12 hex digits of a digest and "…", for messages that name a digest.
std::string short_digest(const std::string& hex);

}  // namespace finsim
