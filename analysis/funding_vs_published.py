#!/usr/bin/python3
"""Model state offers and budgets against every published per-förbund figure (docs/funding.md,
"Comparison with published allocations"). Runs `finsim funding` from 2014 with the historical pot
(280 MSEK 2012-2015, 339 MSEK from 2016) and prints a markdown table and the mean absolute
percentage error (MAE) over the figures the run did not take as input.

    analysis/funding_vs_published.py FINSIM [--set key=value]...
    analysis/funding_vs_published.py build/release/engine/finsim                  # after (defaults)
    analysis/funding_vs_published.py build/release/engine/finsim \\
        --set funding.distribution.need_indicator=none \\
        --set funding.distribution.state_allocations_csv=                        # before: no proxy, no history

tests/cli/funding_published.sh checks that the MAE lines in docs/funding.md are what this prints.
"""
import csv
import io
import subprocess
import sys

# (label, year, published MSEK, what the figure is, förbund selector, measure)
# measure "offer" = state offer of one förbund; "budget" = total budget of the förbund of a län.
COMPARISONS = [
    ("Östra Södertörn, state offer", 2017, 9.00,
     "derived: ½ × 18 MSEK contributed by the four parties", ("name", "Samordningsförbundet Östra Södertörn"), "offer"),
    ("Skellefteå–Norsjö, state offer (pot 280)", 2014, 3.014,
     "derived: ½ × 6.028 MSEK contributed", ("name", "Samordningsförbundet Skellefteå–Norsjö"), "offer"),
    ("Södra Dalarna, state offer", 2020, 3.50,
     "proposed: ½ × 7.0 MSEK planned total, not FK's decision", ("name", "Södra Dalarnas samordningsförbund"), "offer"),
    ("Stockholms stad, state offer", 2020, 16.00,
     "derived: ½ × 32 MSEK total budget a year 2019–2021 (seed 004)", ("name", "Samordningsförbundet Stockholms stad"), "offer"),
    ("Dalarna, all förbund, total budget", 2017, 42.00,
     "\"more than 42 MSEK\" in the county (seed 000)", ("lan", "20"), "budget"),
    ("Dalarna, all förbund, total budget", 2019, 35.00,
     "\"more than 35 MSEK\" (seed 000)", ("lan", "20"), "budget"),
    ("Västra Götaland, all förbund, total contributions", 2017, 165.50,
     "member contributions incl. the state (regionfullmaktige.nu)", ("lan", "14"), "budget"),
]


def main():
    finsim, sets = sys.argv[1], sys.argv[2:]
    cmd = [finsim, "funding", "scenarios/baseline.toml", "--format", "csv", "--set", "scenario.start=2014-01",
           "--set", "funding.state.allocation_msek.2012=280"]
    for s in sets:
        cmd += ["--set", s] if not s.startswith("--set") else [s]
    rows = list(csv.DictReader(io.StringIO(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout)))
    print("| Comparison | Year | Published (MSEK) | What the published figure is | Model (MSEK) | Difference |")
    print("|---|---|---:|---|---:|---:|")
    errors = []
    for label, year, published, what, (kind, key), measure in COMPARISONS:
        chosen = [r for r in rows if int(r["year"]) == year and (r["forbund"] == key if kind == "name" else r["region_code"] == key)]
        if not chosen:
            sys.exit(f"no model rows for {label} {year}")
        model = sum(int(r["state_offer_sek" if measure == "offer" else "budget_sek"]) for r in chosen) / 1e6
        given = any(r["given"] == "1" for r in chosen)
        diff = (model - published) / published * 100
        if given:
            cell = "input (given)"
        else:
            cell = f"{diff:+.1f} %".replace("-", "−")
            errors.append(abs(diff))
        print(f"| {label} | {year} | {published:.2f} | {what} | {model:.2f} | {cell} |")
    print()
    print(f"MAE: {sum(errors) / len(errors):.1f} % over {len(errors)} comparisons not used as input")


if __name__ == "__main__":
    main()
