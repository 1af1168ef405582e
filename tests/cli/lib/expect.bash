# Shared by the CLI tests (tests/cli/*.sh source it; this folder is not globbed as tests).
# Needs $finsim and a `failures` counter in the caller.

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# expect_error "WANTED TEXT"... -- ARGS...: exit code 2, exactly one line on stderr, every text in it.
expect_error() {
  local wants=()
  while [[ $1 != -- ]]; do wants+=("$1"); shift; done
  shift
  local err rc lines
  err=$("$finsim" "$@" 2>&1 >/dev/null)
  rc=$?
  lines=$(printf '%s\n' "$err" | wc -l)
  [[ $rc -eq 2 ]] || { fail "finsim $* exited $rc, expected 2 ($err)"; return; }
  [[ $lines -eq 1 ]] || { fail "finsim $* printed $lines lines, expected 1: $err"; return; }
  local w
  for w in "${wants[@]}"; do
    grep -qF -- "$w" <<<"$err" || { fail "finsim $*: message lacks '$w': $err"; return; }
  done
  echo "ok: $err"
}
