// Specification of the scenario loader: inheritance, merge precedence, --set typing and one test
// per class of input error (each must name the file and say what was expected).
#include "config/scenario_document.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "util/error.h"
#include "../input_error.h"
#include "../temp_dir.h"

using finsim::test::input_error;

namespace fs = std::filesystem;
using finsim::InputError;
using finsim::load_scenario_document;
using finsim::ScenarioDocument;

namespace {

const std::string kFixtures = std::string(FINSIM_TEST_DATA) + "/scenarios/";

using finsim::test::TempDir;

// The message of the InputError that `f` throws ("" if it throws none).
const toml::node* at(const ScenarioDocument& doc, const std::string& key) { return doc.table.at_path(key).node(); }

}  // namespace

// --- One test per error class ----------------------------------------------------------------

TEST_CASE("config: a TOML syntax error names file line and column", "[config]") {
  // syntax_error.toml line 3 is "[funding.state" with no closing bracket.
  const std::string file = kFixtures + "syntax_error.toml";
  const std::string msg = input_error([&] { load_scenario_document(file); });
  INFO(msg);
  CHECK(msg.rfind(file + ":3:", 0) == 0);
  CHECK(msg.find("TOML syntax error") != std::string::npos);
}

TEST_CASE("config: an unknown key is located and gets a did-you-mean", "[config]") {
  // unknown_key.toml line 4: nmae = "typo"; the closest registry key is scenario.name.
  const std::string file = kFixtures + "unknown_key.toml";
  const std::string msg = input_error([&] { load_scenario_document(file); });
  INFO(msg);
  CHECK(msg.rfind(file + ":4:", 0) == 0);
  CHECK(msg.find("scenario.nmae: unknown key") != std::string::npos);
  CHECK(msg.find("did you mean 'scenario.name'?") != std::string::npos);
}

TEST_CASE("config: a value of the wrong type names the key and the expected type", "[config]") {
  // wrong_type.toml line 3: seed = "twenty"; scenario.seed is an integer in the registry.
  const std::string file = kFixtures + "wrong_type.toml";
  const std::string msg = input_error([&] { load_scenario_document(file); });
  INFO(msg);
  CHECK(msg.rfind(file + ":3:", 0) == 0);
  CHECK(msg.find("scenario.seed: expected an integer") != std::string::npos);
}

TEST_CASE("config: an inheritance cycle is an error that prints the chain", "[config]") {
  // cycle_a.toml -> cycle_b.toml -> cycle_a.toml
  const std::string msg = input_error([&] { load_scenario_document(kFixtures + "cycle_a.toml"); });
  INFO(msg);
  CHECK(msg.find("inheritance cycle") != std::string::npos);
  const auto a = msg.find("cycle_a.toml -> ");
  const auto b = msg.find("cycle_b.toml -> ", a == std::string::npos ? 0 : a);
  CHECK(a != std::string::npos);
  CHECK(b != std::string::npos);
  CHECK(msg.find("cycle_a.toml", b == std::string::npos ? 0 : b) != std::string::npos);  // back to the start
}

TEST_CASE("config: a file that inherits itself is a cycle", "[config]") {
  TempDir dir("self");
  const std::string file = dir.write("self.toml", "inherits = \"self.toml\"\n");
  const std::string msg = input_error([&] { load_scenario_document(file); });
  INFO(msg);
  CHECK(msg.find("inheritance cycle") != std::string::npos);
}

TEST_CASE("config: the chain names each file as the given path leads to it, not its canonical path", "[config]") {
  // A result file records the chain (input_files): a symlinked or "../" spelling stays as given, so
  // no home directory or mount point is written that the user did not type; the data files agree.
  TempDir dir("chain-paths");
  dir.write("real/base.toml", "[scenario]\nseed = 7\n");
  dir.write("real/child.toml", "inherits = \"base.toml\"\n[scenario]\nname = \"child\"\n");
  fs::create_directory_symlink(dir / "real", dir / "link");
  const auto doc = finsim::load_scenario_document((dir / "link" / "." / "child.toml").string());
  REQUIRE(doc.chain.size() == 2);
  CHECK(doc.chain[0] == (dir / "link" / "child.toml").string());
  CHECK(doc.chain[1] == (dir / "link" / "base.toml").string());
}

