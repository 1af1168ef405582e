"""Reading Finsim result files (HDF5, see docs/output.md) into xarray for analysis and plots.

Uses Debian's python3-xarray and python3-h5netcdf; call with /usr/bin/python3.
"""

import h5py
import xarray as xr


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
            return pd.Categorical.from_codes(e[column][:], e[column].attrs["flag_meanings"].split())

        month_index = e["month"][:]
        return pd.DataFrame({
            "replication": e["replication"][:],
            "month": months[month_index],
            "month_index": month_index,
            "agent": e["agent"][:],
            "forbund": areas[e["forbund"][:]],
            "event": decode("event"),
            "from_state": decode("from_state"),
            "to_state": pd.Categorical.from_codes(e["to_state"][:], e["from_state"].attrs["flag_meanings"].split()),
            "insats": insatser[e["insats"][:].astype(np.int64)],
        })
