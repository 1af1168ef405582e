"""Sobol first-order and total sensitivity indices with OpenTURNS (Debian python3-openturns), in two
stages because a pick-freeze design over all ~80 drawn assumptions costs N·(k + 2) parameter sets
(docs/uncertainty.md §5):

1. screening on a Latin-hypercube study (finsim study): the keys ranked by their rank correlation
   with the headline (analysis/study_screening.py; the candidates, whether or not the screening
   could single them out);
2. `design`: a pick-freeze design (OpenTURNS SobolIndicesExperiment, N·(k + 2) rows) over the top k
   keys of the screening, drawn from the same priors, the other keys at their defaults; run it with
   `finsim study BASE SCENARIO --design design.csv -r R -o sobol.h5`;
3. `indices`: first-order and total indices of a headline over that study (Jansen's estimators by
   default, or Saltelli's / Mauntz-Kucherenko's), with bootstrap 95 % intervals, as a table and as
   JSON that `analysis/study.py --json --sobol` merges into its drivers.

Usage:
  /usr/bin/python3 analysis/sobol.py design SCREEN.h5 [--top 6] [-N 32] [--seed 1] -o design.csv
  /usr/bin/python3 analysis/sobol.py indices SOBOL.h5 [--metric work_studies_end] [--estimator jansen]
                                     [--bootstrap 500] [--json OUT.json]
"""

import argparse
import json
import os
import re
import sys

import numpy as np
import openturns as ot

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import study_data  # noqa: E402
from study_screening import candidate_order  # noqa: E402

ESTIMATORS = {
    "jansen": ot.JansenSensitivityAlgorithm,
    "saltelli": ot.SaltelliSensitivityAlgorithm,
    "mauntz-kucherenko": ot.MauntzKucherenkoSensitivityAlgorithm,
}


def distribution_of(formula):
    """OpenTURNS distribution of a study prior ("triangular(a, m, b)", "uniform(a, b)")."""
    m = re.fullmatch(r"\s*(triangular|uniform)\(([^)]*)\)\s*", formula)
    if not m:
        raise ValueError(f"unknown distribution {formula!r} (expected triangular(a, m, b) or uniform(a, b))")
    args = [float(x) for x in m.group(2).split(",")]
    if m.group(1) == "triangular":
        a, mode, b = args
        return ot.Triangular(a, mode, b)
    a, b = args
    return ot.Uniform(a, b)


def pick_freeze_design(distributions, n, seed=1):
    """[n·(k + 2), k] rows of a pick-freeze design (A, B, then A with column i from B for each i),
    drawn from the independent marginals."""
    ot.RandomGenerator.SetSeed(int(seed))
    joint = ot.ComposedDistribution(list(distributions))
    return np.array(ot.SobolIndicesExperiment(joint, int(n)).generate())


