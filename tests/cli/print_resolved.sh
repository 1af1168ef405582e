#!/usr/bin/env bash
# CLI: --print-resolved prints a self-contained TOML scenario that itself validates to the same
# world and re-resolves to the same text (apart from the first line, which names the source file).
set -euo pipefail
finsim=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The resolved data paths are relative to the scenario's folder: give the copy its own data/.
cp -r "$src/scenarios/data" "$tmp/data"

"$finsim" validate "$src/scenarios/baseline.toml" --set funding.state.allocation_msek.2025=500 --print-resolved \
  >"$tmp/resolved.toml"
grep -q '^\[funding.state.allocation_msek\]\|allocation_msek' "$tmp/resolved.toml"
if grep -q '^inherits' "$tmp/resolved.toml"; then echo "FAIL: resolved scenario still inherits" >&2; exit 1; fi

"$finsim" validate "$tmp/resolved.toml" >"$tmp/summary.txt"
grep -qF "förbund          57 (46 documented, 11 synthetic)" "$tmp/summary.txt"
# 2016 = 339 and 2025 = 500 both survive the round trip; the summary shows the first year.
grep -qF "state pot        339.0 MSEK from 2016" "$tmp/summary.txt"
grep -qE '^ *2025 = 500(\.0)?$' "$tmp/resolved.toml"

"$finsim" validate "$tmp/resolved.toml" --print-resolved >"$tmp/again.toml"
if ! diff <(tail -n +2 "$tmp/resolved.toml") <(tail -n +2 "$tmp/again.toml"); then
  echo "FAIL: re-resolving the resolved scenario changed it" >&2
  exit 1
fi
echo "PASS"
