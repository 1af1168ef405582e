#!/usr/bin/env bash
# Cluster: the determinism matrix threads {1, 2} × ranks {1, 2} on one sweep (3 points × 3
# replications): every file has the same datasets, so a quoted number does not depend on where or
# how wide it was computed. (1 rank = the plain process, MPI not initialised.)
set -uo pipefail
source "$(dirname "$0")/lib/mpi.bash"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
short=(--set scenario.end=2020-12 --set scenario.burn_in_years=0 --set population.scale=0.3 -r 3 -q)
vary=(--vary funding.state.allocation_msek.2020=339,678,1017)

reference=
for threads in 1 2; do
  for n in 1 2; do
    out=$tmp/t${threads}_r$n.h5
    if [[ $n == 1 ]]; then
      "$finsim" sweep "$baseline" "${vary[@]}" "${short[@]}" -t "$threads" -o "$out" >/dev/null || fail "t=$threads 1 rank failed"
    else
      ranks "$n" "$finsim" sweep "$baseline" "${vary[@]}" "${short[@]}" -t "$threads" -o "$out" >/dev/null ||
        fail "t=$threads $n ranks failed"
    fi
    if [[ -z $reference ]]; then
      reference=$out
    else
      same "$reference" "$out" "(threads $threads, ranks $n vs threads 1, ranks 1)" || fail "threads $threads ranks $n differ"
    fi
  done
done
finish "mpi determinism matrix passed"
