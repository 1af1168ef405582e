#!/usr/bin/env bash
# CLI: docs/output.md names every dataset and group attribute a result file holds (a run with
# --events, and a sweep), so that a new array cannot land undocumented.
set -uo pipefail
finsim=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
small=(--set population.scale=0.01 --set scenario.end=2019-12 --set scenario.burn_in_years=0 -r 1 -q)
"$finsim" run "$src/scenarios/baseline.toml" "${small[@]}" --events -o "$tmp/run.h5" >/dev/null ||
  { echo "FAIL: run" >&2; exit 1; }
"$finsim" sweep "$src/scenarios/baseline.toml" --vary funding.state.allocation_msek.2019=339,400 "${small[@]}" \
  -o "$tmp/sweep.h5" >/dev/null || { echo "FAIL: sweep" >&2; exit 1; }

# Every object (group or dataset) and every attribute of the scenario group, by its last name.
/usr/bin/python3 - "$tmp/run.h5" "$tmp/sweep.h5" >"$tmp/names" <<'PY'
import sys
import h5py
names = set()
for path in sys.argv[1:]:
    with h5py.File(path) as f:
        f.visit(lambda name: names.add(name.rsplit("/", 1)[-1]))
        names.update(f.attrs.keys())
        for scenario, group in f["scenarios"].items():
            names.update(group.attrs.keys())
            names.discard(scenario)  # the group is named after the scenario
# A sweep's varied keys name datasets of their own (documented as "each varied key").
print("\n".join(sorted(n for n in names if not n.startswith("funding.") and n != "scenarios")))
PY
missing=()
while read -r name; do
  # `name` (a dataset or attribute) or `name/…` (a group, e.g. `events/[record]`)
  grep -qF -e "\`$name\`" -e "\`$name/" "$src/docs/output.md" || missing+=("$name")
done <"$tmp/names"
if ((${#missing[@]})); then
  echo "FAIL: docs/output.md does not name (in backticks): ${missing[*]}" >&2
  exit 1
fi
echo "ok: docs/output.md names all $(wc -l <"$tmp/names") datasets, groups and attributes of a run with events and a sweep"
