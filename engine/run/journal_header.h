// The journal's header: what must match for a resume (code, resolved scenarios, seed,
// replications, shard and plan), its serialisation, and the first difference to another header.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "run/binary_archive.h"
#include "run/run_plan.h"

namespace finsim {

// What must match for a resume: the same code, the same resolved scenario per point, the same
// seed and replications. Any difference would make the resumed file differ from an uninterrupted run.
struct JournalHeader {
  std::string finsim_version, git_commit;  // util/build_info.h
  std::vector<std::string> point_sha256;   // per point: SHA-256 (hex) of its resolved scenario
  std::uint64_t seed = 0;
  int first_replication = 0, replications = 0;
  bool events = false;
  // A shard file (finsim run/sweep --shard K/N) is a journal whose header also says which shard it
  // is; 0/0 in a resume journal. The plan (scenario files as given, overrides, points) lets
  // finsim merge rebuild the run and check that every point still resolves to its digest; the
  // plan's relative paths lead from `directory`, the shard's working directory (absolute), so
  // that the merged file names its input files as the unsharded run does ("" in a resume journal).
  int shard_index = 0, shard_count = 0;
  RunPlan plan;
  std::string directory;
  // finsim study --shard: the study's labels (output/study_labels.h, encoded) for finsim merge to
  // write into the result file; "" for every other run.
  std::string study_labels;
  bool operator==(const JournalHeader&) const = default;
};

// A header with this build's finsim_version and git_commit filled in.
JournalHeader this_build_header();

// The first difference between the journal's header and the run's, as the rest of a message
// ("seed 1 in the journal, 2 now"); "" when they match.
std::string header_difference(const JournalHeader& in_file, const JournalHeader& now);

// For ArchiveWriter/ArchiveReader (run/binary_archive.h): every field, in declaration order.
static_assert(kFieldCount<JournalHeader> == 12, "JournalHeader changed: update serialize(JournalHeader)");
static_assert(kFieldCount<RunPlan> == 9, "RunPlan changed: update serialize(RunPlan)");

template <class Ar>
void serialize(Ar& ar, RunPlan& p) {
  std::string file = p.scenario_file.string();
  bool has_replications = p.replications.has_value(), has_seed = p.seed.has_value();
  int replications = p.replications.value_or(0);
  std::uint32_t seed = p.seed.value_or(0);
  std::vector<std::string> point_files;
  for (const auto& f : p.point_files) point_files.push_back(f.string());
  ar(file, p.overrides, p.varied_keys, p.points, point_files, p.point_origins, has_replications, replications, has_seed,
     seed, p.record_events);
  if constexpr (Ar::kLoading) {
    p.scenario_file = file;
    p.point_files.assign(point_files.begin(), point_files.end());
    p.replications = has_replications ? std::optional<int>(replications) : std::nullopt;
    p.seed = has_seed ? std::optional<std::uint32_t>(seed) : std::nullopt;
  }
}

template <class Ar>
void serialize(Ar& ar, JournalHeader& h) {
  ar(h.finsim_version, h.git_commit, h.point_sha256, h.seed, h.first_replication, h.replications, h.events,
     h.shard_index, h.shard_count, h.plan, h.directory);
  // Written only when there are labels, so that every other journal's header is as it was before
  // the field existed (and reads back with none): the header record ends here or holds them.
  if constexpr (Ar::kLoading) {
    if (ar.remaining() > 0) ar(h.study_labels);
  } else if (!h.study_labels.empty()) {
    ar(h.study_labels);
  }
}

}  // namespace finsim
