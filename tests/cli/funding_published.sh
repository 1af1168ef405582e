#!/usr/bin/env bash
# CLI: docs/funding.md's "model vs published per förbund" tables stay true. The MAE lines of the
# "before" run (need indicator none, no allocation history) and of the "after" run (the defaults)
# are exactly what analysis/funding_vs_published.py prints; so are the two tables' rows.
set -uo pipefail
finsim=$1
src=$2
cd "$src" || exit 1
failures=0
source "$src/tests/cli/lib/expect.bash"

after=$(/usr/bin/python3 analysis/funding_vs_published.py "$finsim") || fail "script (after) exited $?"
before=$(/usr/bin/python3 analysis/funding_vs_published.py "$finsim" funding.distribution.need_indicator=none \
  funding.distribution.state_allocations_csv=) || fail "script (before) exited $?"
for run in "$before" "$after"; do
  while IFS= read -r line; do
    [[ -z $line ]] && continue
    grep -qxF -- "$line" docs/funding.md || fail "docs/funding.md lacks the line: $line"
  done <<<"$run"
done
grep -qxF "MAE: 47.9 % over 7 comparisons not used as input" <<<"$before" || fail "before MAE changed: $(tail -1 <<<"$before")"
echo "before: $(tail -1 <<<"$before")"
echo "after:  $(tail -1 <<<"$after")"

if [[ $failures -ne 0 ]]; then
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "PASS"