TEST_CASE("config: a cycle through another spelling of the same file is still a cycle", "[config]") {
  TempDir dir("cycle-spelling");
  fs::create_directory_symlink(dir.path, dir / "again");
  const std::string file = dir.write("a.toml", "inherits = \"again/a.toml\"\n");
  const std::string msg = input_error([&] { finsim::load_scenario_document(file); });
  INFO(msg);
  CHECK(msg.find("inheritance cycle: " + file + " -> ") != std::string::npos);
  CHECK(msg.find("again/a.toml") != std::string::npos);
}

TEST_CASE("config: a missing scenario file is named", "[config]") {
  const std::string file = kFixtures + "does_not_exist.toml";
  const std::string msg = input_error([&] { load_scenario_document(file); });
  INFO(msg);
  CHECK(msg == file + ": scenario file not found");
}

TEST_CASE("config: a missing parent is named at the inherits key of the child", "[config]") {
  // missing_parent.toml line 2: inherits = "no_such_parent.toml"
  const std::string file = kFixtures + "missing_parent.toml";
  const std::string msg = input_error([&] { load_scenario_document(file); });
  INFO(msg);
  CHECK(msg.rfind(file + ":2:", 0) == 0);
  CHECK(msg.find("inherits: parent scenario") != std::string::npos);
  CHECK(msg.find("no_such_parent.toml' not found") != std::string::npos);
}

TEST_CASE("config: an unknown key in an inherited file is reported with that file", "[config]") {
  TempDir dir("parent-unknown");
  const std::string parent = dir.write("parent.toml", "[referral]\nrate_per_mnth = 0.1\n");
  const std::string child = dir.write("child.toml", "inherits = \"parent.toml\"\n");
  const std::string msg = input_error([&] { load_scenario_document(child); });
  INFO(msg);
  CHECK(msg.rfind(parent + ":2:", 0) == 0);
  CHECK(msg.find("did you mean 'referral.rate_per_month'?") != std::string::npos);
}

TEST_CASE("config: year series keys must be four-digit years with numbers", "[config]") {
  TempDir dir("year-keys");
  const std::string bad_year = dir.write("y.toml", "[funding.state]\nallocation_msek = { 25 = 500.0 }\n");
  const std::string msg = input_error([&] { load_scenario_document(bad_year); });
  INFO(msg);
  CHECK(msg.find("funding.state.allocation_msek.25: expected a four-digit year") != std::string::npos);
  const std::string bad_value = dir.write("v.toml", "[funding.state]\nallocation_msek = { 2025 = \"lots\" }\n");
  CHECK(input_error([&] { load_scenario_document(bad_value); }).find("allocation_msek.2025: expected a number") !=
        std::string::npos);
}

// --- Inheritance and precedence --------------------------------------------------------------

