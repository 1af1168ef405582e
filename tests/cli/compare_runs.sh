#!/usr/bin/env bash
# CLI: finsim compare pairs replications of two runs with the same seed. A run against itself (or
# a rerun) differs by exactly zero; a funding change from 2020 leaves 2019 unchanged and raises the
# 2020 state budget by the extra money; unpairable files exit 2 naming the mismatch. The table
# opens with the headline block; the money flows add up; cost per effect is money ÷ effect or
# undefined when the effect's interval reaches 0; national figures are sums over förbund and län;
# runs with different areas (full coverage) pair by label. With --by-forbund the payback is also
# given per förbund (table and CSV); finsim quote prints the same quote line as compare, then the
# digests of both runs. Swedish output holds none of the terms it replaces. No simulated number
# is pinned: only structure and relations that hold for any model.
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
rows = [r for r in csv.DictReader(open(sys.argv[1], encoding="utf-8"))
        if not r["metric"].startswith(("payback", "cost_per"))]
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
for want in 'With scenario "plus50" instead of the baseline "baseline"' "95 %: " "people a year in individual insatser" \
            "people in work or studies at the end of 2020" "net of the baseline" "(gross)" "simulation noise only" \
            "Finsim " "3 replications" "seed 20190101" "payback on money spent: " "on money paid: " "cost per net extra person"; do
  grep -qF -- "$want" <<<"$quote" || fail "quote lacks '$want': $quote"
done
echo "ok: $quote"
sha=$(/usr/bin/python3 -c 'import h5py,sys; f=h5py.File(sys.argv[1]); g=f["scenarios/plus50"]; print(g.attrs["scenario_sha256"].decode())' "$tmp/plus.h5")
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
start = next(i for i, l in enumerate(lines) if l.startswith("Payback per förbund, all payers"))
header = lines[start + 1]
for col in ("förbund", "on money spent", "on money paid in", "extra paid in", "net gain"):
    assert col in header, (col, header)
rows = lines[start + 2:start + 2 + len(areas)]
assert all(r.startswith("  " + a + " ") for r, a in zip(rows, areas)), (rows[:3], areas[:3])
assert lines[start + 2 + len(areas)] == "", "more lines than förbund in the section"
kinds = ("months (", "after 2020", "no extra money")
assert all(any(k in r for k in kinds) for r in rows), [r for r in rows if not any(k in r for k in kinds)][:3]
assert any("months (2020-" in r or "after 2020" in r for r in rows), rows[:5]
assert not any("not reached" in l or "horizon" in l for l in lines), "payback beyond the run must read 'after <year>'"
print(f"ok: payback section with {len(rows)} förbund, e.g. {rows[0].strip()}")
PY
"$finsim" compare "$tmp/base.h5" "$tmp/plus.h5" --by-forbund --lang sv >"$tmp/byf-sv.txt" || fail "compare --by-forbund --lang sv"
grep -q "^Återbetalningstid per samordningsförbund, alla parter" "$tmp/byf-sv.txt" || fail "no Swedish per-förbund payback section"
grep -q "för använda medel" "$tmp/byf-sv.txt" || fail "no Swedish per-förbund payback columns"
"$finsim" compare "$tmp/base.h5" "$tmp/plus.h5" --by-forbund --format csv >"$tmp/byf.csv" || fail "compare --by-forbund csv"
/usr/bin/python3 - "$tmp/byf.csv" <<'PY' || fail "--by-forbund csv payback rows"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
areas = {r["area"] for r in rows if not r["metric"].startswith("payback")} - {""}
assert areas, "no förbund rows"
for metric in ("payback_spent_median_months", "payback_spent_share", "payback_paid_median_months", "payback_paid_share"):
    national = [r for r in rows if r["metric"] == metric and r["area"] == ""]
    assert [r["payer"] for r in national] == ["all", "state", "region", "kommun"], national
    local = [r for r in rows if r["metric"] == metric and r["area"] != ""]
    assert {r["area"] for r in local} == areas and len(local) == 4 * len(areas), (len(local), len(areas))
    assert [r["payer"] for r in local[:4]] == ["all", "state", "region", "kommun"], local[:4]
    assert all(r["period"] == "horizon" and r["n"] in ("0", "1", "2", "3") for r in local), local[:2]
