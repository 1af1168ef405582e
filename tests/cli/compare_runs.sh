#!/usr/bin/env bash
# CLI: finsim compare pairs replications of two runs with the same seed. A run against itself (or
# a rerun) differs by exactly zero; a funding change from 2020 leaves 2019 unchanged and raises the
# 2020 state budget by the extra money; unpairable files exit 2 naming the mismatch. With
# --by-forbund the payback is also given per förbund (table and CSV); finsim quote prints the same
# quote line as compare, then the digests of both runs.
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
source "$src/tests/cli/lib/expect.bash"

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

# Per-förbund payback: a section with one line per förbund printed in the "== förbund ==" blocks.
/usr/bin/python3 - "$tmp/byf.txt" <<'PY' || fail "--by-forbund payback section"
import sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
areas = [l[3:-3] for l in lines if l.startswith("== ") and l.endswith(" ==")]
assert areas, "no förbund blocks"
start = next(i for i, l in enumerate(lines) if l.startswith("Payback month per förbund, all payers"))
header = lines[start + 1]
for col in ("förbund", "n", "paid back", "median payback", "extra contributions", "net gain"):
    assert col in header, (col, header)
rows = lines[start + 2:start + 2 + len(areas)]
assert all(r.startswith("  " + a + " ") for r, a in zip(rows, areas)), (rows[:3], areas[:3])
assert lines[start + 2 + len(areas)] == "", "more lines than förbund in the section"
kinds = ("months (", "not within the horizon", "no extra contributions")
assert all(any(k in r for k in kinds) for r in rows), [r for r in rows if not any(k in r for k in kinds)][:3]
assert any("months (2020-" in r or "not within the horizon" in r for r in rows), rows[:5]
print(f"ok: payback section with {len(rows)} förbund, e.g. {rows[0].strip()}")
PY
"$finsim" compare "$tmp/base.h5" "$tmp/plus.h5" --by-forbund --lang sv >"$tmp/byf-sv.txt" || fail "compare --by-forbund --lang sv"
grep -q "^Återbetalningsmånad per förbund, alla huvudmän" "$tmp/byf-sv.txt" || fail "no Swedish per-förbund payback section"
grep -q "median återbetalning" "$tmp/byf-sv.txt" || fail "no Swedish per-förbund payback columns"
"$finsim" compare "$tmp/base.h5" "$tmp/plus.h5" --by-forbund --format csv >"$tmp/byf.csv" || fail "compare --by-forbund csv"
/usr/bin/python3 - "$tmp/byf.csv" <<'PY' || fail "--by-forbund csv payback rows"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
areas = {r["area"] for r in rows if not r["metric"].startswith("payback")} - {""}
assert areas, "no förbund rows"
for metric in ("payback_median_months", "payback_share"):
    national = [r for r in rows if r["metric"] == metric and r["area"] == ""]
    assert [r["payer"] for r in national] == ["all", "state", "region", "kommun"], national
    local = [r for r in rows if r["metric"] == metric and r["area"] != ""]
    assert {r["area"] for r in local} == areas and len(local) == len(areas), (len(local), len(areas))
    assert all(r["payer"] == "all" and r["period"] == "horizon" and r["n"] in ("0", "1", "2", "3") for r in local), local[:2]
share = [float(r["difference_mean"]) for r in rows if r["metric"] == "payback_share" and r["area"]]
assert all(0 <= s <= 1 for s in share), share
print(f"ok: payback rows for {len(areas)} förbund")
PY
"$finsim" compare "$tmp/base.h5" "$tmp/plus.h5" --format csv | grep -q '^payback_share,[^,]*,all,[^,]' &&
  fail "payback rows per förbund without --by-forbund"

# finsim quote: the line compare prints after "Quote:", then the digests of both runs.
"$finsim" quote "$tmp/base.h5" "$tmp/plus.h5" >"$tmp/quote.txt" || fail "quote exit $?"
[[ $(wc -l <"$tmp/quote.txt") -eq 2 ]] || fail "quote prints $(wc -l <"$tmp/quote.txt") lines, expected 2"
[[ "Quote: $(head -1 "$tmp/quote.txt")" == "$quote" ]] || fail "quote differs from compare's: $(head -1 "$tmp/quote.txt")"
for want in "3 replications" "95 % CI" " to "; do
  head -1 "$tmp/quote.txt" | grep -qF -- "$want" || fail "quote lacks '$want'"
done
base_sha=$(/usr/bin/python3 -c 'import h5py,sys; f=h5py.File(sys.argv[1]); print(f["scenarios/baseline"].attrs["scenario_sha256"])' "$tmp/base.h5")
digests=$(sed -n 2p "$tmp/quote.txt")
for want in "Runs: base $tmp/base.h5 (baseline, sha256 ${base_sha:0:16}" "scenario $tmp/plus.h5 (plus50, sha256 ${sha:0:16}" \
            " commit "; do
  grep -qF -- "$want" <<<"$digests" || fail "digests line lacks '$want': $digests"
done
echo "ok: $digests"
"$finsim" quote "$tmp/base.h5" "$tmp/plus.h5" --lang sv >"$tmp/quote-sv.txt" || fail "quote --lang sv"
[[ "Citat: $(head -1 "$tmp/quote-sv.txt")" == "$(grep '^Citat: ' "$tmp/sv.txt")" ]] || fail "Swedish quote differs from compare's"
grep -q "^Körningar: bas " "$tmp/quote-sv.txt" || fail "no Swedish digests line"
"$finsim" quote "$tmp/base.h5" "$tmp/again.h5" | grep -q "^The two runs do not differ" || fail "quote of a rerun"
"$finsim" quote --help | grep -qF "Usage: finsim quote BASE.h5 SCENARIO.h5" || fail "quote --help"

expect_error "different seeds (20190101 vs 7)" -- compare "$tmp/base.h5" "$tmp/seed.h5"
expect_error "different months" -- compare "$tmp/base.h5" "$tmp/short.h5"
expect_error "different replications" -- compare "$tmp/base.h5" "$tmp/fewer.h5"
echo "not hdf5" >"$tmp/text.h5"
expect_error "not an HDF5 file" -- compare "$tmp/base.h5" "$tmp/text.h5"
expect_error "no such file" -- compare "$tmp/base.h5" "$tmp/missing.h5"
expect_error "--lang" -- compare "$tmp/base.h5" "$tmp/base.h5" --lang de
expect_error "$tmp/missing.h5" -- quote "$tmp/base.h5" "$tmp/missing.h5"
expect_error "$tmp/text.h5" -- quote "$tmp/text.h5" "$tmp/base.h5"
expect_error "see finsim quote --help" -- quote "$tmp/base.h5"
expect_error "see finsim quote --help" -- quote "$tmp/base.h5" "$tmp/plus.h5" "$tmp/again.h5"
expect_error "different seeds (20190101 vs 7)" -- quote "$tmp/base.h5" "$tmp/seed.h5"
expect_error "--lang" -- quote "$tmp/base.h5" "$tmp/plus.h5" --lang de

[[ $failures -eq 0 ]] || { echo "$failures failure(s)" >&2; exit 1; }
echo "all compare checks passed"