TEST_CASE("config: precedence is grandparent < parent < child < --set", "[config]") {
  TempDir dir("precedence");
  // The parent lives in a sub-folder: its `inherits` is relative to its own file.
  dir.write("gp.toml",
            "[scenario]\nname = \"from-gp\"\ndescription = \"gp\"\nseed = 1\nreplications = 1\n");
  dir.write("base/parent.toml",
            "inherits = \"../gp.toml\"\n[scenario]\ndescription = \"parent\"\nseed = 2\nreplications = 2\n");
  const std::string child = dir.write("child.toml", "inherits = \"base/parent.toml\"\n[scenario]\nseed = 3\nreplications = 3\n");

  const ScenarioDocument doc = load_scenario_document(child, {"scenario.replications=4"});
  CHECK(at(doc, "scenario.name")->value<std::string>() == "from-gp");        // only the grandparent sets it
  CHECK(at(doc, "scenario.description")->value<std::string>() == "parent");  // parent beats grandparent
  CHECK(at(doc, "scenario.seed")->value<long long>() == 3);                  // child beats parent
  CHECK(at(doc, "scenario.replications")->value<long long>() == 4);          // --set beats all
  CHECK(at(doc, "inherits") == nullptr);                                     // consumed, not a parameter

  REQUIRE(doc.chain.size() == 3);  // top scenario first
  CHECK(fs::path(doc.chain[0]).filename() == "child.toml");
  CHECK(fs::path(doc.chain[1]).filename() == "parent.toml");
  CHECK(fs::path(doc.chain[2]).filename() == "gp.toml");
  CHECK(doc.overrides == std::vector<std::string>{"scenario.replications=4"});
  CHECK(fs::equivalent(doc.directory, dir.path));  // data paths are relative to the top file
}

TEST_CASE("config: year series merge year by year across inheritance", "[config]") {
  TempDir dir("series");
  dir.write("parent.toml", "[funding.state]\nallocation_msek = { 2016 = 339.0 }\n");
  const std::string child =
      dir.write("child.toml", "inherits = \"parent.toml\"\n[funding.state]\nallocation_msek = { 2025 = 500.0 }\n");
  const ScenarioDocument doc = load_scenario_document(child);
  const auto* series = doc.table.at_path("funding.state.allocation_msek").as_table();
  REQUIRE(series != nullptr);
  CHECK(series->size() == 2);
  CHECK(series->get("2016")->value<double>() == 339.0);
  CHECK(series->get("2025")->value<double>() == 500.0);
}

TEST_CASE("config: arrays are replaced whole by the child", "[config]") {
  TempDir dir("arrays");
  dir.write("parent.toml",
            "[insats.ips]\nneeds = [\"mental\", \"somatic\"]\n"
            "[[funding.freeze]]\nparty = \"region:01\"\nfrom = 2020\nlevel_of = 2019\n"
            "[[funding.freeze]]\nparty = \"region:03\"\nfrom = 2021\nlevel_of = 2020\n");
  const std::string child = dir.write("child.toml",
                                      "inherits = \"parent.toml\"\n[insats.ips]\nneeds = [\"social\"]\n"
                                      "[[funding.freeze]]\nparty = \"kommun:0180\"\nfrom = 2022\nlevel_of = 2022\n");
  const ScenarioDocument doc = load_scenario_document(child);
  const auto* needs = doc.table.at_path("insats.ips.needs").as_array();
  REQUIRE(needs != nullptr);
  REQUIRE(needs->size() == 1);
  CHECK(needs->get(0)->value<std::string>() == "social");
  const auto* freezes = doc.table.at_path("funding.freeze").as_array();
  REQUIRE(freezes != nullptr);
  REQUIRE(freezes->size() == 1);
  CHECK(doc.table.at_path("funding.freeze[0].party").value<std::string>() == "kommun:0180");
}

// --- --set overrides ------------------------------------------------------------------------

