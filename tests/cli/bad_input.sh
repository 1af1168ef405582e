#!/usr/bin/env bash
# CLI: each kind of bad input exits 2 with one line on stderr that names the file (or flag) and the
# problem. Fixtures: tests/data/scenarios/ (the first comment of each says what is wrong).
set -uo pipefail
finsim=$1
src=$2
fixtures=$src/tests/data/scenarios
baseline=$src/scenarios/baseline.toml
failures=0
source "$src/tests/cli/lib/expect.bash"


expect_error "$fixtures/syntax_error.toml:3:" "TOML syntax error" -- validate "$fixtures/syntax_error.toml"
expect_error "$fixtures/unknown_key.toml:4:" "scenario.nmae: unknown key" "did you mean 'scenario.name'" \
  -- validate "$fixtures/unknown_key.toml"
expect_error "$fixtures/wrong_type.toml:3:" "scenario.seed: expected an integer" -- validate "$fixtures/wrong_type.toml"
expect_error "inheritance cycle" "cycle_a.toml -> " "cycle_b.toml -> " -- validate "$fixtures/cycle_a.toml"
expect_error "$fixtures/missing_parent.toml:2:" "no_such_parent.toml' not found" -- validate "$fixtures/missing_parent.toml"
expect_error "$fixtures/nowhere.toml: scenario file not found" -- validate "$fixtures/nowhere.toml"
expect_error "--set scenario.seed=1.5: scenario.seed: expected an integer" -- validate "$baseline" --set scenario.seed=1.5
expect_error "scenario.sed: unknown key (did you mean 'scenario.seed'?)" -- validate "$baseline" --set scenario.sed=1
expect_error "--set noequals: expected key=value" -- validate "$baseline" --set noequals
expect_error "--set scenario=1: scenario: a table of keys, not a value (set one of its keys, e.g. scenario.<key>)" \
  -- validate "$baseline" --set scenario=1
expect_error "--set scenario.seed=2: scenario.seed is given twice (also --set scenario.seed=1); give it once" \
  -- validate "$baseline" --set scenario.seed=1 --set scenario.seed=2
expect_error "population.female_share: expected a share between 0 and 1" \
  -- validate "$baseline" --set population.female_share=1.5
expect_error "unrecognised option '--bogus'" -- validate "$baseline" --bogus
expect_error "unknown command 'frobnicate'" -- frobnicate
expect_error "the option '--scenario' is required" -- validate
expect_error "--format: expected markdown or tsv" -- params --format html

# A data file that cannot be read is bad input too (exit 2), named with its path.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$baseline" "$tmp/baseline.toml"
expect_error "data/kommuner.csv: cannot open CSV file" -- validate "$tmp/baseline.toml"
mkdir "$tmp/data"
cp "$src/scenarios/data/"*.csv "$tmp/data/"
sed -i '3s/^0115,Vallentuna,01,Stockholms län,[0-9]*,/0115,Vallentuna,01,Stockholms län,many,/' "$tmp/data/kommuner.csv"
expect_error "data/kommuner.csv:3:5: population_total: expected an integer, found 'many'" -- validate "$tmp/baseline.toml"
# A path the file system refuses is bad input too (was exit 1 with "filesystem error").
ln -s loop "$tmp/loop"
expect_error "$tmp/loop: Too many levels of symbolic links" -- validate "$tmp/loop"

if [[ $failures -ne 0 ]]; then
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "PASS"
