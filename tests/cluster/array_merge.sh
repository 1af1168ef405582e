#!/usr/bin/env bash
# Cluster: a sweep as a Slurm job array on a real single-node Slurm started by this test
# (lib/slurm.sh): cluster/shard-array.sbatch submitted with sbatch --wait (3 shards, 1 thread
# each), cluster/merge.sbatch after it with --dependency=afterok; the merged file's datasets equal
# the unsharded run's (2 threads) and a 1-shard merge's — results do not depend on where or how
# sliced they were computed; a small study (COMMAND=study) as a 2-task array merges to the study run
# whole, labels included. Exit 77 (skip) without Slurm.
set -uo pipefail
finsim=$(realpath "$1")
src=$(realpath "$2")
source "$src/tests/cluster/lib/slurm.sh"
source "$src/tests/cli/lib/expect.bash"
slurm_require
tmp=$(mktemp -d)
trap 'slurm_stop; rm -rf "$tmp"' EXIT
failures=0
same() { /usr/bin/python3 "$src/tests/cli/lib/same_datasets.py" "$@"; }

small="--set population.scale=0.02 --set scenario.end=2020-12 --set scenario.burn_in_years=0"
vary="--vary funding.state.allocation_msek.2019=339,678"
# shellcheck disable=SC2086
sweep_array_setup "$finsim" "$src" "$tmp" $vary $small -r 4 || exit 1
cd "$tmp" || exit 1
array=$(sbatch --wait --parsable --array=1-3 --cpus-per-task=1 --output="$tmp/shard-%a.out" \
  "$src/cluster/shard-array.sbatch") || { fail "the array job failed: $(cat "$tmp"/shard-*.out)"; slurm_logs; }
array=${array%%;*}
for k in 1 2 3; do
  [[ -f $tmp/shards/sweep.shard-$k-of-3 ]] || fail "shard $k/3 has no file: $(cat "$tmp/shard-$k.out")"
done
sbatch --wait --quiet --dependency="afterok:$array" --output="$tmp/merge.out" "$src/cluster/merge.sbatch" ||
  fail "the merge job failed: $(cat "$tmp/merge.out")"
grep -q "merged 3 of 3 shard file(s), 8 unit(s)" "$tmp/merge.out" || fail "merge output: $(cat "$tmp/merge.out")"
same "$tmp/merged.h5" "$tmp/full.h5" "(3 Slurm array shards, 1 thread, against the unsharded run, 2 threads)" ||
  fail "the merged datasets differ from the unsharded run's"

"$finsim" missing "$tmp"/shards/sweep.shard-* >"$tmp/missing.txt" || fail "finsim missing exited $?"
grep -qx "array: " "$tmp/missing.txt" || fail "finsim missing found units missing: $(cat "$tmp/missing.txt")"

# An uncertainty study as an array (COMMAND=study, BASE): the merged file equals the study run whole,
# its study labels included, so the analyses read one study.
study_args="-n 2 -r 2 --params population.inflow_per_year $small"
# shellcheck disable=SC2086
"$finsim" study "$src/scenarios/baseline.toml" "$src/scenarios/state-plus-50.toml" $study_args -t 2 -q \
  -o "$tmp/study-full.h5" >/dev/null || fail "the unsharded study failed"
(export COMMAND=study BASE=$src/scenarios/baseline.toml SCENARIO=$src/scenarios/state-plus-50.toml SHARDS=2 \
  NAME=study FINSIM_ARGS="$study_args" && sbatch --wait --quiet --array=1-2 --cpus-per-task=1 \
  --output="$tmp/study-%a.out" "$src/cluster/shard-array.sbatch") || fail "the study array failed: $(cat "$tmp"/study-*.out)"
"$finsim" merge "$tmp"/shards/study.shard-* -o "$tmp/study-merged.h5" >/dev/null || fail "the study merge failed"
same "$tmp/study-merged.h5" "$tmp/study-full.h5" "(a study as a 2-task Slurm array)" || fail "merged study differs"
/usr/bin/python3 -c '
import sys, h5py
def labels(p):
    with h5py.File(p) as f:
        g = f["scenarios"][list(f["scenarios"])[0]]
        return {k: str(v) for k, v in g.attrs.items() if k.startswith("study_")}
a, b = labels(sys.argv[1]), labels(sys.argv[2])
assert len(a) == 9 and a == b, (a, b)' "$tmp/study-merged.h5" "$tmp/study-full.h5" || fail "the study labels differ"

# One shard of everything (threads 1) merges to the same file too.
# shellcheck disable=SC2086
"$finsim" sweep "$src/scenarios/baseline.toml" $vary $small -r 4 -t 1 -q --shard 1/1 -o "$tmp/one.shard" >/dev/null &&
  "$finsim" merge "$tmp/one.shard" -o "$tmp/one.h5" >/dev/null || fail "the 1-shard run or merge failed"
same "$tmp/one.h5" "$tmp/full.h5" "(1 shard against the unsharded run)" || fail "1-shard merge differs"

[[ $failures -eq 0 ]] || { echo "$failures failure(s)" >&2; exit 1; }
echo "PASS"
