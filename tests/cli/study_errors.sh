#!/usr/bin/env bash
# CLI: misuse of finsim study (bad --params, --samples, --design, arms with one name) gives one line and exit 2,
# naming the flag or key, and leaves no result file, temporary or journal.
set -uo pipefail
finsim=$1
src=$2
base=$src/scenarios/baseline.toml
scen=$src/scenarios/state-plus-50.toml
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
source "$src/tests/cli/lib/expect.bash"
out=(-r 1 -q -o "$tmp/bad.h5")

expect_error "--params" "unknown key 'population.nosuch'" -- study "$base" "$scen" -n 2 --params population.nosuch "${out[@]}"
expect_error "--params" "scenario.burn_in_years" "no distribution" "numerical setting" -- \
  study "$base" "$scen" -n 2 --params scenario.burn_in_years "${out[@]}"
expect_error "--params" "given twice" -- study "$base" "$scen" -n 2 --params population.inflow_per_year,population.inflow_per_year "${out[@]}"
expect_error "--params" "funding.members.region_max_growth" "the scenario's change" -- \
  study "$base" "$scen" -n 2 --params funding.members.region_max_growth "${out[@]}"
expect_error "--params: expected KEY" -- study "$base" "$scen" -n 2 --params "a,,b" "${out[@]}"
expect_error "--samples" -- study "$base" "$scen" -n 0 "${out[@]}"
expect_error "--sample-seed" -- study "$base" "$scen" -n 2 --sample-seed -1 "${out[@]}"
expect_error "scenario.name 'baseline'" -- study "$base" "$base" -n 2 "${out[@]}"
expect_error "nosuch.toml" -- study "$base" "$tmp/nosuch.toml" -n 2 "${out[@]}"
# --design: the given sets must be registry keys with a distribution and values inside it.
printf 'population.inflow_per_year,referral.max_wait_months\n0.12,4\n0.2,99\n' >"$tmp/d.csv"
expect_error "d.csv:3" "referral.max_wait_months" "outside its distribution" -- study "$base" "$scen" --design "$tmp/d.csv" "${out[@]}"
printf 'referral.max_wait_months\n6\n6.5\n' >"$tmp/d.csv"
expect_error "d.csv:3" "referral.max_wait_months" "expected a whole number (an integer key), got '6.5'" -- \
  study "$base" "$scen" --design "$tmp/d.csv" "${out[@]}"
printf 'population.inflow_per_yer\n0.12\n' >"$tmp/d.csv"
expect_error "d.csv:1" "did you mean 'population.inflow_per_year'" -- study "$base" "$scen" --design "$tmp/d.csv" "${out[@]}"
printf 'funding.members.region_max_growth\n0.1\n' >"$tmp/d.csv"
expect_error "funding.members.region_max_growth" "the scenario's change" -- study "$base" "$scen" --design "$tmp/d.csv" "${out[@]}"
expect_error "--design gives the parameter sets" -- study "$base" "$scen" --design "$tmp/d.csv" -n 3 "${out[@]}"
expect_error "nosuch.csv" -- study "$base" "$scen" --design "$tmp/nosuch.csv" "${out[@]}"
# --params all is the default's keys plus the sourced ones: the keys the arms set differently are
# left out with the note, as by default (not refused, as when named one by one).
small=(--set population.scale=0.01 --set 'scenario.end="2025-12"' --set scenario.burn_in_years=0)
"$finsim" study "$base" "$scen" -n 2 -r 1 --params all "${small[@]}" -q -o "$tmp/all.h5" >"$tmp/all.out" 2>"$tmp/all.err" ||
  fail "--params all refused: $(cat "$tmp/all.err")"
grep -q "note: not drawn, set by the scenario files: funding.members.region_max_growth" "$tmp/all.err" ||
  fail "--params all: no note on the keys left out: $(cat "$tmp/all.err")"
grep -q "of 86 key(s)" "$tmp/all.out" || fail "--params all: expected 86 keys (85 + 1 sourced): $(head -1 "$tmp/all.out")"
# A study file given as one of two runs: one short line (it listed all the drawn keys), and
# --reference (a sweep's) is refused with a number, not wrapped around.
expect_error "$tmp/all.h5: a study (2 parameter sets x 2 arms), not one run; its comparison: finsim compare $tmp/all.h5" -- \
  compare "$tmp/all.h5" "$tmp/all.h5"
expect_error "--reference: for sweeps, not a study file" -- compare "$tmp/all.h5" --reference -1
# Arms that would change the file's areas are refused before any work (full coverage adds a förbund).
expect_error "study set 0, $src/scenarios/full-coverage.toml: its förbund" "differ from $base's" -- \
  study "$base" "$src/scenarios/full-coverage.toml" -n 2 -r 1 "${small[@]}" -q -o "$tmp/bad.h5"
left=$(compgen -G "$tmp/bad.h5*")
[[ -z $left ]] || fail "files left behind: $left"

[[ $failures -eq 0 ]] || { echo "$failures failure(s)" >&2; exit 1; }
echo "PASS"
