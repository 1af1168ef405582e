#!/usr/bin/env bash
# CLI: finsim run refuses an output path it cannot write or must not replace (a pipe, a device,
# one of its input files, an empty name) before simulating (exit 2, one line that names the path),
# leaves nothing behind, and by default writes <scenario name>.h5 in the
# current directory with no .partial.PID left over.
set -uo pipefail
finsim=$1
src=$2
baseline=$src/scenarios/baseline.toml
tiny=(--set population.scale=0.01 --set scenario.end=2019-12 -r 1 -q)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# expect_refusal OUTPUT TEXT: exit 2, one line on stderr with OUTPUT and TEXT, no summary printed.
expect_refusal() {
  local out=$1 text=$2 err rc
  err=$("$finsim" run "$baseline" -o "$out" "${tiny[@]}" 2>&1 >"$tmp/stdout")
  rc=$?
  [[ $rc -eq 2 ]] || { fail "-o $out: exit $rc, expected 2 ($err)"; return; }
  [[ $(printf '%s\n' "$err" | wc -l) -eq 1 ]] || fail "-o $out: expected one line, got: $err"
  grep -qF -- "$out" <<<"$err" || fail "-o $out: message does not name the path: $err"
  grep -qF -- "$text" <<<"$err" || fail "-o $out: message lacks '$text': $err"
  [[ ! -s $tmp/stdout ]] || fail "-o $out: the simulation ran (stdout: $(head -1 "$tmp/stdout"))"
  echo "ok: $err"
}

expect_refusal "$tmp/no/such/dir/out.h5" "does not exist"
[[ ! -e $tmp/no ]] || fail "a directory was created for a refused output"
touch "$tmp/regular"
expect_refusal "$tmp/regular/out.h5" "is not a directory"
expect_refusal "$tmp" "is a directory"
if [[ $(id -u) -ne 0 ]]; then  # root ignores permissions
  mkdir "$tmp/readonly" && chmod 555 "$tmp/readonly"
  expect_refusal "$tmp/readonly/out.h5" "Permission denied"
fi
# A pipe or a device would be replaced by the final rename (as root, -o /dev/null would replace
# the system's); the run's own inputs (its scenario file, a data file) would be overwritten.
mkfifo "$tmp/pipe.h5"
expect_refusal "$tmp/pipe.h5" "is not a regular file"
[[ -p $tmp/pipe.h5 ]] || fail "the pipe was replaced"
rm "$tmp/pipe.h5"
expect_refusal /dev/null "is not a regular file"
[[ -c /dev/null ]] || fail "/dev/null is no longer a device"
cp "$baseline" "$tmp/own.toml" && ln -s "$src/scenarios/data" "$tmp/data"
sum=$(sha256sum <"$tmp/own.toml")
err=$("$finsim" run "$tmp/own.toml" -o "$tmp/own.toml" "${tiny[@]}" 2>&1 >/dev/null)
[[ $? -eq 2 && $err == *"$tmp/own.toml: is one of the run's input files"* ]] || fail "-o its own scenario: $err"
[[ $(sha256sum <"$tmp/own.toml") == "$sum" ]] || fail "the scenario file was overwritten"
err=$("$finsim" run "$tmp/own.toml" -o "$tmp/data/kommuner.csv" "${tiny[@]}" 2>&1 >/dev/null)
[[ $? -eq 2 && $err == *"is one of the run's input files"* ]] || fail "-o a data file: $err"
rm "$tmp/data" "$tmp/own.toml"
err=$("$finsim" run "$baseline" -o "" "${tiny[@]}" 2>&1 >/dev/null)
[[ $? -eq 2 && $err == *"-o: expected a file name, got an empty one"* ]] || fail "-o '': $err"
leftovers=$(find "$tmp" -name '*.partial*' -o -name '*.h5' | wc -l)
[[ $leftovers -eq 0 ]] || fail "files left behind: $(find "$tmp" -name '*.partial*' -o -name '*.h5')"

# Default name in the current directory, and no partial file after success.
(cd "$tmp" && "$finsim" run "$baseline" "${tiny[@]}" >"$tmp/stdout" 2>"$tmp/stderr")
rc=$?
if [[ $rc -ne 0 ]]; then
  fail "run with the default output exited $rc: $(cat "$tmp/stderr")"
else
  [[ -f $tmp/baseline.h5 ]] || fail "default output baseline.h5 not written"
  [[ -z $(compgen -G "$tmp/baseline.h5.partial*") ]] || fail "baseline.h5.partial.* left after success"
  grep -q "wrote baseline.h5" "$tmp/stdout" || fail "stdout does not say which file was written"
  grep -q "^2019 " "$tmp/stdout" || fail "the yearly summary table is missing"
  # The table is one replication's: it says whose, and where the means and intervals are.
  grep -q "^replication 0 alone (of 1; finsim compare gives every replication's mean and interval)" "$tmp/stdout" ||
    fail "the summary does not say it is replication 0 alone: $(sed -n 2p "$tmp/stdout")"
  echo "ok: default output baseline.h5"
fi

[[ $failures -eq 0 ]] || { echo "$failures failure(s)" >&2; exit 1; }
echo "all run output checks passed"
