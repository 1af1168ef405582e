"""The headline figures of a study (docs/uncertainty.md §4), one record per headline, written as the
text report's rows, the CSV's and the --json summary's entries of analysis/study.py, all with finsim compare's figures.
"""

import numpy as np

import uncertainty as uq
from study_data import HEADLINES

# The headlines under finsim compare --format csv's metric names (and payers), in compare's order.
CSV_METRIC = {
    "work_studies_end": ("work_studies_december", ""),
    "person_years": ("person_years_work_studies", ""),
    "participants": ("unique_participants", ""),
    "budget_all": ("finsam_budget", "all"),
    "budget_state": ("finsam_budget", "state"),
    "budget_region": ("finsam_budget", "region"),
    "budget_kommun": ("finsam_budget", "kommun"),
    "net_public_gain": ("public_net_gain", "all"),
    "payback_spent_months": ("payback_spent_median_months", "all"),
    "payback_paid_months": ("payback_paid_median_months", "all"),
    "cost_per_work_studies": ("cost_per_work_studies_end", "all"),
}
# --json gives money in SEK (the report and the CSV in MSEK and kSEK, HEADLINES' scale).
JSON_UNIT = {"persons": "persons", "person-years/yr": "person-years/yr", "persons/yr": "persons/yr",
             "MSEK/yr": "SEK/yr", "months": "months", "kSEK": "SEK"}
CSV_HEADER = ("headline,mean,low,high,var_parameter,var_monte_carlo,q025,q975,median_months,paid_back_share,"
              "paid_back_by,unit,note")


def figures(study, name, use):
    """One headline over the sets `use` (mask), unscaled (SEK): mean; lo, hi: the total 95 % interval,
    mean ± 1.96·√(parameter + Monte Carlo variance) as finsim compare/quote give it; q025, q975: the
    draws' quantiles (a different figure, never called the total interval); var_parameter,
    var_monte_carlo; share_parameters (None when the split is not measured or there is nothing to
    split); defined_share; note (compare's CSV note). For a payback also median (finsim compare's upper
    median, None when it lies after the run), paid_back_share and paid_back_by: the run's last year —
    "paid back" means by the end of the run, the only horizon the study has. None where not defined."""
    y = study.headline(name)[use]
    f = {"name": name, "mean": None, "lo": None, "hi": None, "q025": None, "q975": None, "var_parameter": None,
         "var_monte_carlo": None, "share_parameters": None, "note": "",
         "defined_share": float(np.isfinite(y).mean()) if y.size else 0.0}
    payback = name.startswith("payback_")
    if payback:
        f.update(median=uq.payback_median(y), paid_back_share=f["defined_share"], paid_back_by=int(study.last_year))
    if y.shape[0] < 2:
        f["note"] = "too_few_sets_kept"
        return f
    if not np.isfinite(y).all():
        f["note"] = f"after_{study.last_year}" if payback else "undefined_effect_not_positive"
        return f
    sp = uq.variance_split(y)
    f.update(mean=sp["mean"], lo=sp["low"], hi=sp["high"], q025=sp["q025"], q975=sp["q975"],
             var_parameter=sp["parameter"], var_monte_carlo=sp["monte_carlo"])
    # No spread worth splitting (the money of a fixed policy): the shares would describe rounding.
    flat = sp["total"] <= (1e-6 * max(abs(sp["mean"]), 1.0)) ** 2
    if not flat and np.isfinite(sp["parameter_share"]):
        f["share_parameters"] = sp["parameter_share"]
    elif not flat:  # one replication per set (uncertainty.variance_split)
        f["note"] = "split_not_measured_one_replication"
    return f


def _scaled(v, k):
    return None if v is None else v * k


def fmt(v, unit):
    if v is None or not np.isfinite(v):
        return "—"
    if unit in ("persons", "persons/yr", "person-years/yr"):
        return f"{v:+,.0f}".replace(",", " ")
    if unit == "months":
        return f"{v:.0f}"
    return f"{v:+,.1f}".replace(",", " ")


def percent(share):
    return f"{100 * share:.0f} %"  # as finsim compare prints a share


TEXT_HEADER = {
    "en": ("headline", "mean", "total 95 % interval", "parameters", "simulation noise", "draws' 2.5–97.5 % quantiles"),
    "sv": ("storhet", "medel", "totalt 95 %-intervall", "osäkerhet i antaganden", "slumpvariation i simuleringen",
           "dragningarnas 2,5–97,5 %-kvantiler"),
}
TEXT_NOTE = {
    "en": "total 95 % interval: mean ± 1.96 standard deviations over the sets and their replications (law of total "
          "variance), the interval of finsim compare/quote, --json and the brief; the draws' 2.5–97.5 % quantiles are "
          "another figure, not an interval to quote",
    "sv": "totalt 95 %-intervall: medel ± 1,96 standardavvikelser över uppsättningarna och deras upprepningar (lagen om "
          "total varians), samma intervall som finsim compare/quote, --json och underlaget; dragningarnas 2,5–97,5 "
          "%-kvantiler är ett annat mått, inte ett intervall att citera",
}


