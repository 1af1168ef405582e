"""Checks that files written by engine/output/hdf5_file are what h5py and xarray users expect.

Usage: /usr/bin/python3 test_hdf5_layer.py BUILD/engine/finsim SOURCE_DIR
The sample file comes from the Catch2 case "[hdf5-sample]" (tests/output/hdf5_file_test.cpp),
which writes to $FINSIM_SAMPLE_H5; keep the expectations below in step with write_sample() there.
"""

import os
import subprocess
import sys
import tempfile
import traceback

import h5py
import numpy as np
import xarray as xr

GROUP = "scenarios/sample"
DIMS = ("replication", "month", "forbund")
FORBUND = ["Samordningsförbundet Göteborg", "Malmö", "Östra Skaraborg"]


def write_sample(finsim, path):
    tests = os.path.join(os.path.dirname(os.path.abspath(finsim)), os.pardir, "tests", "finsim_tests")
    tests = os.path.normpath(tests)
    assert os.path.exists(tests), f"test binary not found: {tests}"
    env = dict(os.environ, FINSIM_SAMPLE_H5=path)
    run = subprocess.run([tests, "[hdf5-sample]"], env=env, capture_output=True, text=True)
    assert run.returncode == 0, f"{tests} failed:\n{run.stdout}\n{run.stderr}"
    assert os.path.exists(path), f"{tests} did not write {path}"


def scale_name(dim):
    # netCDF names a dimension after its scale dataset (NAME is a marker for coordinate-less ones).
    assert len(dim) == 1, f"expected one scale per axis, found {len(dim)}"
    return dim[0].name.rsplit("/", 1)[-1]


def check_h5py_dimensions(path):
    with h5py.File(path, "r") as f:
        for name in ("participants", "spent"):
            ds = f[GROUP][name]
            assert ds.shape == (4, 60, 3), ds.shape
            assert tuple(scale_name(d) for d in ds.dims) == DIMS
        assert f[GROUP]["replication"][()].tolist() == [0, 1, 2, 3]
        assert f[GROUP]["participants"][1, 0, 2] == 1 * 180 + 2
        assert f[GROUP]["spent"][0, 1, 0] == 0.5 * 3


def check_h5py_strings_and_attributes(path):
    # Strings are fixed-length UTF-8 (libhdf5 can crash on a damaged variable-length one): h5py
    # gives them as bytes, .asstr() as str; xarray decodes them (check_xarray).
    with h5py.File(path, "r") as f:
        forbund = f[GROUP]["forbund"]
        info = h5py.check_string_dtype(forbund.dtype)
        assert info is not None and info.encoding == "utf-8" and info.length is not None, info
        assert info.length == max(len(s.encode()) for s in FORBUND) + 1, info.length
        assert forbund.asstr()[()].tolist() == FORBUND
        version = h5py.check_string_dtype(f.attrs.get_id("finsim_version").dtype)
        assert version is not None and version.encoding == "utf-8" and version.length == len("0.1.0") + 1, version
        assert f.attrs["finsim_version"] == b"0.1.0"
        assert f.attrs["schema_version"] == 1
        g = f[GROUP]
        assert g.attrs["title"].decode() == "Prov – åäö"
        assert g.attrs["seed"] == 20240601
        assert g.attrs["discount_rate"] == 0.035
        assert [s.decode() for s in g.attrs["sources"].tolist()] == ["SFS 2003:1210", "FK årsredovisning"]
        assert g["participants"].attrs["units"] == b"people"
        assert g["spent"].attrs["description"] == b"kronor spent in the month"


def check_h5py_compression(path):
    with h5py.File(path, "r") as f:
        ds = f[GROUP]["participants"]
        assert ds.chunks is not None
        assert ds.compression == "gzip" and ds.compression_opts == 1  # docs/output.md, Compression
        assert ds.shuffle
        assert f[GROUP]["share"].chunks is None  # small arrays stay contiguous


def check_xarray(path, engine):
    with xr.open_dataset(path, group=GROUP, engine=engine) as ds:
        assert ds["participants"].dims == DIMS, ds["participants"].dims
        assert ds["spent"].dims == DIMS
        assert ds["share"].dims == ("forbund",)
        assert dict(ds.sizes) == {"replication": 4, "month": 60, "forbund": 3, "parameter": 2}
        assert "month" not in ds.coords  # a dimension without coordinate values
        labels = ds["forbund"].values.tolist()
        assert labels == FORBUND, labels
        assert all(isinstance(label, str) for label in labels)
        assert ds["replication"].values.tolist() == [0, 1, 2, 3]
        assert ds["participants"].attrs == {
            "units": "people",
            "long_name": "participants at the end of the month",
        }, ds["participants"].attrs
        assert ds["spent"].attrs["units"] == "SEK"
        assert ds.attrs["title"] == "Prov – åäö"
        assert ds.attrs["seed"] == 20240601
        assert ds.attrs["discount_rate"] == 0.035
        assert list(ds.attrs["sources"]) == ["SFS 2003:1210", "FK årsredovisning"]
        assert len(ds.attrs["no_sources"]) == 0
        assert ds["parameter"].values.tolist() == ["state_share", "start_rate"]
        assert ds["parameter_unit"].dims == ("parameter",)
        assert ds["parameter_unit"].values.tolist() == ["1", "1/månad"]
        assert ds["parameter_value"].sel(parameter="start_rate").item() == 0.02
        total = ds["participants"].sel(forbund="Malmö").sum().item()
        assert total == int(np.arange(720).reshape(4, 60, 3)[:, :, 1].sum())


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    finsim = sys.argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "sample.h5")
        checks = [("writes the sample", lambda: write_sample(finsim, path)),
                  ("h5py dimensions", lambda: check_h5py_dimensions(path)),
                  ("h5py strings and attributes", lambda: check_h5py_strings_and_attributes(path)),
                  ("h5py compression", lambda: check_h5py_compression(path)),
                  ("xarray h5netcdf", lambda: check_xarray(path, "h5netcdf"))]
        try:
            import netCDF4  # (optional: the netCDF-C reader, where installed)
            # netCDF-C before 4.9.1 crashes on arrays of fixed-length strings, which finsim writes
            # since schema_version 2 (Unidata/netcdf-c#2159, fixed by #2466); Debian 12 has 4.9.0.
            version = tuple(int(x) for x in netCDF4.__netcdf4libversion__.split("-")[0].split(".")[:3])
            if version >= (4, 9, 1):
                checks.append(("xarray netcdf4", lambda: check_xarray(path, "netcdf4")))
            else:
                print(f"skipped: xarray netcdf4 (netCDF-C {netCDF4.__netcdf4libversion__} < 4.9.1 cannot read "
                      "fixed-length string arrays; docs/output.md)")
        except ImportError:
            print("skipped: xarray netcdf4 (python3-netcdf4 not installed)")
        passed = failed = 0
        for name, check in checks:
            try:
                check()
                passed += 1
                print(f"ok: {name}")
            except Exception:
                failed += 1
                print(f"FAILED: {name}")
                traceback.print_exc()
                if name == "writes the sample":
                    break
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
