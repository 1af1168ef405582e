"""A finsim result file as xarray and h5py users see it, and its reproducibility.

Usage: /usr/bin/python3 test_results_xarray.py BUILD/engine/finsim SOURCE_DIR
Runs a tiny national scenario, opens the file with xarray (h5netcdf) and h5py, checks named
dimensions, labels, units and accounting identities, then re-runs the resolved scenario text
stored in the file and checks that every dataset comes out identical (docs/output.md).
"""

import os
import subprocess
import sys
import tempfile
import traceback

import h5py
import numpy as np
import xarray as xr

# h5py gives fixed-length strings (schema_version 2, docs/output.md) as bytes: decoded by
# analysis/finsim_results.text, as every reader of result files does.
sys.path.insert(0, os.path.join(sys.argv[2], "analysis"))
from finsim_results import text  # noqa: E402


GROUP = "scenarios/baseline"
STATES = ["target", "waiting", "in_insats", "work", "studies", "job_seeking", "gone"]
TINY = ["--set", "population.scale=0.01", "--set", "scenario.end=2020-12", "-r", "2", "-q"]
# Datasets that record how a value was set rather than what the model computed: a re-run from
# the stored text sets every key in a file instead of by --set.
PROVENANCE_DATASETS = {"parameter_origin"}


def run(finsim, scenario, out, extra=()):
    r = subprocess.run([finsim, "run", scenario, "-o", out, *extra], capture_output=True, text=True)
    assert r.returncode == 0, f"finsim run failed ({r.returncode}):\n{r.stdout}\n{r.stderr}"


def check_xarray(path):
    with xr.open_dataset(path, group=GROUP, engine="h5netcdf") as ds:
        assert ds["participants"].dims == ("replication", "month", "forbund")
        assert ds["stock"].dims == ("replication", "month", "forbund", "state")
        assert ds["target_group_by_support"].dims == ("replication", "month", "forbund", "support")
        assert ds["participants_by_insats"].dims == ("replication", "month", "forbund", "insats")
        assert ds["flows"].dims == ("replication", "month", "from_state", "to_state")
        assert ds["budget"].dims == ("replication", "year", "forbund")
        assert ds["capping_party"].dims == ("replication", "year", "forbund")
        assert ds["public_cost"].dims == ("replication", "month", "payer")
        assert ds["parameter_value"].dims == ("parameter",)
        assert ds["replication"].values.tolist() == [0, 1]
        assert ds["month"].values.tolist()[:2] == ["2019-01", "2019-02"] and ds.sizes["month"] == 24
        assert ds["year"].values.tolist() == [2019, 2020]
        assert ds["state"].values.tolist() == STATES
        assert ds["to_state"].values.tolist() == STATES
        assert ds["payer"].values.tolist() == ["state", "region", "kommun"]
        kinds = ds["forbund_kind"].values.tolist()
        assert set(kinds) <= {"documented", "synthetic", "no_forbund"} and "documented" in kinds
        # förbund first, then the areas without one
        assert kinds == sorted(kinds, key=lambda k: k == "no_forbund")
        assert ds["participants"].attrs["units"] == "persons"
        assert ds["budget"].attrs["units"] == "SEK"
        for name, var in ds.variables.items():
            assert "long_name" in var.attrs and "units" in var.attrs, f"{name} lacks units/long_name"

        # Label-based selection works as analysts use it.
        sel = ds["stock"].sel(state="in_insats", replication=1).sum("forbund")
        assert sel.dims == ("month",) and float(sel[0]) > 0

        # Identities across datasets.
        np.testing.assert_array_equal(ds["participants"], ds["participants_by_insats"].sum("insats"))
        np.testing.assert_allclose(
            ds["target_group"], ds["stock"].sel(state=["target", "waiting", "in_insats"]).sum("state"))
        np.testing.assert_allclose(ds["target_group"], ds["target_group_by_support"].sum("support"))
        np.testing.assert_array_equal(ds["waiting"], ds["stock"].sel(state="waiting"))
        np.testing.assert_array_equal(ds["public_cost"], ds["public_cost_by_forbund"].sum("forbund"))
        np.testing.assert_array_equal(ds["finsam_contribution"], ds["finsam_contribution_by_forbund"].sum("forbund"))
        funded = ds["forbund_kind"] != "no_forbund"
        paid = ds["state_paid"] + ds["region_paid"] + ds["kommuner_paid"]
        np.testing.assert_array_equal(paid, ds["budget"])
        np.testing.assert_array_equal(ds["equity_close"], ds["equity_open"] + ds["budget"] - ds["spent"])
        assert int(ds["budget"].where(~funded, 0).sum()) == 0
        yearly = ds["finsam_contribution"].groupby(ds["month"].str.slice(0, 4).astype(int)).sum()
        np.testing.assert_array_equal(yearly.sel(payer="state").values.T, ds["state_paid"].sum("forbund").values.T)
        np.testing.assert_allclose(
            ds["unique_participants"].sum("year"), ds["new_unique_participants"].sum("month"))
        assert (ds["parameter_assumption"].isin([0, 1])).all()
        assert "population.scale" in ds["parameter"].values.tolist()


