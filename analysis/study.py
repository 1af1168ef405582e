"""Report of an uncertainty study (finsim study; docs/uncertainty.md): history matching against the
calibration targets, the headline effects with their total 95 % interval split into parameter
uncertainty and Monte Carlo noise, the screening of which assumptions drive the headline (named only
when the study can tell), which assumptions could flip the payback conclusion, and a tornado plot.

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

# Calibration targets (docs/model.md §9, docs/uncertainty.md §3) with the variances of the
# implausibility measure: the observation sd is the uncertainty of the published figure, the
# model-discrepancy sd what the model cannot represent even at the best parameters. The SAME table is
# in engine/output/study_calibration.cpp (finsim compare/quote of a study file use it);
# tests/python/test_study_calibration.py checks that both keep the same sets. A target is used when
# the study's years cover it (the 2017 and 2018 ones need a study from 2017-01).
TARGETS = {
    # name: (quantity, year, observed, sd_observation, sd_model, description)
    "participants_2019": ("participants", 2019, 31167.0, 0.03 * 31167, 0.05 * 31167,
                          "unique participants in individual insatser, 2019 (SUS)"),
    "exit_work_studies_share_2019": ("exit_work_studies_share", 2019, 0.31, 0.02, 0.02,
                                     "exits to work or studies, share of exits, 2019"),
    "exit_job_seeking_share_2019": ("exit_job_seeking_share", 2019, 0.15, 0.02, 0.02,
                                    "exits to job seeking, share of exits, 2019"),
    "target_group_2019": ("target_group", 2019, 390000.0, 55000.0, 0.0,
                          "target group, December 2019 (sourced range 280 000-500 000 as mean ± 2 sd)"),
    "participants_2017": ("participants", 2017, 28381.0, 0.03 * 28381, 0.08 * 28381,
                          "unique participants in individual insatser, 2017 (SUS)"),
    "participants_2018": ("participants", 2018, 32715.0, 0.03 * 32715, 0.08 * 32715,
                          "unique participants in individual insatser, 2018 (SUS)"),
    "exit_work_studies_share_2017": ("exit_work_studies_share", 2017, 0.31, 0.02, 0.02,
                                     "exits to work or studies, share of exits, 2017"),
    "exit_job_seeking_share_2017": ("exit_job_seeking_share", 2017, 0.15, 0.02, 0.02,
                                    "exits to job seeking, share of exits, 2017"),
}
CUTOFF = 3.0
SCREENING_METHOD = ("Spearman rank correlation with the mean over the replications, simultaneous 95 % intervals "
                    "(Fisher z, width from 9 999 permutations, max-T: family-wise error 5 %)")
# Fewer kept sets than this: the report and --json use all sets and say they are not calibrated.
MIN_KEPT = 2
# Fewer sets than this: whether a key could flip the payback conclusion is not assessed (each fifth of
# a key's range would hold fewer than 5 sets, and one set at each end would "flip" it by chance).
MIN_FLIP_SETS = 25


def text(v):
    """An HDF5 string attribute or element as str, whether h5py gives bytes or str (variable- or
    fixed-length storage)."""
    if isinstance(v, bytes):
        return v.decode("utf-8")
    if isinstance(v, np.ndarray) and v.shape == ():
        return text(v[()])
    return str(v)


def attribute(v):
    """An attribute as str when it holds text (a one-element list counts as a scalar, as netCDF
    writes them), else as h5py gives it."""
    if isinstance(v, (bytes, str)):
        return text(v)
    if isinstance(v, np.ndarray) and v.dtype.kind in "SOU":
        return text(v.flat[0]) if v.size == 1 else texts(v)
    return v


def texts(v):
    return [text(x) for x in np.atleast_1d(v)]


HEADLINES = {
    # name: (label en, label sv, unit, scale)
    "work_studies_end": ("net extra people in work or studies, end of run",
                         "netto fler i arbete eller studier, vid periodens slut", "persons", 1.0),
    "participants": ("extra participants a year (policy years)", "fler deltagare per år (policyåren)", "persons/yr", 1.0),
    "budget_all": ("extra money, all payers", "mer pengar, alla betalare", "MSEK/yr", 1e-6),
    "budget_state": ("extra money, state", "mer pengar, staten", "MSEK/yr", 1e-6),
    "budget_region": ("extra money, regions", "mer pengar, regionerna", "MSEK/yr", 1e-6),
    "budget_kommun": ("extra money, kommuner", "mer pengar, kommunerna", "MSEK/yr", 1e-6),
    "net_public_gain": ("net public gain (Δrevenue − Δcost)", "offentlig nettovinst (Δintäkt − Δkostnad)", "MSEK/yr", 1e-6),
    "payback_spent_months": ("payback on money spent, all payers", "återbetalningstid, använda medel", "months", 1.0),
    "payback_paid_months": ("payback on money paid in, all payers", "återbetalningstid, inbetalda medel", "months", 1.0),
    "cost_per_work_studies": ("extra money per net extra person in work/studies", "mer pengar per netto fler i arbete/studier",
                              "kSEK", 1e-3),
}


# The headlines under finsim compare --format csv's metric names (and payers), for --json.
CSV_METRIC = {
    "work_studies_end": ("work_studies_december", ""),
    "participants": ("unique_participants", ""),
    "budget_all": ("finsam_budget", "all"),
    "budget_state": ("finsam_budget", "state"),
    "budget_region": ("finsam_budget", "region"),
    "budget_kommun": ("finsam_budget", "kommun"),
    "net_public_gain": ("public_net_gain", "all"),
    "payback_paid_months": ("payback_paid_median_months", "all"),
    "payback_spent_months": ("payback_spent_median_months", "all"),
    "cost_per_work_studies": ("cost_per_work_studies_end", "all"),
}
JSON_UNIT = {"persons": "persons", "persons/yr": "persons/yr", "MSEK/yr": "SEK/yr", "months": "months", "kSEK": "SEK"}


class Study:
    """A study file: per point its arm and sample, the sampled values, national aggregates."""

    def __init__(self, path):
        self.path = path
        with h5py.File(path, "r") as f:
            name = list(f["scenarios"].keys())[0]
            g = f["scenarios"][name]
            if "study_sample" not in g:
                raise ValueError(f"{path}: not a study file (no study_sample; made by finsim study)")
            self.attrs = {k: attribute(v) for k, v in g.attrs.items()}
            self.keys = texts(g.attrs["study_keys"])
            self.distributions = texts(g.attrs["study_distributions"])
            self.sample = g["study_sample"][:]
            self.arm = g["study_arm"][:]
            self.n_samples = int(g.attrs["study_samples"])
            values = np.array([g[k][:] for k in self.keys]).T  # [point, key]
            self.X = values[self.arm == 0][np.argsort(self.sample[self.arm == 0])]
            months = texts(g["month"][()])
            self.month_year = np.array([int(m[:4]) for m in months])
            self.years = g["year"][:]
            self.last_year = int(self.years[-1])
            states = texts(g["state"][()])
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
                for y in ("unique_participants", "state_paid", "region_paid", "kommuner_paid", "state_offer", "spent"):
                    put(y, p, g[y][p].sum(axis=2))  # [rep, year]
                for name, (quantity, year, *_rest) in TARGETS.items():  # the baseline arm is calibrated
                    put(name, p, self._target_value(g, p, national, quantity, year, tg, agg) if self.arm[p] == 0 else None)
                put("gain_monthly", p, (g["public_revenue"][p] - g["public_cost"][p]).sum(axis=2))  # [rep, month]
                put("contribution_monthly", p, g["finsam_contribution"][p].sum(axis=2))
            self.agg = {k: v for k, v in agg.items()}
        self.R = int(self.agg["ws_monthly"][0].shape[0])
        self.base_points = self._points(0)
        self.scen_points = self._points(1)
        self.window = self._window()

    def _target_value(self, g, p, national, quantity, year, tg, agg):
        """[rep] of one calibration quantity in `year` (docs/uncertainty.md §3), None when the
        study's months do not cover the year."""
        in_year = self.month_year == year
        if not in_year.any() or year not in self.years:
            return None
        if quantity == "participants":
            return agg["unique_participants"][p][:, int(np.flatnonzero(self.years == year)[0])]
        if quantity == "target_group":
            return national[:, np.flatnonzero(in_year)[-1], tg].sum(axis=1)
        ex = {k: g[k][p][:, in_year, :].sum(axis=(1, 2)) for k in
              ("exit_work", "exit_studies", "exit_job_seeking", "exit_other")}
        total = sum(ex.values())
        num = ex["exit_work"] + ex["exit_studies"] if quantity == "exit_work_studies_share" else ex["exit_job_seeking"]
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(total > 0, num / np.where(total > 0, total, 1), np.nan)

    def parameter_sources(self):
        """{key: source text} of the drawn keys, from the file's parameter table (point 0)."""
        with h5py.File(self.path, "r") as f:
            g = f["scenarios"][list(f["scenarios"].keys())[0]]
            if "parameter" not in g or "parameter_source" not in g:
                return {}
            return dict(zip(texts(g["parameter"][()]), texts(g["parameter_source"][()])))

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
        if name == "budget_all":
            return sum(self.headline(k) for k in payer)
        if name in payer:
            return diff(payer[name])[:, :, in_years].sum(axis=2) / n_years
        months = (self.month_year >= first) & (self.month_year <= last)
        if name == "net_public_gain":
            return diff("gain_monthly")[:, :, months].sum(axis=2) / n_years
        if name == "cost_per_work_studies":
            # Per run: extra money over the policy years ÷ net extra people at the end; defined when the
            # effect is positive (finsim compare's cost per effect, per replication).
            money = self.headline("budget_all") * n_years
            effect = self.headline("work_studies_end")
            with np.errstate(invalid="ignore", divide="ignore"):
                return np.where((effect > 0) & (money > 0), money / np.where(effect > 0, effect, 1), np.nan)
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
    kept, scores, sims = calibrate(study)
    U = lhs_coordinates(study.X)
    lines.append("")
    lines.append(f"history matching (implausibility |sim − obs| / sqrt(var_obs + var_model + var_MC) <= {CUTOFF:g}): "
                 f"tried {study.n_samples}, kept {int(kept.sum())}")
    for name in sims:
        _, _, obs, sd_obs, sd_model, what = TARGETS[name]
        rejected = ~(scores[name] <= CUTOFF)
        regions = uq.ruled_out_regions(U, study.keys, rejected)
        where = "; ".join(f"{k} (share ruled out by fifth of its range: " + " ".join(f"{s:.0%}" for s in shares) + ")"
                          for k, shares in regions) or "no single parameter region"
        lines.append(f"  {name}: obs {obs:g}, sd_obs {sd_obs:g}, sd_model {sd_model:g}; simulated "
                     f"{np.nanmean(sims[name]):.4g} ({np.nanquantile(sims[name].mean(axis=1), 0.05):.4g}-"
                     f"{np.nanquantile(sims[name].mean(axis=1), 0.95):.4g}); rules out {int(rejected.sum())}: {where}")
    not_covered = [n for n in TARGETS if n not in sims]
    if not_covered:
        lines.append("  not used (the study's years do not cover them): " + ", ".join(not_covered))
    use, calibrated = sets_used(kept, use_all)
    if not use_all and not calibrated:
        lines.append(f"  only {int(kept.sum())} set(s) kept: too few for intervals; the figures below use ALL sets and are "
                     "NOT calibrated (the targets rule out what this study drew)")
    elif not use_all and kept.sum() < 10:
        lines.append(f"  only {int(kept.sum())} sets kept: too few for a firm interval; more sets (--samples) give a "
                     "steadier one")
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
        # One replication per set: the split is not measured (uncertainty.variance_split).
        split = not flat and np.isfinite(s["parameter_share"])
        shares = f"{s['parameter_share']:.0%} | {1 - s['parameter_share']:.0%}" if split else "— | —"
        lines.append(f"{label} ({unit}) | {fmt(s['mean'], unit)} | {fmt(s['low'], unit)} to {fmt(s['high'], unit)} | "
                     + shares)
        rows.append((name, s["mean"], s["low"], s["high"], s["parameter"], s["monte_carlo"]))
    if rows and rows[-1][0] and study.headline("work_studies_end").shape[1] < 2:
        lines.append("one replication per set: the split between the parameters and simulation noise is not "
                     "measured (—); the total interval covers both (a study with -r 2 or more measures it)")
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
    lines.append("which assumptions drive the headline (Spearman rank correlation over the sets above, "
                 "simultaneous 95 % intervals by permutation; docs/uncertainty.md §5):")
    for name in ("work_studies_end", "participants", "net_public_gain"):
        y = study.headline(name)[use]
        if not np.isfinite(y).all():
            lines.append(f"  {name}: not defined in every run")
            continue
        scr = uq.screen_drivers(X, y.mean(axis=1))
        named = [j for j in np.argsort(-np.abs(np.nan_to_num(scr["rho"]))) if scr["singled_out"][j]]
        lines.append(f"  {name}: " + screening_verdict(scr, [study.keys[j] for j in named],
                                                        drawn_needed(scr, kept, use_all), lang))
        for j in named:
            lines.append(f"    {study.keys[j]}: rho {scr['rho'][j]:+.2f} ({scr['lo'][j]:+.2f} to {scr['hi'][j]:+.2f}), "
                         f"adjusted p {scr['p_adjusted'][j]:.4f}")
    screen = screening_sets(kept)
    X = study.X[screen]
    if screen.sum() < MIN_FLIP_SETS:
        lines.append(f"could flip 'pays back (money paid in) within 10 years': not assessed ({int(screen.sum())} sets; "
                     f"at least {MIN_FLIP_SETS}, so that each fifth of a range holds 5)")
        return "\n".join(lines), kept
    pay = study.headline("payback_paid_months")[screen]
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