def text_rows(f, lang="en"):
    """The report's line(s) for one headline: the columns of TEXT_HEADER; a payback adds its median run."""
    en, svlabel, unit, k = HEADLINES[f["name"]]
    sv = lang == "sv"
    label = f"{svlabel if sv else en} ({unit})"
    lines = []
    if f["mean"] is None:
        if f["note"] == "too_few_sets_kept":
            why = "inget intervall: för få uppsättningar" if sv else "no interval: too few sets kept"
        elif "paid_back_by" in f:  # finsim compare's words for a payback not reached in every run
            why = (f"inte i alla körningar: {percent(f['paid_back_share'])} av körningarna återbetalda till "
                   f"{f['paid_back_by']}" if sv else
                   f"not in every run: {percent(f['paid_back_share'])} of the runs paid back by {f['paid_back_by']}")
        else:
            why = ("ej definierat: effekten är inte positiv i alla körningar" if sv else
                   "not defined: the effect is not positive in every run")
        lines.append(f"{label} | {why} | | | |")
    else:
        p = f["share_parameters"]
        shares = f"{percent(p)} | {percent(1 - p)}" if p is not None else "— | —"
        lines.append(f"{label} | {fmt(f['mean'] * k, unit)} | {fmt(f['lo'] * k, unit)} {'till' if sv else 'to'} "
                     f"{fmt(f['hi'] * k, unit)} | {shares} | {fmt(f['q025'] * k, unit)} {'till' if sv else 'to'} "
                     f"{fmt(f['q975'] * k, unit)}")
    if "paid_back_by" in f:
        m = f["median"]
        value = (f"{m:.0f} {'månader' if sv else 'months'}" if m is not None else
                 f"{'inte återbetald till' if sv else 'not paid back by'} {f['paid_back_by']}")
        lines.append(("  mediankörningen (övre median över körningarna, som finsim compare av två körningar): "
                      if sv else "  median run (upper median over the runs, as finsim compare of two runs gives it): ")
                     + value)
    return lines


def csv_row(f):
    """One line of the CSV (CSV_HEADER), in the report's units; an empty field where not defined."""
    unit, k = HEADLINES[f["name"]][2:]

    def num(v):
        return "" if v is None or not np.isfinite(v) else f"{v:.6g}"

    values = [_scaled(f[c], k) for c in ("mean", "lo", "hi")] + \
        [_scaled(f[c], k * k) for c in ("var_parameter", "var_monte_carlo")] + [_scaled(f[c], k) for c in ("q025", "q975")]
    fields = [f["name"]] + [num(v) for v in values]
    if "paid_back_by" in f:
        fields += [num(f["median"]), num(f["paid_back_share"]), str(f["paid_back_by"])]
    else:
        fields += ["", "", ""]
    return ",".join(fields + [unit, f["note"]])


def json_entry(f, calibrated, lang="en"):
    """One headline of --json (docs/uncertainty.md §8), money in SEK; null where not defined."""
    en, svlabel, unit, _ = HEADLINES[f["name"]]
    metric, payer = CSV_METRIC[f["name"]]
    p = f["share_parameters"]
    entry = {"metric": metric, "payer": payer, "label": svlabel if lang == "sv" else en, "unit": JSON_UNIT[unit],
             "mean": f["mean"], "lo": f["lo"], "hi": f["hi"], "share_parameters": p,
             "share_noise": None if p is None else 1 - p, "calibrated": bool(calibrated),
             "defined_share": f["defined_share"]}
    if f["mean"] is not None:
        entry.update(lo_quantile=f["q025"], hi_quantile=f["q975"])
    if "paid_back_by" in f:
        entry.update(median=f["median"], paid_back_share=f["paid_back_share"], paid_back_by=f["paid_back_by"])
    note = {"too_few_sets_kept": "too few sets",
            "undefined_effect_not_positive": f"not every run has a positive effect: {percent(f['defined_share'])} do",
            "split_not_measured_one_replication": "one replication per set: the split between parameters and noise "
                                                  "is not measured"}.get(f["note"])
    if f["note"].startswith("after_"):
        note = f"not every run paid back by {f['paid_back_by']}: {percent(f['defined_share'])} did"
    if note:
        entry["note"] = note
    return entry
