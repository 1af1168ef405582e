#!/usr/bin/env bash
# Cluster: bad input under `mpirun -np 2` gives what one process gives — one line from finsim, exit 2,
# no result file, no journal — and no rank is left waiting (rank 0 releases the others).
set -uo pipefail
source "$(dirname "$0")/lib/mpi.bash"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
short=(--set scenario.end=2020-12 --set scenario.burn_in_years=0 --set population.scale=0.3 -r 2 -t 1 -q)
vary=(--vary funding.state.allocation_msek.2020=339,678)

# expect2 WHAT PATTERN ARGS…: exit 2 (mpirun passes rank 0's code on), one finsim line matching PATTERN.
expect2() {
  local what=$1 pattern=$2 code
  shift 2
  timeout 60 mpirun --allow-run-as-root --oversubscribe -np 2 "$finsim" "$@" >"$tmp/out.txt" 2>"$tmp/err.txt"
  code=$?
  [[ $code == 2 ]] || fail "$what: exit $code, expected 2: $(cat "$tmp/err.txt")"
  [[ $(grep -c '^finsim' "$tmp/err.txt") == 1 ]] || fail "$what: not one line from finsim: $(cat "$tmp/err.txt")"
  grep -q -- "$pattern" "$tmp/err.txt" || fail "$what: no '$pattern' in: $(cat "$tmp/err.txt")"
  [[ -z $(ls "$tmp"/*.h5* 2>/dev/null) ]] || fail "$what: files left: $(ls "$tmp"/*.h5*)"
  echo "ok: $what: $(grep '^finsim' "$tmp/err.txt")"
}

expect2 "bad scenario key" "no_such_key" sweep "$baseline" "${vary[@]}" "${short[@]}" --set no_such_key=1 -o "$tmp/x.h5"
expect2 "missing output directory" "does not exist" sweep "$baseline" "${vary[@]}" "${short[@]}" -o "$tmp/no/x.h5"
expect2 "bad flag" "--seed: expected" sweep "$baseline" "${vary[@]}" "${short[@]}" --seed 99999999999 -o "$tmp/x.h5"
expect2 "resume without a journal" "no journal" sweep "$baseline" "${vary[@]}" "${short[@]}" --resume -o "$tmp/x.h5"

finish "mpi error check passed"
