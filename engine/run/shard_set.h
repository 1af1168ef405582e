// The shard files of one sharded run, read together: that they belong to the same run (code, plan,
// scenario digests, seed, replications, slicing), which unit each holds, and which are missing.
#pragma once
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "run/shard.h"
#include "run/unit_journal.h"

namespace finsim {

struct ShardFile {
  std::filesystem::path path;
  JournalStatus status;  // header (with the shard K/N), done units, whether a run is writing it now
};

struct ShardSet {
  JournalHeader header;  // the first file's (shard_count is the N of every file)
  std::vector<ShardFile> files;
  std::vector<int> owner;  // per unit (point × replications + replication − first): index into files, or −1
  std::vector<std::pair<Unit, int>> missing;  // units no file holds, with the shard (1..N) that should
  std::vector<std::filesystem::path> absent;  // files given that do not exist (skip_absent)
  std::size_t units() const { return owner.size(); }
  int shard_count() const { return header.shard_count; }
  // The file given for shard k (1..N), or nullptr.
  const ShardFile* file_of(int shard) const;
};

// Reads every file (a finished shard NAME, or the journal NAME.partial of one not finished; NAME
// whose shard is not finished is read from NAME.partial). Throws InputError, one line, when a file
// is missing or is not a shard file, when two files differ in finsim version or commit, in the
// slicing (N), the plan (points, varied keys and values), a point's scenario digest, the seed, the
// replications or --events (naming both files and what differs), or when a unit is in two files
// (naming the unit and both files).
// With `skip_absent` (finsim missing), a file that does not exist (nor its journal) is left out:
// its shard then counts as one without a file, as when a Slurm task never started.
ShardSet read_shard_set(const std::vector<std::filesystem::path>& files, bool skip_absent = false);

// "3 unit(s) missing: shard 2/3 (no file given): (point 0, replication 4), …; shard 3/3 (b.shard, not
// finished): …" — at most `per_shard` units named per shard — and "; given but not found: c.shard"
// for the files given that do not exist. "" when none is missing.
std::string describe_missing(const ShardSet& set, std::size_t per_shard = 4);

// The shards (1..N) holding missing units, ascending.
std::vector<int> shards_with_missing(const ShardSet& set);

// "1-3,7,9-10": shard indices as a Slurm --array list.
std::string array_list(const std::vector<int>& shards);

}  // namespace finsim