TEST_CASE("config: --set is typed like the key it replaces", "[config]") {
  TempDir dir("set-types");
  const std::string file = dir.write("s.toml", "[scenario]\nseed = 7\n[population]\ntarget_group_size = 300000.0\n");

  SECTION("an integer key rejects 1.5 and names the key") {
    const std::string msg = input_error([&] { load_scenario_document(file, {"scenario.seed=1.5"}); });
    INFO(msg);
    CHECK(msg == "--set scenario.seed=1.5: scenario.seed: expected an integer");
  }
  SECTION("an integer key accepts an integer") {
    const auto doc = load_scenario_document(file, {"scenario.seed=42"});
    CHECK(at(doc, "scenario.seed")->is_integer());
    CHECK(at(doc, "scenario.seed")->value<long long>() == 42);
  }
  SECTION("a number key accepts 500 and stores a number") {
    const auto doc = load_scenario_document(file, {"population.target_group_size=500"});
    CHECK(at(doc, "population.target_group_size")->is_number());
    CHECK(at(doc, "population.target_group_size")->value<double>() == 500.0);
  }
  SECTION("a number key rejects text") {
    CHECK(input_error([&] { load_scenario_document(file, {"population.scale=lots"}); }) ==
          "--set population.scale=lots: population.scale: expected a number");
  }
  SECTION("a boolean key takes true or false only") {
    CHECK(at(load_scenario_document(file, {"organisation.full_coverage=true"}), "organisation.full_coverage")
              ->value<bool>() == true);
    CHECK(input_error([&] { load_scenario_document(file, {"organisation.full_coverage=yes"}); })
              .find("expected true or false") != std::string::npos);
  }
  SECTION("a string key keeps the text, with or without quotes") {
    CHECK(at(load_scenario_document(file, {"scenario.name=\"plus50\""}), "scenario.name")->value<std::string>() ==
          "plus50");
    CHECK(at(load_scenario_document(file, {"scenario.name=123"}), "scenario.name")->value<std::string>() == "123");
  }
  SECTION("a string list is comma-separated") {
    const auto doc = load_scenario_document(file, {"insats.ips.needs=mental, social"});
    const auto* arr = at(doc, "insats.ips.needs")->as_array();
    REQUIRE(arr != nullptr);
    REQUIRE(arr->size() == 2);
    CHECK(arr->get(1)->value<std::string>() == "social");
  }
  SECTION("an unknown key is rejected with a did-you-mean") {
    const std::string msg = input_error([&] { load_scenario_document(file, {"scenario.sed=3"}); });
    INFO(msg);
    CHECK(msg.find("scenario.sed: unknown key (did you mean 'scenario.seed'?)") != std::string::npos);
  }
  SECTION("an assignment without '=' is rejected") {
    CHECK(input_error([&] { load_scenario_document(file, {"scenario.seed"}); }).find("expected key=value") !=
          std::string::npos);
  }
  SECTION("a whole year series or array of tables cannot be set at once") {
    CHECK(input_error([&] { load_scenario_document(file, {"funding.state.allocation_msek=500"}); })
              .find("expected a single value") != std::string::npos);
    CHECK(input_error([&] { load_scenario_document(file, {"funding.freeze=1"}); }).find("expected a single value") !=
          std::string::npos);
  }
}

TEST_CASE("config: --set of a year series element adds or replaces that year only", "[config]") {
  TempDir dir("set-series");
  const std::string with_series = dir.write("a.toml", "[funding.state]\nallocation_msek = { 2016 = 339.0 }\n");

  SECTION("the other years of the file's series stay") {
    const auto doc = load_scenario_document(with_series, {"funding.state.allocation_msek.2025=500"});
    const auto* series = doc.table.at_path("funding.state.allocation_msek").as_table();
    REQUIRE(series != nullptr);
    CHECK(series->size() == 2);
    CHECK(series->get("2016")->value<double>() == 339.0);
    CHECK(series->get("2025")->value<double>() == 500.0);
  }
  SECTION("an element is a number: text is rejected, an integer becomes a number") {
    CHECK(input_error([&] { load_scenario_document(with_series, {"funding.state.allocation_msek.2025=abc"}); })
              .find("expected a number") != std::string::npos);
    const auto doc = load_scenario_document(with_series, {"funding.state.allocation_msek.2016=400"});
    CHECK(doc.table.at_path("funding.state.allocation_msek.2016").is_number());
    CHECK(doc.table.at_path("funding.state.allocation_msek.2016").value<double>() == 400.0);
  }
  SECTION("a series the file does not set gets just that year") {
    // The registry default's years are merged under it when the scenario is read
    // (read_scenario_test: "a year series merges over the registry default").
    const std::string without = dir.write("b.toml", "[scenario]\nname = \"no-series\"\n");
    const auto doc = load_scenario_document(without, {"funding.state.allocation_msek.2025=500"});
    const auto* series = doc.table.at_path("funding.state.allocation_msek").as_table();
    REQUIRE(series != nullptr);
    CHECK(series->size() == 1);
    CHECK(series->get("2025")->value<double>() == 500.0);
  }
  SECTION("a key that is not a year is rejected") {
    const std::string msg =
        input_error([&] { load_scenario_document(with_series, {"funding.state.allocation_msek.next=500"}); });
    INFO(msg);
    CHECK(msg.find("funding.state.allocation_msek.next: expected a four-digit year") != std::string::npos);
  }
}

