#include "run/journal_header.h"

#include "util/build_info.h"
#include "util/text.h"

namespace finsim {

JournalHeader this_build_header() {
  JournalHeader h;
  h.finsim_version = FINSIM_VERSION;
  h.git_commit = git_commit();
  return h;
}

std::string header_difference(const JournalHeader& in_file, const JournalHeader& now) {
  auto range = [](const JournalHeader& h) {
    return std::to_string(h.first_replication) + "–" + std::to_string(h.first_replication + h.replications - 1);
  };
  if (in_file.finsim_version != now.finsim_version || in_file.git_commit != now.git_commit)
    return "written by finsim " + in_file.finsim_version + " (commit " + in_file.git_commit + "), this is finsim " +
           now.finsim_version + " (commit " + now.git_commit + ")";
  if (in_file.point_sha256.size() != now.point_sha256.size())
    return "the journal has " + std::to_string(in_file.point_sha256.size()) + " point(s), this run " +
           std::to_string(now.point_sha256.size());
  for (std::size_t k = 0; k < now.point_sha256.size(); ++k)
    if (in_file.point_sha256[k] != now.point_sha256[k])
      return "the resolved scenario of point " + std::to_string(k) + " differs (sha256 " +
             short_digest(in_file.point_sha256[k]) + " in the journal, " + short_digest(now.point_sha256[k]) + " now)";
  if (in_file.seed != now.seed)
    return "seed " + std::to_string(in_file.seed) + " in the journal, " + std::to_string(now.seed) + " now";
  if (in_file.first_replication != now.first_replication || in_file.replications != now.replications)
    return "replications " + range(in_file) + " in the journal, " + range(now) + " now";
  if (in_file.events != now.events)
    return std::string("the journal was written ") + (in_file.events ? "with" : "without") + " --events, this run " +
           (now.events ? "has" : "has not") + " it";
  if (in_file.shard_index != now.shard_index || in_file.shard_count != now.shard_count) {
    auto shard = [](const JournalHeader& h) {
      return h.shard_count == 0 ? std::string("no shard")
                                : "shard " + std::to_string(h.shard_index) + "/" + std::to_string(h.shard_count);
    };
    return shard(in_file) + " in the journal, " + shard(now) + " now";
  }
  return "";
}

}  // namespace finsim
