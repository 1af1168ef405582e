#!/usr/bin/env bash
# CLI: bad sweep points (--vary, --points) and misuse give one line and exit 2, naming the argument,
# the point and key, or the file and line; and leave no result file, temporary or journal.
set -uo pipefail
finsim=$1
src=$2
baseline=$src/scenarios/baseline.toml
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
source "$src/tests/cli/lib/expect.bash"
out=(-r 1 -q -o "$tmp/bad.h5")

# Points that would change the file's dimensions are refused before any work, naming the point.
expect_error "sweep point 1 (population.scale=0.02): population.scale differs from point 0's" -- \
  sweep "$baseline" --vary population.scale=0.01,0.02 --set scenario.end=2019-12 "${out[@]}"
expect_error "sweep point 1 (organisation.full_coverage=true): its förbund" -- \
  sweep "$baseline" --vary organisation.full_coverage=false,true --set scenario.end=2019-12 "${out[@]}"
expect_error "--set funding.state.allocation_msek.2019=500: funding.state.allocation_msek.2019 is also varied" -- \
  sweep "$baseline" --vary funding.state.allocation_msek.2019=339,678 --set funding.state.allocation_msek.2019=500 "${out[@]}"
# The output may not be the points file (nor the scenario): it would be overwritten.
printf 'funding.state.allocation_msek.2019\n339\n678\n' >"$tmp/own.csv"
expect_error "$tmp/own.csv: is one of the run's input files" -- sweep "$baseline" --points "$tmp/own.csv" -r 1 -q -o "$tmp/own.csv"
grep -q '^678$' "$tmp/own.csv" || fail "the points file was overwritten"
expect_error "--vary 'k=1:2:0'" "N must be a whole number" -- sweep "$baseline" --vary k=1:2:0 "${out[@]}"
expect_error "--vary 'k=1,1'" "given twice" -- sweep "$baseline" --vary k=1,1 "${out[@]}"
expect_error "--vary or with --points" -- sweep "$baseline" "${out[@]}"
expect_error "--vary or with --points" -- sweep "$baseline" --vary a=1 --points "$tmp/p.csv" "${out[@]}"
expect_error "sweep point 0" "funding.nosuch" "unknown key" -- sweep "$baseline" --vary funding.nosuch=1,2 "${out[@]}"
expect_error "sweep point 1" "funding.state.allocation_msek.2025" "expected a number" -- \
  sweep "$baseline" --vary funding.state.allocation_msek.2025=339,abc "${out[@]}"
expect_error "$tmp/none.csv" -- sweep "$baseline" --points "$tmp/none.csv" "${out[@]}"
printf 'funding.state.allocation_msek.2025,referral.max_wait_months\n339,6\n678\n' >"$tmp/ragged.csv"
expect_error "ragged.csv:3" -- sweep "$baseline" --points "$tmp/ragged.csv" "${out[@]}"
# A value the scenario refuses is named with its file and line (it named only "sweep point 1").
printf 'funding.state.allocation_msek.2025\n339\nabc\n' >"$tmp/nonnum.csv"
expect_error "$tmp/nonnum.csv:3: sweep point 1 (funding.state.allocation_msek.2025=\"abc\")" "expected a number" -- \
  sweep "$baseline" --points "$tmp/nonnum.csv" "${out[@]}"
expect_error "--events" -- sweep "$baseline" --vary funding.state.allocation_msek.2025=339,678 --events "${out[@]}"
expect_error "--replications" -- sweep "$baseline" --vary funding.state.allocation_msek.2025=339,678 -r 0 -q -o "$tmp/bad.h5"
# compare --reference: a negative point is refused as given (it was shown as 18446744073709551615).
"$finsim" sweep "$baseline" --vary funding.state.allocation_msek.2019=339,678 --set population.scale=0.01 \
  --set scenario.end=2019-12 --set scenario.burn_in_years=0 -r 1 -q -o "$tmp/ok.h5" >/dev/null || fail "tiny sweep failed"
expect_error "--reference: expected a point number from 0, got -1" -- compare "$tmp/ok.h5" --reference -1
left=$(compgen -G "$tmp/bad.h5*")
[[ -z $left ]] || fail "files left behind: $left"

[[ $failures -eq 0 ]] || { echo "$failures failure(s)" >&2; exit 1; }
echo "PASS"
