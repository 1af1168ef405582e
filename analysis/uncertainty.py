"""The statistics of an uncertainty study (docs/uncertainty.md), on plain numpy arrays so that they can
be tested on toy models with known answers: the law-of-total-variance split, history matching by
implausibility, first-order sensitivity indices from the Latin hypercube (given-data estimator), the
conditional means a tornado plot shows, and the screening that names the keys driving an output only
when the study can tell (rank correlations with family-wise permutation intervals).

Arrays are [sample, replication]: one parameter set per row, the replications (same seeds in every
row) along the columns. Parameters are X[sample, parameter].
"""

import numpy as np

Z975 = 1.959963985  # the normal 97.5 % quantile, as engine/output/study_summary.cpp


def variance_split(y):
    """Law of total variance over parameter sets θ and replications: Var(Y) = Var_θ(E[Y|θ]) + E_θ[Var(Y|θ)].

    y: [sample, replication] (at least 2 replications for the Monte Carlo part: with one, the spread
    of the samples holds both parts, so `parameter` is that whole spread and parameter_share is NaN —
    not measured; the total and its interval stay right). Returns a dict:
    mean; total, parameter and monte_carlo variances; parameter_share; low/high: the total 95 %
    interval mean ± 1.96·√total, as finsim compare/quote of a study give it (engine/output/
    study_summary.cpp: one total interval everywhere, docs/uncertainty.md §4); q025/q975: the 2.5 and
    97.5 % quantiles of all draws (parameter sets weighted equally), a different figure that is never
    called the total interval; n_samples, n_replications. The parameter part is the variance of the
    sample means less their Monte Carlo part (E[Var]/R; one-way ANOVA), clipped at 0.
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
    q025, q975 = np.quantile(y.ravel(), [0.025, 0.975])
    mean = float(y.mean())
    half = Z975 * float(np.sqrt(total))
    return {
        "mean": mean, "total": total, "parameter": parameter, "monte_carlo": monte_carlo,
        "parameter_share": parameter / total if total > 0 and r > 1 else float("nan"),
        "low": mean - half, "high": mean + half, "q025": float(q025), "q975": float(q975),
        "n_samples": n, "n_replications": r,
    }


def payback_median(months):
    """The payback median of finsim compare (docs/output.md, engine/output/payback.cpp) over runs:
    months [any shape], inf for a run not paid back by the end of the run, nan for a run without extra
    money (left out). The upper median (with an even count the later of the two middle values), runs
    not paid back sorted last; None when it lies after the run (half or more not paid back) or no run
    has extra money."""
    m = np.sort(np.asarray(months, dtype=float).ravel())
    m = m[~np.isnan(m)]
    if m.size == 0 or not np.isfinite(m[m.size // 2]):
        return None
    return float(m[m.size // 2])


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
    [0, 1]); their sum ≤ 1 up to noise, = 1 for an additive model. n_bins default: √samples, 5 to 25.
    It needs thousands of sets to be steady (the toy test uses 4 000): with the tens of a default study
    its estimates are noise, so the reports rank keys by screen_drivers instead (docs/uncertainty.md §5)."""
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


def conditional_means(x, y, fraction=0.2):
    """Mean of E[Y|θ] over the parameter sets in the lowest and in the highest `fraction` of x: the two
    ends of a tornado bar. y: [sample, replication]."""
    means = np.asarray(y, dtype=float).mean(axis=1)
    order = np.argsort(np.asarray(x, dtype=float), kind="stable")
    k = max(1, int(round(fraction * len(order))))
    return float(means[order[:k]].mean()), float(means[order[-k:]].mean())


def could_flip(x, indicator, fraction=0.2):
    """Whether a yes/no conclusion (indicator [sample], e.g. 'pays back by the end of the run' as the share
    of replications) holds for most sets at one end of x and fails for most at the other.
    Returns (share at the low end, share at the high end, flips)."""
    lo, hi = conditional_means(x, np.asarray(indicator, dtype=float)[:, None], fraction)
    return lo, hi, (lo - 0.5) * (hi - 0.5) < 0


def spearman_columns(X, f):
    """Spearman rank correlation of each column of X [sample, key] with f [sample] (average ranks for
    ties, as OpenTURNS' CorrelationAnalysis.computeSpearmanCorrelation); nan for a constant column or f."""
    from scipy.stats import rankdata

    RX = rankdata(np.asarray(X, dtype=float), axis=0)
    rf = rankdata(np.asarray(f, dtype=float))
    RX = RX - RX.mean(axis=0)
    rf = rf - rf.mean()
    den = np.sqrt((RX ** 2).sum(axis=0) * (rf ** 2).sum())
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(den > 0, RX.T @ rf / np.where(den > 0, den, 1.0), np.nan)


