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

import json
import os
import re
import sys

import numpy as np
import openturns as ot

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import study_data  # noqa: E402
from cli_errors import Parser, UsageError, check_output, int_in, report, result_file, write_files  # noqa: E402
from study_screening import candidate_order  # noqa: E402

# Bounds of the command line: a design of more rows than MAX_DESIGN_ROWS is more parameter sets than a
# study could run (each a pair of whole runs), and the bootstrap's cost grows with its size.
MAX_DESIGN_ROWS = 1_000_000
MAX_BOOTSTRAP = 100_000
MAX_SEED = 2**32 - 1

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
    try:
        s1, st = algo.getFirstOrderIndices(), algo.getTotalOrderIndices()
    except RuntimeError as e:  # OpenTURNS' exceptions (e.g. an output without variance)
        raise ValueError(f"no Sobol indices ({' '.join(str(e).split())})")
    try:
        i1, it = algo.getFirstOrderIndicesInterval(), algo.getTotalOrderIndicesInterval()
        lower1, upper1, lower_t, upper_t = i1.getLowerBound(), i1.getUpperBound(), it.getLowerBound(), it.getUpperBound()
    except (RuntimeError, TypeError):  # a degenerate bootstrap (resamples without variance, a tiny design): no
        # interval. OpenTURNS raises its InvalidArgumentException (a NaN bandwidth) as TypeError.
        lower1 = upper1 = lower_t = upper_t = [np.nan] * k

    def bound(v):  # a degenerate bootstrap (a tiny design) gives ±DBL_MAX: no interval
        v = float(v)
        return v if np.isfinite(v) and abs(v) < 1e6 else None

    out = []
    for j in range(k):
        out.append({"first_order": float(s1[j]), "first_order_lo": bound(lower1[j]),
                    "first_order_hi": bound(upper1[j]), "total": float(st[j]),
                    "total_lo": bound(lower_t[j]), "total_hi": bound(upper_t[j])})
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


def write_design(path, keys, X):
    def write(p):
        with open(p, "w", encoding="utf-8") as f:
            f.write(",".join(keys) + "\n")
            for row in X:
                f.write(",".join(f"{v:.17g}" for v in row) + "\n")
    write_files([(path, "-o", write)])


def main(argv):
    ap = Parser(prog="sobol.py", description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True, metavar="design|indices")
    d = sub.add_parser("design", help="pick-freeze design over the top keys of a screening study")
    d.add_argument("screening")
    d.add_argument("--top", type=int_in(1, 10_000, "--top"), default=6)
    d.add_argument("-N", type=int_in(2, MAX_DESIGN_ROWS, "-N"), default=32)
    d.add_argument("--seed", type=int_in(0, MAX_SEED, "--seed"), default=1)
    d.add_argument("-o", "--output", required=True)
    i = sub.add_parser("indices", help="first-order and total indices of a study run on a design")
    i.add_argument("study")
    i.add_argument("--metric", default="work_studies_end",
                   choices=[k for k in study_data.HEADLINES if not k.startswith("payback_")])
    i.add_argument("--estimator", default="jansen", choices=list(ESTIMATORS))
    i.add_argument("--bootstrap", type=int_in(1, MAX_BOOTSTRAP, "--bootstrap"), default=500)
    i.add_argument("--json")
    a = ap.parse_args(argv)
    try:
        if a.cmd == "design":
            # Every argument is checked before the study is read: a mistake costs no work and leaves no file.
            check_output(a.output, "-o", None, [a.screening])
            keys = result_file(a.screening, kinds=("study",)).get("study_keys", [])
            top = min(a.top, len(keys) if isinstance(keys, list) else 1)
            rows = a.N * (top + 2)
            if rows > MAX_DESIGN_ROWS:
                raise UsageError(f"-N {a.N}: the design would have N x (top {top} + 2) = {rows} parameter sets; "
                                 f"expected at most {MAX_DESIGN_ROWS} (a smaller -N or --top)")
            keys, X, screened, method = design_from_screening(a.screening, a.top, a.N, a.seed)
            write_design(a.output, keys, X)
            print(f"design: {len(X)} parameter sets = N {a.N} x ({len(keys)} keys + 2), screening by {method}: "
                  + ", ".join(f"{k} {v:.2f}" for k, v in screened))
            print(f"run: finsim study BASE SCENARIO --design {a.output} -r R -o sobol.h5")
            return 0
        if a.json:
            check_output(a.json, "--json", None, [a.study])
        result_file(a.study, kinds=("study",))
        s = study_data.Study(a.study)
        k = len(s.keys)
        n = s.n_samples // (k + 2)
        if n < 2 or s.n_samples != n * (k + 2):
            raise UsageError(f"{a.study}: {s.n_samples} parameter sets over {k} keys are not a pick-freeze design "
                             "(N x (keys + 2) sets, N >= 2); expected a study run on a design of sobol.py design "
                             "(finsim study --design)")
        y = s.headline(a.metric).mean(axis=1)  # E[Y | θ] over the replications (common random numbers)
        res = sobol_indices(s.X, y, n, a.estimator, a.bootstrap)
        if a.json:
            def write_json(p):
                with open(p, "w", encoding="utf-8") as f:
                    json.dump({"metric": a.metric, "estimator": a.estimator, "N": n, "study": a.study,
                               "indices": [dict(key=key, **r) for key, r in zip(s.keys, res)]}, f, indent=1,
                              allow_nan=False)
            write_files([(a.json, "--json", write_json)])  # before printing: a file that cannot be written makes no output
    except UsageError as e:
        return report("sobol.py", e)
    except (OSError, KeyError, ValueError) as e:
        return report("sobol.py", f"{getattr(a, 'screening', None) or a.study}: {e}")
    print(f"Sobol indices of {a.metric} ({a.estimator}, N = {n}, {k} keys, {s.n_samples} sets x {s.R} replications; "
          f"bootstrap 95 % intervals):")
    if n < 32:
        print(f"note: N = {n} is small; the indices and their intervals are not stable below N ≈ 32 (docs/uncertainty.md §5)")
    print("key | first order | 95 % | total | 95 %")
    for key, r in sorted(zip(s.keys, res), key=lambda t: -t[1]["total"]):
        print(f"{key} | {r['first_order']:.3f} | {interval_text(r['first_order_lo'], r['first_order_hi'])} | "
              f"{r['total']:.3f} | {interval_text(r['total_lo'], r['total_hi'])}")
    return 0

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
