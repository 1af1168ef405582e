"""Plots a scenario against its baseline: people in individual insatser and exits to work or
studies per year, mean over replications with a 95 % band (paired runs: same seeds).

Usage: /usr/bin/python3 analysis/plot_comparison.py BASE.h5 SCEN.h5 OUT.png [--lang sv|en]
"""

import sys

import matplotlib

matplotlib.use("Agg")  # files only: works on servers without a display
import matplotlib.pyplot as plt
import numpy as np

from finsim_results import open_scenario, scenario_names, yearly_national

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
    if len(argv) < 4:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    base_path, scen_path, out = argv[1:4]
    lang = argv[argv.index("--lang") + 1] if "--lang" in argv else "en"
    text = LABELS[lang]
    fig, axes = plt.subplots(1, 2, figsize=(11, 4))
    for path in (base_path, scen_path):
        name = scenario_names(path)[0]
        ds = open_scenario(path, name)
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
    fig.savefig(out, dpi=110)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
