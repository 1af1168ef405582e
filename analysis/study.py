"""Report of an uncertainty study (finsim study; docs/uncertainty.md): history matching against the
calibration targets, the headline effects with their total 95 % interval split into parameter
uncertainty and Monte Carlo noise, first-order sensitivity, which assumptions could flip the payback
conclusion, and a tornado plot.

Usage: /usr/bin/python3 analysis/study.py STUDY.h5 [--tornado OUT.png|OUT.svg] [--metric M]
       [--lang en|sv] [--all] [--csv OUT.csv]
  --all   use every parameter set, not only those the calibration targets keep
"""

import argparse
import os
import sys

import h5py
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import uncertainty as uq  # noqa: E402

# Calibration targets (docs/model.md §9.1) with the variances of the implausibility measure. The
# observation sd is the uncertainty of the published figure; the model-discrepancy sd what the model
# cannot represent even at the best parameters (docs/uncertainty.md explains each choice).
TARGETS = {
    # name: (observed, sd_observation, sd_model, description)
    "participants_2019": (31167.0, 0.03 * 31167, 0.05 * 31167,
                          "unique participants in individual insatser, 2019 (SUS)"),
    "exit_work_studies_share_2019": (0.31, 0.02, 0.02, "exits to work or studies, share of exits, 2019"),
    "exit_job_seeking_share_2019": (0.15, 0.02, 0.02, "exits to job seeking, share of exits, 2019"),
    "target_group_2019": (390000.0, 55000.0, 0.0,
                          "target group, December 2019 (sourced range 280 000-500 000 as mean ± 2 sd)"),
}

HEADLINES = {
    # name: (label en, label sv, unit, scale)
    "work_studies_end": ("net extra people in work or studies, end of run",
                         "netto fler i arbete eller studier, vid periodens slut", "persons", 1.0),
    "participants": ("extra participants a year (policy years)", "fler deltagare per år (policyåren)", "persons/yr", 1.0),
    "budget_state": ("extra money, state", "mer pengar, staten", "MSEK/yr", 1e-6),
    "budget_region": ("extra money, regions", "mer pengar, regionerna", "MSEK/yr", 1e-6),
    "budget_kommun": ("extra money, kommuner", "mer pengar, kommunerna", "MSEK/yr", 1e-6),
    "net_public_gain": ("net public gain (Δrevenue − Δcost)", "offentlig nettovinst (Δintäkt − Δkostnad)", "MSEK/yr", 1e-6),
    "payback_spent_months": ("payback on money spent, all payers", "återbetalningstid, använda medel", "months", 1.0),
    "payback_paid_months": ("payback on money paid in, all payers", "återbetalningstid, inbetalda medel", "months", 1.0),
    "cost_per_work_studies": ("extra money per net extra person in work/studies", "mer pengar per netto fler i arbete/studier",
                              "kSEK", 1e-3),
}


