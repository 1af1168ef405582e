#!/usr/bin/env bash
# CLI: finsim compare pairs replications of two runs with the same seed. A run against itself (or
# a rerun) differs by exactly zero; a funding change from 2020 leaves 2019 unchanged and raises the
# 2020 state budget by the extra money; unpairable files exit 2 naming the mismatch.
set -uo pipefail
finsim=$1
src=$2
baseline=$src/scenarios/baseline.toml
small=(--set population.scale=0.1 --set scenario.end=2020-12 -r 3 -q)
# +169.5 MSEK state money from 2020, members allowed to match it.
plus=(--set scenario.name=plus50 --set funding.state.allocation_msek.2020=508.5
      --set funding.members.region_max_growth.2020=0.6 --set funding.members.kommun_max_growth.2020=0.6)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

"$finsim" run "$baseline" -o "$tmp/base.h5" "${small[@]}" >/dev/null || { echo "FAIL: base run" >&2; exit 1; }
"$finsim" run "$baseline" -o "$tmp/again.h5" "${small[@]}" >/dev/null || fail "second base run"
"$finsim" run "$baseline" -o "$tmp/plus.h5" "${small[@]}" "${plus[@]}" >/dev/null || fail "scenario run"
"$finsim" run "$baseline" -o "$tmp/seed.h5" "${small[@]}" --seed 7 >/dev/null || fail "seed run"
"$finsim" run "$baseline" -o "$tmp/short.h5" --set population.scale=0.1 --set scenario.end=2019-12 -r 3 -q >/dev/null ||
  fail "short run"
"$finsim" run "$baseline" -o "$tmp/fewer.h5" --set population.scale=0.1 --set scenario.end=2020-12 -r 2 -q >/dev/null ||
  fail "fewer replications run"

# zero_csv FILE: every paired difference and interval bound is exactly 0.
zero_csv() {
  /usr/bin/python3 - "$1" <<'PY'
import csv, sys
rows = [r for r in csv.DictReader(open(sys.argv[1], encoding="utf-8")) if not r["metric"].startswith("payback")]
assert rows, "no rows"
bad = [r for r in rows if r["difference_mean"] != "0" or r["ci_low"] != "0" or r["ci_high"] != "0"
       or r["base_mean"] != r["scenario_mean"]]
assert not bad, bad[:3]
print(f"ok: {len(rows)} rows, all exactly zero")
PY
}

for pair in "base.h5 base.h5" "base.h5 again.h5"; do
  set -- $pair
  "$finsim" compare "$tmp/$1" "$tmp/$2" --by-forbund --format csv >"$tmp/zero.csv" || fail "compare $pair"
  zero_csv "$tmp/zero.csv" || fail "compare $pair is not exactly zero"
done
"$finsim" compare "$tmp/base.h5" "$tmp/base.h5" >"$tmp/self.txt" || fail "compare table"
grep -q "do not differ: every paired difference is exactly zero" "$tmp/self.txt" || fail "self-compare quote: $(tail -1 "$tmp/self.txt")"

# A funding change from 2020.
"$finsim" compare "$tmp/base.h5" "$tmp/plus.h5" --format csv >"$tmp/plus.csv" || fail "compare base plus"
/usr/bin/python3 - "$tmp/plus.csv" <<'PY' || fail "base vs plus50 differences"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
def row(metric, payer, period):
    [r] = [r for r in rows if r["metric"] == metric and r["payer"] == payer and r["period"] == period and r["area"] == ""]
    return r
for r in rows:
    if r["period"] == "2019":
        assert r["difference_mean"] == "0", ("2019 differs", r)
# Members may leave a few kronor of the offer unmatched: within 0.01 % of the extra 169.5 MSEK.
state = row("finsam_budget", "state", "2020")
assert abs(float(state["difference_mean"]) - 169_500_000) < 20_000, state
assert float(state["ci_low"]) <= float(state["difference_mean"]) <= float(state["ci_high"]), state
assert float(row("unique_participants", "", "2020")["difference_mean"]) > 0
assert float(row("unique_participants", "", "policy_per_year")["difference_mean"]) > 0
assert row("unique_participants", "", "2020")["n"] == "3"
print("ok: 2019 unchanged, 2020 state budget +169.5 MSEK, more participants")
PY
"$finsim" compare "$tmp/base.h5" "$tmp/plus.h5" >"$tmp/plus.txt" || fail "compare table"
quote=$(grep "^Quote: " "$tmp/plus.txt")
for want in 'With scenario "plus50" instead of "baseline"' "95 % CI" "people a year in individual insatser" \
            "Finsim " "3 replications" "seed 20190101" "payback"; do
  grep -qF -- "$want" <<<"$quote" || fail "quote lacks '$want': $quote"
done
echo "ok: $quote"
sha=$(/usr/bin/python3 -c 'import h5py,sys; f=h5py.File(sys.argv[1]); g=f["scenarios/plus50"]; print(g.attrs["scenario_sha256"])' "$tmp/plus.h5")
grep -qF "$sha" "$tmp/plus.txt" || fail "table does not print the scenario digest $sha"
grep -qF "${sha:0:16}" <<<"$quote" || fail "quote does not carry the digest prefix"

"$finsim" compare "$tmp/base.h5" "$tmp/plus.h5" --lang sv >"$tmp/sv.txt" || fail "compare --lang sv"
grep -q "^Citat: Med scenariot" "$tmp/sv.txt" || fail "no Swedish quote"
grep -q "Personer i individinriktade insatser" "$tmp/sv.txt" || fail "no Swedish labels"
"$finsim" compare "$tmp/base.h5" "$tmp/plus.h5" --by-forbund >"$tmp/byf.txt" || fail "compare --by-forbund"
grep -q "^== Samordningsförbundet" "$tmp/byf.txt" || fail "--by-forbund prints no förbund"

# expect_error TEXT -- ARGS: exit 2 with one line containing TEXT.
expect_error() {
  local want=$1 err rc
  shift 2
  err=$("$finsim" "$@" 2>&1 >/dev/null)
  rc=$?
  [[ $rc -eq 2 ]] || { fail "finsim $*: exit $rc, expected 2 ($err)"; return; }
  [[ $(printf '%s\n' "$err" | wc -l) -eq 1 ]] || fail "finsim $*: expected one line: $err"
  grep -qF -- "$want" <<<"$err" || fail "finsim $*: message lacks '$want': $err"
  echo "ok: $err"
}
expect_error "different seeds (20190101 vs 7)" -- compare "$tmp/base.h5" "$tmp/seed.h5"
expect_error "different months" -- compare "$tmp/base.h5" "$tmp/short.h5"
expect_error "different replications" -- compare "$tmp/base.h5" "$tmp/fewer.h5"
echo "not hdf5" >"$tmp/text.h5"
expect_error "not an HDF5 file" -- compare "$tmp/base.h5" "$tmp/text.h5"
expect_error "no such file" -- compare "$tmp/base.h5" "$tmp/missing.h5"
expect_error "--lang" -- compare "$tmp/base.h5" "$tmp/base.h5" --lang de

[[ $failures -eq 0 ]] || { echo "$failures failure(s)" >&2; exit 1; }
echo "all compare checks passed"
