#include "run/journal_header.h"

#include <catch2/catch.hpp>
#include <string>

using finsim::ArchiveReader;
using finsim::ArchiveWriter;
using finsim::JournalHeader;

namespace {

JournalHeader sample_header() {
  JournalHeader h = finsim::this_build_header();
  h.point_sha256 = {std::string(64, 'a'), std::string(64, 'b')};
  h.seed = 7;
  h.first_replication = 2;
  h.replications = 3;
  h.shard_index = 1;
  h.shard_count = 2;
  h.plan.scenario_file = "scenarios/baseline.toml";
  h.plan.varied_keys = {"population.inflow_per_year"};
  h.plan.points = {{"0.12"}, {"0.12"}};
  h.plan.point_files = {"scenarios/baseline.toml", "../other/state-plus-50.toml"};
  h.directory = "/abs/work";
  return h;
}

std::string encoded_header(JournalHeader h) {
  std::string out;
  ArchiveWriter w(out);
  w(h);
  return out;
}

JournalHeader decoded(const std::string& bytes) {
  JournalHeader h;
  ArchiveReader r(bytes);
  r(h);
  CHECK(r.remaining() == 0);
  return h;
}

}  // namespace

TEST_CASE("journal header: a study's labels round-trip, and without them the header ends before them", "[run]") {
  JournalHeader plain = sample_header();
  const std::string bytes = encoded_header(plain);
  CHECK(decoded(bytes) == plain);
  // The plan as given and the directory its paths lead from (format 3), for finsim merge.
  CHECK(decoded(bytes).plan.point_files[1] == "../other/state-plus-50.toml");
  CHECK(decoded(bytes).directory == "/abs/work");

  JournalHeader study = plain;
  study.study_labels = std::string("\0\1labels\xff", 9);  // opaque bytes (output/study_labels.h encodes them)
  const std::string with = encoded_header(study);
  CHECK(decoded(with) == study);
  // The header followed by the labels as a length-prefixed string (8-byte length, then the bytes):
  // a header without labels is byte for byte what it was before the field existed.
  REQUIRE(with.size() == bytes.size() + 8 + 9);
  CHECK(with.compare(0, bytes.size(), bytes) == 0);
  CHECK(with.substr(bytes.size() + 8) == study.study_labels);
}
