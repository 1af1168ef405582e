"""The brief's figures as inline SVG text (matplotlib's SVG backend, text drawn as paths so the file
needs no font). Each function takes plain numbers already read by analysis/brief.py and returns
one <svg> element whose ids are prefixed, so that several can live in one HTML page.
"""

import io
import re

import matplotlib

matplotlib.use("svg")  # files only; text as paths (svg.fonttype 'path', the default) keeps it self-contained
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.ticker import FuncFormatter, MaxNLocator  # noqa: E402

from brief_text import number, t  # noqa: E402

plt.rcParams.update({"svg.fonttype": "path", "font.size": 8, "axes.titlesize": 8.5, "svg.hashsalt": "finsim-brief"})

BLUE, ORANGE, GREY = "#1f5f99", "#d9822b", "#888888"


def _to_svg(fig, prefix):
    """The figure as one <svg> element with every id prefixed (ids must be unique in the page)."""
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})  # no date: same input, same bytes
    plt.close(fig)
    text = buf.getvalue()
    text = text[text.index("<svg"):]
    # Inline in HTML the namespaces are implied, and the RDF metadata only names matplotlib's vocabulary:
    # without them the page holds no URL at all.
    text = re.sub(r"\s*<metadata>.*?</metadata>", "", text, flags=re.S)
    text = re.sub(r'\s+xmlns(:\w+)?="[^"]*"', "", text)
    for name in set(re.findall(r'id="([^"]+)"', text)):
        text = text.replace(f'id="{name}"', f'id="{prefix}-{name}"').replace(f'#{name}"', f'#{prefix}-{name}"') \
                   .replace(f'#{name})', f'#{prefix}-{name})')
    # Scales with the page: the width and height stay as the aspect ratio through the viewBox.
    return re.sub(r'<svg([^>]*?) width="[^"]*" height="[^"]*"', r'<svg\1 class="plot"', text, count=1)


def _axis_numbers(ax, lang, x=False):
    """Swedish tick labels (space between thousands, decimal comma); English as matplotlib prints them."""
    if lang != "sv":
        return
    fmt = FuncFormatter(lambda v, _pos=None: number(lang, v, 0 if float(v).is_integer() else 1))
    ax.yaxis.set_major_formatter(fmt)
    if x:
        ax.xaxis.set_major_formatter(fmt)


def _band(ax, years, mean, low, high, color):
    ax.fill_between(years, low, high, color=color, alpha=0.2, linewidth=0)
    ax.plot(years, mean, color=color, marker="o", markersize=3)
    ax.axhline(0, color=GREY, linewidth=0.7)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=6))
    ax.grid(alpha=0.3)


def time_series(lang, ws, part, money_years, money_base, money_scen, names):
    """Three panels: the yearly differences in people in work or studies (December) and in
    participants, each (years, mean, low, high), and below them the money paid in per year for both runs."""
    fig = plt.figure(figsize=(7.1, 4.6))
    grid = fig.add_gridspec(2, 2)
    axes = [fig.add_subplot(grid[0, 0]), fig.add_subplot(grid[0, 1]), fig.add_subplot(grid[1, :])]
    _band(axes[0], *ws, BLUE)
    axes[0].set_title(t(lang, "plot_ws"))
    _band(axes[1], *part, BLUE)
    axes[1].set_title(t(lang, "plot_part"))
    axes[2].plot(money_years, money_base, color=GREY, marker="o", markersize=3, label=names[0])
    axes[2].plot(money_years, money_scen, color=ORANGE, marker="o", markersize=3, label=names[1])
    axes[2].set_ylim(bottom=0)
    axes[2].xaxis.set_major_locator(MaxNLocator(integer=True, nbins=12))
    axes[2].grid(alpha=0.3)
    axes[2].legend(fontsize=7, loc="lower right")
    axes[2].set_title(t(lang, "plot_money"))
    for ax in axes:
        _axis_numbers(ax, lang)
    axes[2].set_xlabel(t(lang, "year"))
    fig.tight_layout()
    return _to_svg(fig, "time")


def lan_bars(lang, names, mean, low, high, end):
    """Horizontal bars per län (largest on top) with the 95 % interval as error bars."""
    order = sorted(range(len(names)), key=lambda i: mean[i])
    fig, ax = plt.subplots(figsize=(7.1, 0.12 * len(names) + 0.75))
    y = range(len(order))
    m = [mean[i] for i in order]
    err = [[m[k] - low[i] for k, i in enumerate(order)], [high[i] - m[k] for k, i in enumerate(order)]]
    ax.barh(list(y), m, xerr=err, color=BLUE, ecolor="#333333", error_kw={"linewidth": 0.7, "capsize": 1.5})
    ax.set_yticks(list(y), [names[i] for i in order], fontsize=7)
    ax.axvline(0, color=GREY, linewidth=0.7)
    ax.grid(axis="x", alpha=0.3)
    ax.set_title(t(lang, "lan_plot", end=end))
    _axis_numbers(ax, lang, x=True)
    ax.yaxis.set_major_formatter(matplotlib.ticker.FixedFormatter([names[i] for i in order]))
    fig.tight_layout()
    return _to_svg(fig, "lan")


def money_bars(lang, labels, mean, low, high):
    """Where the extra money goes: one bar per destination (MSEK per year) with its interval."""
    fig, ax = plt.subplots(figsize=(7.1, 0.26 * len(labels) + 0.7))
    y = list(range(len(labels)))[::-1]
    err = [[m - lo for m, lo in zip(mean, low)], [hi - m for m, hi in zip(mean, high)]]
    ax.barh(y, mean, xerr=err, color=ORANGE, ecolor="#333333", error_kw={"linewidth": 0.7, "capsize": 2})
    ax.set_yticks(y, labels)
    ax.axvline(0, color=GREY, linewidth=0.7)
    ax.grid(axis="x", alpha=0.3)
    ax.set_xlabel(t(lang, "col_mnkr"))
    _axis_numbers(ax, lang, x=True)
    ax.yaxis.set_major_formatter(matplotlib.ticker.FixedFormatter(labels))
    fig.tight_layout()
    return _to_svg(fig, "money")


def dose_curve(lang, offer, mean, low, high, reference, end):
    """The dose-response curve: net extra people in work or studies against the state offer."""
    order = sorted(range(len(offer)), key=lambda i: offer[i])
    x = [offer[i] for i in order]
    fig, ax = plt.subplots(figsize=(7.1, 3.2))
    ax.fill_between(x, [low[i] for i in order], [high[i] for i in order], color=BLUE, alpha=0.2, linewidth=0)
    ax.plot(x, [mean[i] for i in order], color=BLUE, marker="o", markersize=4)
    ax.plot([offer[reference]], [0.0], marker="s", color="black", linestyle="none")
    ax.axhline(0, color=GREY, linewidth=0.7)
    ax.set_xlabel(t(lang, "dose_x"))
    ax.set_ylabel(t(lang, "dose_y", end=end), fontsize=7.5)
    ax.grid(alpha=0.3)
    _axis_numbers(ax, lang, x=True)
    fig.tight_layout()
    return _to_svg(fig, "dose")
