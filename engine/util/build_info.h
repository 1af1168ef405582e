// Which source the binary was built from, for --version and every result file's provenance.
// The commit lives in one generated source (engine/build_info.cmake) so a commit relinks, not rebuilds.
#pragma once

namespace finsim {

// Short commit hash of the source tree at build time, "+dirty" appended when it had uncommitted
// changes, "unknown" outside a git checkout.
const char* git_commit();

}  // namespace finsim
