#!/usr/bin/python3
"""Model state offers and budgets against every published per-förbund figure (docs/funding.md,
"Comparison with published allocations"). Runs `finsim funding` from 2014 with the historical pot
(280 MSEK 2012-2015, 339 MSEK from 2016) and prints a markdown table and the mean absolute
percentage error (MAE) over the figures the run did not take as input.

    analysis/funding_vs_published.py FINSIM [--set key=value]... [key=value]...
    analysis/funding_vs_published.py build/release/engine/finsim                  # after (defaults)
    analysis/funding_vs_published.py build/release/engine/finsim \\
        --set funding.distribution.need_indicator=none \\
        --set funding.distribution.state_allocations_csv=                        # before: no proxy, no history

An override is given with --set or bare (key=value). scenarios/baseline.toml is that of the source tree
this script is in, whatever the working directory. A bad argument, a finsim that cannot be run or that
refuses the overrides: one line on stderr (finsim's own), exit 2.

tests/cli/funding_published.sh checks that the MAE lines in docs/funding.md are what this prints.
"""
import argparse
import csv
import io
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cli_errors import Parser, UsageError, report  # noqa: E402

BASELINE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "scenarios", "baseline.toml")

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


def override(text):
    if "=" not in text or text.startswith("=") or text.startswith("-"):
        raise argparse.ArgumentTypeError(f"{text}: expected an override key=value")
    return text


def funding_rows(finsim, overrides):
    """finsim funding's CSV rows from 2014 with the historical pot and the overrides."""
    if os.sep in finsim and not os.path.isfile(finsim):
        raise UsageError(f"FINSIM {finsim}: no such file (expected the finsim binary, e.g. build/release/engine/finsim)"
                         if not os.path.exists(finsim) else f"FINSIM {finsim}: not a file (expected the finsim binary)")
    if not os.path.isfile(BASELINE):
        raise UsageError(f"{BASELINE}: no such file (expected the scenarios/ of the source tree of this script)")
    cmd = [finsim, "funding", BASELINE, "--format", "csv", "--set", "scenario.start=2014-01",
           "--set", "funding.state.allocation_msek.2012=280"]
    for s in overrides:
        cmd += ["--set", s]
    try:
        r = subprocess.run(cmd, capture_output=True, text=True)
    except OSError as e:
        raise UsageError(f"FINSIM {finsim}: cannot run it ({e.strerror}; expected the finsim binary)")
    if r.returncode != 0:
        lines = [x for x in r.stderr.splitlines() if x.strip()]
        raise UsageError(lines[-1] if lines else f"{finsim} funding failed with exit code {r.returncode}",
                         2 if r.returncode == 2 else 1)
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    if not rows or not {"year", "forbund", "region_code", "given", "state_offer_sek", "budget_sek"} <= set(rows[0]):
        raise UsageError(f"FINSIM {finsim}: its funding --format csv is not the expected table", 1)
    return rows


def main():
    p = Parser(prog="funding_vs_published.py", description=__doc__.strip().splitlines()[0])
    p.add_argument("args", nargs="*", metavar="FINSIM [key=value]",
                   help="the finsim binary, then overrides of the scenario (as --set)")
    p.add_argument("--set", dest="sets", action="append", default=[], type=override, metavar="key=value",
                   help="an override of the scenario (finsim --set)")
    a = p.parse_intermixed_args()
    if not a.args:
        p.error("expected FINSIM, the finsim binary (e.g. build/release/engine/finsim)")
    try:
        overrides = [override(x) for x in a.args[1:]]
    except argparse.ArgumentTypeError as e:
        p.error(str(e))
    try:
        rows = funding_rows(a.args[0], a.sets + overrides)
        table(rows)
    except UsageError as e:
        return report("funding_vs_published.py", e)
    return 0


def table(rows):
    """The markdown table and the MAE line, printed only when every comparison has its model rows."""
    lines = ["| Comparison | Year | Published (MSEK) | What the published figure is | Model (MSEK) | Difference |",
             "|---|---|---:|---|---:|---:|"]
    errors = []
    for label, year, published, what, (kind, key), measure in COMPARISONS:
        chosen = [r for r in rows if int(r["year"]) == year and (r["forbund"] == key if kind == "name" else r["region_code"] == key)]
        if not chosen:
            raise UsageError(f"no model rows for {label} {year} (finsim funding gave none)", 1)
        model = sum(int(r["state_offer_sek" if measure == "offer" else "budget_sek"]) for r in chosen) / 1e6
        given = any(r["given"] == "1" for r in chosen)
        diff = (model - published) / published * 100
        if given:
            cell = "input (given)"
        else:
            cell = f"{diff:+.1f} %".replace("-", "−")
            errors.append(abs(diff))
        lines.append(f"| {label} | {year} | {published:.2f} | {what} | {model:.2f} | {cell} |")
    lines += ["", f"MAE: {sum(errors) / len(errors):.1f} % over {len(errors)} comparisons not used as input"]
    print("\n".join(lines))


if __name__ == "__main__":
    sys.exit(main())
