#!/usr/bin/env bash
# CLI: docs/model.md and scenarios/dalarna-cut.toml stay true to the program.
# 1. docs/model.md §8 links docs/parameters.md (the one generated parameter page) and holds no
#    copy of the table, and every registry key model.md names exists.
# 2. scenarios/dalarna-cut.toml gives every förbund of Dalarna (län 20: the documented ones,
#    Västerdalarna included, and the synthetic one) 83 % of its budget in the baseline run, in every
#    year from 2025, and changes nothing else (the money withheld is not passed to other förbund).
set -euo pipefail
finsim=$1
src=$2
cd "$src"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# --- 1. parameter table: one generated page (docs/parameters.md), which model.md §8 links ---------
# (Its content is checked against `finsim params` by parameters_doc_sync.sh.) A second, pasted copy
# in model.md would drift; every key model.md names must exist in the registry.
section8=$(sed -n '/^## 8\. Parameters$/,/^## 9\. /p' docs/model.md)
[[ -n $section8 ]] || { echo "FAIL: docs/model.md has no section '## 8. Parameters'" >&2; exit 1; }
grep -qF 'docs/parameters.md' <<<"$section8" || { echo "FAIL: docs/model.md §8 does not link docs/parameters.md" >&2; exit 1; }
if grep -q 'BEGIN PARAMS\|^| key | type | default |' docs/model.md; then
  echo "FAIL: docs/model.md holds a copy of the parameter table; it lives in docs/parameters.md only" >&2
  exit 1
fi
"$finsim" params --format markdown | grep -o '^| `[^`]*`' | sed 's/^| `//; s/`$//' >"$tmp/keys"
# Keys written in backticks in model.md that look like registry keys (section.name…) must be known.
grep -oE '`(scenario|organisation|funding|population|referral|capacity|insats|pathway|costs)\.[][a-z0-9_.*]+`' docs/model.md |
  tr -d '`' | grep -vE '\.(cpp|h|csv|toml|md|py|sh)$' | sort -u >"$tmp/named"
unknown=()
while read -r key; do
  grep -qxF -- "$key" "$tmp/keys" && continue
  # a catalogue key written with its insats name matches the pattern row, a table key its [] row
  generic=$(sed -E 's/^insats\.[a-z_]+\./insats.*./; s/^(funding\.[a-z_]+|organisation\.[a-z]+|pathway\.edge)\.([a-z_]+)$/\1[].\2/' <<<"$key")
  grep -qxF -- "$generic" "$tmp/keys" || grep -q -- "^${key//./\\.}\." "$tmp/keys" || unknown+=("$key")
done <"$tmp/named"
if ((${#unknown[@]})); then
  echo "FAIL: docs/model.md names keys the registry does not have: ${unknown[*]}" >&2
  exit 1
fi
echo "ok: docs/model.md §8 links docs/parameters.md, no pasted copy; $(wc -l <"$tmp/named") keys named in model.md are in the registry"

# --- 2. dalarna-cut: 83 % of the run's own baseline in every Dalarna förbund ----------------------
"$finsim" validate scenarios/dalarna-cut.toml >/dev/null
"$finsim" funding scenarios/baseline.toml --format csv >"$tmp/base.csv"
"$finsim" funding scenarios/dalarna-cut.toml --format csv >"$tmp/cut.csv"
/usr/bin/python3 - "$tmp/base.csv" "$tmp/cut.csv" scenarios/dalarna-cut.toml scenarios/data/kommuner.csv <<'EOF'
import csv, sys, tomllib

base_csv, cut_csv, toml_path, kommuner_csv = sys.argv[1:]
with open(toml_path, "rb") as f:
    factors = tomllib.load(f)["funding"]["offer_factor"]
fail = []
if [(o["region"], o["from"], o["factor"]) for o in factors] != [("20", 2025, 0.83)]:
    fail.append(f"offer_factor is {factors}, expected one for region 20 from 2025, factor 0.83")
base = {(r["year"], r["forbund"]): r for r in csv.DictReader(open(base_csv, encoding="utf-8"))}
cut = {(r["year"], r["forbund"]): r for r in csv.DictReader(open(cut_csv, encoding="utf-8"))}
# Every förbund of Dalarna: the documented ones (Västerdalarna included) and the synthetic one.
documented = {r["forbund"] for r in csv.DictReader(open(kommuner_csv, encoding="utf-8"))
              if r["region_code"] == "20" and r["forbund"]}
dalarna = {k[1] for k, r in base.items() if r["region_code"] == "20"}
expected = documented | {"Okänt förbund, Dalarnas län (synthetic)"}
if dalarna != expected:
    fail.append(f"Dalarna's förbund in the run are {sorted(dalarna)}, expected {sorted(expected)}")
if "Samordningsförbundet Finsam Västerdalarna" not in dalarna:
    fail.append("Västerdalarna is not among the Dalarna förbund")
totals = {}
for key, b in base.items():
    c = cut[key]
    year = int(key[0])
    if key[1] not in dalarna or year < 2025:
        if b != c:  # the cut is not passed on: everyone else, and every year before 2025, is the baseline
            fail.append(f"{key}: differs from the baseline")
        continue
    # The state offers 83 % of FK's model offer, which is the baseline's offer (same history).
    if int(c["state_offer_sek"]) + int(c["offer_cut_sek"]) != int(b["state_offer_sek"]):
        fail.append(f"{key}: offer {c['state_offer_sek']} + cut {c['offer_cut_sek']} != baseline offer {b['state_offer_sek']}")
    budget_b, budget_c = int(b["budget_sek"]), int(c["budget_sek"])
    if abs(budget_c - 0.83 * budget_b) > 8:  # 83 % to the krona, up to the rounding of halves and quarters
        fail.append(f"{key}: budget {budget_c} is not 83 % of the baseline's {budget_b}")
    t = totals.setdefault(year, [0, 0])
    t[0] += budget_b
    t[1] += budget_c
for year, (b, c) in sorted(totals.items()):
    if abs(c / b - 0.83) > 1e-5:
        fail.append(f"{year}: Dalarna's budget is {c / b:.5f} of the baseline's, expected 0.83")
if sorted(totals) != list(range(2025, 2041)):
    fail.append(f"cut years {sorted(totals)}, expected 2025-2040 (the baseline horizon)")
if fail:
    print("FAIL: scenarios/dalarna-cut.toml:\n  " + "\n  ".join(fail), file=sys.stderr)
    sys.exit(1)
print(f"ok: dalarna-cut gives all {len(dalarna)} Dalarna förbund 83 % of their baseline budget in 2025-2040; "
      f"Dalarna {totals[2025][0] / 1e6:.2f} -> {totals[2025][1] / 1e6:.2f} MSEK in 2025; nothing else changes")
EOF
echo "PASS"
