"""Plots a scenario against its baseline: people in individual insatser and exits to work or
studies per year, mean over replications with a 95 % band (paired runs: same seeds).

Usage: /usr/bin/python3 analysis/plot_comparison.py BASE.h5 SCEN.h5 OUT.png|OUT.svg [--lang sv|en]

The two runs must pair as finsim compare pairs them (same seed, months, population scale and
replications); a bad file or flag is refused with one line on stderr and exit code 2, and the plot is
written whole or not at all.
"""

import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cli_errors import (Parser, UsageError, check_output, pairing_difference, plot_formats,  # noqa: E402
                        report, result_file, write_files)

LABELS = {
    "en": {"participants": "People in individual insatser (unique per year)",
           "work": "Exits to work or studies per year", "year": "Year"},
    "sv": {"participants": "Deltagare i individinriktade insatser (unika per år)",
           "work": "Avslut till arbete eller studier per år", "year": "År"},
}


def band(values):
    """Mean and 95 % normal band over replications (axis 0)."""
    mean = values.mean(axis=0)
    half = 1.96 * values.std(axis=0, ddof=1) / np.sqrt(values.shape[0]) if values.shape[0] > 1 else 0 * mean
    return mean, mean - half, mean + half


def main(argv):
    parser = Parser(prog="plot_comparison.py", description=__doc__.strip().splitlines()[0],
                    usage="%(prog)s BASE.h5 SCEN.h5 OUT.png|OUT.svg [--lang sv|en]")
    parser.add_argument("base", help="the baseline run (finsim run)")
    parser.add_argument("scenario", help="the scenario run, paired with the baseline (same seed and months)")
    parser.add_argument("output", help="the plot; its format by the suffix (.png, .svg, .pdf, ...)")
    parser.add_argument("--lang", choices=("en", "sv"), default="en")
    args = parser.parse_args(argv[1:])
    try:
        check_output(args.output, "output", plot_formats(), [args.base, args.scenario])
        runs = [result_file(path, kinds=("run",)) for path in (args.base, args.scenario)]
        differ = pairing_difference(*runs, replications=True)
        if differ:
            raise UsageError(f"cannot pair {args.base} and {args.scenario}: different {differ} "
                             "(expected paired runs: the same seed, months, population scale and replications)")
        fig = plot(runs, LABELS[args.lang])
        write_files([(args.output, "output", lambda p: fig.savefig(p, dpi=110))])
    except UsageError as e:
        return report("plot_comparison.py", e)
    return 0


def plot(runs, text):
    import matplotlib  # here, not at the top: a bad argument is refused without loading it

    matplotlib.use("Agg")  # files only: works on servers without a display
    import matplotlib.pyplot as plt

    from finsim_results import open_scenario, yearly_national

    fig, axes = plt.subplots(1, 2, figsize=(11, 4))
    for info in runs:
        name = info["name"]
        ds = open_scenario(info["path"], name)
        unique = ds["unique_participants"].sum("forbund")
        years = unique["year"].values
        mean, lo, hi = band(unique.values)
        axes[0].plot(years, mean, label=name)
        axes[0].fill_between(years, lo, hi, alpha=0.25)
        ws = yearly_national(ds, "exit_work") + yearly_national(ds, "exit_studies")
        mean, lo, hi = band(ws.values)
        axes[1].plot(ws["year_of_month"].values.astype(int), mean, label=name)
        axes[1].fill_between(ws["year_of_month"].values.astype(int), lo, hi, alpha=0.25)
    axes[0].set_title(text["participants"], fontsize=10)
    axes[1].set_title(text["work"], fontsize=10)
    for ax in axes:
        ax.set_xlabel(text["year"])
        ax.legend()
        ax.grid(alpha=0.3)
    fig.tight_layout()
    return fig

if __name__ == "__main__":
    sys.exit(main(sys.argv))
