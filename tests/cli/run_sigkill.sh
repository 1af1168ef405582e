#!/usr/bin/env bash
# CLI: a run killed with SIGKILL half-way leaves no file under the final name (only NAME.partial.PID);
# running again removes that dead run's temporary and writes a file whose every dataset equals an
# uninterrupted run's.
set -uo pipefail
finsim=$1
src=$2
baseline=$src/scenarios/baseline.toml
# A short burn-in keeps the three runs quick; the run still lasts well past the kill at 0.7 s.
long=(--set population.scale=1 --set scenario.end=2020-12 --set scenario.burn_in_years=3 -r 6 -q)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

out=$tmp/killed.h5
"$finsim" run "$baseline" -o "$out" "${long[@]}" >/dev/null 2>&1 &
pid=$!
for _ in $(seq 100); do [[ -e $out.partial.$pid ]] && break; sleep 0.05; done
[[ -e $out.partial.$pid ]] || fail "no $out.partial.$pid while running"
sleep 0.7
if kill -KILL "$pid" 2>/dev/null; then
  wait "$pid" 2>/dev/null
  [[ ! -e $out ]] || fail "$out exists after SIGKILL"
  echo "ok: killed half-way; final name absent (partial present: $([[ -e $out.partial.$pid ]] && echo yes || echo no))"
else
  wait "$pid"
  echo "skip: the run finished before SIGKILL; checking the rerun only"
  rm -f "$out"
fi

# Rerun over the leftover partial, and an uninterrupted reference run.
"$finsim" run "$baseline" -o "$out" "${long[@]}" >/dev/null || fail "rerun failed"
leftovers=$(compgen -G "$out.partial*")
[[ -z $leftovers ]] || fail "temporaries left after the rerun: $leftovers"
"$finsim" run "$baseline" -o "$tmp/reference.h5" "${long[@]}" >/dev/null || fail "reference run failed"

/usr/bin/python3 "$src/tests/cli/lib/same_datasets.py" "$out" "$tmp/reference.h5" || fail "datasets differ from the uninterrupted run"

# finsim compare agrees: exactly zero everywhere.
"$finsim" compare "$tmp/reference.h5" "$out" --format csv >"$tmp/compare.csv" || fail "compare failed"
/usr/bin/python3 - "$tmp/compare.csv" <<'PY' || fail "compare reports a non-zero difference"
import csv, sys
rows = [r for r in csv.DictReader(open(sys.argv[1])) if not r["metric"].startswith("payback")]
assert rows
for r in rows:
    for k in ("difference_mean", "ci_low", "ci_high"):
        assert r[k] in ("0", ""), (k, r)
print(f"ok: compare gives exact zero in {len(rows)} rows")
PY

[[ $failures -eq 0 ]] || { echo "$failures failure(s)" >&2; exit 1; }
echo "sigkill check passed"