share = [float(r["difference_mean"]) for r in rows if r["metric"] == "payback_share" and r["area"]]
assert all(0 <= s <= 1 for s in share), share
print(f"ok: payback rows for {len(areas)} förbund")
PY
"$finsim" compare "$tmp/base.h5" "$tmp/plus.h5" --format csv | grep -q '^payback_paid_share,[^,]*,all,forbund' &&
  fail "payback rows per förbund without --by-forbund"

# finsim quote: the line compare prints after "Quote:", then the digests of both runs.
"$finsim" quote "$tmp/base.h5" "$tmp/plus.h5" >"$tmp/quote.txt" || fail "quote exit $?"
[[ $(wc -l <"$tmp/quote.txt") -eq 2 ]] || fail "quote prints $(wc -l <"$tmp/quote.txt") lines, expected 2"
[[ "Quote: $(head -1 "$tmp/quote.txt")" == "$quote" ]] || fail "quote differs from compare's: $(head -1 "$tmp/quote.txt")"
for want in "3 replications" "95 %: " " to "; do
  head -1 "$tmp/quote.txt" | grep -qF -- "$want" || fail "quote lacks '$want'"
done
base_sha=$(/usr/bin/python3 -c 'import h5py,sys; f=h5py.File(sys.argv[1]); print(f["scenarios/baseline"].attrs["scenario_sha256"].decode())' "$tmp/base.h5")
digests=$(sed -n 2p "$tmp/quote.txt")
for want in "Runs: baseline $tmp/base.h5 (baseline, sha256 ${base_sha:0:16}" "scenario $tmp/plus.h5 (plus50, sha256 ${sha:0:16}" \
            " commit "; do
  grep -qF -- "$want" <<<"$digests" || fail "digests line lacks '$want': $digests"
done
echo "ok: $digests"
"$finsim" quote "$tmp/base.h5" "$tmp/plus.h5" --lang sv >"$tmp/quote-sv.txt" || fail "quote --lang sv"
[[ "Citat: $(head -1 "$tmp/quote-sv.txt")" == "$(grep '^Citat: ' "$tmp/sv.txt")" ]] || fail "Swedish quote differs from compare's"
grep -q "^Körningar: jämförelsealternativ " "$tmp/quote-sv.txt" || fail "no Swedish digests line"
"$finsim" quote "$tmp/base.h5" "$tmp/again.h5" | grep -q "^The two runs do not differ" || fail "quote of a rerun"
"$finsim" quote --help | grep -qF "Usage: finsim quote BASE.h5 SCENARIO.h5" || fail "quote --help"

# The table opens with the headline block, in this order, before the details.
/usr/bin/python3 - "$tmp/plus.txt" <<'PY' || fail "headline block"
import sys
text = open(sys.argv[1], encoding="utf-8").read()
head, details = text.split("\nDETAILS\n", 1)
block = head[head.index("\nHEADLINE 2020 (net: scenario - baseline, same seeds"):]
want = ["Net extra people in work or studies, end of 2020", "Net extra person-years in work or studies",
        "Extra participants in individual insatser", "Gross exits from insatser to work or studies",
        "Extra Finsam money paid in, per year", "Payback on money spent, all payers",
        "Payback on money paid in, all payers", "Cost per net extra person in work or studies",
        "simulation noise (Monte Carlo) only"]
pos = [block.find(w) for w in want]
assert all(p >= 0 for p in pos) and pos == sorted(pos), list(zip(want, pos))
assert len(block.strip().split("\n")) <= 12, "headline longer than a screen's top"
assert "Public net gain = taxes from work" in details and "pension contributions are shown separately" in details
print("ok: headline block first")
PY

