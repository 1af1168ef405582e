#!/usr/bin/env bash
# Cluster: bad input under `mpirun -np 2` gives what one process gives — one line from finsim, exit 2,
# no result file, no journal — and no rank is left waiting (rank 0 releases the others); a failure
# on another rank only, or another rank resolving a different run, is reported once by rank 0.
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
  [[ $1 == bash ]] || set -- "$finsim" "$@"
  timeout 60 mpirun --allow-run-as-root --oversubscribe -np 2 "$@" >"$tmp/out.txt" 2>"$tmp/err.txt"
  code=$?
  [[ $code == 2 ]] || fail "$what: exit $code, expected 2: $(cat "$tmp/err.txt")"
  [[ $(grep -c '^finsim' "$tmp/err.txt") == 1 ]] || fail "$what: not one line from finsim: $(cat "$tmp/err.txt")"
  grep -q -- "$pattern" "$tmp/err.txt" || fail "$what: no '$pattern' in: $(cat "$tmp/err.txt")"
  [[ -z $(compgen -G "$tmp/*.h5*") ]] || fail "$what: files left: $(compgen -G "$tmp/*.h5*")"
  echo "ok: $what: $(grep '^finsim' "$tmp/err.txt")"
}

expect2 "bad scenario key" "no_such_key" sweep "$baseline" "${vary[@]}" "${short[@]}" --set no_such_key=1 -o "$tmp/x.h5"
expect2 "missing output directory" "does not exist" sweep "$baseline" "${vary[@]}" "${short[@]}" -o "$tmp/no/x.h5"
expect2 "bad flag" "--seed: expected" sweep "$baseline" "${vary[@]}" "${short[@]}" --seed 99999999999 -o "$tmp/x.h5"
expect2 "resume without a journal" "no journal" sweep "$baseline" "${vary[@]}" "${short[@]}" --resume -o "$tmp/x.h5"

# Rank 1 alone sees other input (as when the nodes' files differ): rank 0 names it, exit 2, no files.
# The program under mpirun is a wrapper giving rank 1 extra arguments.
cat >"$tmp/rank1.sh" <<'SH'
#!/usr/bin/env bash
finsim=$1 extra=$2
shift 2
if [[ $OMPI_COMM_WORLD_RANK == 1 ]]; then exec "$finsim" "$@" $extra; else exec "$finsim" "$@"; fi
SH
expect2 "rank 1 cannot read its input" "rank 1: .*no_such_key" bash "$tmp/rank1.sh" "$finsim" "--set no_such_key=1" \
  sweep "$baseline" "${vary[@]}" "${short[@]}" -o "$tmp/x.h5"
expect2 "rank 1 resolved another scenario" "rank 1 prepared a different run" bash "$tmp/rank1.sh" "$finsim" \
  "--set referral.max_wait_months=5" sweep "$baseline" "${vary[@]}" "${short[@]}" -o "$tmp/x.h5"

finish "mpi error check passed"
