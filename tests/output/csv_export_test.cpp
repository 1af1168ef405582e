// Specification of output/csv_export.cpp: one tidy CSV per dataset (a column per dimension with
// its labels, then the value), events.csv and attributes.csv.
#include "output/csv_export.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "../temp_dir.h"
#include "output/event_log_reader.h"
#include "output/hdf5_file.h"
#include "output/provenance.h"
#include "run_with_events.h"

namespace fs = std::filesystem;
using namespace finsim;
using finsim::test::RunWithEvents;

namespace {

std::string text_of(const fs::path& p) {
  std::ifstream in(p);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

}  // namespace

TEST_CASE("output: CSV export writes one tidy file per dataset, events.csv and attributes.csv", "[output][csv]") {
  const RunWithEvents run(true);
  const ResultsFile f = open_results(run.file);
  const fs::path dir = fs::temp_directory_path() / ("finsim-export-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::size_t written = export_csv(f, dir);
  CHECK(written > 10);
  auto lines = [](const fs::path& p) {
    std::ifstream in(p);
    std::size_t n = 0;
    for (std::string l; std::getline(in, l);) ++n;
    return n;
  };
  // participants is [replication, month, forbund]: one row per cell plus the header.
  const auto shape = h5::dataset_info(f.group, "participants").shape;
  CHECK(lines(dir / "participants.csv") == shape[0] * shape[1] * shape[2] + 1);
  CHECK(lines(dir / "events.csv") == EventLogReader(f.group).size() + 1);
  std::ifstream attrs(dir / "attributes.csv");
  const std::string text((std::istreambuf_iterator<char>(attrs)), std::istreambuf_iterator<char>());
  CHECK(text.find("/,schema_version,") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("CSV export: a column of labels per dimension, quoted text, shortest numbers, the attributes",
          "[output][csv]") {
  const test::TempDir dir("csv-export");
  const auto path = dir / "tiny.h5";
  {
    auto file = h5::File::create(path);
    file.root().set_attribute("finsim_version", std::string("9.9"));
    file.root().set_attribute("schema_version", std::string(kSchemaVersion));
    {
      const auto g = file.create_group("scenarios/tiny");
      g.set_attribute("seed", std::int64_t{7});
      h5::define_dimension(g, "month", std::vector<std::string>{"2019-01", "2019-02"});
      h5::define_dimension(g, "payer", std::vector<std::string>{"state", "region"});
      h5::write_array(g, "cost", std::span<const std::int64_t>(std::vector<std::int64_t>{1, 2, 3, 4}), {2, 2},
                      {"month", "payer"}, {{"units", "SEK"}});
      h5::write_array(g, "share", std::span<const double>(std::vector<double>{0.25, 1e-7}), {2}, {"payer"});
      h5::write_array(g, "note", std::span<const std::string>(std::vector<std::string>{"a,b", "plain"}), {2},
                      {"month"});
    }
    file.close();
  }
  const ResultsFile f = open_results(path);
  const fs::path out = dir / "csv";
  fs::create_directories(out);
  CHECK(export_csv(f, out) == 3);  // cost, share, note; the coordinates are columns, not files
  CHECK(!fs::exists(out / "month.csv"));
  CHECK(text_of(out / "cost.csv") ==
        "month,payer,value\n2019-01,state,1\n2019-01,region,2\n2019-02,state,3\n2019-02,region,4\n");
  CHECK(text_of(out / "share.csv") == "payer,value\nstate,0.25\nregion,1e-07\n");
  CHECK(text_of(out / "note.csv") == "month,value\n2019-01,\"a,b\"\n2019-02,plain\n");
  CHECK(!fs::exists(out / "events.csv"));  // no event log in the file
  const std::string attrs = text_of(out / "attributes.csv");
  CHECK(attrs.rfind("object,attribute,value\n", 0) == 0);
  CHECK(attrs.find("/,finsim_version,") != std::string::npos);
  CHECK(attrs.find("/scenarios/tiny,seed,7") != std::string::npos);
  CHECK(attrs.find("/scenarios/tiny/cost,units,") != std::string::npos);
}
