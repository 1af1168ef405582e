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

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import uncertainty as uq  # noqa: E402
from study_data import (CUTOFF, HEADLINES, TARGETS, Study, calibrate, lhs_coordinates,  # noqa: E402
                        screening_sets, sets_used)
from study_plot import plot_tornado  # noqa: E402
from study_screening import SCREENING_METHOD, drawn_needed, screening_verdict  # noqa: E402

# Fewer sets than this: whether a key could flip the payback conclusion is not assessed (each fifth of
# a key's range would hold fewer than 5 sets, and one set at each end would "flip" it by chance).
MIN_FLIP_SETS = 25

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
            try:
                with open(a.sobol, encoding="utf-8") as f:
                    sobol = json.load(f)
            except (OSError, ValueError) as e:  # ValueError: not JSON (json.JSONDecodeError)
                print(f"study.py: --sobol {a.sobol}: {e} (expected the JSON of analysis/sobol.py indices)",
                      file=sys.stderr)
                return 2
            if not isinstance(sobol, dict):
                print(f"study.py: --sobol {a.sobol}: expected a JSON object with \"indices\" (analysis/sobol.py indices)",
                      file=sys.stderr)
                return 2
        command = " ".join(["/usr/bin/python3", "analysis/study.py", *argv])
        print(json.dumps(summary(study, a.all, a.lang, sobol, command), ensure_ascii=False, allow_nan=False))
        if a.tornado or a.csv:  # the files are written as without --json; the text report is not printed
            report(study, a.all, a.lang, a.metric, a.tornado, a.csv)
        return 0
    text, _ = report(study, a.all, a.lang, a.metric, a.tornado, a.csv)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