def headline_entry(study, name, use, calibrated, lang="en"):
    """One headline of --json: mean, total 95 % interval (quantiles of the draws), variance shares;
    null (None) where a run has no value (no payback within the run, an effect ≤ 0 for a cost)."""
    en, svlabel, unit, scale = HEADLINES[name]
    metric, payer = CSV_METRIC[name]
    y = study.headline(name)[use]
    entry = {"metric": metric, "payer": payer, "label": svlabel if lang == "sv" else en, "unit": JSON_UNIT[unit],
             "mean": None, "lo": None, "hi": None, "share_parameters": None, "share_noise": None,
             "calibrated": bool(calibrated), "defined_share": float(np.isfinite(y).mean()) if y.size else 0.0}
    if y.shape[0] < 2 or not np.isfinite(y).all():
        entry["note"] = ("too few sets" if y.shape[0] < 2 else
                         f"not every run has a value (paid back within the run or a positive effect): "
                         f"{entry['defined_share']:.0%} do")
        return entry
    sp = uq.variance_split(y)
    # The total interval of finsim compare/quote of a study (docs/uncertainty.md §4): mean ± 1.96·√(total
    # variance), so the brief, the quote and this summary give one interval; the quantiles of the draws
    # are kept beside it.
    half = 1.959963985 * float(np.sqrt(sp["total"]))  # as engine/output/study_summary.cpp
    entry.update(mean=sp["mean"], lo=sp["mean"] - half, hi=sp["mean"] + half,
                 lo_quantile=sp["low"], hi_quantile=sp["high"])
    flat = sp["total"] <= (1e-6 * max(abs(sp["mean"]), 1.0)) ** 2
    if not flat and np.isfinite(sp["parameter_share"]):
        entry.update(share_parameters=sp["parameter_share"], share_noise=1 - sp["parameter_share"])
    elif not flat:
        entry["note"] = "one replication per set: the split between parameters and noise is not measured"
    return entry


