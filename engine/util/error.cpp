#include "util/error.h"

namespace finsim {

std::string located(const std::string& file, long line, long col, const std::string& key, const std::string& what) {
  std::string out;
  if (!file.empty()) {
    out += file;
    if (line > 0) {
      out += ":" + std::to_string(line);
      if (col > 0) out += ":" + std::to_string(col);
    }
    out += ": ";
  }
  if (!key.empty()) out += key + ": ";
  out += what;
  return out;
}

}  // namespace finsim
