"""analysis/sobol.py on the Ishigami function, whose Sobol indices are known analytically
(docs/uncertainty.md §5): f = sin x1 + a·sin² x2 + b·x3⁴·sin x1, x uniform on [−π, π], a = 7, b = 0.1:
S1 = 0.3139, S2 = 0.4424, S3 = 0; total ST1 = 0.5576, ST2 = 0.4424, ST3 = 0.2437. With N = 20 000
(100 000 evaluations) Jansen's estimators recover each index within 0.03, and each bootstrap 95 %
interval contains the estimate and the exact value within the same tolerance; the design has
N·(k + 2) rows in the priors' ranges, and the priors' formulas parse.

Usage: /usr/bin/python3 test_sobol_indices.py FINSIM SOURCE_DIR (FINSIM unused)
"""

import math
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(sys.argv[2], "analysis"))
import sobol  # noqa: E402

A, B = 7.0, 0.1
V = A * A / 8 + B * math.pi ** 4 / 5 + B * B * math.pi ** 8 / 18 + 0.5
V1 = 0.5 * (1 + B * math.pi ** 4 / 5) ** 2
V2 = A * A / 8
V13 = B * B * math.pi ** 8 * (1 / 18 - 1 / 50)
EXACT_S = [V1 / V, V2 / V, 0.0]
EXACT_T = [(V1 + V13) / V, V2 / V, V13 / V]
TOL = 0.03


def ishigami(X):
    return np.sin(X[:, 0]) + A * np.sin(X[:, 1]) ** 2 + B * X[:, 2] ** 4 * np.sin(X[:, 0])


n = 20000
dists = [sobol.distribution_of(f"uniform({-math.pi}, {math.pi})")] * 3
X = sobol.pick_freeze_design(dists, n, seed=3)
assert X.shape == (n * 5, 3), X.shape
assert np.all(np.abs(X) <= math.pi), "design outside the priors' range"
res = sobol.sobol_indices(X, ishigami(X), n, "jansen", bootstrap=100)
for j, r in enumerate(res):
    assert abs(r["first_order"] - EXACT_S[j]) < TOL, (j, r, EXACT_S[j])
    assert abs(r["total"] - EXACT_T[j]) < TOL, (j, r, EXACT_T[j])
    assert r["first_order_lo"] <= r["first_order"] <= r["first_order_hi"], r
    assert r["total_lo"] <= r["total"] <= r["total_hi"], r
    assert r["total_lo"] - TOL <= EXACT_T[j] <= r["total_hi"] + TOL, (j, r)
# A wrong design size is refused rather than misread.
try:
    sobol.sobol_indices(X[:-1], ishigami(X[:-1]), n)
    raise AssertionError("a design of the wrong size was accepted")
except ValueError:
    pass
# The priors of a study file.
t = sobol.distribution_of("triangular(0.1, 0.11, 0.25)")
assert abs(t.getMean()[0] - (0.1 + 0.11 + 0.25) / 3) < 1e-12
assert sobol.distribution_of("uniform(280000, 500000)").getRange().getUpperBound()[0] == 500000
print("ok: S =", [round(r["first_order"], 3) for r in res], "exact", [round(s, 3) for s in EXACT_S],
      "; ST =", [round(r["total"], 3) for r in res], "exact", [round(s, 3) for s in EXACT_T])
print("PASS")
