#!/usr/bin/env bash
# CLI: finsim run/sweep --shard K/N and finsim merge / missing without a cluster. Shards merged in
# any order give datasets identical to the unsharded run (a sweep, a plain run, a run with --events); a finished
# shard resumed is left as it is; bad --shard values, and shards that are duplicated, missing, of
# another seed, scenario, slicing or finsim version, or a scenario changed since the shards ran,
# are refused with one line and exit 2, and no result file. finsim missing lists what to resubmit.
set -uo pipefail
finsim=$(realpath "$1")
src=$(realpath "$2")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
source "$src/tests/cli/lib/expect.bash"
same() { /usr/bin/python3 "$src/tests/cli/lib/same_datasets.py" "$@"; }

# A scenario of our own (inheriting the baseline, its data beside it), so that it can change under the shards.
ln -s "$src/scenarios/data" "$tmp/data"
cat >"$tmp/s.toml" <<TOML
inherits = "$src/scenarios/baseline.toml"
[scenario]
name = "shardtest"
TOML
small=(--set population.scale=0.02 --set scenario.end=2020-12 --set scenario.burn_in_years=0 -q -t 2)
vary=(--vary funding.state.allocation_msek.2019=339,678)
sweep=("$finsim" sweep "$tmp/s.toml" "${vary[@]}" "${small[@]}" -r 3)
"${sweep[@]}" -o "$tmp/full.h5" >/dev/null || fail "unsharded sweep failed"
for k in 3 1 2; do "${sweep[@]}" --shard $k/3 -o "$tmp/s$k.shard" >"$tmp/out$k.txt" || fail "shard $k failed"; done
grep -qx "shard 2/3 of sweep shardtest: 2 of 6 unit(s), .*; wrote $tmp/s2.shard (finsim merge joins the shards)" \
  <(sed -E 's/, [0-9.]+ s \([0-9.]+ units\/s\)/, .*/' "$tmp/out2.txt") || fail "shard output: $(cat "$tmp/out2.txt")"
