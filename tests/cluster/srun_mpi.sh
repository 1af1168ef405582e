#!/usr/bin/env bash
# Cluster: the MPI build of finsim under Slurm — cluster/mpi.sbatch submitted with sbatch --wait
# (srun --mpi=pmix -n 2, one thread per rank) on a real single-node Slurm (lib/slurm.sh); the
# result file's datasets equal the one-process run's. Exit 77 (skip), saying why, without Slurm,
# without the MPI build (cmake --preset mpi: build/mpi/engine/finsim, or FINSIM_MPI=path), or when
# srun offers no PMIx.
set -uo pipefail
finsim=$(realpath "$1")
src=$(realpath "$2")
source "$src/tests/cluster/lib/slurm.sh"
slurm_require
mpi_finsim=${FINSIM_MPI:-$src/build/mpi/engine/finsim}
[[ -x $mpi_finsim ]] || { echo "SKIP: no MPI build of finsim at $mpi_finsim (cmake --preset mpi && cmake --build --preset mpi)"; exit 77; }
tmp=$(mktemp -d)
trap 'slurm_stop; [[ -n ${KEEP:-} ]] || rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

small="--set population.scale=0.02 --set scenario.end=2020-12 --set scenario.burn_in_years=0"
vary="--vary funding.state.allocation_msek.2019=339,678"
# shellcheck disable=SC2086
"$finsim" sweep "$src/scenarios/baseline.toml" $vary $small -r 3 -t 1 -q -o "$tmp/one.h5" >/dev/null ||
  fail "the one-process sweep failed"

slurm_start "$tmp" || exit 1
srun --mpi=list 2>&1 | grep -qw pmix || { echo "SKIP: srun --mpi=list offers no pmix"; exit 77; }
cd "$tmp" || exit 1
FINSIM=$(realpath "$mpi_finsim") SCENARIO=$src/scenarios/baseline.toml RESULT=$tmp/mpi.h5 FINSIM_ARGS="$vary $small -r 3" \
  sbatch --wait --quiet --ntasks=2 --cpus-per-task=1 --output="$tmp/mpi.out" "$src/cluster/mpi.sbatch" ||
  { fail "the MPI job failed: $(cat "$tmp/mpi.out")"; slurm_logs; }
/usr/bin/python3 "$src/tests/cli/lib/same_datasets.py" "$tmp/mpi.h5" "$tmp/one.h5" "(srun --mpi=pmix -n 2 against 1 process)" ||
  fail "the MPI run's datasets differ from the one-process run's"
ranks=$(/usr/bin/python3 -c 'import h5py, sys; print(h5py.File(sys.argv[1], "r").attrs["ranks"])' "$tmp/mpi.h5")
[[ $ranks == 2 ]] || fail "the result file records ranks=$ranks, expected 2 (did srun start one MPI job of 2 ranks?)"

[[ $failures -eq 0 ]] || { echo "$failures failure(s)" >&2; exit 1; }
echo "PASS"
