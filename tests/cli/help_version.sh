#!/usr/bin/env bash
# CLI: --help and --version answer on stdout with exit 0, for finsim and for each command.
set -euo pipefail
finsim=$1

check() {  # check TEXT-EXPECTED ARGS...
  local want=$1
  shift
  local out
  out=$("$finsim" "$@") || { echo "FAIL: finsim $* exited $?" >&2; exit 1; }
  grep -qF -- "$want" <<<"$out" || { echo "FAIL: finsim $* does not print: $want" >&2; echo "$out" >&2; exit 1; }
}
check "Usage: finsim COMMAND" --help
check "validate" --help
check "params" --help
check "finsim 0." --version
check "(commit " --version
check "Usage: finsim validate SCENARIO" validate --help
check "--set" validate --help
check "Usage: finsim params" params --help
check "--events" run --help
check "Usage: finsim quote" quote --help
check "Usage: finsim brief BASE.h5 SCENARIO.h5" brief --help
check "brief" --help
check "Usage: finsim status FILE" status --help
check "Usage: finsim merge SHARD... -o OUT.h5" merge --help
check "Usage: finsim missing SHARD... [--of N]" missing --help
check "--shard" sweep --help
check "merge" --help
check "| \`scenario.seed\` | an integer |" params --format markdown
check "scenario.seed	an integer" params --format tsv
echo "PASS"
