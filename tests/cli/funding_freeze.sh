#!/usr/bin/env bash
# CLI: a region that freezes its contribution caps its förbund. Region Stockholm keeps its 2019
# level from 2020 while the state pot rises by half (339 → 508.5 MSEK) and the kommuner may follow
# (growth 0.5): the Stockholm förbund are capped by region:01 in 2020 and part of the offer lapses.
set -uo pipefail
finsim=$1
src=$2
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r "$src/scenarios" "$tmp/scenarios"
cat >"$tmp/scenarios/freeze.toml" <<'TOML'
inherits = "baseline.toml"

[scenario]
name = "freeze-region-01"

[funding.state]
allocation_msek = { 2016 = 339.0, 2020 = 508.5 }

[funding.members]
region_max_growth = { 2016 = 0.5 }
kommun_max_growth = { 2016 = 0.5 }

[[funding.freeze]]
party = "region:01"
from = 2020
level_of = 2019
TOML

csv=$("$finsim" funding "$tmp/scenarios/freeze.toml" --year 2020 --format csv) || fail "funding exited $?"
body=$(tail -n +2 <<<"$csv")
sum=$(awk -F, '{ s += $(NF-8) } END { printf "%d", s }' <<<"$body")
[[ $sum == 508500000 ]] || fail "2020 state offers sum to $sum SEK, expected 508500000"

row=$(grep '^2020,Samordningsförbundet Stockholms stad,' <<<"$body")
[[ -n $row ]] || fail "no 2020 row for Samordningsförbundet Stockholms stad"
capping=$(awk -F, '{ print $(NF-2) }' <<<"$row")
unused=$(awk -F, '{ print $(NF-3) }' <<<"$row")
[[ $capping == region:01 ]] || fail "Stockholms stad 2020 capped by '$capping', expected region:01 ($row)"
[[ $unused -gt 0 ]] 2>/dev/null || fail "Stockholms stad 2020 unused offer '$unused', expected > 0 ($row)"
echo "Stockholms stad 2020: $row"

# The freeze acts on every förbund of the region, not only Stockholms stad.
others=$(awk -F, '$(NF-2) == "region:01"' <<<"$body" | wc -l)
[[ $others -ge 2 ]] || fail "only $others förbund capped by region:01"

# The frozen level is the 2019 contribution: the region pays in 2020 what it paid in 2019.
both=$("$finsim" funding "$tmp/scenarios/freeze.toml" --format csv --set scenario.end=2020-12)
r2019=$(grep '^2019,Samordningsförbundet Stockholms stad,' <<<"$both" | awk -F, '{ print $(NF-6) }')
r2020=$(grep '^2020,Samordningsförbundet Stockholms stad,' <<<"$both" | awk -F, '{ print $(NF-6) }')
[[ -n $r2019 && $r2019 == "$r2020" ]] || fail "region paid 2019 $r2019, 2020 $r2020: expected equal"

# Without the freeze the same förbund is capped by the state. The members may then grow by 60 %:
# the offer rises by a little more than the pot's 50 %, since the 400 000 SEK base amounts are fixed
# and the keyed rest grows faster.
sed -i -e '/\[\[funding.freeze\]\]/,$d' -e 's/_max_growth = { 2016 = 0.5 }/_max_growth = { 2016 = 0.6 }/' "$tmp/scenarios/freeze.toml"
row=$("$finsim" funding "$tmp/scenarios/freeze.toml" --year 2020 --format csv | grep '^2020,Samordningsförbundet Stockholms stad,')
capping=$(awk -F, '{ print $(NF-2) }' <<<"$row")
[[ $capping == state ]] || fail "without the freeze Stockholms stad is capped by '$capping', expected state"

if [[ $failures -ne 0 ]]; then
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "PASS"
