"""Sweep files (docs/output.md "Sweep files") as users meet them: xarray opens them with `point` as
a dimension and the varied key as its coordinate, a point equals the same scenario run alone, the
Python dose-response numbers equal finsim compare's, finsim inspect/export read them, misuse exits 2
with one line, and analysis/plot_dose_response.py draws the curve (PNG and SVG, en and sv).

Usage: /usr/bin/python3 test_sweep_files.py BUILD/engine/finsim SOURCE_DIR
The sweep comes from the Catch2 case "[sweep-sample]" (tests/output/sweep_roundtrip_test.cpp), which
writes sample-sweep.h5 and point1.h5 (point 1 as a plain run) to $FINSIM_SWEEP_DIR; when the binary
has `finsim sweep`, a sweep it writes is checked too.
"""

import csv
import io
import os
import subprocess
import sys
import tempfile

import h5py
import numpy as np
import xarray as xr

KEY = "funding.state.allocation_msek.2020"
GROUP = "scenarios/baseline"


def run(*args, **kw):
    return subprocess.run(list(args), capture_output=True, text=True, **kw)


def write_sample(finsim, tmp):
    tests = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(finsim)), os.pardir, "tests", "finsim_tests"))
    r = run(tests, "[sweep-sample]", env=dict(os.environ, FINSIM_SWEEP_DIR=tmp))
    assert r.returncode == 0, f"{tests} failed:\n{r.stdout}\n{r.stderr}"
    return os.path.join(tmp, "sample-sweep.h5"), os.path.join(tmp, "point1.h5")


def check_xarray(sweep, plain):
    ds = xr.open_dataset(sweep, group=GROUP, engine="h5netcdf")
    assert ds.sizes["point"] == 3 and ds.sizes["replication"] == 2
    for coord in (KEY, "point_overrides", "point_scenario_sha256"):
        assert coord in ds.coords, f"{coord} is not a coordinate: {list(ds.coords)}"
        assert ds[coord].dims == ("point",)
    assert ds[KEY].values.tolist() == [339.0, 678.0, 1017.0]
    assert ds.stock.dims == ("point", "replication", "month", "forbund", "state")
    assert ds.parameter_value.dims == ("point", "parameter")
    # Select a point by the varied value, as a user would.
    by_value = ds.swap_dims(point=KEY).sel({KEY: 678.0})
    one = xr.open_dataset(plain, group=GROUP, engine="h5netcdf")
    compared = 0
    for name, var in one.data_vars.items():
        if "replication" not in var.dims and name not in ("parameter_value", "parameter_origin", "insats_cost_per_month"):
            continue
        assert np.array_equal(by_value[name].values, var.values), name
        compared += 1
    assert compared > 40, compared
    assert str(ds.point_scenario_sha256.values[1]) == one.attrs["scenario_sha256"]
    return ds


def check_compare(finsim, sweep, plain, src, ds):
    sys.path.insert(0, os.path.join(src, "analysis"))
    from finsim_results import dose_response

    r = run(finsim, "compare", sweep, "--format", "csv")
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert len(rows) == 3 * 10, len(rows)  # per point: offer, 3 effects, 4 budgets, 2 payback rows

    def csv_value(point, metric, column, payer=""):
        for row in rows:
            if row["point"] == str(point) and row["metric"] == metric and row["payer"] == payer:
                return float(row[column])
        raise KeyError(metric)

    for metric, csv_metric, payer in (("work_studies_end", "work_studies_december", ""),
                                      ("person_years_work_studies", "person_years_work_studies", ""),
                                      ("participants", "unique_participants", ""),
                                      ("budget", "finsam_budget", "all")):
        mean, low, high, window = dose_response(ds, metric)
        assert window == (2020, 2020), window
        for p in range(3):
            for got, column in ((mean, "difference_mean"), (low, "ci_low"), (high, "ci_high")):
                want = csv_value(p, csv_metric, column, payer)
                assert abs(float(got.values[p]) - want) <= 1e-6 * max(1.0, abs(want)), (metric, p, column, got.values[p], want)
    assert all(float(row["difference_mean"] or 0) == 0 for row in rows if row["point"] == "0" and row["metric"] != "payback_spent_share")

    table = run(finsim, "compare", sweep, "--lang", "sv")
    assert table.returncode == 0 and "referenspunkt 0" in table.stdout and "mnkr" in table.stdout, table.stderr
    # Misuse: one line naming the file, exit 2.
    for args, expected in (((sweep, plain), "a sweep of 3 points"), ((plain,), "not a sweep"),
                           ((sweep, "--reference", "7"), "no reference point 7"), (("quote", plain, sweep), "a sweep of 3 points")):
        argv = [finsim, *(args if args[0] == "quote" else ("compare", *args))]
        r = run(*argv)
        assert r.returncode == 2, (argv, r.returncode, r.stderr)
        assert r.stderr.count("\n") == 1 and expected in r.stderr, r.stderr