# Relations that hold for any model: money flows add up, cost per effect = money ÷ effect or
# undefined when the effect's interval reaches 0, national = Σ förbund = Σ län.
"$finsim" compare "$tmp/base.h5" "$tmp/plus.h5" --by-forbund --by-lan --format csv >"$tmp/all.csv" || fail "compare --by-lan csv"
/usr/bin/python3 - "$tmp/all.csv" <<'PY' || fail "relations in the CSV"
import csv, sys, math
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
def get(metric, payer="", period="2020", level="nation", area=""):
    [r] = [r for r in rows if r["metric"] == metric and r["payer"] == payer and r["period"] == period
           and r["level"] == level and r["area"] == area]
    return r
def d(*a, **k): return float(get(*a, **k)["difference_mean"])
for level, area in [("nation", "")] + sorted({(r["level"], r["area"]) for r in rows if r["level"] in ("forbund", "lan")}):
    lhs = d("finsam_budget", "all", level=level, area=area) + d("money_unused_offer", level=level, area=area)
    rhs = sum(d(m, level=level, area=area) for m in ("money_individual", "money_structural", "money_admin",
                                                    "money_equity_change", "money_unused_offer"))
    assert abs(lhs - rhs) <= 1e-6 * max(1, abs(lhs)), (level, area, lhs, rhs)
for metric in ("unique_participants", "work_studies_december", "finsam_budget", "public_net_gain"):
    payer = "all" if metric in ("finsam_budget", "public_net_gain") else ""
    national = d(metric, payer)
    for level in ("forbund", "lan"):
        total = sum(float(r["difference_mean"]) for r in rows if r["metric"] == metric and r["payer"] == payer
                    and r["period"] == "2020" and r["level"] == level)
        assert abs(total - national) <= 1e-6 * max(1, abs(national)), (metric, level, total, national)
assert any(r["synthetic"] == "1" for r in rows if r["level"] == "lan"), "no län marked as holding a synthetic förbund"
end = get("work_studies_december")
money = d("finsam_budget", "all", period="policy_per_year")  # policy window = 2020: one year
for r in (r for r in rows if r["metric"] == "cost_per_work_studies_end"):
    assert abs(float(r["base_mean"]) - money) <= 1e-6 * money, (r, money)
    if float(end["ci_low"]) <= 0:
        assert r["difference_mean"] == "" and r["note"].startswith("undefined"), r
    else:
        assert r["note"] == "ok" and math.isclose(float(r["difference_mean"]), money / float(end["difference_mean"]), rel_tol=1e-9), r
        assert float(r["ci_low"]) <= float(r["difference_mean"]) <= float(r["ci_high"]), r
print("ok: money flows add up; national = sum over förbund and over län; cost per effect consistent")
PY

# Swedish output: none of the English or wrong Swedish terms it replaces.
"$finsim" compare "$tmp/base.h5" "$tmp/plus.h5" --lang sv --by-lan >"$tmp/sv-lan.txt" || fail "compare --lang sv --by-lan"
cat "$tmp/quote-sv.txt" >>"$tmp/sv-lan.txt"
/usr/bin/python3 - "$tmp/sv-lan.txt" "$tmp/base.h5" "$tmp/plus.h5" <<'PY' || fail "Swedish terms"
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
# Paths, digests and the scenario's own name and description are quoted as given.
import h5py
for path in sys.argv[2:]:
    f = h5py.File(path, "r")
    for name, g in f["scenarios"].items():
        text = text.replace(g.attrs["description"].decode(), "").replace(name, "")
text = re.sub(r"/tmp/\S+|[0-9a-f]{16,}", "", text)
banned = [r"MSEK", r"anslag", r"(?<!slump)frö\b", r"replikering", r"\bKI\b", r"\båterbetalning\b", r"huvudm[aä]n",
          r"\bbas\b", r"Finsambudget", r"(?<![Ss]amordnings)förbund\b", r"horisont", r"\bpersons\b", r"\bpayback\b",
          r"\bbaseline\b", r"\bnet gain\b", r"\bmonths\b", r"\bper year\b", r"\breplications?\b", r"\bseed\b",
          r"\binterval\b", r"\bnot reached\b", r"\bstate allocation\b", r"\btotal\b", r"\bafter\b"]