def sobol_indices(X, y, n, estimator="jansen", bootstrap=500, seed=1):
    """First-order and total indices from a pick-freeze design X [n·(k + 2), k] and outputs y [rows].

    Returns a list per input: first_order, first_order_lo, first_order_hi, total, total_lo, total_hi
    (bootstrap 95 % intervals, `bootstrap` resamples)."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float).reshape(-1, 1)
    k = X.shape[1]
    if X.shape[0] != n * (k + 2):
        raise ValueError(f"a pick-freeze design over {k} keys with N = {n} has {n * (k + 2)} rows, not {X.shape[0]}")
    ot.RandomGenerator.SetSeed(int(seed))
    algo = ESTIMATORS[estimator](ot.Sample(X), ot.Sample(y), int(n))
    algo.setBootstrapSize(int(bootstrap))
    algo.setConfidenceLevel(0.95)
    s1, st = algo.getFirstOrderIndices(), algo.getTotalOrderIndices()
    i1, it = algo.getFirstOrderIndicesInterval(), algo.getTotalOrderIndicesInterval()
    def bound(v):  # a degenerate bootstrap (a tiny design) gives ±DBL_MAX: no interval
        v = float(v)
        return v if np.isfinite(v) and abs(v) < 1e6 else None

    out = []
    for j in range(k):
        out.append({"first_order": float(s1[j]), "first_order_lo": bound(i1.getLowerBound()[j]),
                    "first_order_hi": bound(i1.getUpperBound()[j]), "total": float(st[j]),
                    "total_lo": bound(it.getLowerBound()[j]), "total_hi": bound(it.getUpperBound()[j])})
    return out


def interval_text(lo, hi):
    return "—" if lo is None or hi is None else f"{lo:.3f} to {hi:.3f}"


def design_from_screening(path, top, n, seed):
    """The top keys of a screening study (over its calibrated sets when there are enough) and a
    pick-freeze design over them: (keys, design rows)."""
    s = study_data.Study(path)
    kept, _, _ = study_data.calibrate(s)
    use = study_data.screening_sets(kept)
    ranked, rho = candidate_order(s.X[use], s.headline("work_studies_end")[use])
    order = ranked[:top]
    method = f"|Spearman rank correlation| over {int(use.sum())} sets"
    keys = [s.keys[j] for j in order]
    dists = [distribution_of(s.distributions[j]) for j in order]
    X = pick_freeze_design(dists, n, seed)
    integer = [np.all(np.round(s.X[:, j]) == s.X[:, j]) for j in order]
    for c, is_int in enumerate(integer):  # integer keys: the value the run will use
        if is_int:
            X[:, c] = np.round(X[:, c])
    return keys, X, [(s.keys[j], float(rho[j])) for j in order], method


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("design", help="pick-freeze design over the top keys of a screening study")
    d.add_argument("screening")
    d.add_argument("--top", type=int, default=6)
    d.add_argument("-N", type=int, default=32)
    d.add_argument("--seed", type=int, default=1)
    d.add_argument("-o", "--output", required=True)
    i = sub.add_parser("indices", help="first-order and total indices of a study run on a design")
    i.add_argument("study")
    i.add_argument("--metric", default="work_studies_end",
                   choices=[k for k in study_data.HEADLINES if not k.startswith("payback_")])
    i.add_argument("--estimator", default="jansen", choices=list(ESTIMATORS))
    i.add_argument("--bootstrap", type=int, default=500)
    i.add_argument("--json")
    a = ap.parse_args(argv)
    try:
        if a.cmd == "design":
            if a.top < 1 or a.N < 2:
                raise ValueError("--top must be ≥ 1 and -N ≥ 2")
            keys, X, screened, method = design_from_screening(a.screening, a.top, a.N, a.seed)
            with open(a.output, "w", encoding="utf-8") as f:
                f.write(",".join(keys) + "\n")
                for row in X:
                    f.write(",".join(f"{v:.17g}" for v in row) + "\n")
            print(f"design: {len(X)} parameter sets = N {a.N} x ({len(keys)} keys + 2), screening by {method}: "
                  + ", ".join(f"{k} {v:.2f}" for k, v in screened))
            print(f"run: finsim study BASE SCENARIO --design {a.output} -r R -o sobol.h5")
            return 0
        s = study_data.Study(a.study)
        k = len(s.keys)
        n = s.n_samples // (k + 2)
        y = s.headline(a.metric).mean(axis=1)  # E[Y | θ] over the replications (common random numbers)
        res = sobol_indices(s.X, y, n, a.estimator, a.bootstrap)
    except (OSError, KeyError, ValueError) as e:
        print(f"sobol.py: {e}", file=sys.stderr)
        return 2
    print(f"Sobol indices of {a.metric} ({a.estimator}, N = {n}, {k} keys, {s.n_samples} sets x {s.R} replications; "
          f"bootstrap 95 % intervals):")
    if n < 32:
        print(f"note: N = {n} is small; the indices and their intervals are not stable below N ≈ 32 (docs/uncertainty.md §5)")
    print("key | first order | 95 % | total | 95 %")
    for key, r in sorted(zip(s.keys, res), key=lambda t: -t[1]["total"]):
        print(f"{key} | {r['first_order']:.3f} | {interval_text(r['first_order_lo'], r['first_order_hi'])} | "
              f"{r['total']:.3f} | {interval_text(r['total_lo'], r['total_hi'])}")
    if a.json:
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump({"metric": a.metric, "estimator": a.estimator, "N": n, "study": a.study,
                       "indices": [dict(key=key, **r) for key, r in zip(s.keys, res)]}, f, indent=1, allow_nan=False)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
