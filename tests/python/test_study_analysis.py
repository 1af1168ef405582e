"""analysis/uncertainty.py on toy models with known answers (docs/uncertainty.md, Tests):

- the law-of-total-variance split and the first-order indices of y = a·x1 + b·x2 + σ·ε with x1, x2
  uniform on [0, 1): parameter variance (a² + b²)/12, Monte Carlo variance σ², S1 = a²/(a² + b²),
  S2 = b²/(a² + b²), within the stated tolerances (5 % of each variance, 0.03 on each index) with
  4 000 parameter sets × 4 replications;
- history matching keeps the true parameter set of a synthetic-truth run and rejects one far from it;
- the total interval covers 95 % of the draws.

Usage: /usr/bin/python3 test_study_analysis.py FINSIM SOURCE_DIR (FINSIM unused)
"""

import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(sys.argv[2], "analysis"))
import uncertainty as uq  # noqa: E402


def toy(X, a, b, sigma, reps, rng):
    f = a * X[:, 0] + b * X[:, 1]
    return f[:, None] + sigma * rng.standard_normal((len(f), reps))


def lhs(n, d, rng):
    return (np.array([rng.permutation(n) for _ in range(d)]).T + rng.random((n, d))) / n


def check_split_and_indices():
    rng = np.random.default_rng(20261126)
    a, b, sigma = 3.0, 1.0, 0.5
    X = lhs(4000, 3, rng)  # a third, inert parameter: its index must be ~0
    y = toy(X, a, b, sigma, 4, rng)
    s = uq.variance_split(y)
    v_param, v_mc = (a * a + b * b) / 12, sigma ** 2
    assert abs(s["parameter"] / v_param - 1) < 0.05, (s["parameter"], v_param)
    assert abs(s["monte_carlo"] / v_mc - 1) < 0.05, (s["monte_carlo"], v_mc)
    assert abs(s["parameter_share"] - v_param / (v_param + v_mc)) < 0.02, s["parameter_share"]
    assert abs(s["mean"] - (a + b) / 2) < 0.03, s["mean"]
    inside = ((y >= s["low"]) & (y <= s["high"])).mean()
    assert abs(inside - 0.95) < 0.005, inside
    S = uq.first_order_indices(X, y)
    expected = [a * a / (a * a + b * b), b * b / (a * a + b * b), 0.0]
    assert np.all(np.abs(S - expected) < 0.03), (S, expected)
    # Without parameter effects everything is noise: the parameter share is ~0.
    flat = uq.variance_split(sigma * rng.standard_normal((500, 4)))
    assert flat["parameter_share"] < 0.05, flat
    # One replication per set: the total is the whole spread (parameters and noise), and the split
    # is not measured (NaN), not reported as all parameters.
    one = uq.variance_split(y[:, :1])
    assert abs(one["total"] / (v_param + v_mc) - 1) < 0.05, (one["total"], v_param + v_mc)
    assert np.isnan(one["parameter_share"]), one
    # Tornado ends: the lowest fifth of x1 averages a·0.1 + b/2, the highest a·0.9 + b/2.
    lo, hi = uq.conditional_means(X[:, 0], y)
    assert abs(lo - (a * 0.1 + b / 2)) < 0.05 and abs(hi - (a * 0.9 + b / 2)) < 0.05, (lo, hi)
    print(f"ok: split parameter {s['parameter']:.4f} (exact {v_param:.4f}), Monte Carlo {s['monte_carlo']:.4f} "
          f"(exact {v_mc:.4f}); S = {np.round(S, 3).tolist()} (exact {np.round(expected, 3).tolist()})")


def check_history_matching():
    rng = np.random.default_rng(7)
    truth = np.array([0.3, 0.7])
    far = np.array([0.95, 0.05])

    def targets_of(theta, reps):
        t = np.atleast_2d(theta)
        noise = 0.1
        return {"A": (3 * t[:, 0] + t[:, 1])[:, None] + noise * rng.standard_normal((len(t), reps)),
                "B": (t[:, 0] - t[:, 1])[:, None] + noise * rng.standard_normal((len(t), reps))}

    observed = {k: float(v.mean()) for k, v in targets_of(truth, 50).items()}  # the synthetic truth run
    var_obs, var_model = 0.05 ** 2, 0.05 ** 2
    targets = {k: (observed[k], var_obs, var_model) for k in observed}
    X = np.vstack([truth, far, lhs(300, 2, rng)])
    sims = targets_of(X, 5)
    kept, scores = uq.history_match(sims, targets)
    assert kept[0], {k: v[0] for k, v in scores.items()}
    assert not kept[1], {k: v[1] for k, v in scores.items()}
    # What is kept lies near the truth, and the far corner is ruled out by target A (x1 high).
    assert np.all(np.abs(X[kept].mean(axis=0) - truth) < 0.1), X[kept].mean(axis=0)
    regions = dict(uq.ruled_out_regions(X[2:], ["x1", "x2"], scores["A"][2:] > 3))
    # A = 3·x1 + x2 = 1.6 at the truth: the top fifth of x1 (A ≥ 2.4) is ruled out entirely.
    assert "x1" in regions and regions["x1"][4] == 1.0, regions
    print(f"ok: history matching kept {int(kept.sum())} of {len(X)} sets, the true set (I = "
          f"{max(v[0] for v in scores.values()):.2f}) and not the far one (I = {max(v[1] for v in scores.values()):.1f})")


def check_flip():
    x = np.linspace(0, 1, 100)
    pays = (x > 0.5).astype(float)
    lo, hi, flip = uq.could_flip(x, pays)
    assert flip and lo == 0 and hi == 1
    assert not uq.could_flip(x, np.ones(100))[2]
    print("ok: could_flip")


check_split_and_indices()
check_history_matching()
check_flip()
print("PASS")
