#!/usr/bin/env bash
# CLI: finsim study --shard K/N and finsim merge. A small study in 2 shards, merged, holds the same
# datasets and study labels as the study run whole, so finsim compare, finsim quote and
# analysis/study.py --json give the same figures on both files; shards of different studies (another
# sample seed, another design, a sweep's shard) are refused with one line, exit 2 and no result file.
set -uo pipefail
finsim=$(realpath "$1")
src=$(realpath "$2")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
source "$src/tests/cli/lib/expect.bash"
same() { /usr/bin/python3 "$src/tests/cli/lib/same_datasets.py" "$@"; }

base=$src/scenarios/baseline.toml
scen=$src/scenarios/state-plus-50.toml
small=(--set population.scale=0.02 --set scenario.end=2020-12 --set scenario.burn_in_years=0 -q -t 2)
keys=population.inflow_per_year,referral.max_wait_months
study=("$finsim" study "$base" "$scen" -n 3 -r 2 --params "$keys" "${small[@]}")

"${study[@]}" -o "$tmp/whole.h5" >/dev/null || fail "unsharded study failed"
for k in 2 1; do "${study[@]}" --shard $k/2 -o "$tmp/s$k.shard" >"$tmp/out$k.txt" || fail "shard $k failed"; done
grep -q "^shard 1/2 of study baseline: 6 of 12 unit(s), .*; wrote $tmp/s1.shard (finsim merge joins the shards)" \
  "$tmp/out1.txt" || fail "shard output: $(cat "$tmp/out1.txt")"
grep -q "analyse:" "$tmp/out1.txt" && fail "a shard run printed the analysis step: $(cat "$tmp/out1.txt")"
"$finsim" merge "$tmp/s2.shard" "$tmp/s1.shard" -o "$tmp/merged.h5" >"$tmp/merge.txt" || fail "merge failed"
grep -q "merged 2 of 2 shard file(s), 12 unit(s) (6 point(s) x 2 replication(s), a study)" "$tmp/merge.txt" ||
  fail "merge: $(cat "$tmp/merge.txt")"
same "$tmp/merged.h5" "$tmp/whole.h5" "(a study in 2 shards)" || fail "merged study differs"

# The study's labels (attributes) too: every study_* attribute equal, so the analyses read one study.
/usr/bin/python3 - "$tmp/merged.h5" "$tmp/whole.h5" <<'PY' || fail "study labels differ"
import sys
import h5py
import numpy as np

def labels(path):
    with h5py.File(path, "r") as f:
        g = f["scenarios"][list(f["scenarios"])[0]]
        return {k: np.asarray(v).tolist() for k, v in g.attrs.items() if k.startswith("study_")}

a, b = labels(sys.argv[1]), labels(sys.argv[2])
assert len(a) == 9 and a == b, (a, b)
print("ok: 9 study labels identical")
PY
for cmd in compare quote; do
  "$finsim" $cmd "$tmp/whole.h5" >"$tmp/$cmd-whole.txt" 2>&1 || fail "$cmd of the whole study failed"
  "$finsim" $cmd "$tmp/merged.h5" >"$tmp/$cmd-merged.txt" 2>&1 || fail "$cmd of the merged study failed"
  diff <(sed "s|$tmp/whole.h5|FILE|g" "$tmp/$cmd-whole.txt") <(sed "s|$tmp/merged.h5|FILE|g" "$tmp/$cmd-merged.txt") \
    >/dev/null || fail "$cmd differs: $(diff "$tmp/$cmd-whole.txt" "$tmp/$cmd-merged.txt" | head -5)"
done
for f in whole merged; do
  /usr/bin/python3 "$src/analysis/study.py" "$tmp/$f.h5" --json | sed "s|$tmp/$f.h5|FILE|g" >"$tmp/$f.json" ||
    fail "study.py --json of $f failed"
done
cmp -s "$tmp/whole.json" "$tmp/merged.json" || fail "study.py --json differs: $(diff "$tmp/whole.json" "$tmp/merged.json" | head -3)"

# Default shard names: <base>-<scenario>-study.shard-K-of-N; a .h5 shard output is refused.
(cd "$tmp" && "${study[@]}" --shard 1/2 >/dev/null) || fail "shard with the default name failed"
[[ -f $tmp/baseline-state-plus-50-study.shard-1-of-2 ]] || fail "default shard name: $(ls "$tmp")"
expect_error "--shard writes a shard file, not a result file" -- \
  study "$base" "$scen" -n 3 -r 2 --params population.inflow_per_year "${small[@]}" --shard 1/2 -o "$tmp/bad.h5"

# Shards of different studies, or of a study and a sweep: one line, exit 2, no result file.
"${study[@]}" --sample-seed 2 --shard 2/2 -o "$tmp/seed2.shard" >/dev/null || fail "seed-2 shard failed"
expect_error "$tmp/seed2.shard (shard 2/2) is not of the same run as $tmp/s1.shard (shard 1/2)" \
  "another study: its drawn keys or parameter sets differ" -- merge "$tmp/s1.shard" "$tmp/seed2.shard" -o "$tmp/no.h5"
# The same sets given as a design: the same runs, but the file would say how they were drawn differently.
/usr/bin/python3 - "$tmp/whole.h5" "$tmp/design.csv" <<'PY' || fail "design from the study failed"
import sys
import h5py
with h5py.File(sys.argv[1], "r") as f:
    g = f["scenarios"][list(f["scenarios"])[0]]
    keys = [k.decode() if isinstance(k, bytes) else str(k) for k in g.attrs["study_keys"]]
    rows = [[g[k][p] for k in keys] for p in range(0, len(g["study_arm"]), 2)]
with open(sys.argv[2], "w") as out:
    out.write(",".join(keys) + "\n")
    for r in rows:
        out.write(",".join(f"{v:.17g}" for v in r) + "\n")
PY
"$finsim" study "$base" "$scen" --design "$tmp/design.csv" -r 2 "${small[@]}" --shard 2/2 -o "$tmp/design.shard" >/dev/null ||
  fail "design shard failed"
expect_error "is not of the same run as" "another study: how its sets were drawn (method, sample seed)" -- \
  merge "$tmp/s1.shard" "$tmp/design.shard" -o "$tmp/no.h5"
"$finsim" sweep "$base" --vary population.inflow_per_year=0.1,0.11,0.12,0.13,0.14,0.15 -r 2 "${small[@]}" --shard 2/2 \
  -o "$tmp/sweep.shard" >/dev/null || fail "sweep shard failed"
expect_error "one is a shard of a study (finsim study), the other not" -- merge "$tmp/s1.shard" "$tmp/sweep.shard" -o "$tmp/no.h5"
[[ -z $(compgen -G "$tmp/no.h5*") && -z $(compgen -G "$tmp/bad*") ]] || fail "a refused merge left files: $(ls "$tmp")"

[[ $failures -eq 0 ]] || { echo "$failures failure(s)" >&2; exit 1; }
echo "PASS"
