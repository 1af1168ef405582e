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
