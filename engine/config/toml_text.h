// TOML text as people read it: floats written in their shortest round-trip form.
// Debian's toml++ prints doubles with 17 significant digits (0.1 as 0.10000000000000001); this rewrites them.
#pragma once

#include <string>
#include <string_view>

namespace finsim {

// `toml` (as toml++ prints it) with every float outside strings in its shortest form that reads back
// to the same double (0.10000000000000001 -> 0.1, 1e+20 stays a float); strings, keys, integers,
// dates and times are left as they are.
std::string shortest_floats(std::string_view toml);

}  // namespace finsim
