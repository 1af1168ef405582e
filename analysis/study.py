"""Report of an uncertainty study (finsim study; docs/uncertainty.md): history matching against the
calibration targets, the headline effects with their total 95 % interval split into parameter
uncertainty and Monte Carlo noise, the screening of which assumptions drive the headline (named only
when the study can tell), which assumptions could flip the payback conclusion, and a tornado plot.

Usage: /usr/bin/python3 analysis/study.py STUDY.h5 [--tornado OUT.png|OUT.svg] [--metric M]
       [--lang en|sv] [--all] [--csv OUT.csv] [--json [--sobol SOBOL.json]]
  --all   use every parameter set, not only those the calibration targets keep
"""

import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import uncertainty as uq  # noqa: E402
from cli_errors import (Parser, UsageError, check_output, check_outputs_differ, plot_formats,  # noqa: E402
                        report as report_error, result_file, write_files as write_all)
from study_data import (CUTOFF, HEADLINES, TARGETS, Study, calibrate, lhs_coordinates,  # noqa: E402
                        screening_sets, sets_used)
from study_headlines import (CSV_HEADER, CSV_METRIC, TEXT_HEADER, TEXT_NOTE, csv_row, figures,  # noqa: E402
                             json_entry, text_rows)
from study_screening import SCREENING_METHOD, drawn_needed, screening_verdict  # noqa: E402

# Fewer sets than this: whether a key could flip the payback conclusion is not assessed (each fifth of
# a key's range would hold fewer than 5 sets, and one set at each end would "flip" it by chance).
MIN_FLIP_SETS = 25
# The headline analysis/sobol.py must have computed its indices for, to be merged into the drivers
# (sobol.py's name of --json's metric_of_drivers, work_studies_december).
SOBOL_METRIC = "work_studies_end"


def conclusion(study, lang="en"):
    """The conclusion a key could flip: paid back by the end of the run (its last year), the horizon the
    study has — finsim compare's "paid back by <year>" — not a fixed number of years."""
    if lang == "sv":
        return f"återbetalar sig (inbetalda medel, alla parter) till {study.last_year}"
    return f"pays back (money paid in, all payers) by {study.last_year}"


def paid_back_share(study, sets):
    """Per set, the share of its replications paid back (money paid in) by the end of the run."""
    return np.isfinite(study.headline("payback_paid_months")[sets]).mean(axis=1)


def history_matching(study, kept, scores, sims):
    """The history-matching table as finsim compare STUDY.h5 prints it (engine/cli/study_table.cpp: the
    simulated range is the smallest to the largest set mean over every tried set), with the parameter
    regions each target rules out."""
    sets = ", ".join(str(i) for i in np.flatnonzero(kept))
    lines = [f"history matching (implausibility |sim - obs| / sqrt(var_obs + var_model + var_MC) <= {CUTOFF:g}): "
             f"tried {study.n_samples}, kept {int(kept.sum())}" + (f" (sets {sets})" if sets else "")]
    U = lhs_coordinates(study.X)
    for name in sims:
        _, _, obs, sd_obs, sd_model, _ = TARGETS[name]
        rejected = ~(scores[name] <= CUTOFF)
        means = sims[name].mean(axis=1)
        means = means[np.isfinite(means)]
        simulated = f"{means.min():.6g} to {means.max():.6g}" if means.size else "-"
        regions = uq.ruled_out_regions(U, study.keys, rejected)
        where = "; ".join(f"{k} " + " ".join(f"{s:.0%}" for s in shares) for k, shares in regions)
        lines.append(f"  {name}: observed {obs:.6g}, sd_obs {sd_obs:.6g}, sd_model {sd_model:.6g}; simulated {simulated}; "
                     f"rules out {int(rejected.sum())}" +
                     (f" (share ruled out by fifth of the range: {where})" if where else ""))
    not_covered = [n for n in TARGETS if n not in sims]
    if not_covered:
        lines.append("  not used (the study's years do not cover them): " + ", ".join(not_covered))
    return lines