def check_h5py(path):
    with h5py.File(path, "r") as f:
        for key in ("finsim_version", "git_commit", "compiler", "hdf5_version", "tbb_version", "boost_version",
                    "tomlplusplus_version", "schema_version", "created", "command_line", "threads", "ranks", "host"):
            assert key in f.attrs, f"root attribute {key} missing"
        assert text(f.attrs["schema_version"]) == "2"
        assert text(f.attrs["created"]).endswith("Z")
        g = f[GROUP]
        for key in ("description", "resolved_scenario", "scenario_sha256", "input_files", "input_sha256", "seed",
                    "replication_first", "replication_count", "start_month", "months", "population_scale", "overrides"):
            assert key in g.attrs, f"scenario attribute {key} missing"
        import hashlib
        assert hashlib.sha256(g.attrs["resolved_scenario"]).hexdigest() == text(g.attrs["scenario_sha256"])
        for name, digest in zip(text(g.attrs["input_files"]), text(g.attrs["input_sha256"])):
            with open(name, "rb") as inp:
                assert hashlib.sha256(inp.read()).hexdigest() == digest, name
        assert text(g.attrs["start_month"]) == "2019-01" and g.attrs["months"] == 24
        names = [d[0].name.rsplit("/", 1)[-1] for d in g["stock"].dims]
        assert names == ["replication", "month", "forbund", "state"], names
        assert g["forbund"].asstr()[()].tolist()[0].startswith(("Samordningsförbund", "FINSAM", "Finsam", "Okänt"))


def datasets(f):
    out = {}
    f.visititems(lambda n, o: out.__setitem__(n, o[()]) if isinstance(o, h5py.Dataset) else None)
    return out


def check_rerun(finsim, src, path, tmp):
    with h5py.File(path, "r") as f:
        resolved = text(f[GROUP].attrs["resolved_scenario"])
    # Data paths in the text are relative to the scenario folder, so the copy goes there.
    scenario = os.path.join(src, "scenarios", f".test-results-rerun-{os.getpid()}.toml")
    try:
        with open(scenario, "w", encoding="utf-8") as out:
            out.write(resolved)
        again = os.path.join(tmp, "again.h5")
        run(finsim, scenario, again, ["-q"])
    finally:
        os.remove(scenario)
    with h5py.File(path, "r") as a, h5py.File(again, "r") as b:
        da, db = datasets(a), datasets(b)
        assert da.keys() == db.keys(), set(da) ^ set(db)
        differ = [k for k in da if k.rsplit("/", 1)[-1] not in PROVENANCE_DATASETS and not np.array_equal(da[k], db[k])]
        assert not differ, f"the re-run differs in {differ}"
        assert a[GROUP].attrs["seed"] == b[GROUP].attrs["seed"]
        assert a[GROUP].attrs["replication_count"] == b[GROUP].attrs["replication_count"]


def main():
    finsim, src = sys.argv[1], sys.argv[2]
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "baseline.h5")
        run(finsim, os.path.join(src, "scenarios", "baseline.toml"), path, TINY)
        for name, check in [("xarray", lambda: check_xarray(path)), ("h5py", lambda: check_h5py(path)),
                            ("rerun", lambda: check_rerun(finsim, src, path, tmp))]:
            try:
                check()
                print(f"ok: {name}")
            except Exception:
                failures += 1
                print(f"FAIL: {name}")
                traceback.print_exc()
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
