"""The statistics of an uncertainty study (docs/uncertainty.md), on plain numpy arrays so that they can
be tested on toy models with known answers: the law-of-total-variance split, history matching by
implausibility, first-order sensitivity indices from the Latin hypercube (given-data estimator) and
the conditional means a tornado plot shows.

Arrays are [sample, replication]: one parameter set per row, the replications (same seeds in every
row) along the columns. Parameters are X[sample, parameter].
"""

import numpy as np


def variance_split(y):
    """Law of total variance over parameter sets θ and replications: Var(Y) = Var_θ(E[Y|θ]) + E_θ[Var(Y|θ)].

    y: [sample, replication] (at least 2 replications for the Monte Carlo part). Returns a dict:
    mean; total, parameter and monte_carlo variances; parameter_share; low/high: the total 95 %
    interval (2.5 and 97.5 % quantiles of all draws, parameter sets weighted equally); n_samples,
    n_replications. The parameter part is the variance of the sample means less their Monte Carlo
    part (E[Var]/R; one-way ANOVA), clipped at 0.
    """
    y = np.asarray(y, dtype=float)
    if y.ndim != 2 or y.shape[0] < 2:
        raise ValueError("variance_split: need [sample, replication] with at least 2 samples")
    n, r = y.shape
    means = y.mean(axis=1)
    within = float(y.var(axis=1, ddof=1).mean()) if r > 1 else float("nan")
    between_raw = float(means.var(ddof=1))
    parameter = max(between_raw - (within / r if r > 1 else 0.0), 0.0)
    monte_carlo = within if r > 1 else 0.0
    total = parameter + monte_carlo
    low, high = np.quantile(y.ravel(), [0.025, 0.975])
    return {
        "mean": float(y.mean()), "total": total, "parameter": parameter, "monte_carlo": monte_carlo,
        "parameter_share": parameter / total if total > 0 else float("nan"),
        "low": float(low), "high": float(high), "n_samples": n, "n_replications": r,
    }


def implausibility(sim, obs, var_obs, var_model):
    """I = |E[sim] − obs| / sqrt(var_obs + var_model + var_MC) per parameter set.

    sim: [sample, replication] simulated values of one target; var_MC is the Monte Carlo variance of
    the mean over the replications (s² / R; 0 with one replication)."""
    sim = np.asarray(sim, dtype=float)
    r = sim.shape[1]
    var_mc = sim.var(axis=1, ddof=1) / r if r > 1 else np.zeros(sim.shape[0])
    return np.abs(sim.mean(axis=1) - obs) / np.sqrt(var_obs + var_model + var_mc)


def history_match(sims, targets, cutoff=3.0):
    """Keeps the parameter sets whose implausibility is ≤ cutoff for every target.

    sims: {target name: [sample, replication]}; targets: {name: (obs, var_obs, var_model)}.
    Returns (kept mask [sample], {name: implausibility [sample]})."""
    scores = {name: implausibility(sims[name], *targets[name]) for name in targets}
    kept = np.ones(next(iter(sims.values())).shape[0], dtype=bool)
    for s in scores.values():
        kept &= s <= cutoff
    return kept, scores


def ruled_out_regions(U, names, rejected, top=3, parts=5):
    """Which regions of the parameters a target rules out: for each parameter, the share of the sets
    it rejects in each fifth of the parameter's range (by hypercube coordinate u in [0, 1)). Returns up
    to `top` (name, [share per fifth]) with the largest spread between the most and the least ruled-out
    fifth, when that spread is at least 0.25 (otherwise the target does not single the parameter out)."""
    rejected = np.asarray(rejected, dtype=bool)
    if not rejected.any():
        return []
    out = []
    for j, name in enumerate(names):
        part = np.minimum((np.asarray(U)[:, j] * parts).astype(int), parts - 1)
        shares = [float(rejected[part == q].mean()) if (part == q).any() else float("nan") for q in range(parts)]
        spread = np.nanmax(shares) - np.nanmin(shares)
        if spread >= 0.25:
            out.append((name, shares, spread))
    out.sort(key=lambda t: -t[2])
    return [(n, s) for n, s, _ in out[:top]]


def _bins(x, n_bins):
    order = np.argsort(x, kind="stable")
    return np.array_split(order, n_bins)


def first_order_indices(X, y, n_bins=None):
    """First-order (main-effect) Sobol indices of f(θ) = E[Y|θ] from a Latin hypercube (given-data
    estimator: the variance of the conditional means over equal-count bins of each parameter, less
    its within-bin noise, over the parameter variance of the split).

    X: [sample, parameter]; y: [sample, replication]. Returns an array [parameter] (clipped to
    [0, 1]); their sum ≤ 1 up to noise, = 1 for an additive model. n_bins default: √samples, 5 to 25."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    means = y.mean(axis=1)
    n = len(means)
    if n_bins is None:
        n_bins = int(min(25, max(5, round(np.sqrt(n)))))
    n_bins = min(n_bins, n)
    v_param = variance_split(y)["parameter"] if y.shape[1] > 1 else float(means.var(ddof=1))
    if v_param <= 0:
        return np.zeros(X.shape[1])
    out = []
    for j in range(X.shape[1]):
        groups = [means[b] for b in _bins(X[:, j], n_bins)]
        sizes = np.array([len(g) for g in groups], dtype=float)
        gm = np.array([g.mean() for g in groups])
        between = float(np.sum(sizes * (gm - means.mean()) ** 2) / n)          # Var of bin means (weighted)
        within = float(np.sum([((g - g.mean()) ** 2).sum() for g in groups]) / max(n - n_bins, 1))
        v_i = between - within * n_bins / n                                     # less the noise of the bin means
        out.append(min(max(v_i / v_param, 0.0), 1.0))
    return np.array(out)


def rank_correlation_squared(X, f):
    """Squared Spearman rank correlation of each column of X with f [sample]: the first-order index
    of a monotone effect, usable for screening with fewer sets than the binned estimator needs."""
    X = np.asarray(X, dtype=float)
    f = np.asarray(f, dtype=float)

    def ranks(v):
        return np.argsort(np.argsort(v, kind="stable"), kind="stable").astype(float)

    rf = ranks(f)
    out = []
    for j in range(X.shape[1]):
        rx = ranks(X[:, j])
        if rx.std() == 0 or rf.std() == 0:
            out.append(0.0)
            continue
        out.append(float(np.corrcoef(rx, rf)[0, 1] ** 2))
    return np.array(out)


def conditional_means(x, y, fraction=0.2):
    """Mean of E[Y|θ] over the parameter sets in the lowest and in the highest `fraction` of x: the two
    ends of a tornado bar. y: [sample, replication]."""
    means = np.asarray(y, dtype=float).mean(axis=1)
    order = np.argsort(np.asarray(x, dtype=float), kind="stable")
    k = max(1, int(round(fraction * len(order))))
    return float(means[order[:k]].mean()), float(means[order[-k:]].mean())


def could_flip(x, indicator, fraction=0.2):
    """Whether a yes/no conclusion (indicator [sample], e.g. 'pays back within 10 years' as the share
    of replications) holds for most sets at one end of x and fails for most at the other.
    Returns (share at the low end, share at the high end, flips)."""
    lo, hi = conditional_means(x, np.asarray(indicator, dtype=float)[:, None], fraction)
    return lo, hi, (lo - 0.5) * (hi - 0.5) < 0
