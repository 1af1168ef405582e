#!/usr/bin/env bash
# Cluster: the determinism matrix threads {1, 2} × ranks {1, 2} × shards {1, 3} on one sweep (3
# points × 3 replications): every file has the same datasets, so a quoted number does not depend on
# where or how wide it was computed. (1 rank = the plain process, MPI not initialised; 3 shards =
# three `--shard K/3` jobs joined by finsim merge.)
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
# Shards {3}: each shard job on 1 or 2 ranks (a shard's units spread over the ranks), then merged.
for threads in 1 2; do
  for n in 1 2; do
    shards=()
    for k in 1 2 3; do
      shard=$tmp/t${threads}_r${n}_s$k.shard
      if [[ $n == 1 ]]; then
        "$finsim" sweep "$baseline" "${vary[@]}" "${short[@]}" -t "$threads" --shard "$k/3" -o "$shard" >/dev/null ||
          fail "t=$threads 1 rank shard $k/3 failed"
      else
        ranks "$n" "$finsim" sweep "$baseline" "${vary[@]}" "${short[@]}" -t "$threads" --shard "$k/3" -o "$shard" \
          >/dev/null || fail "t=$threads $n ranks shard $k/3 failed"
      fi
      shards+=("$shard")
    done
    out=$tmp/t${threads}_r${n}_merged.h5
    "$finsim" merge "${shards[@]}" -o "$out" >/dev/null || fail "merge of t=$threads ranks=$n shards failed"
    same "$reference" "$out" "(threads $threads, ranks $n, 3 shards vs threads 1, ranks 1, 1 shard)" ||
      fail "threads $threads ranks $n shards 3 differ"
  done
done
finish "mpi determinism matrix passed (threads 1/2 x ranks 1/2 x shards 1/3)"
