"""Plots the dose-response curve of a sweep (finsim sweep): per point, the paired difference to the
reference point (same seeds) with its 95 % interval band, against the varied key or the state
allocation offered per year. The numbers are those of `finsim compare SWEEP.h5`.

Usage: /usr/bin/python3 analysis/plot_dose_response.py SWEEP.h5 -o CURVE.png|CURVE.svg
           [--lang sv|en] [--metric work_studies_end|person_years_work_studies|participants|budget]
           [--x key|offer] [--reference K]
"""

import os
import sys

import matplotlib

matplotlib.use("Agg")  # files only: works on servers without a display
import matplotlib.pyplot as plt
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cli_errors import Parser, UsageError, check_output, report, result_file, write_files  # noqa: E402
from finsim_results import SWEEP_METRICS, dose_response, open_sweep, scenario_names, sweep_keys, sweep_metric  # noqa: E402

LABELS = {
    "en": {"work_studies_end": "Net extra people in work or studies, end of {end}",
           "person_years_work_studies": "Net extra person-years in work or studies per year, {window}",
           "participants": "Extra participants in individual insatser per year, {window}",
           "budget": "Extra Finsam money paid in per year, {window} [MSEK]",
           "offer": "State allocation offered per year, {window} [MSEK]",
           "reference": "reference point {point}", "band": "95 % interval (simulation noise only)",
           "title": "{scenario}: {n} points against point {point}, {reps} replications, same seeds"},
    "sv": {"work_studies_end": "Personer netto i arbete eller studier, utgången av {end}",
           "person_years_work_studies": "Personår netto i arbete eller studier per år, {window}",
           "participants": "Fler deltagare i individinriktade insatser per år, {window}",
           "budget": "Extra medel till samordningsförbunden per år, {window} [mnkr]",
           "offer": "Erbjuden statlig medelstilldelning per år, {window} [mnkr]",
           "reference": "referenspunkt {point}", "band": "95 %-intervall (endast slumpvariation i simuleringen)",
           "title": "{scenario}: {n} punkter mot punkt {point}, {reps} upprepningar, samma slumptal"},
}


def years_text(window):
    return str(window[0]) if window[0] == window[1] else f"{window[0]}\u2013{window[1]}"


def main(argv):
    parser = Parser(prog="plot_dose_response.py", description=__doc__.strip().splitlines()[0],
                    usage=__doc__.strip().split("Usage: ", 1)[1])
    parser.add_argument("sweep")
    parser.add_argument("-o", "--output", required=True, help="PNG or SVG file (by extension)")
    parser.add_argument("--lang", choices=("en", "sv"), default="en")
    parser.add_argument("--metric", choices=SWEEP_METRICS, default="work_studies_end")
    parser.add_argument("--x", choices=("key", "offer"), default=None,
                        help="x axis: the varied key (default with one numeric key) or the state allocation offered")
    parser.add_argument("--reference", type=int, default=0)
    args = parser.parse_args(argv[1:])
    try:
        check_output(args.output, "-o", {"png", "svg"}, [args.sweep])
        info = result_file(args.sweep)
        if info["kind"] == "run":
            raise UsageError(f"{args.sweep}: not a sweep (a run of one scenario, finsim run); expected a sweep file "
                             "(finsim sweep)")
        if info["kind"] == "study":
            raise UsageError(f"{args.sweep}: not a sweep but a study file (finsim study; analysis/study.py reports "
                             "it); expected a sweep file (finsim sweep)")
        ds = open_sweep(args.sweep)
    except UsageError as e:
        return report("plot_dose_response.py", e)
    except (OSError, ValueError, KeyError) as e:
        return report("plot_dose_response.py", f"{args.sweep}: {e}")
    if not 0 <= args.reference < ds.sizes["point"]:
        parser.error(f"--reference: the sweep has points 0 to {ds.sizes['point'] - 1}")

    text = LABELS[args.lang]
    keys = sweep_keys(ds)
    numeric = [k for k in keys if np.issubdtype(ds[k].dtype, np.number)]
    use_key = args.x == "key" or (args.x is None and len(keys) == 1 and numeric)
    if use_key and not numeric:
        parser.error("--x key: no varied key has numbers; use --x offer")
    mean, low, high, window = dose_response(ds, args.metric, args.reference)
    scale = 1e6 if args.metric == "budget" else 1.0
    fill = {"end": str(window[1]), "window": years_text(window)}
    if use_key:
        x = ds[numeric[0]].values
        xlabel = numeric[0]
    else:
        x = sweep_metric(ds, "offer", window).mean("replication").values / 1e6
        xlabel = text["offer"].format(**fill)
    order = np.argsort(x, kind="stable")
    decimal = (lambda v, _pos=None: f"{v:,.10g}".replace(",", " ").replace(".", ",")) if args.lang == "sv" else None

    fig, ax = plt.subplots(figsize=(7.5, 4.5))
    ax.fill_between(x[order], (low.values / scale)[order], (high.values / scale)[order], alpha=0.25,
                    label=text["band"])
    ax.plot(x[order], (mean.values / scale)[order], marker="o")
    ax.plot([x[args.reference]], [0.0], marker="s", linestyle="none", color="black",
            label=text["reference"].format(point=args.reference))
    ax.axhline(0, color="grey", linewidth=0.8)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(text[args.metric].format(**fill), fontsize=9)
    ax.set_title(text["title"].format(scenario=scenario_names(args.sweep)[0], n=ds.sizes["point"],
                                      point=args.reference, reps=ds.sizes["replication"]), fontsize=9)
    if decimal:
        ax.xaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(decimal))
        ax.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(decimal))
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    try:
        write_files([(args.output, "-o", lambda p: fig.savefig(p, dpi=110))])
    except UsageError as e:
        return report("plot_dose_response.py", e)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
