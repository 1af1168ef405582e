#include "config/toml_text.h"

#include <algorithm>
#include <charconv>
#include <system_error>

#include "util/text.h"

namespace finsim {
namespace {

bool token_char(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '.' ||
         c == '+' || c == '-' || c == ':';
}

// The token if it is a float, in its shortest form; otherwise the token unchanged.
std::string rewrite_float(std::string_view token) {
  if (token.find_first_of(".eE") == std::string_view::npos || token.find(':') != std::string_view::npos)
    return std::string(token);
  std::string_view digits = token.front() == '+' ? token.substr(1) : token;  // from_chars takes no '+'
  double v = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
  if (ec != std::errc() || end != digits.data() + digits.size()) return std::string(token);
  std::string out = shortest_number(v);
  if (out.find_first_of(".e") == std::string::npos) out += ".0";  // still a TOML float
  return out;
}

// Length of the string starting at `at` (a quote), to just past its closing quote.
std::size_t string_length(std::string_view s, std::size_t at) {
  const char q = s[at];
  const std::string_view triple = q == '"' ? std::string_view(R"(""")") : std::string_view("'''");
  const bool multi = s.substr(at, 3) == triple;
  std::size_t i = at + (multi ? 3 : 1);
  while (i < s.size()) {
    if (q == '"' && s[i] == '\\') {
      i += 2;
      continue;
    }
    if (multi ? s.substr(i, 3) == triple : s[i] == q) return i + (multi ? 3 : 1) - at;
    ++i;
  }
  return s.size() - at;
}

}  // namespace

std::string shortest_floats(std::string_view toml) {
  std::string out;
  out.reserve(toml.size());
  std::size_t i = 0;
  while (i < toml.size()) {
    const char c = toml[i];
    if (c == '"' || c == '\'') {
      const std::size_t n = string_length(toml, i);
      out.append(toml.substr(i, n));
      i += n;
    } else if (c == '#') {  // a comment runs to the end of its line
      const std::size_t end = std::min(toml.find('\n', i), toml.size());
      out.append(toml.substr(i, end - i));
      i = end;
    } else if (token_char(c)) {
      std::size_t end = i;
      while (end < toml.size() && token_char(toml[end])) ++end;
      out += rewrite_float(toml.substr(i, end - i));
      i = end;
    } else {
      out += c;
      ++i;
    }
  }
  return out;
}

}  // namespace finsim
