#!/usr/bin/env bash
# CLI: a run killed with SIGKILL after some units finished keeps them in its journal NAME.partial;
# `--resume` computes only the missing units and writes datasets identical to an uninterrupted
# run's; a resume with a changed scenario or replication count is refused with exit 2 and one line.
set -uo pipefail
finsim=$1
src=$2
baseline=$src/scenarios/baseline.toml
# Units of ~0.3-1 s each, so the kill lands after a few have finished and before the last.
long=(--set population.scale=0.3 --set scenario.end=2020-12 --set scenario.burn_in_years=3 -t 2 -q)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
source "$src/tests/cli/lib/expect.bash"

out=$tmp/killed.h5
"$finsim" run "$baseline" -o "$out" "${long[@]}" -r 8 >/dev/null 2>&1 &
pid=$!
done_units=0
for _ in $(seq 600); do
  line=$("$finsim" status "$out" 2>/dev/null | head -1)
  if [[ $line =~ unfinished\ run,\ ([0-9]+)\ of ]]; then done_units=${BASH_REMATCH[1]}; fi
  ((done_units >= 2)) && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.05
done
if kill -KILL "$pid" 2>/dev/null; then
  wait "$pid" 2>/dev/null
  [[ ! -e $out ]] || fail "$out exists after SIGKILL"
  "$finsim" status "$out" >"$tmp/status.txt" || fail "status of the killed run exited $?"
  grep -qE "unfinished run, [0-9]+ of 8 units done" "$tmp/status.txt" || fail "status: $(cat "$tmp/status.txt")"
  echo "ok: killed with $(grep -oE '[0-9]+ of 8 units done' "$tmp/status.txt")"
else
  wait "$pid"
  fail "the run finished before it could be killed; make the units longer"
fi

# A changed scenario, or another replication count, is refused: exit 2, one line, journal kept.
expect_error "killed.h5.partial" "point 0" -- run "$baseline" -o "$out" "${long[@]}" -r 8 --set referral.max_wait_months=5 --resume
expect_error "killed.h5.partial" "cannot resume" -- run "$baseline" -o "$out" "${long[@]}" -r 9 --resume
[[ -e $out.partial ]] || fail "a refused resume removed the journal"
[[ -z $(compgen -G "$out.partial.*") ]] || fail "a refused resume left a temporary: $(compgen -G "$out.partial.*")"

"$finsim" run "$baseline" -o "$out" "${long[@]}" -r 8 --resume >"$tmp/resume.txt" || fail "resume failed"
grep -qE "unit\(s\) from the journal" "$tmp/resume.txt" || fail "resume did not use the journal: $(head -1 "$tmp/resume.txt")"
[[ -z $(compgen -G "$out.partial*") ]] || fail "journal or temporary left after the resume: $(compgen -G "$out.partial*")"
expect_error "no journal" -- run "$baseline" -o "$out" "${long[@]}" -r 8 --resume

"$finsim" run "$baseline" -o "$tmp/reference.h5" "${long[@]}" -r 8 >/dev/null || fail "reference run failed"
/usr/bin/python3 "$src/tests/cli/lib/same_datasets.py" "$out" "$tmp/reference.h5" "after the resume" || fail "datasets differ from the uninterrupted run"
[[ $failures -eq 0 ]] || { echo "$failures failure(s)" >&2; exit 1; }
echo "resume check passed"