TEST_CASE("config: --set of an array item is refused, never silently dropped", "[config]") {
  // Fixed bug: "funding.freeze[0].party=…" wrote a table literally named "freeze[0]" that nothing
  // reads, and the run went on with the file's value.
  TempDir dir("set-array");
  const std::string file =
      dir.write("f.toml", "[[funding.freeze]]\nparty = \"region:01\"\nfrom = 2020\nlevel_of = 2019\n");
  const std::string msg = input_error([&] { load_scenario_document(file, {"funding.freeze[0].party=region:03"}); });
  INFO(msg);
  CHECK(msg.find("funding.freeze[0].party: items of an array of tables cannot be set with --set") != std::string::npos);
}

TEST_CASE("config: --set may add a key the files do not set, and a new insats", "[config]") {
  TempDir dir("set-new");
  const std::string file = dir.write("n.toml", "[scenario]\nname = \"n\"\n");
  const auto doc = load_scenario_document(file, {"referral.max_wait_months=3", "insats.mentor.cost_sek_per_month=2500"});
  CHECK(at(doc, "referral.max_wait_months")->value<long long>() == 3);
  CHECK(at(doc, "insats.mentor.cost_sek_per_month")->value<long long>() == 2500);
  CHECK(finsim::where(*at(doc, "referral.max_wait_months")) == "--set");
}

TEST_CASE("config: a key that is not a bare key is refused where it stands", "[config]") {
  // Fixed crash (fuzz_scenario, CI): `[insats."x[0"]` passed the key check (an empty table) and the
  // insats reader then built the path "insats.x[0.label_sv", which the registry does not know:
  // std::logic_error, std::terminate. Keys are read back through dotted paths, so '.', '[', ']',
  // spaces and control characters cannot be part of one.
  TempDir dir("bare-key");
  for (const std::string name : {"x[0", "x]", "x[", "x.y", "", "a b"}) {
    const std::string file = dir.write("k.toml", "[scenario]\nname = \"k\"\n\n[insats.\"" + name + "\"]\n");
    const std::string msg = input_error([&] { load_scenario_document(file); });
    INFO(msg);
    CHECK(msg.rfind(file + ":4:", 0) == 0);
    CHECK(msg.find("insats." + name + ": expected a key of letters, digits, '_' or '-', got \"" + name + "\"") !=
          std::string::npos);
  }
  // A control character is shown escaped: the message stays one line.
  const std::string file = dir.write("c.toml", "\"a\\nb\" = 1\n");
  const std::string msg = input_error([&] { load_scenario_document(file); });
  INFO(msg);
  CHECK(msg.find("a\\x0ab: expected a key of letters") != std::string::npos);
  CHECK(msg.find('\n') == std::string::npos);
  // Through --set too: the override adds the table, the check after the overrides refuses it.
  const std::string plain = dir.write("p.toml", "[scenario]\nname = \"p\"\n");
  const std::string set_msg = input_error([&] { load_scenario_document(plain, {"insats.x].label_sv=y"}); });
  INFO(set_msg);
  CHECK(set_msg.find("insats.x]: expected a key of letters") != std::string::npos);
}
