"""analysis/uncertainty.py on toy models with known answers (docs/uncertainty.md, Tests):

- the law-of-total-variance split and the first-order indices of y = a·x1 + b·x2 + σ·ε with x1, x2
  uniform on [0, 1): parameter variance (a² + b²)/12, Monte Carlo variance σ², S1 = a²/(a² + b²),
  S2 = b²/(a² + b²), within the stated tolerances (5 % of each variance, 0.03 on each index) with
  4 000 parameter sets × 4 replications;
- history matching keeps the true parameter set of a synthetic-truth run and rejects one far from it;
- the total interval is mean ± 1.96·√(parameter + Monte Carlo variance), as finsim compare gives it
  (hand-checked on a 2 × 2 study), and the draws' 2.5–97.5 % quantiles, a different figure, cover 95 %
  of the draws;
- the payback median is finsim compare's: the upper median with runs not paid back sorted last, none
  when it lies after the run (hand-checked), and the report's rows say "paid back by <last year>".

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
    inside = ((y >= s["q025"]) & (y <= s["q975"])).mean()
    assert abs(inside - 0.95) < 0.005, inside
    # The total interval is the normal one (finsim compare's), not the quantiles.
    half = 1.959963985 * np.sqrt(s["parameter"] + s["monte_carlo"])
    assert abs(s["low"] - (s["mean"] - half)) < 1e-12 and abs(s["high"] - (s["mean"] + half)) < 1e-12, s
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


def check_total_interval_by_hand():
    # Sets (1, 3) and (5, 7): set means 2 and 6, mean 4; within-set variance 2 (Monte Carlo); the means'
    # variance 8 less 2/2 = 7 (parameters); total 9, sd 3: 4 ± 1.959963985·3. Quantiles of 1, 3, 5, 7
    # (linear): 1 + 0.075·2 = 1.15 and 5 + 0.925·2 = 6.85.
    s = uq.variance_split(np.array([[1.0, 3.0], [5.0, 7.0]]))
    assert (s["mean"], s["parameter"], s["monte_carlo"], s["total"]) == (4.0, 7.0, 2.0, 9.0), s
    assert abs(s["low"] - -1.879891955) < 1e-9 and abs(s["high"] - 9.879891955) < 1e-9, s
    assert abs(s["q025"] - 1.15) < 1e-12 and abs(s["q975"] - 6.85) < 1e-12, s
    print("ok: total interval 4 ± 1.96·3 = -1.88 to 9.88; quantiles 1.15 to 6.85")


def check_payback_median():
    inf, nan = float("inf"), float("nan")
    # Four runs 19, 20, 21 and one not paid back: the upper median is 21 (numpy's median would give 20.5).
    assert uq.payback_median([[19, 21], [20, inf]]) == 21.0
    # Half not paid back: the median lies after the run, so there is none (compare: "after <year>").
    assert uq.payback_median([[19, inf], [inf, 20]]) is None
    # A run without extra money (nan) is left out: 18, 25, inf -> 25.
    assert uq.payback_median([[nan, 18], [25, inf]]) == 25.0
    assert uq.payback_median([[nan, nan]]) is None and uq.payback_median([[12.0]]) == 12.0
    # The report's rows (study_headlines): paid back by the run's last year, not "within 10 years".
    import study_headlines as sh
    f = {"name": "payback_paid_months", "mean": None, "lo": None, "hi": None, "q025": None, "q975": None,
         "var_parameter": None, "var_monte_carlo": None, "share_parameters": None, "note": "after_2026",
         "defined_share": 0.757, "median": 21.0, "paid_back_share": 0.757, "paid_back_by": 2026}
    assert sh.text_rows(f) == [
        "payback on money paid in, all payers (months) | not in every run: 76 % of the runs paid back by 2026 | | | |",
        "  median run (upper median over the runs, as finsim compare of two runs gives it): 21 months"], sh.text_rows(f)
    assert sh.text_rows(dict(f, median=None))[1].endswith(": not paid back by 2026")
    assert sh.text_rows(f, "sv")[0].endswith("inte i alla körningar: 76 % av körningarna återbetalda till 2026 | | | |")
    assert sh.csv_row(f) == "payback_paid_months,,,,,,,,21,0.757,2026,months,after_2026", sh.csv_row(f)
    entry = sh.json_entry(f, True)
    assert entry["median"] == 21.0 and entry["paid_back_by"] == 2026 and entry["mean"] is None, entry
    assert entry["note"] == "not every run paid back by 2026: 76 % did", entry
    print("ok: payback median (upper, none after the run) and 'paid back by <last year>'")


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
check_total_interval_by_hand()
check_payback_median()
check_history_matching()
check_flip()
print("PASS")
