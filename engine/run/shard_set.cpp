#include "run/shard_set.h"

#include <map>
#include <set>
#include <system_error>

#include "util/error.h"
#include "util/text.h"

namespace finsim {
namespace {

namespace fs = std::filesystem;

std::string unit_text(const Unit& u) {
  return "(point " + std::to_string(u.point) + ", replication " + std::to_string(u.replication) + ")";
}

std::string shard_text(const JournalHeader& h) {
  return "shard " + std::to_string(h.shard_index) + "/" + std::to_string(h.shard_count);
}

// What differs between two shards' runs, or "".
std::string run_difference(const JournalHeader& a, const JournalHeader& b) {
  if (a.shard_count != b.shard_count)
    return "it is one of " + std::to_string(a.shard_count) + " shards, the other one of " +
           std::to_string(b.shard_count) + " (shards of different slicings)";
  if (a.point_sha256.size() != b.point_sha256.size())
    return std::to_string(a.point_sha256.size()) + " point(s) against " + std::to_string(b.point_sha256.size());
  if (a.study_labels.empty() != b.study_labels.empty())
    return "one is a shard of a study (finsim study), the other not";
  if (a.plan.varied_keys != b.plan.varied_keys || a.plan.points != b.plan.points)
    return a.study_labels.empty() ? "the sweep's varied keys or values differ"
                                  : "another study: its drawn keys or parameter sets differ";
  for (std::size_t k = 0; k < a.point_sha256.size(); ++k)
    if (a.point_sha256[k] != b.point_sha256[k])
      return "the resolved scenario of point " + std::to_string(k) + " differs (sha256 " +
             short_digest(a.point_sha256[k]) + " against " + short_digest(b.point_sha256[k]) + ")";
  if (a.seed != b.seed) return "seed " + std::to_string(a.seed) + " against " + std::to_string(b.seed);
  if (a.first_replication != b.first_replication || a.replications != b.replications)
    return "replications " + std::to_string(a.first_replication) + "+" + std::to_string(a.replications) + " against " +
           std::to_string(b.first_replication) + "+" + std::to_string(b.replications);
  if (a.events != b.events) return "one was run with --events, the other without";
  if (a.study_labels != b.study_labels)
    return "another study: how its sets were drawn (method, sample seed) or its files as given differ";
  return "";
}

// A shard's file: NAME, or NAME.partial while it is not finished.
fs::path existing_file(const fs::path& given) {
  std::error_code ec;
  if (fs::exists(given, ec)) return given;
  if (const fs::path journal = journal_path_for(given); fs::exists(journal, ec)) return journal;
  throw InputError(given.string() + ": no such shard file (nor its unfinished journal " +
                   journal_path_for(given).string() + ")");
}

}  // namespace

const ShardFile* ShardSet::file_of(int shard) const {
  for (const auto& f : files)
    if (f.status.header.shard_index == shard) return &f;
  return nullptr;
}

ShardSet read_shard_set(const std::vector<fs::path>& given, bool skip_absent) {
  if (given.empty()) throw InputError("no shard files given");
  ShardSet set;
  for (const auto& g : given) {
    std::error_code ec;
    if (skip_absent && !fs::exists(g, ec) && !fs::exists(journal_path_for(g), ec)) {
      set.absent.push_back(g);
      continue;
    }
    const fs::path path = existing_file(g);
    for (const auto& f : set.files) {
      if (fs::equivalent(f.path, path, ec))
        throw InputError(path.string() + ": given twice (also as " + f.path.string() + ")");
    }
    ShardFile file{path, read_journal_status(path)};
    const JournalHeader& h = file.status.header;
    if (h.shard_count == 0)
      throw InputError(path.string() + ": not a shard file (the resume journal of a run without --shard)");
    if (!set.files.empty()) {
      const ShardFile& first = set.files.front();
      const JournalHeader& f = first.status.header;
      if (h.finsim_version != f.finsim_version || h.git_commit != f.git_commit)
        throw InputError("mixed versions: " + first.path.string() + " was written by finsim " + f.finsim_version +
                         " (commit " + f.git_commit + "), " + path.string() + " by finsim " + h.finsim_version +
                         " (commit " + h.git_commit + ")");
      if (const std::string diff = run_difference(h, f); !diff.empty())
        throw InputError(path.string() + " (" + shard_text(h) + ") is not of the same run as " + first.path.string() +
                         " (" + shard_text(f) + "): " + diff);
    }
    set.files.push_back(std::move(file));
  }
  if (set.files.empty())
    throw InputError(given.front().string() + ": no such shard file (none of the " + std::to_string(given.size()) +
                     " given exists yet)");
  set.header = set.files.front().status.header;
  const JournalHeader& h = set.header;
  const std::size_t points = h.point_sha256.size();
  set.owner.assign(points * static_cast<std::size_t>(h.replications), -1);
  auto slot = [&](std::size_t p, int r) {
    return p * static_cast<std::size_t>(h.replications) + static_cast<std::size_t>(r - h.first_replication);
  };
  for (std::size_t i = 0; i < set.files.size(); ++i)
    for (const auto& [p, r] : set.files[i].status.done) {
      int& owner = set.owner[slot(p, r)];
      if (owner >= 0) {
        const ShardFile& a = set.files[static_cast<std::size_t>(owner)];
        const ShardFile& b = set.files[i];
        throw InputError("unit " + unit_text({p, r}) + " is in two files: " + a.path.string() + " (" +
                         shard_text(a.status.header) + ") and " + b.path.string() + " (" + shard_text(b.status.header) +
                         ")");
      }
      owner = static_cast<int>(i);
    }
  const ShardSlice slicing({1, h.shard_count}, points, h.first_replication, h.replications);
  for (int r = h.first_replication; r < h.first_replication + h.replications; ++r)
    for (std::size_t p = 0; p < points; ++p)
      if (set.owner[slot(p, r)] < 0) set.missing.push_back({{p, r}, slicing.shard_of({p, r})});
  return set;
}

std::vector<int> shards_with_missing(const ShardSet& set) {
  std::set<int> shards;
  for (const auto& m : set.missing) shards.insert(m.second);
  return {shards.begin(), shards.end()};
}

std::string describe_missing(const ShardSet& set, std::size_t per_shard) {
  if (set.missing.empty()) return "";
  std::map<int, std::vector<Unit>> by_shard;
  for (const auto& [unit, shard] : set.missing) by_shard[shard].push_back(unit);
  std::string out = std::to_string(set.missing.size()) + " unit(s) missing:";
  bool first = true;
  for (const auto& [shard, units] : by_shard) {
    out += first ? " " : "; ";
    first = false;
    out += "shard " + std::to_string(shard) + "/" + std::to_string(set.shard_count());
    if (const ShardFile* f = set.file_of(shard))
      out += " (" + f->path.string() + (f->status.in_use ? ", being written now" : ", not finished") + ")";
    else
      out += " (no file given)";
    out += ":";
    for (std::size_t i = 0; i < units.size() && i < per_shard; ++i) out += (i ? ", " : " ") + unit_text(units[i]);
    if (units.size() > per_shard) out += " and " + std::to_string(units.size() - per_shard) + " more";
  }
  for (std::size_t i = 0; i < set.absent.size(); ++i)
    out += (i ? ", " : "; given but not found: ") + set.absent[i].string();
  return out;
}

std::string array_list(const std::vector<int>& shards) { return number_ranges(shards, ","); }

}  // namespace finsim
