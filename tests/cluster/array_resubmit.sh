#!/usr/bin/env bash
# Cluster: array tasks that die are found and redone. On a real single-node Slurm (lib/slurm.sh),
# the array of cluster/shard-array.sbatch (3 shards) is submitted held; task 2 is cancelled before
# it starts (no file), task 3 is cancelled (SIGTERM) after its first unit (an unfinished journal).
# The merge job (--dependency=afterok) never runs; finsim missing names both shards and their
# units and prints the --array list; resubmitting only those indices (task 3 resumes its journal)
# and merging gives datasets identical to the unsharded run's. Exit 77 (skip) without Slurm.
set -uo pipefail
finsim=$(realpath "$1")
src=$(realpath "$2")
source "$src/tests/cluster/lib/slurm.sh"
source "$src/tests/cli/lib/expect.bash"
slurm_require
tmp=$(mktemp -d)
trap 'slurm_stop; rm -rf "$tmp"' EXIT
failures=0

# Units of ~1.5-2 CPU s, so that task 3 is cancelled well inside its second unit (with units of
# 0.25 s on an idle machine the second one finished before the SIGTERM arrived).
slow="--set population.scale=1 --set scenario.end=2020-12 --set scenario.burn_in_years=15"
vary="--vary funding.state.allocation_msek.2019=339,678"
# shellcheck disable=SC2086
sweep_array_setup "$finsim" "$src" "$tmp" $vary $slow -r 3 || exit 1
cd "$tmp" || exit 1
shards=("$tmp/shards/sweep.shard-1-of-3" "$tmp/shards/sweep.shard-2-of-3" "$tmp/shards/sweep.shard-3-of-3")

array=$(sbatch --parsable --hold --array=1-3 --cpus-per-task=1 --output="$tmp/shard-%a.out" \
  "$src/cluster/shard-array.sbatch") || { echo "FAIL: sbatch failed" >&2; exit 1; }
array=${array%%;*}
merge=$(sbatch --parsable --dependency="afterok:$array" --kill-on-invalid-dep=yes --output="$tmp/merge.out" \
  "$src/cluster/merge.sbatch")
scancel "${array}_2" || fail "scancel ${array}_2 failed"
scontrol release "$array" || fail "scontrol release $array failed"

# Cancel task 3 once its journal holds its first unit (of two).
killed=0
for _ in $(seq 1200); do
  if "$finsim" status "${shards[2]}" 2>/dev/null | head -1 | grep -q "unfinished, 1 of 2 units"; then
    scancel "${array}_3" && killed=1
    break
  fi
  [[ -e ${shards[2]} ]] && break  # finished before it could be cancelled
  sleep 0.05
done
((killed)) || fail "task 3 finished (or never started) before it could be cancelled: $(cat "$tmp/shard-3.out" 2>&1)"
for _ in $(seq 600); do [[ -z $(squeue -h) ]] && break; sleep 0.1; done
[[ -z $(squeue -h) ]] || fail "jobs left: $(squeue)"
[[ ! -e $tmp/merged.h5 ]] || fail "the merge job ran although array tasks failed"
[[ -f ${shards[0]} ]] || fail "shard 1 did not finish: $(cat "$tmp/shard-1.out")"
[[ ! -e ${shards[1]} && ! -e ${shards[1]}.partial ]] || fail "cancelled task 2 left a file"
[[ -f ${shards[2]}.partial ]] || fail "cancelled task 3 left no journal: $(cat "$tmp/shard-3.out")"
echo "ok: task 2 cancelled before it started, task 3 after one unit; merge job $merge did not run"

"$finsim" missing "${shards[@]}" --of 3 >"$tmp/missing.txt" || fail "finsim missing exited $?"
cat "$tmp/missing.txt"
grep -qx "6 unit(s) in 3 shard(s): 3 done, 3 missing" "$tmp/missing.txt" || fail "missing: wrong counts"
grep -q "^shard 1/3  complete" "$tmp/missing.txt" || fail "missing: shard 1 is complete"
grep -qx "shard 2/3  no file; missing 2 unit(s): point 0: replication 1; point 1: replication 1" "$tmp/missing.txt" ||
  fail "missing: shard 2"
grep -qE "^shard 3/3  unfinished .*sweep.shard-3-of-3.partial; missing 1 unit\(s\): point [01]: replication 2$" \
  "$tmp/missing.txt" || fail "missing: shard 3"
grep -qx "sbatch --array=2-3 <the array job script>" "$tmp/missing.txt" || fail "missing: no sbatch line"
indices=$(sed -n 's/^array: //p' "$tmp/missing.txt")
[[ $indices == 2-3 ]] || fail "missing: array '$indices', expected 2-3"
expect_error "cannot merge: 3 unit(s) missing" "shard 2/3 (no file given)" -- merge "${shards[@]}" -o "$tmp/no.h5"
[[ ! -e $tmp/no.h5 ]] || fail "a refused merge wrote a file"

array2=$(sbatch --wait --parsable --array="$indices" --cpus-per-task=1 --output="$tmp/again-%a.out" \
  "$src/cluster/shard-array.sbatch") || fail "the resubmitted tasks failed: $(cat "$tmp"/again-*.out)"
grep -q "(1 from the journal)" "$tmp/again-3.out" || fail "task 3 did not resume its journal: $(cat "$tmp/again-3.out")"
sbatch --wait --quiet --dependency="afterok:${array2%%;*}" --output="$tmp/merge2.out" "$src/cluster/merge.sbatch" ||
  fail "the merge job failed: $(cat "$tmp/merge2.out")"
/usr/bin/python3 "$src/tests/cli/lib/same_datasets.py" "$tmp/merged.h5" "$tmp/full.h5" \
  "(after a cancelled and a killed array task were resubmitted)" || fail "merged datasets differ from the unsharded run's"

[[ $failures -eq 0 ]] || { echo "$failures failure(s)" >&2; exit 1; }
echo "PASS"
