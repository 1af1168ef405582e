#!/bin/bash
# Submits a Finsim sweep (or run, or study) as a Slurm job array of SHARDS shards plus the merge job
# that runs when every shard succeeded (--dependency=afterok). Prints both job ids.
#
#   SHARDS=8 FINSIM=$PWD/build/release/engine/finsim \
#   FINSIM_ARGS="--vary funding.state.allocation_msek.2025=339:1017:7 -r 1000" bash cluster/submit-sweep.sh
#
# The variables are those of shard-array.sbatch and merge.sbatch (SCENARIO, SHARD_DIR, NAME, RESULT, ...;
# COMMAND=study with BASE for an uncertainty study); extra sbatch options for both jobs (partition,
# account) go in SBATCH_OPTS, for the merge job alone in MERGE_SBATCH_OPTS.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
: "${SHARDS:?set SHARDS=N}"
export SHARDS
# shellcheck disable=SC2086
array=$(sbatch --parsable ${SBATCH_OPTS:-} --array="1-$SHARDS" --export=ALL "$here/shard-array.sbatch")
array=${array%%;*}
# shellcheck disable=SC2086
merge=$(sbatch --parsable ${SBATCH_OPTS:-} ${MERGE_SBATCH_OPTS:-} --dependency="afterok:$array" \
  --kill-on-invalid-dep=yes --export=ALL "$here/merge.sbatch")
echo "array job $array (shards 1-$SHARDS), merge job ${merge%%;*} (after all shards succeed)"
