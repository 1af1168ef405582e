"""Reading Finsim result files (HDF5, see docs/output.md) into xarray for analysis and plots.

Uses Debian's python3-xarray and python3-h5netcdf; call with /usr/bin/python3.
"""

import h5py
import xarray as xr


def text(value):
    """A string as str, or a list of them: h5py returns the fixed-length strings of result files
    (schema_version 2, docs/output.md) as bytes. xarray (h5netcdf) already gives str."""
    if isinstance(value, bytes):  # also numpy.bytes_
        return value.decode("utf-8")
    if hasattr(value, "tolist") and not isinstance(value, str):
        value = value.tolist()
    if isinstance(value, list):
        return [text(v) for v in value]
    return value


def scenario_names(path):
    """Names of the scenario groups in a result file."""
    with h5py.File(path, "r") as f:
        return list(f["scenarios"].keys())


def open_scenario(path, name=None):
    """The scenario group as an xarray Dataset with named dimensions and labels."""
    name = name or scenario_names(path)[0]
    return xr.open_dataset(path, group=f"scenarios/{name}", engine="h5netcdf")


def yearly_national(ds, variable):
    """A monthly [replication, month, forbund] count summed nationally and per calendar year."""
    national = ds[variable].sum("forbund")
    years = [str(m)[:4] for m in ds["month"].values]
    return national.assign_coords(year_of_month=("month", years)).groupby("year_of_month").sum()


def read_events(path, name=None):
    """The event log (finsim run --events) as a pandas DataFrame with labels instead of codes.

    Columns: replication, month (e.g. "2019-03"), month_index, agent, forbund, event, from_state,
    to_state, insats ("" when none). Raises KeyError if the run kept no event log.
    """
    import numpy as np
    import pandas as pd

    name = name or scenario_names(path)[0]
    with h5py.File(path, "r") as f:
        g = f[f"scenarios/{name}"]
        if "events" not in g:
            raise KeyError(f"{path}: scenarios/{name} has no event log (run finsim run with --events)")
        e = g["events"]
        months = g["month"].asstr()[()]
        areas = g["forbund"].asstr()[()]
        insatser = np.append(g["insats"].asstr()[()], "")  # code -1 picks the last: none

        def decode(column):
            return pd.Categorical.from_codes(e[column][:], text(e[column].attrs["flag_meanings"]).split())

        month_index = e["month"][:]
        return pd.DataFrame({
            "replication": e["replication"][:],
            "month": months[month_index],
            "month_index": month_index,
            "agent": e["agent"][:],
            "forbund": areas[e["forbund"][:]],
            "event": decode("event"),
            "from_state": decode("from_state"),
            "to_state": pd.Categorical.from_codes(e["to_state"][:], text(e["from_state"].attrs["flag_meanings"]).split()),
            "insats": insatser[e["insats"][:].astype(np.int64)],
        })


# ---- Sweeps (finsim sweep; docs/output.md "Sweep files") -----------------------------------------

def open_sweep(path, name=None):
    """A sweep file's scenario group: every array has the leading `point` dimension, and the varied
    keys, `point_overrides` and `point_scenario_sha256` are coordinates along it.
    Raises ValueError for a file of one run."""
    ds = open_scenario(path, name)
    if "point" not in ds.dims:
        raise ValueError(f"{path}: not a sweep (a run of one scenario): no point dimension")
    return ds


def sweep_keys(ds):
    """The varied keys of a sweep, in the order given to finsim sweep."""
    import numpy as np

    return [str(k) for k in np.atleast_1d(ds.attrs["sweep_varied_keys"])]


def t_975(df):
    """Two-sided 95 % quantile of Student's t with df degrees of freedom (as finsim compare uses)."""
    table = [12.706204736, 4.302652730, 3.182446305, 2.776445105, 2.570581836, 2.446911851, 2.364624252,
             2.306004135, 2.262157163, 2.228138852, 2.200985160, 2.178812830, 2.160368656, 2.144786688,
             2.131449546, 2.119905299, 2.109815578, 2.100922040, 2.093024054, 2.085963447, 2.079613845,
             2.073873068, 2.068657610, 2.063898562, 2.059538553, 2.055529439, 2.051830516, 2.048407142,
             2.045229642, 2.042272456]
    if df < 1:
        raise ValueError("t_975: df must be at least 1")
    if df <= len(table):
        return table[df - 1]
    z = 1.959963985  # Cornish-Fisher expansion: within 2e-6 of the exact quantile for df > 30
    return (z + (z**3 + z) / (4 * df) + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * df**2)
            + (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / (384 * df**3))


def paired_interval(differences, dim="replication"):
    """Mean and 95 % t-interval over `dim` of paired differences: (mean, low, high) DataArrays.
    With one replication the interval is the mean itself (no interval)."""
    n = differences.sizes[dim]
    mean = differences.mean(dim)
    if n < 2:
        return mean, mean, mean
    half = t_975(n - 1) * differences.std(dim, ddof=1) / n ** 0.5
    return mean, mean - half, mean + half


def sweep_window(ds, reference=0):
    """First and last year of the per-year figures: the dose-response table's window (docs/output.md,
    "Sweeps"), from the first year in which any point's national series that finsim compare compares
    differ from the reference's (analysis/policy_years.py) to the last year; the whole run when none do."""
    import numpy as np

    from policy_years import compared_series, first_difference

    years = ds["year"].values
    month_year = np.array([int(str(m)[:4]) for m in ds["month"].values])
    states = text(ds["state"].values)

    def series(p):
        return compared_series(lambda name: ds[name].isel(point=p).values, years, month_year, states)

    ref = series(reference)
    return first_difference(years, [(ref, series(p)) for p in range(ds.sizes["point"]) if p != reference])


SWEEP_METRICS = ("work_studies_end", "person_years_work_studies", "participants", "budget")


def sweep_metric(ds, metric, window):
    """Per point and replication, national: `work_studies_end` (people in work or studies in the
    last month), or per year of `window` (first, last): `person_years_work_studies`,
    `participants` (unique participants in individual insatser) or `budget` (Finsam money paid in,
    SEK). Also `offer`: the state allocation offered per year of the window, SEK."""
    import numpy as np

    first, last = window
    n_years = last - first + 1
    in_window = (ds["year"] >= first) & (ds["year"] <= last)
    people = ds["stock"].sel(state=["work", "studies"]).sum(["forbund", "state"])
    if metric == "work_studies_end":
        return people.isel(month=-1, drop=True)
    if metric == "person_years_work_studies":
        month_year = np.array([int(str(m)[:4]) for m in ds["month"].values])
        months = (month_year >= first) & (month_year <= last)
        return people.isel(month=np.flatnonzero(months)).sum("month") / 12 / n_years

    def per_year(array):
        return array.sum("forbund").where(in_window, 0).sum("year") / n_years

    if metric == "participants":
        return per_year(ds["unique_participants"])
    if metric == "budget":
        return per_year(ds["state_paid"] + ds["region_paid"] + ds["kommuner_paid"])
    if metric == "offer":
        return per_year(ds["state_offer"])
    raise ValueError(f"unknown metric {metric!r}: expected one of {', '.join(SWEEP_METRICS)} or offer")


def dose_response(ds, metric="work_studies_end", reference=0):
    """The paired difference of a metric between every point and the reference point, per point:
    (mean, low, high) DataArrays over `point`, and the window (first, last year). The same
    definitions as finsim compare SWEEP.h5."""
    window = sweep_window(ds, reference)
    values = sweep_metric(ds, metric, window)
    mean, low, high = paired_interval(values - values.isel(point=reference))
    return mean, low, high, window
