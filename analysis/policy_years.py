"""The policy years as finsim compare finds them (engine/output/comparison.cpp): from the first year
in which any national series it compares differs between two runs, to the last year. study.py and
the sweep plots use this rule, so their per-year figures cover compare's years.
"""

import numpy as np

# The stock groups compare reads, as person-years per year and December values.
STOCK_GROUPS = (("work", "studies"), ("work",), ("studies",), ("target", "waiting", "in_insats"))
# Yearly [replication, year, forbund] money compare reads (the equity change is close − open).
YEARLY_MONEY = ("state_paid", "region_paid", "kommuner_paid", "individual_spent", "structural", "admin",
                "unused_offer")


def compared_series(get, years, month_year, states):
    """[replication, year, series] of one run (one point): the national yearly series finsim compare
    compares. `get(name)` gives the run's dataset `name` as a numpy array without its point axis
    ([replication, month or year, forbund, …]); `month_year` is the year of each month; `states` the
    state labels."""
    ends = [np.flatnonzero(month_year == y) for y in years]

    def by_year(monthly):  # [rep, month] -> [rep, year] sums
        return np.stack([monthly[:, m].sum(axis=1) for m in ends], axis=1)

    series = [get("unique_participants").sum(axis=2),
              by_year((get("exit_work") + get("exit_studies")).sum(axis=2)),
              by_year(get("pension_contribution_by_forbund").sum(axis=2))]
    national = get("stock").sum(axis=2)  # [rep, month, state]
    for group in STOCK_GROUPS:
        stock = national[:, :, [states.index(x) for x in group]].sum(axis=2)
        series += [by_year(stock), np.stack([stock[:, m[-1]] for m in ends], axis=1)]
    series += [get(name).sum(axis=2) for name in YEARLY_MONEY]
    series.append(get("equity_close").sum(axis=2) - get("equity_open").sum(axis=2))
    for name in ("public_cost", "public_revenue"):
        ledger = get(name)  # [rep, month, payer], national
        series += [by_year(ledger[:, :, k]) for k in range(ledger.shape[2])]
    return np.stack(series, axis=2)


def first_difference(years, pairs):
    """The policy years (first, last): from the first year in which the series of any pair (a, b)
    of compared_series arrays differ, in any replication, to the last year; the whole run when none
    does."""
    differs = np.zeros(len(years), dtype=bool)
    for a, b in pairs:
        differs |= (a != b).any(axis=(0, 2))
    first = years[np.argmax(differs)] if differs.any() else years[0]
    return int(first), int(years[-1])