def report(study, use_all=False, lang="en", tornado=None, metric="work_studies_end"):
    a = study.attrs
    lines = [f"study {study.path}: {study.n_samples} parameter sets ({a.get('study_method', '')}, sample seed "
             f"{a.get('study_sample_seed')}) of {len(study.keys)} keys x 2 arms ({a.get('study_base_scenario')}, "
             f"{a.get('study_scenario')}) x {study.R} replications; policy years {study.window[0]}-{study.window[1]}", ""]

    # --- history matching ------------------------------------------------------------------------
    kept, scores, sims = calibrate(study)
    lines += history_matching(study, kept, scores, sims)
    use, calibrated = sets_used(kept, use_all)
    if not use_all and not calibrated:
        lines.append(f"  only {int(kept.sum())} set(s) kept: too few for intervals; the figures below use ALL sets and are "
                     "NOT calibrated (the targets rule out what this study drew)")
    elif not use_all and kept.sum() < 10:
        lines.append(f"  only {int(kept.sum())} sets kept: too few for a firm interval; more sets (--samples) give a "
                     "steadier one")
    lines.append("")

    # --- uncertainty split: finsim compare's figures (study_headlines) ------------------------------
    lines.append(" | ".join(TEXT_HEADER[lang]))
    for name in CSV_METRIC:
        lines += text_rows(figures(study, name, use), lang)
    lines.append(TEXT_NOTE[lang])
    if study.R < 2:
        lines.append("one replication per set: the split between the parameters and simulation noise is not "
                     "measured (—); the total interval covers both (a study with -r 2 or more measures it)")
    lines.append("")

    # --- sensitivity ------------------------------------------------------------------------------
    X = study.X[use]
    if tornado:
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
    what = f"could flip '{conclusion(study, lang)}'"
    if screen.sum() < MIN_FLIP_SETS:
        lines.append(f"{what}: not assessed ({int(screen.sum())} sets; at least {MIN_FLIP_SETS}, so that each fifth "
                     "of a range holds 5)")
        return "\n".join(lines)
    pays = paid_back_share(study, screen)
    flips = []
    for j, key in enumerate(study.keys):
        lo, hi, flip = uq.could_flip(study.X[screen][:, j], pays)
        if flip:
            flips.append((key, lo, hi))
    lines.append(f"{what}: " +
                 ("; ".join(f"{k} (low end {lo:.0%}, high end {hi:.0%} of runs paid back by {study.last_year})"
                            for k, lo, hi in flips)
                  if flips else "no single assumption at either end of its range"))
    return "\n".join(lines)


def summary(study, use_all=False, lang="en", sobol=None, command=""):
    """The --json contract (docs/uncertainty.md §8): sets tried/kept, the headlines with their total
    interval and split, and the drivers of the net extra people in work or studies."""
    kept, _, _ = calibrate(study)
    use, calibrated = sets_used(kept, use_all)
    head = [json_entry(figures(study, n, use), calibrated, lang) for n in CSV_METRIC]
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
    pays = paid_back_share(study, screen)
    # Stage 2 (analysis/sobol.py, checked by read_sobol): first-order and total indices of the design's keys.
    stage2 = {d["key"]: d for d in sobol["indices"]} if sobol else {}
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
                        "first_order": number(t.get("first_order")) if t else None,
                        "total": number(t.get("total")) if t else None})
    return {"sets_tried": int(study.n_samples), "sets_kept": int(kept.sum()), "replications": int(study.R),
            "base": str(study.attrs.get("study_base_scenario", "")), "scenario": str(study.attrs.get("study_scenario", "")),
            "headline": head, "screening": screening, "drivers": drivers, "conclusion": conclusion(study, lang),
            "command": command, "metric_of_drivers": "work_studies_december", "policy_years": list(study.window)}