def candidate_order(X, y):
    """The drawn keys by |Spearman rank correlation| of their values with E[Y | θ] ([sample,
    replication]), largest first, with the correlations: the candidates for a Sobol design (stage 2,
    analysis/sobol.py), whether or not the screening could single them out."""
    rho = uq.spearman_columns(X, y.mean(axis=1))
    return [int(j) for j in np.argsort(-np.abs(np.nan_to_num(rho)), kind="stable")], rho


def drawn_needed(scr, kept, use_all=False):
    """The drawn sets a study needs for scr["sets_needed"] sets in the screening: at this study's keep
    rate when the screening is over the kept sets."""
    n = scr.get("sets_needed")
    if n is None:
        return None
    if use_all or kept.sum() < MIN_KEPT:
        return int(n)
    return int(np.ceil(n * len(kept) / kept.sum()))


def screening_verdict(scr, named, drawn, lang="en"):
    """One sentence: the keys the screening singles out, or that it cannot single out any and what
    study could."""
    sv = lang == "sv"
    if named:
        return (f"{len(named)} antagande(n) urskiljs: " if sv else f"{len(named)} assumption(s) singled out: ") + \
            ", ".join(named)
    if not np.isfinite(scr["critical"]):
        why = (f"{scr['sets']} uppsättningar räcker inte för en rangkorrelation" if sv else
               f"{scr['sets']} sets are too few for a rank correlation")
        if scr["sets"] >= 4:
            why = "resultatet varierar inte mellan uppsättningarna" if sv else "the headline does not vary over the sets"
        return ("inget antagande kan urskiljas: " if sv else "no assumption can be singled out: ") + why
    share = f"{scr['share']:.0%}".replace("%", " %")
    if sv:
        return (f"inget antagande kan urskiljas med denna studiestorlek ({scr['sets']} uppsättningar, {scr['keys']} "
                f"antaganden: det krävs |rho| > {scr['critical']:.2f}); en studie med omkring {scr['sets_needed']} "
                f"uppsättningar i analysen (omkring {drawn} dragna) behövs för att urskilja ett antagande som ensamt "
                f"förklarar {share} av variansen (docs/uncertainty.md)")
    return (f"no assumption can be singled out at this study size ({scr['sets']} sets, {scr['keys']} assumptions: "
            f"it would take |rho| > {scr['critical']:.2f}); a study of about {scr['sets_needed']} sets in the "
            f"screening (about {drawn} drawn) would be needed to single out an assumption that alone explains "
            f"{share} of the variance (docs/uncertainty.md)")


