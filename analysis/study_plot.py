"""The tornado plot of a study: per drawn assumption the headline's mean at the lowest and highest
fifth of its range, the ten widest (matplotlib, loaded only when a plot is asked for).
"""

import uncertainty as uq
from study_data import HEADLINES


def plot_tornado(study, X, y, metric, out, lang="en", top=10):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    en, svlabel, unit, scale = HEADLINES[metric]
    y = y * scale
    centre = float(y.mean())
    bars = []
    for j, key in enumerate(study.keys):
        lo, hi = uq.conditional_means(X[:, j], y)
        bars.append((abs(hi - lo), key, lo, hi))
    bars.sort(reverse=True)
    bars = bars[:top][::-1]
    fig, ax = plt.subplots(figsize=(8, 0.45 * len(bars) + 1.5))
    for i, (_, key, lo, hi) in enumerate(bars):
        ax.barh(i, lo - centre, left=centre, color="#4477aa")
        ax.barh(i, hi - centre, left=centre, color="#cc6677")
    ax.set_yticks(range(len(bars)))
    ax.set_yticklabels([b[1] for b in bars], fontsize=8)
    ax.axvline(centre, color="black", linewidth=0.8)
    sv = lang == "sv"
    ax.set_xlabel(f"{svlabel if sv else en} ({unit})")
    ax.set_title(("medel vid lägsta (blå) och högsta (röd) femtedelen av antagandet" if sv else
                  "mean at the lowest (blue) and highest (red) fifth of the assumption"), fontsize=9)
    fig.tight_layout()
    fig.savefig(out)
    plt.close(fig)