def read_sobol(path):
    """The JSON of analysis/sobol.py indices, checked before it is merged into the drivers: indices of
    the drivers' headline (a file for another metric would be attached to the wrong headline), a list of
    {"key": str, "first_order": number|null, "total": number|null}."""
    what = f"--sobol {path}"
    try:
        with open(path, encoding="utf-8") as f:
            sobol = json.load(f)
    except (OSError, ValueError) as e:  # ValueError: not JSON (json.JSONDecodeError) or not UTF-8
        raise UsageError(f"{what}: {getattr(e, 'strerror', None) or e} (expected the JSON of analysis/sobol.py indices)")
    if not isinstance(sobol, dict) or not isinstance(sobol.get("indices"), list):
        raise UsageError(f"{what}: expected a JSON object with a list \"indices\" (analysis/sobol.py indices --json)")

    def is_number(v):
        return v is None or (isinstance(v, (int, float)) and not isinstance(v, bool))

    for i, d in enumerate(sobol["indices"]):
        if not (isinstance(d, dict) and isinstance(d.get("key"), str) and is_number(d.get("first_order"))
                and is_number(d.get("total"))):
            raise UsageError(f"{what}: indices[{i}]: expected {{\"key\": str, \"first_order\": number, \"total\": "
                             f"number}} (analysis/sobol.py indices --json), got {json.dumps(d)[:80]}")
    if sobol.get("metric") != SOBOL_METRIC:
        raise UsageError(f"{what}: the indices are of metric {json.dumps(sobol.get('metric'))}, expected "
                         f"\"{SOBOL_METRIC}\" (the drivers are of the net extra people in work or studies: "
                         f"analysis/sobol.py indices --metric {SOBOL_METRIC})")
    return sobol


def write_files(study, a):
    """The tornado plot and the CSV (the headlines in the report's units, study_headlines.CSV_HEADER),
    each written to a temporary file beside it and renamed only when all are written: after an error
    neither is there, nor half of one."""
    use, _ = sets_used(calibrate(study)[0], a.all)
    jobs = []
    if a.tornado:
        from study_plot import plot_tornado
        jobs.append((a.tornado, "--tornado", lambda p: plot_tornado(
            study, study.X[use], study.headline(a.metric)[use], a.metric, p, a.lang)))
    if a.csv:
        rows = [csv_row(figures(study, n, use)) for n in CSV_METRIC]

        def write_csv(p):
            with open(p, "w", encoding="utf-8") as f:
                f.write("\n".join([CSV_HEADER] + rows) + "\n")
        jobs.append((a.csv, "--csv", write_csv))
    write_all(jobs)


def main(argv):
    ap = Parser(prog="study.py", description=__doc__.split("\n\n")[0])
    ap.add_argument("study")
    ap.add_argument("--tornado")
    ap.add_argument("--metric", default="work_studies_end", choices=[k for k in HEADLINES if not k.startswith("payback_")])
    ap.add_argument("--lang", default="en", choices=["en", "sv"])
    ap.add_argument("--all", action="store_true")
    ap.add_argument("--csv")
    ap.add_argument("--json", action="store_true", help="print the summary as JSON (docs/uncertainty.md §8)")
    ap.add_argument("--sobol", help="with --json: the JSON of analysis/sobol.py indices (stage 2) for the drivers")
    a = ap.parse_args(argv)
    try:
        # Every argument is checked before the study is read: a mistake costs no work and leaves no file.
        if a.sobol and not a.json:
            raise UsageError(f"--sobol {a.sobol}: needs --json (the Sobol indices are merged into the --json drivers; "
                             "analysis/sobol.py indices prints them as a table)")
        sobol = read_sobol(a.sobol) if a.sobol else None
        inputs = [a.study, a.sobol]
        if a.tornado:
            check_output(a.tornado, "--tornado", plot_formats(), inputs)
        if a.csv:
            check_output(a.csv, "--csv", None, inputs)
        check_outputs_differ([(a.tornado, "--tornado"), (a.csv, "--csv")])
        result_file(a.study, kinds=("study",))
        try:
            study = Study(a.study)
        except (OSError, KeyError, ValueError) as e:
            raise UsageError(f"{a.study}: {e}")
        if a.json:
            command = " ".join(["/usr/bin/python3", "analysis/study.py", *argv])
            out = json.dumps(summary(study, a.all, a.lang, sobol, command), ensure_ascii=False, allow_nan=False)
        else:
            out = report(study, a.all, a.lang, a.tornado, a.metric)
        write_files(study, a)  # before printing: a file that cannot be written makes no output
    except UsageError as e:
        return report_error("study.py", e)
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
