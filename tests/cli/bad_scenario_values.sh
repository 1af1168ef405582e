#!/usr/bin/env bash
# CLI: bad values are named where they were written — the child file of an `inherits` chain (not
# the parent, not --set), the flag (-r, --seed), the element of a year series — and rejected at
# validation: nan, inf, absurd magnitudes, years outside 2000-2100, months not "YYYY-MM", chains
# deeper than 64 files, a directory given as scenario, a misspelt section. Exit 2, one line each.
set -uo pipefail
finsim=$1
src=$2
fixtures=$src/tests/data/scenarios
baseline=$src/scenarios/baseline.toml
failures=0
source "$src/tests/cli/lib/expect.bash"

# Errors in a child of `inherits` name the child's file, line and column.
expect_error "$fixtures/child_wrong_type.toml:5:8: scenario.seed: expected an integer" \
  -- validate "$fixtures/child_wrong_type.toml"
expect_error "$fixtures/child_unknown_key.toml:5:8: population.scal: unknown key" "did you mean 'population.scale'" \
  -- validate "$fixtures/child_unknown_key.toml"
expect_error "$fixtures/child_negative_allocation.toml:5:" "funding.state.allocation_msek.2025: expected a number from 0 to 1e9" \
  -- validate "$fixtures/child_negative_allocation.toml"

# Non-finite and absurd numbers, at validation, with file:line.
expect_error "$fixtures/nan_allocation.toml:5:" "funding.state.allocation_msek.2016: expected a finite number" \
  -- validate "$fixtures/nan_allocation.toml"
expect_error "$fixtures/inf_number.toml:5:" "population.distance_effect: expected a finite number, got inf" \
  -- validate "$fixtures/inf_number.toml"
expect_error "$fixtures/huge_allocation.toml:5:" "funding.state.allocation_msek.2016: expected a number from 0 to 1e9" \
  -- validate "$fixtures/huge_allocation.toml"
expect_error "--set population.distance_effect=nan: population.distance_effect: expected a finite number" \
  -- validate "$baseline" --set population.distance_effect=nan
expect_error "--set funding.state.allocation_msek.2025=inf" "expected a finite number" \
  -- validate "$baseline" --set funding.state.allocation_msek.2025=inf
expect_error "population.target_group_size: expected a finite number from -1e9 to 1e9" \
  -- validate "$baseline" --set population.target_group_size=1e300
expect_error "costs.wage_sek_per_month: expected an integer from -1e12 to 1e12" \
  -- validate "$baseline" --set costs.wage_sek_per_month=9000000000000000000

# Year keys within 2000-2100, in files and in --set.
expect_error "$fixtures/year_out_of_range.toml:5:" "funding.state.allocation_msek.1850: expected a four-digit year from 2000 to 2100 as key" \
  -- validate "$fixtures/year_out_of_range.toml"
expect_error "--set funding.state.allocation_msek.1850=500: funding.state.allocation_msek.1850: expected a four-digit year from 2000 to 2100" \
  -- validate "$baseline" --set funding.state.allocation_msek.1850=500

# Months strictly YYYY-MM.
expect_error "$fixtures/short_month.toml:5:" "scenario.start: expected a month as \"YYYY-MM\"" "got \"2019-1\"" \
  -- validate "$fixtures/short_month.toml"
for bad in 2019-1 2019-013 2019-01-15 2019/01 19-01 2019-+1; do
  expect_error "scenario.start: expected a month as \"YYYY-MM\"" -- validate "$baseline" --set "scenario.start=$bad"
done

# A run covers whole calendar years (the funding rules are yearly), located in the file or --set.
expect_error "$fixtures/part_year.toml:6:" "scenario.end: expected a December (a run covers whole calendar years)" \
  "got \"2026-06\"" -- validate "$fixtures/part_year.toml"
expect_error "--set: scenario.start: expected a January" "got \"2019-07\"" -- validate "$baseline" \
  --set scenario.start=2019-07

# A misspelt section gets "did you mean" like a misspelt key.
expect_error "$fixtures/unknown_section.toml:4:" "scenaro: unknown key (did you mean 'scenario'?)" \
  -- validate "$fixtures/unknown_section.toml"

# The flags that override keys are named as flags.
expect_error "--replications (-r): expected an integer from 1 to 100000, got 0" -- run "$baseline" -r 0 -o /nonexistent/x.h5
expect_error "--seed: expected an integer from 0 to 4294967295, got -5" -- run "$baseline" --seed -5 -o /nonexistent/x.h5
expect_error "--replications (-r): expected an integer from 1 to 100000, got 99999999999" \
  -- run "$baseline" -r 99999999999 -o /nonexistent/x.h5
# A value that is not a number at all names the flag, the value and what was expected.
expect_error "the argument ('abc') for option '--seed' is invalid: expected a whole number" \
  -- run "$baseline" --seed abc -o /nonexistent/x.h5
expect_error "for option '--replications' is invalid: expected a whole number" -- sweep "$baseline" -r 2.5 \
  --vary population.scale=0.01,0.02 -o /nonexistent/x.h5
expect_error "for option '--samples' is invalid: expected a whole number" \
  -- study "$baseline" "$src/scenarios/state-plus-50.toml" -n many -o /nonexistent/x.h5

tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp"; rm -rf "$tmp"' EXIT

# A directory is not a scenario (even when named like one).
mkdir "$tmp/dir.toml"
expect_error "$tmp/dir.toml: is a directory, expected a scenario TOML file" -- validate "$tmp/dir.toml"

# An unreadable scenario file (skipped as root, who reads anything).
cp "$baseline" "$tmp/unreadable.toml"
chmod 000 "$tmp/unreadable.toml"
if [[ $(id -u) -ne 0 ]]; then
  expect_error "$tmp/unreadable.toml: cannot read the scenario file: Permission denied" -- validate "$tmp/unreadable.toml"
fi

# inherits chains: 64 files are fine, 65 are an error (not a stack overflow), 500 too.
make_chain() {  # make_chain N: level1.toml inherits level2.toml ... levelN.toml = the baseline
  local n=$1 i
  mkdir -p "$tmp/chain$n"
  ln -s "$src/scenarios/data" "$tmp/chain$n/data"
  cp "$baseline" "$tmp/chain$n/level$n.toml"
  for ((i = 1; i < n; i++)); do printf 'inherits = "level%d.toml"\n' $((i + 1)) >"$tmp/chain$n/level$i.toml"; done
}
make_chain 64
"$finsim" validate "$tmp/chain64/level1.toml" >/dev/null || fail "a chain of 64 files should validate"
make_chain 65
expect_error "level65.toml: inherits: chain of more than 64 scenario files (from " -- validate "$tmp/chain65/level1.toml"
make_chain 500  # 20 000 crashed by recursion before the limit; any length beyond 64 takes the same path
expect_error "inherits: chain of more than 64 scenario files" -- validate "$tmp/chain500/level1.toml"

if [[ $failures -ne 0 ]]; then
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "PASS"