class Study:
    """A study file: per point its arm and sample, the sampled values, national aggregates."""

    def __init__(self, path):
        self.path = path
        with h5py.File(path, "r") as f:
            name = list(f["scenarios"].keys())[0]
            g = f["scenarios"][name]
            if "study_sample" not in g:
                raise ValueError(f"{path}: not a study file (no study_sample; made by finsim study)")
            self.attrs = {k: (v.decode() if isinstance(v, bytes) else v) for k, v in g.attrs.items()}
            # h5py gives fixed-length strings (schema_version 2) as bytes
            self.keys = [k.decode() if isinstance(k, bytes) else str(k) for k in np.atleast_1d(g.attrs["study_keys"])]
            self.distributions = [d.decode() if isinstance(d, bytes) else str(d)
                                  for d in np.atleast_1d(g.attrs["study_distributions"])]
            self.sample = g["study_sample"][:]
            self.arm = g["study_arm"][:]
            self.n_samples = int(g.attrs["study_samples"])
            values = np.array([g[k][:] for k in self.keys]).T  # [point, key]
            self.X = values[self.arm == 0][np.argsort(self.sample[self.arm == 0])]
            months = g["month"].asstr()[()]
            self.month_year = np.array([int(m[:4]) for m in months])
            self.years = g["year"][:]
            self.last_year = int(self.years[-1])
            states = list(g["state"].asstr()[()])
            ws = [states.index("work"), states.index("studies")]
            tg = [states.index(s) for s in ("target", "waiting", "in_insats")]
            P = len(self.sample)
            agg = {}

            def put(name, p, value):
                agg.setdefault(name, [None] * P)[p] = value

            for p in range(P):
                stock = g["stock"][p]  # [rep, month, forbund, state]
                national = stock.sum(axis=2)  # [rep, month, state]
                put("ws_monthly", p, national[:, :, ws].sum(axis=2))
                dec19 = np.flatnonzero(self.month_year == 2019)
                put("target_group_2019", p, national[:, dec19[-1], tg].sum(axis=1) if len(dec19) else None)
                for y in ("unique_participants", "state_paid", "region_paid", "kommuner_paid", "state_offer", "spent"):
                    put(y, p, g[y][p].sum(axis=2))  # [rep, year]
                y19 = np.flatnonzero(self.years == 2019)
                put("participants_2019", p, agg["unique_participants"][p][:, y19[0]] if len(y19) else None)
                in19 = self.month_year == 2019
                ex = {k: g[k][p][:, in19, :].sum(axis=(1, 2)) for k in
                      ("exit_work", "exit_studies", "exit_job_seeking", "exit_other")}
                total = sum(ex.values())
                with np.errstate(invalid="ignore", divide="ignore"):
                    put("exit_work_studies_share_2019", p, (ex["exit_work"] + ex["exit_studies"]) / total)
                    put("exit_job_seeking_share_2019", p, ex["exit_job_seeking"] / total)
                put("gain_monthly", p, (g["public_revenue"][p] - g["public_cost"][p]).sum(axis=2))  # [rep, month]
                put("contribution_monthly", p, g["finsam_contribution"][p].sum(axis=2))
            self.agg = {k: v for k, v in agg.items()}
        self.base_points = self._points(0)
        self.scen_points = self._points(1)
        self.window = self._window()

    def _points(self, arm):
        idx = np.flatnonzero(self.arm == arm)
        return idx[np.argsort(self.sample[idx])]

    def _window(self):
        """First year in which the scenario's state offer differs from the baseline's in any set, to the last."""
        b = np.array([self.agg["state_offer"][p] for p in self.base_points])
        s = np.array([self.agg["state_offer"][p] for p in self.scen_points])
        differs = (b != s).any(axis=(0, 1))
        first = int(self.years[np.argmax(differs)]) if differs.any() else int(self.years[0])
        return first, self.last_year

    def arm_values(self, name, arm):
        pts = self.base_points if arm == 0 else self.scen_points
        return np.array([self.agg[name][p] for p in pts])

    def calibration(self, name):
        """[sample, replication] of a calibration output in the baseline arm."""
        return self.arm_values(name, 0)

    def headline(self, name):
        """[sample, replication] paired difference scenario − baseline (same set, same seeds)."""
        first, last = self.window
        in_years = (self.years >= first) & (self.years <= last)
        n_years = int(in_years.sum())

        def diff(key):
            return self.arm_values(key, 1) - self.arm_values(key, 0)

        if name == "work_studies_end":
            return diff("ws_monthly")[:, :, -1]
        if name == "participants":
            return diff("unique_participants")[:, :, in_years].sum(axis=2) / n_years
        payer = {"budget_state": "state_paid", "budget_region": "region_paid", "budget_kommun": "kommuner_paid"}
        if name in payer:
            return diff(payer[name])[:, :, in_years].sum(axis=2) / n_years
        months = (self.month_year >= first) & (self.month_year <= last)
        if name == "net_public_gain":
            return diff("gain_monthly")[:, :, months].sum(axis=2) / n_years
        if name == "cost_per_work_studies":
            money = sum(self.headline(k) for k in ("budget_state", "budget_region", "budget_kommun")) * n_years
            with np.errstate(invalid="ignore", divide="ignore"):
                return money / self.headline("work_studies_end")
        if name == "payback_paid_months":
            return payback_months(diff("contribution_monthly"), diff("gain_monthly"))
        if name == "payback_spent_months":  # the förbund's yearly spending, one twelfth a month
            year_index = np.searchsorted(self.years, self.month_year)
            return payback_months(diff("spent")[:, :, year_index] / 12.0, diff("gain_monthly"))
        raise ValueError(f"unknown headline {name!r}: expected one of {', '.join(HEADLINES)}")


