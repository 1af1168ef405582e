#!/usr/bin/env bash
# CLI: finsim inspect lists every dataset with shape, dtype, size and units and prints the
# provenance attributes; --resolved prints the stored scenario; a bad file exits 2 with one line.
set -uo pipefail
finsim=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
source "$src/tests/cli/lib/expect.bash"

"$finsim" run "$src/scenarios/baseline.toml" -o "$tmp/r.h5" --set population.scale=0.01 --set scenario.end=2019-12 -r 1 -q \
  >/dev/null || { echo "FAIL: run" >&2; exit 1; }
"$finsim" inspect "$tmp/r.h5" >"$tmp/out.txt" 2>"$tmp/err.txt" || fail "inspect exited $?: $(cat "$tmp/err.txt")"
for want in "/scenarios/baseline/participants" "float64" "persons" "/scenarios/baseline/budget" "int64" "SEK" \
            "finsim_version" "git_commit" "schema_version" "command_line" "scenario_sha256" "input_sha256" \
            "resolved_scenario" "see --resolved" "/scenarios/baseline/stock"; do
  grep -qF -- "$want" "$tmp/out.txt" || fail "inspect output lacks '$want'"
done
grep -qE "/scenarios/baseline/participants +\(1, 12, [0-9]+\) +float64" "$tmp/out.txt" || fail "participants shape line: $(grep participants "$tmp/out.txt" | head -1)"
echo "ok: inspect lists $(grep -c '^/scenarios/baseline/' "$tmp/out.txt") datasets"

"$finsim" inspect "$tmp/r.h5" --resolved >"$tmp/resolved.toml" || fail "inspect --resolved"
grep -q '^\[scenario\]' "$tmp/resolved.toml" || fail "--resolved prints no [scenario] table"
grep -q 'scale = 0.01' "$tmp/resolved.toml" || fail "--resolved lacks the override population.scale"

echo "plain text" >"$tmp/bad.h5"
expect_error "not an HDF5 file" -- inspect "$tmp/bad.h5"
expect_error "no such file" -- inspect "$tmp/none.h5"
head -c 3000 "$tmp/r.h5" >"$tmp/truncated.h5"
expect_error "truncated.h5" -- inspect "$tmp/truncated.h5"
# A pipe is refused, not read (inspect waited for a writer forever).
mkfifo "$tmp/pipe.h5"
expect_error "$tmp/pipe.h5: not a regular file" -- inspect "$tmp/pipe.h5"
expect_error "/dev/null: not a regular file" -- compare /dev/null "$tmp/r.h5"

# A readable HDF5 file that is not a finsim result, or of another schema_version, is refused too.
/usr/bin/python3 - "$tmp" <<'PY'
import shutil, sys
import h5py
import numpy as np
tmp = sys.argv[1]
with h5py.File(f"{tmp}/other.h5", "w") as f:
    f.create_dataset("x", data=[1, 2, 3])
shutil.copy(f"{tmp}/r.h5", f"{tmp}/future.h5")
with h5py.File(f"{tmp}/future.h5", "r+") as f:
    f.attrs.create("schema_version", np.bytes_("999"))  # fixed-length, as finsim writes it
# Schema 1 stored strings variable-length (h5py's default for str): refused from the type alone.
shutil.copy(f"{tmp}/r.h5", f"{tmp}/old.h5")
with h5py.File(f"{tmp}/old.h5", "r+") as f:
    f.attrs["schema_version"] = "1"
PY
expect_error "other.h5: not a finsim result file" -- inspect "$tmp/other.h5"
expect_error "other.h5: not a finsim result file" -- inspect "$tmp/other.h5" --resolved
expect_error "future.h5: schema_version 999 is not supported" -- inspect "$tmp/future.h5"
expect_error "old.h5: an older schema_version (variable-length strings) is not supported (this finsim reads 2)" -- inspect "$tmp/old.h5"
expect_error "old.h5: an older schema_version" -- export "$tmp/old.h5" --csv "$tmp/old-csv"

# An export is all or nothing: a name in the folder that is not a regular file is refused before any
# table is written, and the folder stays as it was (it held 39 tables and no reason before).
mkdir -p "$tmp/pre/participants.csv"
expect_error "$tmp/pre/participants.csv: exists and is not a regular file" -- export "$tmp/r.h5" --csv "$tmp/pre"
[[ $(ls -A "$tmp/pre") == participants.csv ]] || fail "a refused export left files: $(ls -A "$tmp/pre")"
expect_error "$tmp/new-folder/aaa" "cannot create the directory: File name too long" -- \
  export "$tmp/r.h5" --csv "$tmp/new-folder/$(printf 'a%.0s' {1..300})"
"$finsim" export "$tmp/r.h5" --csv "$tmp/pre/ok" >/dev/null || fail "export into a new folder failed"
[[ -z $(compgen -G "$tmp/pre/ok/*partial*") && -f $tmp/pre/ok/attributes.csv ]] || fail "export left: $(ls "$tmp/pre/ok")"

# Found by fuzzing: damaged variable-length strings crashed (SIGSEGV, exit 139) or hung libhdf5; since
# schema_version 2 such a file is refused before any string is read.
expect_error "regression_vlen_segv.h5: an older schema_version" -- inspect "$src/tests/fuzz/corpus/fuzz_results/regression_vlen_segv.h5"
expect_error "regression_vlen_global_heap_loop.h5: an older schema_version" -- export "$src/tests/fuzz/corpus/fuzz_results/regression_vlen_global_heap_loop.h5" --csv "$tmp/y"

# Found by fuzzing (2026-11-26): damaged files on which libhdf5 1.10.8 itself crashes (a NULL read in
# its metadata cache, a free of a garbage pointer; tests/fuzz/known_libhdf5/README.md). Such a crash
# while a file is open for reading ends finsim with one line naming the file and exit 2 (was 139).
known=$src/tests/fuzz/known_libhdf5
for f in segv-H5B2_hdr_protect.h5 segv-H5B2_hdr_protect-2.h5 bad-free-H5G_link_release_table.h5; do
  expect_error "$f: " -- inspect "$known/$f"
  expect_error "$f: " -- export "$known/$f" --csv "$tmp/k"
done

# Found by fuzzing: a file whose root group cannot be opened is bad input too (was exit 1).
expect_error "damaged_root_group.h5: cannot open the root group" -- inspect "$src/tests/data/results/damaged_root_group.h5"
expect_error "damaged_root_group.h5: cannot open the root group" -- export "$src/tests/data/results/damaged_root_group.h5" --csv "$tmp/x"

[[ $failures -eq 0 ]] || { echo "$failures failure(s)" >&2; exit 1; }
echo "all inspect checks passed"
