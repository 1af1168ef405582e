// finsim funding: the funding cycle alone (no agents) — per förbund and year the state offer, what
// each party paid, the budget, the unused offer, who capped it, equity and monthly slots.
#include <algorithm>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "cli/options.h"
#include "config/read_scenario.h"
#include "funding/funding_cycle.h"
#include "util/text.h"
#include "world/world.h"

namespace finsim::cli {

namespace {

// MSEK with two decimals, rounded half away from zero in integer arithmetic so that the printed
// figure never depends on how a double happens to hold the amount.
std::string msek(Sek sek) {
  const Sek magnitude = sek < 0 ? -sek : sek;
  const Sek hundredths = (magnitude + 5'000) / 10'000;
  std::string frac = std::to_string(hundredths % 100);
  if (frac.size() < 2) frac.insert(0, "0");
  return (sek < 0 && hundredths > 0 ? "-" : "") + std::to_string(hundredths / 100) + "." + frac;
}


int slot_sum(const ForbundYear& r) {
  int sum = 0;
  for (int s : r.monthly_slots) sum += s;
  return sum;
}

struct Totals {
  Sek offer = 0, state = 0, region = 0, kommuner = 0, budget = 0, unused = 0, equity = 0;
  Sek withheld = 0;  // equity reductions and offer cuts: the part of the pot the state does not offer
  long long slots = 0;
  int member_capped = 0;  // förbund whose budget a region, kommun or ceiling held below the offer
  void add(const ForbundYear& r) {
    offer += r.state_offer;
    state += r.state_paid;
    region += r.region_paid;
    kommuner += r.kommuner_paid;
    budget += r.budget;
    unused += r.unused_offer;
    equity += r.equity_close;
    withheld += r.equity_reduction + r.offer_cut;
    slots += slot_sum(r);
    member_capped += r.capping_party != "state";
  }
};

struct Column {
  const char* header;
  bool left;  // text columns align left, numbers right
};

const std::vector<Column> kTableColumns = {
    {"year", false},         {"förbund", true},        {"synthetic", true},    {"state_offer", false},
    {"state_paid", false},   {"region_paid", false},   {"kommuner_paid", false}, {"budget", false},
    {"unused_offer", false}, {"capping_party", true},  {"equity", false},       {"slots", false},
};

void print_table(const std::vector<std::vector<std::string>>& rows, std::ostream& out) {
  std::vector<std::size_t> width(kTableColumns.size());
  for (std::size_t c = 0; c < kTableColumns.size(); ++c) width[c] = text_columns(kTableColumns[c].header);
  for (const auto& row : rows)
    for (std::size_t c = 0; c < row.size(); ++c) width[c] = std::max(width[c], text_columns(row[c]));
  auto line = [&](const std::vector<std::string>& cells) {
    std::string text;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      if (c) text += "  ";
      text += kTableColumns[c].left ? pad_right(cells[c], width[c]) : pad_left(cells[c], width[c]);
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out << text << "\n";
  };
  std::vector<std::string> header;
  for (const auto& col : kTableColumns) header.push_back(col.header);
  line(header);
  for (const auto& row : rows) {
    if (row.empty()) {
      out << "\n";
      continue;
    }
    line(row);
  }
}

}  // namespace

int cmd_funding(const Args& args) {
  po::options_description opts("Options");
  std::string file;
  std::vector<std::string> sets;
  int only_year = 0;
  std::string format = "table";
  opts.add_options()("scenario", po::value(&file)->required(), "scenario TOML file")(
      "year", po::value(&only_year), "print only this year (one of the scenario's years)")(
      "format", po::value(&format), "table (MSEK, aligned, with a national total per year) or csv (whole SEK)")(
      "set", po::value(&sets)->composing(), "override a key (repeatable): --set funding.state.allocation_msek.2025=500");
  po::positional_options_description pos;
  pos.add("scenario", 1);
  po::variables_map vm;
  if (!parse(args, opts, pos, vm, "finsim funding SCENARIO [--year Y] [--format table|csv] [--set key=value]...",
             "finsim funding scenarios/baseline.toml --year 2021 --set funding.members.region_max_growth.2016=0"))
    return 0;
  if (format != "table" && format != "csv") throw UsageError{"--format: expected table or csv, got '" + format + "'"};

  const Scenario scenario = load_scenario(file, sets);
  const ScenarioConfig& cfg = scenario.config;
  const int first = cfg.meta.first_year();
  const int last = cfg.meta.last_year();
  if (vm.count("year") && (only_year < first || only_year > last))
    throw UsageError{"--year " + std::to_string(only_year) + ": outside the scenario's years " + std::to_string(first) +
                     "-" + std::to_string(last)};
  const World world = build_world(cfg);
  // Years before the requested one still run: the spärr, the members' growth limits and equity all
  // carry over from the year before, so a year cannot be computed on its own.
  const int stop = vm.count("year") ? only_year : last;
  const std::vector<ForbundYear> records =
      project_funding(cfg.funding, world.org, world.geography, cfg.insatser, RunKey{cfg.meta.seed, 0}, first, stop,
                      cfg.costs.prices);
  const auto& forbund = world.org.forbund();

  std::ostream& out = std::cout;
  if (format == "csv") {
    // New columns go before state_offer_sek, so scripts that count fields from the right still work.
    out << "year,forbund,synthetic,region_code,given,key_offer_sek,equity_reduction_sek,offer_cut_sek,declined_sek,"
           "rounding_leftover_sek,reasonable_equity_sek,state_offer_sek,state_paid_sek,region_paid_sek,kommuner_paid_sek,budget_sek,"
           "unused_offer_sek,capping_party,equity_close_sek,monthly_slots\n";
  } else {
    out << "scenario " << cfg.meta.name << " (" << file << "): funding by förbund, amounts in MSEK, seed " << cfg.meta.seed
        << ", replication 0\n";
  }

  std::vector<std::vector<std::string>> rows;
  for (int year = first; year <= stop; ++year) {
    if (vm.count("year") && year != only_year) continue;
    Totals total;
    for (const ForbundYear& r : records) {
      if (r.year != year) continue;
      total.add(r);
      const Forbund& f = forbund[static_cast<std::size_t>(r.forbund)];
      if (format == "csv") {
        out << year << ',' << csv_field(f.name) << ',' << (f.synthetic ? 1 : 0) << ','
            << world.geography.regions.at(static_cast<std::size_t>(f.region)).code << ',' << (r.given ? 1 : 0) << ','
            << r.key_offer << ',' << r.equity_reduction << ',' << r.offer_cut << ',' << r.declined << ','
            << r.rounding_leftover << ',' << r.reasonable_equity << ',' << r.state_offer << ','
            << r.state_paid << ',' << r.region_paid << ',' << r.kommuner_paid << ',' << r.budget << ',' << r.unused_offer
            << ',' << r.capping_party << ',' << r.equity_close << ',' << slot_sum(r) << '\n';
      } else {
        rows.push_back({std::to_string(year), f.name, f.synthetic ? "yes" : "no", msek(r.state_offer), msek(r.state_paid),
                        msek(r.region_paid), msek(r.kommuner_paid), msek(r.budget), msek(r.unused_offer), r.capping_party,
                        msek(r.equity_close), std::to_string(slot_sum(r))});
      }
    }
    // The distribution apportions the pot to the krona: what is offered plus what the equity rule
    // and offer factors withhold is the pot. A total that misses it is a bug, not input.
    const Sek pot = cfg.funding.state.pot_for(year);
    if (total.offer + total.withheld != pot)
      throw std::logic_error("funding " + std::to_string(year) + ": state offers " + std::to_string(total.offer) +
                             " + withheld " + std::to_string(total.withheld) + " SEK is not the pot " +
                             std::to_string(pot) + " SEK");
    if (format == "table") {
      rows.push_back({std::to_string(year),
                      "national total (" + std::to_string(forbund.size()) + " förbund, pot " + msek(pot) + ")", "",
                      msek(total.offer), msek(total.state), msek(total.region), msek(total.kommuner), msek(total.budget),
                      msek(total.unused), std::to_string(total.member_capped) + " capped below offer",
                      msek(total.equity), std::to_string(total.slots)});
      if (year != stop) rows.emplace_back();
    }
  }
  if (format == "table") print_table(rows, out);
  return 0;
}

}  // namespace finsim::cli