def payback_months(extra_money, gain):
    """Per [sample, replication]: months from the first month of extra money (= month 1) to the first
    month from which the cumulative net gain stays ≥ the cumulative extra money to the end of the run
    (docs/output.md, payback on money paid in); inf when it does not, nan without extra money."""
    C = np.cumsum(extra_money, axis=-1)
    G = np.cumsum(gain, axis=-1)
    out = np.full(C.shape[:-1], np.nan)
    for idx in np.ndindex(*C.shape[:-1]):
        money = extra_money[idx]
        if C[idx][-1] <= 0:
            continue
        start = int(np.argmax(money != 0))
        ok = G[idx] >= C[idx]
        # first month m ≥ start with ok[m:] all true
        tail_ok = np.flip(np.cumprod(np.flip(ok)))  # 1 where ok holds from here to the end
        cand = np.flatnonzero(tail_ok[start:])
        out[idx] = cand[0] + 1 if len(cand) else np.inf
    return out


def fmt(v, unit):
    if not np.isfinite(v):
        return "—"
    if unit in ("persons", "persons/yr"):
        return f"{v:+,.0f}".replace(",", " ")
    if unit == "months":
        return f"{v:.0f}"
    return f"{v:+,.1f}".replace(",", " ")


def report(study, use_all=False, lang="en", metric="work_studies_end", tornado=None, csv_path=None):
    sv = lang == "sv"
    lines = []
    a = study.attrs
    R = study.arm_values("ws_monthly", 0).shape[1]
    lines.append(f"study {study.path}: {study.n_samples} parameter sets ({a.get('study_method', '')}, sample seed "
                 f"{a.get('study_sample_seed')}) of {len(study.keys)} keys x 2 arms ({a.get('study_base_scenario')}, "
                 f"{a.get('study_scenario')}) x {R} replications; policy years {study.window[0]}-{study.window[1]}")

    # --- history matching ------------------------------------------------------------------------
    sims, targets, names = {}, {}, []
    for name, (obs, sd_obs, sd_model, _) in TARGETS.items():
        values = study.calibration(name)
        if values.dtype == object or np.isnan(values.astype(float)).all():
            continue
        sims[name] = values.astype(float)
        targets[name] = (obs, sd_obs ** 2, sd_model ** 2)
        names.append(name)
    U = lhs_coordinates(study.X)
    kept, scores = uq.history_match(sims, targets) if sims else (np.ones(study.n_samples, bool), {})
    lines.append("")
    lines.append(f"history matching (implausibility |sim − obs| / sqrt(var_obs + var_model + var_MC) <= 3): "
                 f"tried {study.n_samples}, kept {int(kept.sum())}")
    for name in names:
        obs, sd_obs, sd_model, what = TARGETS[name]
        rejected = scores[name] > 3
        regions = uq.ruled_out_regions(U, study.keys, rejected)
        where = "; ".join(f"{k} (share ruled out by fifth of its range: " + " ".join(f"{s:.0%}" for s in shares) + ")"
                          for k, shares in regions) or "no single parameter region"
        lines.append(f"  {name}: obs {obs:g}, sd_obs {sd_obs:g}, sd_model {sd_model:g}; simulated "
                     f"{sims[name].mean():.4g} ({np.quantile(sims[name].mean(axis=1), 0.05):.4g}-"
                     f"{np.quantile(sims[name].mean(axis=1), 0.95):.4g}); rules out {int(rejected.sum())}: {where}")
    use = np.ones(study.n_samples, bool) if use_all else kept
    if not use_all and kept.sum() < 10:
        lines.append(f"  only {int(kept.sum())} set(s) kept: too few for intervals; the figures below use ALL sets "
                     "(the targets cannot pin the parameters down with this study size)")
        use = np.ones(study.n_samples, bool)
    lines.append("")

    # --- uncertainty split -----------------------------------------------------------------------
    head = ("headline", "mean", "total 95 % interval", "parameters", "simulation noise") if not sv else \
        ("storhet", "medel", "totalt 95 %-intervall", "osäkerhet i antaganden", "slumpvariation i simuleringen")
    lines.append(" | ".join(head))
    rows = []
    for name, (en, svlabel, unit, scale) in HEADLINES.items():
        y = study.headline(name)[use] * scale
        label = svlabel if sv else en
        if name.startswith("payback_"):
            within = np.isfinite(y) & (y <= 120)
            share = float(np.nanmean(within)) if y.size else float("nan")
            med = float(np.nanmedian(np.where(np.isnan(y), np.inf, y)))
            lines.append(f"{label} | median {fmt(med, unit)} months | share of runs within 10 years: {share:.0%} | | ")
            rows.append((name, med, float("nan"), float("nan"), float("nan"), float("nan")))
            continue
        if not np.isfinite(y).all():
            lines.append(f"{label} | not defined in every run | | |")
            continue
        s = uq.variance_split(y)
        # No spread worth splitting (the money of a fixed policy): the shares would describe rounding.
        flat = s["total"] <= (1e-6 * max(abs(s["mean"]), 1.0)) ** 2
        shares = "— | —" if flat else f"{s['parameter_share']:.0%} | {1 - s['parameter_share']:.0%}"
        lines.append(f"{label} ({unit}) | {fmt(s['mean'], unit)} | {fmt(s['low'], unit)} to {fmt(s['high'], unit)} | "
                     + shares)
        rows.append((name, s["mean"], s["low"], s["high"], s["parameter"], s["monte_carlo"]))
    lines.append("")

    if csv_path:
        with open(csv_path, "w", encoding="utf-8") as f:
            f.write("headline,mean,low,high,var_parameter,var_monte_carlo\n")
            for r in rows:
                f.write(",".join([r[0]] + [f"{v:.6g}" for v in r[1:]]) + "\n")

    # --- sensitivity ------------------------------------------------------------------------------
    X = study.X[use]
    if tornado:
        plot_tornado(study, X, study.headline(metric)[use], metric, tornado, lang)
        lines.append(f"tornado plot of {metric}: {tornado}")
    if len(X) < 20:
        lines.append(f"sensitivity: {len(X)} parameter sets are too few (at least 20; docs/uncertainty.md)")
        return "\n".join(lines), kept
    lines.append("first-order sensitivity (share of the parameter variance; given-data estimator), top 3:")
    top_keys = {}
    for name in ("work_studies_end", "participants", "net_public_gain"):
        y = study.headline(name)[use]
        S = uq.first_order_indices(X, y)
        order = np.argsort(-S)[:3]
        top_keys[name] = [study.keys[j] for j in order]
        lines.append(f"  {name}: " + ", ".join(f"{study.keys[j]} {S[j]:.2f}" for j in order))
    pay = study.headline("payback_paid_months")[use]
    pays = np.where(np.isnan(pay), 0.0, (pay <= 120).astype(float)).mean(axis=1)
    flips = []
    for j, key in enumerate(study.keys):
        lo, hi, flip = uq.could_flip(X[:, j], pays)
        if flip:
            flips.append((key, lo, hi))
    lines.append("could flip 'pays back (money paid in) within 10 years': " +
                 ("; ".join(f"{k} (low end {lo:.0%}, high end {hi:.0%} of runs pay back)" for k, lo, hi in flips)
                  if flips else "no single assumption at either end of its range"))
    return "\n".join(lines), kept


def lhs_coordinates(X):
    """The hypercube coordinate u in (0, 1) of each drawn value: its rank among the samples."""
    n = X.shape[0]
    return (np.argsort(np.argsort(X, axis=0, kind="stable"), axis=0) + 0.5) / n


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


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("study")
    ap.add_argument("--tornado")
    ap.add_argument("--metric", default="work_studies_end", choices=[k for k in HEADLINES if not k.startswith("payback_")])
    ap.add_argument("--lang", default="en", choices=["en", "sv"])
    ap.add_argument("--all", action="store_true")
    ap.add_argument("--csv")
    a = ap.parse_args(argv)
    try:
        study = Study(a.study)
    except (OSError, KeyError, ValueError) as e:
        print(f"study.py: {a.study}: {e}", file=sys.stderr)
        return 2
    text, _ = report(study, a.all, a.lang, a.metric, a.tornado, a.csv)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
