#!/usr/bin/env bash
# CLI: finsim status lists the done and missing units of an unfinished run's journal (given as
# NAME or NAME.partial), its header and torn bytes; says "complete" for a result file; and refuses
# a missing file, a directory or a file that is neither with one line and exit 2.
# The journal is tests/data/journal/sweep.h5.partial (2 points × replications 0-4; done: point 0
# 0-2 and 4, point 1 3), written by finsim_tests '[.generate-journal-fixture]'.
set -uo pipefail
finsim=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
source "$src/tests/cli/lib/expect.bash"

# expect_lines FILE LINE...: every LINE is a whole line of FILE.
expect_lines() {
  local file=$1 line
  shift
  for line in "$@"; do
    grep -qxF -- "$line" "$file" || fail "status output lacks the line '$line':"$'\n'"$(cat "$file")"
  done
}

cp "$src/tests/data/journal/sweep.h5.partial" "$tmp/sweep.h5.partial"
for arg in "$tmp/sweep.h5" "$tmp/sweep.h5.partial"; do
  "$finsim" status "$arg" >"$tmp/out.txt" 2>"$tmp/err.txt" || fail "status $arg exited $?: $(cat "$tmp/err.txt")"
  expect_lines "$tmp/out.txt" \
    "$tmp/sweep.h5.partial: unfinished run, 5 of 10 units done, 5 missing" \
    "  finsim        0.1.0 (commit fixture)" \
    "  seed          42" \
    "  replications  0-4 (5 per point)" \
    "  events        no" \
    "  points        2" \
    "  point 0  scenario sha256 $(printf '1%.0s' {1..64})" \
    "    done        0-2, 4" \
    "    missing     3" \
    "  point 1  scenario sha256 $(printf '2%.0s' {1..64})" \
    "    done        3" \
    "    missing     0-2, 4" \
    "  torn          0 bytes"
  [[ -s $tmp/err.txt ]] && fail "status $arg wrote to stderr: $(cat "$tmp/err.txt")"
done
[[ $failures -eq 0 ]] && echo "ok: status of a journal lists done and missing units per point"

# A torn record (a run killed while writing a unit): counted, and the units before it stay done.
head -c 1000 /dev/urandom >>"$tmp/sweep.h5.partial"
"$finsim" status "$tmp/sweep.h5" >"$tmp/out.txt" || fail "status of a torn journal exited $?"
expect_lines "$tmp/out.txt" "$tmp/sweep.h5.partial: unfinished run, 5 of 10 units done, 5 missing" \
  "  torn          1000 bytes (cut off by a crash: ignored on --resume)"
[[ $failures -eq 0 ]] && echo "ok: torn bytes are reported and ignored"

# A complete result file (and the journal of a later, unfinished run beside it wins).
"$finsim" run "$src/scenarios/baseline.toml" --set population.scale=0.03 --set scenario.end=2019-12 \
  --set scenario.burn_in_years=0 -r 2 --seed 7 -q -o "$tmp/done.h5" >/dev/null 2>"$tmp/err.txt" ||
  fail "run failed: $(cat "$tmp/err.txt")"
"$finsim" status "$tmp/done.h5" >"$tmp/out.txt" || fail "status of a complete file exited $?"
expect_lines "$tmp/out.txt" "$tmp/done.h5: complete" "  seed          7" "  replications  0-1 (2)"
cp "$src/tests/data/journal/sweep.h5.partial" "$tmp/done.h5.partial"
"$finsim" status "$tmp/done.h5" >"$tmp/out.txt" || fail "status with a journal beside a complete file exited $?"
expect_lines "$tmp/out.txt" "$tmp/done.h5.partial: unfinished run, 5 of 10 units done, 5 missing" \
  "  ($tmp/done.h5 beside it is the file of an earlier, complete run)"
[[ $failures -eq 0 ]] && echo "ok: a complete file says so; a journal beside it is shown first"

# Bad operands: one line, exit 2.
expect_error "$tmp/none.h5: no such result file, and no journal $tmp/none.h5.partial" -- status "$tmp/none.h5"
expect_error "$tmp: is a directory" -- status "$tmp"
printf 'FINSIMJ\n' >"$tmp/killed.h5.partial"  # killed while creating its journal
expect_error "$tmp/killed.h5.partial: the journal is incomplete" -- status "$tmp/killed.h5"
echo "not a journal" >"$tmp/junk.partial"
expect_error "$tmp/junk.partial: not a finsim journal" -- status "$tmp/junk.partial"
echo "not hdf5" >"$tmp/junk.h5"
expect_error "$tmp/junk.h5" -- status "$tmp/junk.h5"
expect_error "the option '--file' is required" -- status

# A complete sweep file: its points and varied keys.
"$finsim" sweep "$src/scenarios/baseline.toml" --vary funding.state.allocation_msek.2019=339,678 -r 2 -q -o "$tmp/sweep-done.h5" \
  --set population.scale=0.01 --set scenario.end=2019-12 --set scenario.burn_in_years=0 >/dev/null || fail "sweep failed"
"$finsim" status "$tmp/sweep-done.h5" >"$tmp/out.txt" || fail "status of a complete sweep exited $?"
expect_lines "$tmp/out.txt" "$tmp/sweep-done.h5: complete" "  replications  0-1 (2 per point)" \
  "  points        2 (varied: funding.state.allocation_msek.2019)"

[[ $failures -eq 0 ]] || { echo "$failures failure(s)" >&2; exit 1; }
echo "PASS"
