#!/usr/bin/env bash
# Cluster: `mpirun -np 2` and `-np 3 finsim sweep` (3 points × 3 replications) and `-np 2 finsim run`
# and a study write one result file whose datasets equal the 1-rank file's; only rank 0 prints, once.
set -uo pipefail
source "$(dirname "$0")/lib/mpi.bash"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
short=(--set scenario.end=2020-12 --set scenario.burn_in_years=0 --set population.scale=0.3 -r 3 -t 1 -q)
vary=(--vary funding.state.allocation_msek.2020=339,678,1017)

"$finsim" sweep "$baseline" "${vary[@]}" "${short[@]}" -o "$tmp/one.h5" >"$tmp/one.txt" || fail "1-rank sweep failed"
for n in 2 3; do
  ranks "$n" "$finsim" sweep "$baseline" "${vary[@]}" "${short[@]}" -o "$tmp/np$n.h5" >"$tmp/np$n.txt" 2>"$tmp/np$n.err" ||
    fail "mpirun -np $n sweep exited $?: $(cat "$tmp/np$n.err")"
  same "$tmp/one.h5" "$tmp/np$n.h5" "(sweep, $n ranks vs 1)" || fail "$n ranks: datasets differ from 1 rank"
  [[ $(grep -c '^sweep baseline: 3 point(s) x 3 replication(s)' "$tmp/np$n.txt") == 1 ]] ||
    fail "$n ranks: the summary line is not printed exactly once: $(cat "$tmp/np$n.txt")"
  [[ ! -s $tmp/np$n.err ]] || fail "$n ranks: stderr is not empty: $(cat "$tmp/np$n.err")"
  diff <(grep -v '^sweep\|^dose' "$tmp/one.txt") <(grep -v '^sweep\|^dose' "$tmp/np$n.txt") || fail "$n ranks: the points table differs"
  ranks_attr=$(/usr/bin/python3 -c 'import h5py,sys; print(h5py.File(sys.argv[1])["/"].attrs["ranks"])' "$tmp/np$n.h5")
  [[ $ranks_attr == "$n" ]] || fail "$n ranks: the file's ranks attribute is $ranks_attr"
done
[[ -z $(compgen -G "$tmp/*.partial*") ]] || fail "journal or temporary left: $(compgen -G "$tmp/*.partial*")"

# A plain run: one point, every replication a batch of its own.
"$finsim" run "$baseline" "${short[@]}" -o "$tmp/run1.h5" >/dev/null || fail "1-rank run failed"
ranks 2 "$finsim" run "$baseline" "${short[@]}" -o "$tmp/run2.h5" >/dev/null || fail "mpirun -np 2 run failed"
same "$tmp/run1.h5" "$tmp/run2.h5" "(run, 2 ranks vs 1)" || fail "run: datasets differ between 2 ranks and 1"

# A study (a sweep of parameter sets x arms): its header, the note on keys the files set and the
# hint to analyse are printed once, by rank 0.
study=("$finsim" study "$baseline" "$(dirname "$baseline")/state-plus-50.toml" -n 2 --params all
  --set scenario.end=2025-12 --set scenario.burn_in_years=0 --set population.scale=0.05 -r 1 -t 1 -q)
"${study[@]}" -o "$tmp/study1.h5" >/dev/null 2>&1 || fail "1-rank study failed"
ranks 2 "${study[@]}" -o "$tmp/study2.h5" >"$tmp/study.txt" 2>"$tmp/study.err" || fail "mpirun -np 2 study failed"
same "$tmp/study1.h5" "$tmp/study2.h5" "(study, 2 ranks vs 1)" || fail "study: datasets differ between 2 ranks and 1"
for line in "^study: 2 parameter set" "^analyse: "; do
  [[ $(grep -c "$line" "$tmp/study.txt") == 1 ]] || fail "study: '$line' not printed once: $(cat "$tmp/study.txt")"
done
[[ $(grep -c "note: not drawn" "$tmp/study.err") == 1 ]] || fail "study: the note is not printed once: $(cat "$tmp/study.err")"

finish "mpi sweep check passed"
