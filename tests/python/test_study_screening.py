"""The screening of which assumptions drive a headline (analysis/uncertainty.py screen_drivers,
docs/uncertainty.md §5) on synthetic studies with a known answer:

- the rank correlation equals OpenTURNS' CorrelationAnalysis.computeSpearmanCorrelation (ties too);
- one key that truly drives the output among 30 noise keys: it alone is singled out, its simultaneous
  interval excludes 0 and every other key's includes it;
- pure noise: no key is singled out, and over 200 noise studies the share that names any key is the
  family-wise 5 % (within binomial error), not the 1 − 0.95^30 = 79 % of testing each key at 5 %;
- the study size it asks for (sets_needed, checked by hand below) is the one at which a key that alone
  explains 10 % of the variance is found about 80 % of the time;
- degenerate input (fewer than 4 sets, a constant output, a constant key) names nothing and says so.

Usage: /usr/bin/python3 test_study_screening.py BUILD/engine/finsim SOURCE_DIR
"""

import os
import statistics
import sys

import numpy as np
import openturns as ot

src = sys.argv[2]
sys.path.insert(0, os.path.join(src, "analysis"))
import uncertainty as uq  # noqa: E402

passed = 0
rng = np.random.default_rng(20261126)

# Spearman as OpenTURNS computes it, with tied values (an integer key) included.
X = rng.uniform(size=(25, 4))
X[:, 3] = np.round(X[:, 3] * 4)
f = X[:, 0] + rng.normal(size=25)
want = np.array(ot.CorrelationAnalysis(ot.Sample(X), ot.Sample(f[:, None])).computeSpearmanCorrelation())
assert np.allclose(uq.spearman_columns(X, f), want, atol=1e-12), (uq.spearman_columns(X, f), want)
passed += 1


def study(n, k, driver_share=None, reps=3):
    """X [n, k] uniform; y [n, reps] = (a·x0 when a driver) + noise, the driver explaining
    `driver_share` of the variance of the set means; returns X and the set means."""
    X = rng.uniform(size=(n, k))
    noise = rng.normal(size=(n, reps)).mean(axis=1) * np.sqrt(reps)  # sd 1 per set mean
    if driver_share is None:
        return X, noise
    a = np.sqrt(12 * driver_share / (1 - driver_share))  # Var(a·x0) = a²/12 = share/(1 − share)
    return X, a * X[:, 0] + noise


# One driver (half of the variance) among 30 keys, 60 sets: named, and no other.
X, f = study(60, 30, 0.5)
r = uq.screen_drivers(X, f)
assert list(np.flatnonzero(r["singled_out"])) == [0], r
assert r["lo"][0] > 0 and all(r["lo"][j] <= 0 <= r["hi"][j] for j in range(1, 30)), (r["lo"], r["hi"])
assert r["p_adjusted"][0] <= 0.05 and (r["p_adjusted"][1:] > 0.05).all(), r["p_adjusted"]
# Singled out exactly when the interval excludes 0, and |rho| beyond the critical value.
assert ((r["lo"] > 0) | (r["hi"] < 0)).tolist() == r["singled_out"].tolist()
assert (np.abs(r["rho"]) > r["critical"]).tolist() == r["singled_out"].tolist()
passed += 1

# Pure noise: none named.
X, f = study(60, 30)
r = uq.screen_drivers(X, f)
assert not r["singled_out"].any() and all(r["lo"][j] <= 0 <= r["hi"][j] for j in range(30)), r
passed += 1

# The family-wise error over many noise studies: 5 % (binomial sd over 200: 1.5 %).
named = 0
for _ in range(200):
    X, f = study(20, 30)
    named += uq.screen_drivers(X, f, permutations=999, seed=int(rng.integers(1 << 30)))["singled_out"].any()
assert 0.01 <= named / 200 <= 0.10, named
passed += 1

# The size it asks for, by hand: keys 10, alpha 0.05, power 0.8, share 0.1:
#   z = z(1 − 0.05/20) + z(0.8) = 2.8070 + 0.8416 = 3.6486; atanh(√0.1) = 0.32745;
#   n = 3 + 1.06 · (3.6486 / 0.32745)² = 3 + 1.06 · 124.15 = 134.6 → 135.
nd = statistics.NormalDist()
z = nd.inv_cdf(1 - 0.05 / 20) + nd.inv_cdf(0.8)
assert abs(z - 3.6486) < 1e-3 and uq.sets_needed(10) == 135 == int(np.ceil(3 + 1.06 * (z / np.arctanh(np.sqrt(0.1))) ** 2))
assert uq.sets_needed(77) == 182, uq.sets_needed(77)  # the default study's keys (docs/uncertainty.md §5)
# ... and at that size a key explaining 10 % is found about 80 % of the time (100 studies: sd 4 %;
# a Spearman correlation is a little below the Pearson √0.1 the size is planned for: about 77 % expected).
found = sum(uq.screen_drivers(*study(135, 10, 0.1), permutations=999, seed=s)["singled_out"][0] for s in range(100))
assert 0.62 <= found / 100 <= 0.92, found
print(f"noise studies naming a key: {named} of 200; a 10 % key found at n = 135: {found} of 100")
passed += 1

# Degenerate input: nothing named, no critical value, the size still given.
for X, f in ((rng.uniform(size=(3, 5)), rng.normal(size=3)), (rng.uniform(size=(10, 5)), np.ones(10))):
    r = uq.screen_drivers(X, f)
    assert not r["singled_out"].any() and not np.isfinite(r["critical"]) and r["sets_needed"] == uq.sets_needed(5), r
X = rng.uniform(size=(30, 3))
X[:, 1] = 7.0  # a key that does not vary is not screened (and not counted)
r = uq.screen_drivers(X, X[:, 0] + 0.1 * rng.normal(size=30))
assert np.isnan(r["rho"][1]) and not r["singled_out"][1] and r["keys"] == 2 and r["singled_out"][0], r
passed += 1

print(f"PASS ({passed} checks)")
