"""Reading a study file (finsim study): per set and arm the sampled values and national aggregates,
the headlines as paired differences, and history matching against the calibration targets.
"""

import h5py
import numpy as np

import uncertainty as uq
from policy_years import compared_series, first_difference

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
# Fewer kept sets than this: the report and --json use all sets and say they are not calibrated.
MIN_KEPT = 2


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
    "person_years": ("extra person-years in work or studies a year (policy years)",
                     "fler personår i arbete eller studier per år (policyåren)", "person-years/yr", 1.0),
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
                for y in ("unique_participants", "state_paid", "region_paid", "kommuner_paid", "spent"):
                    put(y, p, g[y][p].sum(axis=2))  # [rep, year]
                for name, (quantity, year, *_rest) in TARGETS.items():  # the baseline arm is calibrated
                    put(name, p, self._target_value(g, p, national, quantity, year, tg, agg) if self.arm[p] == 0 else None)
                put("gain_monthly", p, (g["public_revenue"][p] - g["public_cost"][p]).sum(axis=2))  # [rep, month]
                put("contribution_monthly", p, g["finsam_contribution"][p].sum(axis=2))
                put("compared", p, compared_series(lambda name: g[name][p], self.years, self.month_year, states))
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
        """The policy years, as finsim compare finds them: from the first year in which any series it
        compares (people, exits, money by payer, the payer ledger) differs between the arms, in any
        set and replication, to the last year; the whole run when none does."""
        compared = self.agg["compared"]
        return first_difference(self.years, [(compared[b], compared[s]) for b, s in zip(self.base_points, self.scen_points)])

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
        months = (self.month_year >= first) & (self.month_year <= last)
        if name == "person_years":  # months in work or studies ÷ 12, per policy year: compare's person_years_work_studies
            return diff("ws_monthly")[:, :, months].sum(axis=2) / 12.0 / n_years
        if name == "participants":
            return diff("unique_participants")[:, :, in_years].sum(axis=2) / n_years
        payer = {"budget_state": "state_paid", "budget_region": "region_paid", "budget_kommun": "kommuner_paid"}
        if name == "budget_all":
            return sum(self.headline(k) for k in payer)
        if name in payer:
            return diff(payer[name])[:, :, in_years].sum(axis=2) / n_years
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