def summary(study, use_all=False, lang="en", sobol=None, command=""):
    """The --json contract (docs/uncertainty.md §8): sets tried/kept, the headlines with their total
    interval and split, and the drivers of the net extra people in work or studies."""
    kept, _, _ = calibrate(study)
    use, calibrated = sets_used(kept, use_all)
    head = [headline_entry(study, n, use, calibrated, lang) for n in CSV_METRIC]
    # The screening is over the sets the headline's interval is over (the kept ones when calibrated).
    X = study.X[use]
    scr = uq.screen_drivers(X, study.headline("work_studies_end")[use].mean(axis=1))
    order = np.argsort(-np.abs(np.nan_to_num(scr["rho"])), kind="stable")
    named = [study.keys[j] for j in order if scr["singled_out"][j]]
    drawn = drawn_needed(scr, kept, use_all)
    c = scr["critical"]
    screening = {"metric": "work_studies_december", "sets": int(scr["sets"]), "calibrated": bool(calibrated),
                 "keys": int(scr["keys"]), "method": SCREENING_METHOD, "permutations": scr["permutations"],
                 "family_alpha": scr["alpha"], "critical_rho": float(c) if np.isfinite(c) else None,
                 "singled_out": named, "sets_needed": scr["sets_needed"], "drawn_needed": drawn,
                 "planning_share": scr["share"], "power": scr["power"],
                 "verdict": screening_verdict(scr, named, drawn, lang)}
    # Whether a key could flip the payback conclusion: over the sets of screening_sets (section 5).
    screen = screening_sets(kept)
    pay = study.headline("payback_paid_months")[screen]
    pays = np.where(np.isnan(pay), 0.0, (pay <= 120).astype(float)).mean(axis=1)
    stage2 = {}
    if sobol:  # stage 2 (analysis/sobol.py): first-order and total indices of the design's keys
        for d in sobol.get("indices", []):
            stage2[d["key"]] = d
    sources = study.parameter_sources()

    def number(v):
        return float(v) if v is not None and np.isfinite(v) else None

    drivers = []
    for j in order:
        key = study.keys[j]
        flip = bool(uq.could_flip(study.X[screen][:, j], pays)[2]) if screen.sum() >= MIN_FLIP_SETS else None
        t = stage2.get(key)
        drivers.append({"key": key, "label": f"{key} ({study.distributions[j]})", "source": sources.get(key, ""),
                        "rho": number(scr["rho"][j]), "lo": number(scr["lo"][j]), "hi": number(scr["hi"][j]),
                        "p_adjusted": number(scr["p_adjusted"][j]), "singled_out": bool(scr["singled_out"][j]),
                        "flips_conclusion": flip,
                        "first_order": number(t["first_order"]) if t else None,
                        "total": number(t["total"]) if t else None})
    return {"sets_tried": int(study.n_samples), "sets_kept": int(kept.sum()), "replications": int(study.R),
            "base": str(study.attrs.get("study_base_scenario", "")), "scenario": str(study.attrs.get("study_scenario", "")),
            "headline": head, "screening": screening, "drivers": drivers, "command": command,
            "metric_of_drivers": "work_studies_december", "policy_years": list(study.window)}


