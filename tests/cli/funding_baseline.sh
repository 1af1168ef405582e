#!/usr/bin/env bash
# CLI: `finsim funding` on the baseline — the 2021 state offers add up to the 339 MSEK pot to the
# krona, every förbund gets at least the 400 000 SEK base amount, there is one CSV row per förbund,
# the table ends each year with a national total, and bad --year / --format exit 2.
set -uo pipefail
finsim=$1
src=$2
cd "$src" || exit 1
failures=0
source "$src/tests/cli/lib/expect.bash"

csv=$("$finsim" funding scenarios/baseline.toml --year 2021 --format csv) || fail "funding --format csv exited $?"
header=$(head -n 1 <<<"$csv")
[[ $header == "year,forbund,synthetic,region_code,given,key_offer_sek,equity_reduction_sek,offer_cut_sek,declined_sek,rounding_leftover_sek,reasonable_equity_sek,state_offer_sek,state_paid_sek,region_paid_sek,kommuner_paid_sek,budget_sek,unused_offer_sek,capping_party,equity_close_sek,monthly_slots" ]] ||
  fail "unexpected CSV header: $header"
body=$(tail -n +2 <<<"$csv")

# Names may be quoted and contain commas, so the numeric fields are counted from the right.
# Offers plus what the equity rule withholds (not passed on) make the pot.
sum=$(awk -F, '{ s += $(NF-8) + $(NF-13) + $(NF-12) } END { printf "%d", s }' <<<"$body")
[[ $sum == 339000000 ]] || fail "2021 state offers + equity reductions + offer cuts sum to $sum SEK, expected 339000000"
below=$(awk -F, '$(NF-8) < 400000' <<<"$body")
[[ -z $below ]] || fail "offers below the 400000 SEK base amount: $below"
years=$(awk -F, '{ print $1 }' <<<"$body" | sort -u)
[[ $years == 2021 ]] || fail "--year 2021 printed years: $years"
# Matching is exact: state paid = 2 × region paid = 2 × kommuner paid, budget = 4 × region paid.
bad_match=$(awk -F, '$(NF-7) != 2*$(NF-6) || $(NF-6) != $(NF-5) || $(NF-4) != 4*$(NF-6) || $(NF-8) - $(NF-7) != $(NF-3)' <<<"$body")
[[ -z $bad_match ]] || fail "rows break the equal-shares rule: $bad_match"

rows=$(wc -l <<<"$body")
count=$("$finsim" validate scenarios/baseline.toml | sed -n 's/^  förbund *\([0-9]*\) .*/\1/p')
[[ -n $count && $rows -eq $count ]] || fail "$rows CSV rows, expected one per förbund ($count)"
synthetic=$(awk -F, '$(NF-17) == 1' <<<"$body" | wc -l)
[[ $synthetic -eq 11 ]] || fail "$synthetic synthetic förbund flagged, expected 11"
grep -qF '"Samordningsförbundet Huddinge, Botkyrka och Salem",0,' <<<"$body" || fail "a name with a comma is not quoted"

# Table: a national total per year equal to the pot, amounts in MSEK with two decimals.
table=$("$finsim" funding scenarios/baseline.toml --year 2021) || fail "funding (table) exited $?"
grep -qE '^2021  national total \(57 förbund, pot 339\.00\) +339\.00 ' <<<"$table" || fail "table lacks the total row: $(tail -n 1 <<<"$table")"
[[ $(grep -c '^2021 ' <<<"$table") -eq $((count + 1)) ]] || fail "table rows for 2021 are not one per förbund plus a total"

# Every year of the scenario, each summing to its pot.
all=$("$finsim" funding scenarios/baseline.toml --format csv --set scenario.end=2022-12 | tail -n +2)
per_year=$(awk -F, '{ s[$1] += $(NF-8) + $(NF-13) + $(NF-12); n[$1]++ } END { for (y in s) printf "%d %d %d\n", y, n[y], s[y] }' <<<"$all" | sort)
expected=$(printf '2019 %d 339000000\n2020 %d 339000000\n2021 %d 339000000\n2022 %d 339000000' "$count" "$count" "$count" "$count")
[[ $per_year == "$expected" ]] || fail "per-year rows and sums: $per_year"

# Usage errors: exit 2 with one line that says what is wrong.
expect_error "--year 1990: outside the scenario's years 2019-2040" -- funding scenarios/baseline.toml --year 1990
expect_error "--year 2041: outside the scenario's years 2019-2040" -- funding scenarios/baseline.toml --year 2041
expect_error "--format: expected table or csv, got 'json'" -- funding scenarios/baseline.toml --format json
expect_error "the option '--scenario' is required" -- funding
expect_error "funding.distribution.max_decrease: expected a share between 0 and 1" -- \
  funding scenarios/baseline.toml --set funding.distribution.max_decrease=2
expect_error "scenario file not found" -- funding scenarios/no_such.toml

help=$("$finsim" funding --help) || fail "funding --help exited $?"
grep -qF "Example:" <<<"$help" || fail "--help lacks an example"
"$finsim" --help | grep -qE '^  funding ' || fail "finsim --help does not list funding"

if [[ $failures -ne 0 ]]; then
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "PASS"