found = [(b, m.group(0), text[max(0, m.start() - 30):m.end() + 30]) for b in banned for m in [re.search(b, text)] if m]
assert not found, found
for want in ("statlig medelstilldelning", "mnkr", "återbetalningstid", "samordningsförbund", "insatser", "målgruppen",
             "upprepningar", "slumpfrö", "slumpvariation i simuleringen", "jämförelsealternativ", "efter 2020"):
    assert want in text, want
print("ok: Swedish output uses the Swedish terms")
PY

# Runs with different areas pair by label: full coverage removes non-member areas and adds förbund.
fullcov=$src/scenarios/full-coverage.toml
"$finsim" run "$fullcov" -o "$tmp/full.h5" "${small[@]}" >/dev/null || fail "full-coverage run"
"$finsim" compare "$tmp/base.h5" "$tmp/full.h5" --by-forbund --format csv >"$tmp/full.csv" || fail "compare baseline full-coverage"
/usr/bin/python3 - "$tmp/full.csv" <<'PY' || fail "full-coverage pairs by label"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
for period in ("2019", "2020", "total"):
    [national] = [r for r in rows if r["metric"] == "unique_participants" and r["level"] == "nation" and r["period"] == period]
    total = sum(float(r["difference_mean"]) for r in rows if r["metric"] == "unique_participants"
                and r["level"] == "forbund" and r["period"] == period)
    assert abs(total - float(national["difference_mean"])) <= 1e-6 * max(1, abs(total)), (period, total, national)
print("ok: baseline vs full-coverage, extra participants sum over förbund to the national figure")
PY
"$finsim" compare "$tmp/base.h5" "$tmp/full.h5" >"$tmp/full.txt" || fail "compare baseline full-coverage table"
grep -q "only in the baseline: " "$tmp/full.txt" || fail "compare does not list areas in one run only"

expect_error "different seeds (20190101 vs 7)" -- compare "$tmp/base.h5" "$tmp/seed.h5"
expect_error "different months" -- compare "$tmp/base.h5" "$tmp/short.h5"
expect_error "different replications" -- compare "$tmp/base.h5" "$tmp/fewer.h5"
echo "not hdf5" >"$tmp/text.h5"
expect_error "not an HDF5 file" -- compare "$tmp/base.h5" "$tmp/text.h5"
expect_error "no such file" -- compare "$tmp/base.h5" "$tmp/missing.h5"
# A damaged count (NaN, or a negative number of people) is refused, not printed as a result.
cp "$tmp/base.h5" "$tmp/nan.h5" && cp "$tmp/base.h5" "$tmp/negative.h5"
/usr/bin/python3 -c 'import h5py,sys
for path, name, value in ((sys.argv[1], "stock", float("nan")), (sys.argv[2], "exit_work", -1.0)):
    with h5py.File(path, "r+") as f: f["scenarios/baseline/" + name][1, 2, 0] = value' "$tmp/nan.h5" "$tmp/negative.h5" ||
  fail "damaging copies"
expect_error "nan.h5: /scenarios/baseline/stock: nan at [1, 2, 0, 0], expected a finite count of people >= 0" -- \
  compare "$tmp/base.h5" "$tmp/nan.h5"
expect_error "negative.h5: /scenarios/baseline/exit_work: -1 at [1, 2, 0]" -- quote "$tmp/negative.h5" "$tmp/base.h5"
expect_error "--lang" -- compare "$tmp/base.h5" "$tmp/base.h5" --lang de
expect_error "$tmp/missing.h5" -- quote "$tmp/base.h5" "$tmp/missing.h5"
expect_error "$tmp/text.h5" -- quote "$tmp/text.h5" "$tmp/base.h5"
expect_error "see finsim quote --help" -- quote "$tmp/base.h5"
expect_error "see finsim quote --help" -- quote "$tmp/base.h5" "$tmp/plus.h5" "$tmp/again.h5"
expect_error "different seeds (20190101 vs 7)" -- quote "$tmp/base.h5" "$tmp/seed.h5"
expect_error "--lang" -- quote "$tmp/base.h5" "$tmp/plus.h5" --lang de

[[ $failures -eq 0 ]] || { echo "$failures failure(s)" >&2; exit 1; }
echo "all compare checks passed"
