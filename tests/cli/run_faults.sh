#!/usr/bin/env bash
# CLI fault injection: the disk fills up during the HDF5 write and during the event log (a small
# tmpfs), an input file cannot be read, the output directory is removed while the run simulates.
# Each fails with exit != 0 and one line naming the file, and leaves neither a file under the final
# name nor a stray NAME.partial.PID. Needs root for mount (skipped with exit 77 otherwise).
set -uo pipefail
finsim=$1
src=$2
baseline=$src/scenarios/baseline.toml
failures=0
source "$src/tests/cli/lib/expect.bash"
small=(--set population.scale=0.1 --set scenario.end=2019-12 -r 1 -q)

tmp=$(mktemp -d)
mnt=$tmp/mnt
mkdir "$mnt"
cleanup() {
  mountpoint -q "$mnt" && umount "$mnt"
  rm -rf "$tmp"
}
trap cleanup EXIT

# expect_failure "TEXT" DIR NAME -- ARGS: exit 1 or 2, one line with TEXT, nothing named NAME* in DIR.
expect_failure() {
  local want=$1 dir=$2 name=$3
  shift 4
  local err rc
  err=$("$finsim" "$@" 2>&1 >/dev/null)
  rc=$?
  [[ $rc -eq 1 || $rc -eq 2 ]] || { fail "finsim $*: exit $rc, expected 1 or 2 ($err)"; return; }
  [[ $(printf '%s\n' "$err" | wc -l) -eq 1 ]] || { fail "finsim $*: more than one line: $err"; return; }
  grep -qF -- "$want" <<<"$err" || { fail "finsim $*: message lacks '$want': $err"; return; }
  local left
  left=$(find "$dir" -maxdepth 1 -name "$name*" 2>/dev/null)
  [[ -z $left ]] || { fail "finsim $*: left behind: $left"; return; }
  echo "ok: exit $rc: $err"
}

if ! mount -t tmpfs -o size=64k tmpfs "$mnt" 2>/dev/null; then
  echo "skip: cannot mount a tmpfs here (needs root and CAP_SYS_ADMIN); fault injection not run"
  exit 77
fi

# 1. Disk full during the HDF5 write: the result (~270 KiB) does not fit in 64 KiB. The partial
#    file is claimed before the simulation (it is empty then), so the write itself fails.
expect_failure "disk full while writing" "$mnt" out.h5 -- run "$baseline" -o "$mnt/out.h5" "${small[@]}"
umount "$mnt"

# 2. Disk full during the event log: 512 KiB holds the result without events (~295 KiB, checked
#    first) together with its resume journal (the unit, deflated, until the file is complete), but
#    not the result with events (~393 KiB) and its journal, so it is the event log's bytes that fill the disk.
mount -t tmpfs -o size=512k tmpfs "$mnt"
"$finsim" run "$baseline" -o "$mnt/plain.h5" "${small[@]}" >"$tmp/plain.out" 2>&1 || fail "the run without events should fit in 512 KiB"
grep -q "journal was given up" "$tmp/plain.out" && fail "the journal did not fit beside the result: $(cat "$tmp/plain.out")"
rm -f "$mnt/plain.h5"
expect_failure "disk full while writing" "$mnt" events.h5 -- run "$baseline" -o "$mnt/events.h5" "${small[@]}" --events
umount "$mnt"

# 3. Unreadable input: the scenario file and a data file, read by an unprivileged user (root reads
#    anything). The output directory stays empty.
mkdir -p "$tmp/in/data" "$tmp/outdir"
cp "$baseline" "$tmp/in/baseline.toml"
cp "$src/scenarios/data/"*.csv "$tmp/in/data/"
chmod 777 "$tmp/outdir"
chmod 755 "$tmp" "$tmp/in" "$tmp/in/data"
as_nobody=()
if [[ $(id -u) -eq 0 ]]; then as_nobody=(setpriv --reuid=65534 --regid=65534 --clear-groups); fi
run_as() { "${as_nobody[@]}" "$finsim" "$@"; }
unreadable() {  # unreadable FILE TEXT
  chmod 000 "$1"
  local err rc
  err=$(run_as run "$tmp/in/baseline.toml" -o "$tmp/outdir/r.h5" "${small[@]}" 2>&1 >/dev/null)
  rc=$?
  chmod 644 "$1"
  [[ $rc -eq 2 ]] || { fail "unreadable $1: exit $rc, expected 2 ($err)"; return; }
  [[ $(printf '%s\n' "$err" | wc -l) -eq 1 ]] || { fail "unreadable $1: more than one line: $err"; return; }
  grep -qF -- "$2" <<<"$err" || { fail "unreadable $1: message lacks '$2': $err"; return; }
  [[ -z $(ls -A "$tmp/outdir") ]] || { fail "unreadable $1: left $(ls -A "$tmp/outdir")"; return; }
  echo "ok: $err"
}
unreadable "$tmp/in/baseline.toml" "baseline.toml: cannot read the scenario file: Permission denied"
unreadable "$tmp/in/data/kommuner.csv" "kommuner.csv: cannot open CSV file"

# 4. The output directory is removed while the run simulates: the write fails, nothing is left.
mkdir "$tmp/gone"
long=(--set population.scale=1 --set scenario.end=2020-12 -r 4 -q)
"$finsim" run "$baseline" -o "$tmp/gone/r.h5" "${long[@]}" >/dev/null 2>"$tmp/gone.err" &
pid=$!
for _ in $(seq 100); do compgen -G "$tmp/gone/r.h5.partial.*" >/dev/null && break; sleep 0.05; done
rm -rf "$tmp/gone"
wait "$pid"
rc=$?
err=$(cat "$tmp/gone.err")
if [[ $rc -eq 0 ]]; then
  fail "run into a removed directory succeeded"
elif [[ $(printf '%s\n' "$err" | wc -l) -ne 1 ]] || ! grep -qF "r.h5" <<<"$err"; then
  fail "removed directory: expected one line naming r.h5, got: $err"
elif [[ -e $tmp/gone ]]; then
  fail "removed directory: something recreated it: $(ls -A "$tmp/gone")"
else
  echo "ok: exit $rc: $err"
fi

[[ $failures -eq 0 ]] || { echo "$failures failure(s)" >&2; exit 1; }
echo "all fault injection checks passed"
