# Sourced by tests/cluster/mpi_*.sh: exits 77 (CTest: skipped) saying why when the MPI build of
# finsim or mpirun is absent; `ranks N CMD…` runs CMD under mpirun with N ranks on this machine.
# Arguments of the test: $1 = finsim built with FINSIM_MPI=ON (cmake --preset mpi), $2 = source dir.
finsim=$1
src=$2
if [[ ! -x $finsim ]]; then
  echo "skip: no MPI build of finsim at $finsim (cmake --preset mpi && cmake --build --preset mpi --target finsim)"
  exit 77
fi
if ! command -v mpirun >/dev/null; then
  echo "skip: mpirun not found (Debian: apt-get install openmpi-bin libopenmpi-dev)"
  exit 77
fi
baseline=$src/scenarios/baseline.toml
# Containers often forbid the cross-process copy (CMA) of Open MPI's shared-memory transport.
export OMPI_MCA_btl_vader_single_copy_mechanism=none
ranks() {
  local n=$1
  shift
  mpirun --allow-run-as-root --oversubscribe -np "$n" "$@"
}
failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}
same() { /usr/bin/python3 "$src/tests/cli/lib/same_datasets.py" "$@"; }
finish() {
  [[ $failures -eq 0 ]] || {
    echo "$failures failure(s)" >&2
    exit 1
  }
  echo "$1"
}