def check_inspect_export(finsim, sweep, tmp):
    r = run(finsim, "inspect", sweep)
    assert r.returncode == 0 and "sweep_varied_keys" in r.stdout and "(3, 2, 24," in r.stdout, r.stderr
    out = os.path.join(tmp, "csv")
    r = run(finsim, "export", sweep, "--csv", out)
    assert r.returncode == 0, r.stderr
    with open(os.path.join(out, "stock.csv")) as f:
        assert f.readline().strip() == "point,replication,month,forbund,state,value"
    with open(os.path.join(out, f"{KEY}.csv")) as f:
        assert f.read().splitlines() == ["point,value", "0,339", "1,678", "2,1017"]


def check_plot(src, sweep, plain, tmp):
    script = os.path.join(src, "analysis", "plot_dose_response.py")
    for lang, name, extra in (("en", "curve.png", []), ("sv", "curve.svg", ["--metric", "budget", "--x", "offer"])):
        path = os.path.join(tmp, name)
        r = run("/usr/bin/python3", script, sweep, "-o", path, "--lang", lang, *extra)
        assert r.returncode == 0, r.stderr
        with open(path, "rb") as f:
            head = f.read(400)
        assert head.startswith(b"\x89PNG") if name.endswith(".png") else b"<svg" in head, head[:40]
    r = run("/usr/bin/python3", script, plain, "-o", os.path.join(tmp, "x.png"))
    assert r.returncode == 2 and "not a sweep" in r.stderr, r.stderr
    r = run("/usr/bin/python3", script, sweep)
    assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1 and "-o" in r.stderr, r.stderr


def check_finsim_sweep(finsim, src, tmp):
    """The lead's `finsim sweep` writes what the sample writes (skipped when the command is absent)."""
    if run(finsim, "sweep", "--help").returncode != 0:
        print("finsim sweep not in this binary: its file is not checked")
        return
    path = os.path.join(tmp, "X.h5")
    sets = ["-r", "2", "--set", "population.scale=0.01", "--set", "scenario.end=2026-12", "--set",
            "scenario.burn_in_years=0", "-q"]
    baseline = os.path.join(src, "scenarios", "baseline.toml")
    r = run(finsim, "sweep", baseline, "--vary", "funding.state.allocation_msek.2025=508.5,678", *sets, "-o", path)
    assert r.returncode == 0, r.stderr
    ds = xr.open_dataset(path, group=GROUP, engine="h5netcdf")
    assert ds.sizes["point"] == 2 and "funding.state.allocation_msek.2025" in ds.coords
    # The group's scenario attributes describe the base scenario, before any point's values: the
    # same as a plain run of the file with the sweep's --set (docs/output.md "Sweep files").
    plain = os.path.join(tmp, "X-plain.h5")
    r = run(finsim, "run", baseline, *sets, "-o", plain)
    assert r.returncode == 0, r.stderr
    text = lambda v: v.decode() if isinstance(v, bytes) else str(v)
    with h5py.File(path) as f, h5py.File(plain) as g:
        sweep_attrs, plain_attrs = f[GROUP].attrs, g[GROUP].attrs
        for name in ("scenario_sha256", "resolved_scenario"):
            assert text(sweep_attrs[name]) == text(plain_attrs[name]), name
        overrides = [text(o) for o in sweep_attrs["overrides"]]
        assert overrides == [text(o) for o in plain_attrs["overrides"]], overrides
        assert not any(o.startswith("funding.state.allocation_msek.2025") for o in overrides), overrides
        assert "2025 = 508.5" not in text(sweep_attrs["resolved_scenario"])
    r = run(finsim, "compare", path)
    assert r.returncode == 0, r.stderr
    r = run("/usr/bin/python3", os.path.join(src, "analysis", "plot_dose_response.py"), path, "-o", os.path.join(tmp, "X.png"))
    assert r.returncode == 0, r.stderr


def main():
    finsim, src = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        sweep, plain = write_sample(finsim, tmp)
        ds = check_xarray(sweep, plain)
        check_compare(finsim, sweep, plain, src, ds)
        check_inspect_export(finsim, sweep, tmp)
        check_plot(src, sweep, plain, tmp)
        check_finsim_sweep(finsim, src, tmp)
    print("5 passed, 0 failed")


if __name__ == "__main__":
    main()
