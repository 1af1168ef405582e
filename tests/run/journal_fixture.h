// Test helper for tests/run: journals in a temporary folder, their header, and a small hand-made
// result (a few hundred bytes) whose record a test can cut at every byte.
#pragma once
#include <filesystem>
#include <string>

#include "../temp_dir.h"
#include "run/journal_header.h"
#include "run/result_encoding.h"
#include "sim/replication_result.h"

namespace finsim::test {

struct JournalDir : TempDir {
  explicit JournalDir(const std::string& name) : TempDir("journal-" + name) {}
};

inline JournalHeader journal_header(int points = 2, int replications = 3, bool events = false) {
  JournalHeader h = this_build_header();
  h.point_sha256.resize(static_cast<std::size_t>(points));
  for (int p = 0; p < points; ++p) h.point_sha256[static_cast<std::size_t>(p)].assign(64, static_cast<char>('a' + p));
  h.seed = 42;
  h.first_replication = 0;
  h.replications = replications;
  h.events = events;
  return h;
}

// A small hand-made result (a few hundred bytes), so a test can cut its record at every byte.
inline ReplicationResult small_journal_result(int replication) {
  ReplicationResult r;
  r.replication = replication;
  r.months = 2;
  r.areas = {{"Förbund A", 0, 1, false, 1000}, {"no förbund (01)", -1, 1, true, 50}};
  r.monthly.resize(4);
  for (std::size_t i = 0; i < r.monthly.size(); ++i) {
    r.monthly[i].reset(2);
    r.monthly[i].inflow = static_cast<std::int64_t>(10 * i + static_cast<std::size_t>(replication));
    r.monthly[i].participants = {3, static_cast<std::int64_t>(i)};
  }
  r.initial_stock.assign(2, {});
  r.initial_stock[0][0] = 7;
  r.initial_participants = {{1, 2}, {0, 0}};
  ForbundYear y;
  y.forbund = 0;
  y.year = 2019;
  y.budget = 4'000'000;
  y.kommun_paid = {500'000, 500'000};
  y.capping_party = "region:01";
  r.funding = {y};
  r.individual_spent = {1'234'567};
  r.events = {{17, 0, 0, 7, 0, -1, 0}, {17, 1, 1, 0, 1, 2, 0}};
  r.events_recorded = true;
  r.peak_agents = 99;
  r.bytes_per_agent = 48;
  return r;
}

inline std::string journal_bytes(const ReplicationResult& r) {
  std::string bytes;
  encode_result(r, bytes);
  return bytes;
}

inline void copy_prefix(const std::filesystem::path& from, const std::filesystem::path& to, std::uintmax_t bytes) {
  std::filesystem::copy_file(from, to, std::filesystem::copy_options::overwrite_existing);
  std::filesystem::resize_file(to, bytes);
}

}  // namespace finsim::test