def calibrate(study):
    """History matching on every target the study covers: (kept [sample], {name: implausibility
    [sample]}, {name: simulated [sample, replication]}). The same rule and table as finsim compare
    (engine/output/study_calibration.cpp)."""
    sims, targets = {}, {}
    for name, (_, _, obs, sd_obs, sd_model, _) in TARGETS.items():
        values = study.calibration(name)
        if values.dtype == object:  # the study's months do not cover the target's year
            continue
        sims[name] = values.astype(float)
        targets[name] = (obs, sd_obs ** 2, sd_model ** 2)
    if not sims:
        return np.ones(study.n_samples, bool), {}, {}
    scores = {name: uq.implausibility(sims[name], *targets[name]) for name in targets}
    kept = np.ones(study.n_samples, dtype=bool)
    for v in scores.values():
        kept &= v <= CUTOFF  # NaN (no exits in a year) is not kept, as in C++
    return kept, scores, sims


def screening_sets(kept, min_sets=20):
    """The sets the sensitivity screening is over: the kept ones when at least `min_sets` are (the
    sensitivity where the model fits), else every drawn set (the sensitivity over the priors) — with
    a handful of kept sets a ranking of ~80 keys would be noise."""
    return kept.copy() if kept.sum() >= min_sets else np.ones(len(kept), bool)


def sets_used(kept, use_all=False):
    """(mask of the sets the figures are over, calibrated?): the kept ones when at least MIN_KEPT are,
    else all sets, not calibrated."""
    if use_all or kept.sum() < MIN_KEPT:
        return np.ones(len(kept), bool), False
    return kept.copy(), True


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
    ap.add_argument("--json", action="store_true", help="print the summary as JSON (docs/uncertainty.md §8)")
    ap.add_argument("--sobol", help="the JSON of analysis/sobol.py indices (stage 2): total indices of the top keys")
    a = ap.parse_args(argv)
    try:
        study = Study(a.study)
    except (OSError, KeyError, ValueError) as e:
        print(f"study.py: {a.study}: {e}", file=sys.stderr)
        return 2
    if a.json:
        import json
        sobol = None
        if a.sobol:
            with open(a.sobol, encoding="utf-8") as f:
                sobol = json.load(f)
        command = " ".join(["/usr/bin/python3", "analysis/study.py", *argv])
        print(json.dumps(summary(study, a.all, a.lang, sobol, command), ensure_ascii=False, allow_nan=False))
        return 0
    text, _ = report(study, a.all, a.lang, a.metric, a.tornado, a.csv)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
