#!/usr/bin/env bash
# CLI: `finsim validate scenarios/baseline.toml` succeeds and reports the world checked by hand in
# scenarios/data (290 kommuner; 46 documented + 11 synthetic förbund; 6 non-members).
set -euo pipefail
finsim=$1
src=$2
cd "$src"

out=$("$finsim" validate scenarios/baseline.toml)
echo "$out"
expect() {
  grep -qF -- "$1" <<<"$out" || { echo "FAIL: output lacks: $1" >&2; exit 1; }
}
expect "scenario baseline (scenarios/baseline.toml) is valid"
expect "kommuner         290 (in the sources: 183 members, 6 non-members, 101 unknown -> regional)"
expect "member kommuner  284 in a förbund, 6 without"
expect "förbund          57 (46 documented, 11 synthetic)"
expect "regions          21"
expect "population 16-64 6310457"
expect "state pot        339.0 MSEK from 2016"

# With unknown membership read as "none", only the documented förbund remain.
out=$("$finsim" validate scenarios/baseline.toml --set organisation.unknown_membership=none)
expect "förbund          46 (46 documented, 0 synthetic)"
expect "member kommuner  183 in a förbund, 107 without"

# full_coverage: every one of the 290 kommuner is in a förbund.
out=$("$finsim" validate scenarios/baseline.toml --set organisation.full_coverage=true)
expect "member kommuner  290 in a förbund, 0 without"
echo "PASS"