def sets_needed(keys, share=0.1, alpha=0.05, power=0.8):
    """The number of sets at which a key whose rank correlation with the output is √share (one that
    alone explains `share` of its variance) is singled out among `keys` keys with probability `power`,
    the family-wise error held at `alpha`: Fisher's z of a Spearman correlation has variance
    1.06 / (n − 3) (Fieller, Hartley and Pearson 1957); Bonferroni's level alpha / keys two-sided."""
    from scipy.stats import norm

    if keys < 1:
        return None
    z = norm.ppf(1 - alpha / (2 * keys)) + norm.ppf(power)
    return int(np.ceil(3 + 1.06 * (z / np.arctanh(np.sqrt(share))) ** 2))


def screen_drivers(X, f, alpha=0.05, permutations=9999, seed=1, share=0.1, power=0.8):
    """Which keys drive f, with the uncertainty of a finite study (docs/uncertainty.md §5).

    X: [sample, key] drawn values; f: [sample] the output per set (the mean over its replications).
    For each key the Spearman rank correlation ρ with f. A key is singled out when |ρ| exceeds the
    family-wise critical value c: the (1 − alpha) quantile of max over keys of |ρ| when f is permuted
    (Westfall and Young's max-T, `permutations` permutations from `seed`), so that with no driver at
    all the chance of naming any key is alpha, whatever the number of keys and sets. Each ρ gets the
    simultaneous interval tanh(atanh ρ ± atanh c) (Fisher's z, the width calibrated by the
    permutations): it excludes 0 exactly when the key is singled out.

    Returns a dict: rho, lo, hi, p_adjusted (max-T, (1 + #{max ≥ |ρ|}) / (permutations + 1)),
    singled_out [key] (bool); critical (c, or nan with fewer than 4 sets or a constant f), sets, keys
    (the keys that vary), sets_needed (sets_needed() for them)."""
    X = np.asarray(X, dtype=float)
    f = np.asarray(f, dtype=float)
    n, k = X.shape
    out = {"rho": np.full(k, np.nan), "lo": np.full(k, np.nan), "hi": np.full(k, np.nan),
           "p_adjusted": np.full(k, np.nan), "singled_out": np.zeros(k, bool), "critical": float("nan"),
           "sets": n, "keys": 0, "permutations": int(permutations), "alpha": alpha, "share": share, "power": power}
    if n < 4 or not np.isfinite(f).all() or np.ptp(f) == 0:
        out["keys"] = int((np.ptp(X, axis=0) > 0).sum()) if n else 0
        out["sets_needed"] = sets_needed(out["keys"], share, alpha, power)
        return out
    from scipy.stats import rankdata

    rho = spearman_columns(X, f)
    varies = np.isfinite(rho)
    out["keys"] = int(varies.sum())
    out["sets_needed"] = sets_needed(out["keys"], share, alpha, power)
    out["rho"] = rho
    if not varies.any():
        return out
    RX = rankdata(X[:, varies], axis=0)
    RX = (RX - RX.mean(axis=0)) / np.sqrt(((RX - RX.mean(axis=0)) ** 2).sum(axis=0))
    rf = rankdata(f)
    rf = (rf - rf.mean()) / np.sqrt(((rf - rf.mean()) ** 2).sum())
    rng = np.random.default_rng(seed)
    max_abs = np.empty(permutations)
    for start in range(0, permutations, 1000):  # [permutation, sample] in blocks: memory for any n
        block = rng.permuted(np.tile(rf, (min(1000, permutations - start), 1)), axis=1)
        max_abs[start:start + len(block)] = np.abs(block @ RX).max(axis=1)
    max_abs.sort()
    # c is the order statistic that makes "|ρ| > c" the test "p_adjusted ≤ alpha".
    tail = int(np.floor(alpha * (permutations + 1))) - 1
    c = float(max_abs[permutations - tail - 1]) if tail >= 0 else float("inf")
    out["critical"] = c
    a = np.abs(rho[varies])
    out["p_adjusted"][varies] = (1 + (permutations - np.searchsorted(max_abs, a - 1e-12, side="left"))) / (
        permutations + 1)
    edge = 1 - 1e-12
    h = np.arctanh(min(c, edge))
    z = np.arctanh(np.clip(rho[varies], -edge, edge))
    out["lo"][varies] = np.tanh(z - h)
    out["hi"][varies] = np.tanh(z + h)
    out["singled_out"][varies] = a > c
    return out