[[ -z $(compgen -G "$tmp/*.partial*") ]] || fail "a finished shard left a journal: $(compgen -G "$tmp/*.partial*")"
"$finsim" merge "$tmp/s2.shard" "$tmp/s3.shard" "$tmp/s1.shard" -o "$tmp/merged.h5" >"$tmp/merge.txt" || fail "merge failed"
grep -q "merged 3 of 3 shard file(s), 6 unit(s) (2 point(s) x 3 replication(s))" "$tmp/merge.txt" || fail "merge: $(cat "$tmp/merge.txt")"
same "$tmp/merged.h5" "$tmp/full.h5" "(3 shards merged against the unsharded sweep)" || fail "merged sweep differs"
# The same sweep given a relative path from the scenario's folder (shards record absolute paths for
# merge): parameter_origin names files from the scenario's folder, so it is the same dataset.
(cd "$tmp" && "$finsim" sweep s.toml "${vary[@]}" "${small[@]}" -r 3 -o full-relative.h5 >/dev/null) || fail "relative sweep failed"
same "$tmp/merged.h5" "$tmp/full-relative.h5" "(merged shards against the sweep run with a relative path)" ||
  fail "merged sweep differs from the sweep given a relative path"

# A plain run in 2 shards (default shard names), merged from another directory.
(cd "$tmp" && "$finsim" run s.toml "${small[@]}" -r 3 --shard 1/2 >/dev/null && "$finsim" run s.toml "${small[@]}" -r 3 \
  --shard 2/2 >/dev/null) || fail "run shards failed"
[[ -f $tmp/shardtest.shard-1-of-2 && -f $tmp/shardtest.shard-2-of-2 ]] || fail "default shard names: $(ls "$tmp")"
"$finsim" run "$tmp/s.toml" "${small[@]}" -r 3 -o "$tmp/run.h5" >/dev/null || fail "unsharded run failed"
(cd / && "$finsim" merge "$tmp"/shardtest.shard-* -o "$tmp/run-merged.h5" >/dev/null) || fail "run merge failed"
same "$tmp/run-merged.h5" "$tmp/run.h5" "(a run in 2 shards)" || fail "merged run differs"
# The merged file names its input files as the unsharded run given the same path does (relative,
# from the shards' directory, though merge ran elsewhere), with the same digests.
(cd "$tmp" && "$finsim" run s.toml "${small[@]}" -r 3 -o run-relative.h5 >/dev/null) || fail "relative run failed"
inputs() {
  /usr/bin/python3 -c 'import h5py, sys; g = h5py.File(sys.argv[1])["scenarios"]; g = g[list(g)[0]]
print([x.decode() for x in g.attrs["input_files"]], [x.decode() for x in g.attrs["input_sha256"]])' "$1"
}
[[ $(inputs "$tmp/run-merged.h5") == "$(inputs "$tmp/run-relative.h5")" ]] ||
  fail "input files: merged $(inputs "$tmp/run-merged.h5"), unsharded $(inputs "$tmp/run-relative.h5")"
[[ $(inputs "$tmp/run-merged.h5") == "['data/kommuner.csv', "* ]] || fail "merged input files: $(inputs "$tmp/run-merged.h5")"

# With --events the event log travels through the shards too.
ev=(--set population.scale=0.02 --set scenario.end=2019-12 --set scenario.burn_in_years=0 -q -r 2 --events)
"$finsim" run "$tmp/s.toml" "${ev[@]}" -o "$tmp/ev.h5" >/dev/null &&
  "$finsim" run "$tmp/s.toml" "${ev[@]}" --shard 1/2 -o "$tmp/ev1.shard" >/dev/null &&
  "$finsim" run "$tmp/s.toml" "${ev[@]}" --shard 2/2 -o "$tmp/ev2.shard" >/dev/null &&
  "$finsim" merge "$tmp/ev2.shard" "$tmp/ev1.shard" -o "$tmp/ev-merged.h5" >/dev/null || fail "--events shards failed"
same "$tmp/ev-merged.h5" "$tmp/ev.h5" "(a run with --events in 2 shards)" || fail "merged event log differs"

# A finished shard resumed: checked, nothing computed, file unchanged.
sum=$(sha256sum <"$tmp/s1.shard")
"${sweep[@]}" --shard 1/3 -o "$tmp/s1.shard" --resume >"$tmp/resume.txt" || fail "resume of a finished shard failed"
grep -q "(2 from the journal).*; kept $tmp/s1.shard " "$tmp/resume.txt" || fail "resume: $(cat "$tmp/resume.txt")"
expect_error "--shard writes a shard file, not a result file" -- run "$tmp/s.toml" "${small[@]}" --shard 1/2 -o "$tmp/bad.H5"
[[ $(sha256sum <"$tmp/s1.shard") == "$sum" ]] || fail "resuming a finished shard changed it"
expect_error "s1.shard: cannot resume: shard 1/3 in the journal, shard 2/3 now" -- \
  sweep "$tmp/s.toml" "${vary[@]}" "${small[@]}" -r 3 --shard 2/3 -o "$tmp/s1.shard" --resume

# Bad --shard values and outputs: one line, exit 2, no file.
for bad in 0/3 4/3 3 a/b 1/0 -1/3 "1/3 "; do
  expect_error "--shard: expected K/N" -- sweep "$tmp/s.toml" "${vary[@]}" "${small[@]}" -r 3 --shard "$bad" -o "$tmp/bad.shard"
done
expect_error "--shard: shard 7/7: 7 shards for 6 unit(s)" -- sweep "$tmp/s.toml" "${vary[@]}" "${small[@]}" -r 3 --shard 7/7 -o "$tmp/bad.shard"
expect_error "--shard writes a shard file, not a result file" -- run "$tmp/s.toml" "${small[@]}" --shard 1/2 -o "$tmp/bad.h5"
expect_error "$tmp/none/x.shard.partial: cannot write the shard file: directory '$tmp/none' does not exist" -- \
  run "$tmp/s.toml" "${small[@]}" -r 3 --shard 1/2 -o "$tmp/none/x.shard"
[[ -z $(compgen -G "$tmp/bad*") ]] || fail "a refused shard run left files: $(compgen -G "$tmp/bad*")"

# Merges that must be refused (another seed changes the resolved scenario, so its digest differs).
sum=$(sha256sum <"$tmp/s1.shard")
expect_error "$tmp/s1.shard: is one of the run's input files" -- \
  merge "$tmp/s1.shard" "$tmp/s2.shard" "$tmp/s3.shard" -o "$tmp/s1.shard"
[[ $(sha256sum <"$tmp/s1.shard") == "$sum" ]] || fail "merge -o onto a shard changed the shard"
expect_error "$tmp/s.toml: is one of the run's input files" -- \
  merge "$tmp/s1.shard" "$tmp/s2.shard" "$tmp/s3.shard" -o "$tmp/s.toml"
expect_error "-o: expected a file name, got an empty one" -- merge "$tmp/s1.shard" "$tmp/s2.shard" "$tmp/s3.shard" -o ""
expect_error "a result file may not end in .partial" -- merge "$tmp/s1.shard" "$tmp/s2.shard" "$tmp/s3.shard" -o "$tmp/m.h5.partial"
expect_error "give the shard files" -- missing
cp "$tmp/s1.shard" "$tmp/copy.shard"
expect_error "unit (point 0, replication 0) is in two files: $tmp/s1.shard (shard 1/3) and $tmp/copy.shard (shard 1/3)" -- \
  merge "$tmp/s1.shard" "$tmp/s2.shard" "$tmp/s3.shard" "$tmp/copy.shard" -o "$tmp/no.h5"
expect_error "cannot merge: 2 unit(s) missing: shard 2/3 (no file given): (point 0, replication 1), (point 1, replication 1)" -- \
  merge "$tmp/s1.shard" "$tmp/s3.shard" -o "$tmp/no.h5"
# A file given that does not exist is named as such (its shard is then one without a file).
expect_error "shard 2/3 (no file given)" "; given but not found: $tmp/gone.shard" -- \
  merge "$tmp/s1.shard" "$tmp/gone.shard" "$tmp/s3.shard" -o "$tmp/no.h5"
"${sweep[@]}" --seed 7 --shard 2/3 -o "$tmp/seed.shard" >/dev/null || fail "seed shard failed"
expect_error "$tmp/seed.shard (shard 2/3) is not of the same run as $tmp/s1.shard (shard 1/3)" "the resolved scenario of point 0 differs" -- \
  merge "$tmp/s1.shard" "$tmp/seed.shard" "$tmp/s3.shard" -o "$tmp/no.h5"
"${sweep[@]}" --set referral.max_wait_months=5 --shard 2/3 -o "$tmp/digest.shard" >/dev/null || fail "digest shard failed"
expect_error "the resolved scenario of point 0 differs" -- merge "$tmp/s1.shard" "$tmp/digest.shard" -o "$tmp/no.h5"
"${sweep[@]}" --shard 2/4 -o "$tmp/four.shard" >/dev/null || fail "2/4 shard failed"
expect_error "shards of different slicings" -- merge "$tmp/s1.shard" "$tmp/four.shard" -o "$tmp/no.h5"
expect_error "mixed versions: $tmp/s1.shard was written by finsim" "old-version.shard by finsim 0.0.9 (commit fixture)" -- \
  merge "$tmp/s1.shard" "$src/tests/data/journal/old-version.shard" -o "$tmp/no.h5"
expect_error "the shards were computed by finsim 0.0.9 (commit fixture), this is finsim" -- \
  merge "$src/tests/data/journal/old-version.shard" -o "$tmp/no.h5"
expect_error "sweep.h5.partial: not a shard file" -- merge "$src/tests/data/journal/sweep.h5.partial" -o "$tmp/no.h5"
expect_error "$tmp/nothing.shard: no such shard file" -- merge "$tmp/nothing.shard" -o "$tmp/no.h5"
expect_error "the option '--output' is required" -- merge "$tmp/s1.shard"
# The scenario changed after the shards ran: merge cannot rebuild the same run.
echo '[referral]
max_wait_months = 5' >>"$tmp/s.toml"
expect_error "$tmp/s1.shard: the scenario of point 0" "resolves differently now" -- \
  merge "$tmp/s1.shard" "$tmp/s2.shard" "$tmp/s3.shard" -o "$tmp/no.h5"
[[ -z $(compgen -G "$tmp/no.h5*") ]] || fail "a refused merge left files: $(compgen -G "$tmp/no.h5*")"

# finsim missing: what to resubmit, as shard list and --array list.
"$finsim" missing "$tmp/s1.shard" "$tmp/s2-absent.shard" "$tmp/s3.shard" >"$tmp/missing.txt" || fail "missing exited $?"
grep -qx "6 unit(s) in 3 shard(s): 4 done, 2 missing" "$tmp/missing.txt" || fail "missing: $(cat "$tmp/missing.txt")"
grep -qx "shard 2/3  no file; missing 2 unit(s): point 0: replication 1; point 1: replication 1" "$tmp/missing.txt" ||
  fail "missing: shard 2: $(cat "$tmp/missing.txt")"
grep -qx "resubmit: --shard 2/3 (add --resume where a file is unfinished)" "$tmp/missing.txt" || fail "missing: resubmit line"
grep -qx "array: 2" "$tmp/missing.txt" || fail "missing: array line"
"$finsim" missing "$tmp/s1.shard" "$tmp/s2.shard" "$tmp/s3.shard" --of 3 | grep -qx "array: " || fail "missing: complete set"
"$finsim" missing "$tmp/absent.shard" --of 4 | grep -qx "array: 1-4" || fail "missing: no file at all"
expect_error "a shard of 3, but --of says 4" -- missing "$tmp/s1.shard" --of 4
expect_error "none of the shard files exists yet" -- missing "$tmp/absent.shard"

[[ $failures -eq 0 ]] || { echo "$failures failure(s)" >&2; exit 1; }
echo "PASS"
