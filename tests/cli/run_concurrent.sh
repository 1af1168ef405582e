#!/usr/bin/env bash
# CLI: two runs started at once with the same -o both succeed, each with its own NAME.partial.PID;
# the last rename wins with one complete file, and no temporary is left behind.
set -uo pipefail
finsim=$1
src=$2
baseline=$src/scenarios/baseline.toml
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
source "$src/tests/cli/lib/expect.bash"
args=(--set population.scale=0.2 --set scenario.end=2020-12 -r 2 -q)

out=$tmp/same.h5
"$finsim" run "$baseline" -o "$out" "${args[@]}" --seed 1 >"$tmp/a.out" 2>"$tmp/a.err" &
a=$!
"$finsim" run "$baseline" -o "$out" "${args[@]}" --seed 2 >"$tmp/b.out" 2>"$tmp/b.err" &
b=$!
wait "$a" || fail "first run failed: $(cat "$tmp/a.err")"
wait "$b" || fail "second run failed: $(cat "$tmp/b.err")"
[[ -f $out ]] || fail "no $out"
left=$(compgen -G "$out.partial*")
[[ -z $left ]] || fail "temporaries left: $left"
# One complete file: it opens as a result of one of the two seeds.
"$finsim" inspect "$out" >"$tmp/inspect.txt" || fail "inspect of $out failed"
grep -qE "^  seed +(1|2)$" "$tmp/inspect.txt" || fail "the file is not one of the two runs: $(grep seed "$tmp/inspect.txt")"
[[ $failures -eq 0 ]] && echo "ok: two concurrent runs to one -o: one complete file ($(grep -E '^  seed ' "$tmp/inspect.txt" | tr -s ' '))"

[[ $failures -eq 0 ]] || { echo "$failures failure(s)" >&2; exit 1; }
echo "PASS"
