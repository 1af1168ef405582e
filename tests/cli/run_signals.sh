#!/usr/bin/env bash
# CLI: SIGINT and SIGTERM stop a run between months; the partial file is removed, no file carries
# the final name, the message says what happened, and the exit code is 130 / 143.
set -uo pipefail
finsim=$1
src=$2
baseline=$src/scenarios/baseline.toml
# Big enough to take a few seconds on two cores.
long=(--set population.scale=1 --set scenario.end=2020-12 -r 8 -q)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

interrupt() {
  local sig=$1 code=$2 out=$tmp/$1.h5
  "$finsim" run "$baseline" -o "$out" "${long[@]}" >"$tmp/stdout" 2>"$tmp/stderr" &
  local pid=$!
  for _ in $(seq 100); do [[ -e $out.partial.$pid ]] && break; sleep 0.05; done
  [[ -e $out.partial.$pid ]] || fail "$sig: no $out.partial.$pid while running"
  sleep 0.5
  if ! kill -"$sig" "$pid" 2>/dev/null; then
    wait "$pid"
    echo "skip: $sig: the run finished before the signal"
    return
  fi
  wait "$pid"
  local rc=$?
  [[ $rc -eq $code ]] || fail "$sig: exit $rc, expected $code ($(cat "$tmp/stderr"))"
  grep -qF "interrupted (SIG$sig); no result file written" "$tmp/stderr" || fail "$sig: message: $(cat "$tmp/stderr")"
  [[ ! -e $out ]] || fail "$sig: $out exists"
  [[ -z $(compgen -G "$out.partial*") ]] || fail "$sig: temporary left behind"
  echo "ok: $sig -> exit $rc: $(cat "$tmp/stderr")"
}

interrupt INT 130
interrupt TERM 143

[[ $failures -eq 0 ]] || { echo "$failures failure(s)" >&2; exit 1; }
echo "all signal checks passed"
