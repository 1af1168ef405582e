"""finsim export --csv writes one tidy CSV per dataset whose values equal the HDF5 file's.

Usage: /usr/bin/python3 test_results_export.py BUILD/engine/finsim SOURCE_DIR
"""

import csv
import json
import os
import subprocess
import sys
import tempfile

import h5py
import numpy as np

GROUP = "scenarios/baseline"


def main():
    finsim, src = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "r.h5")
        r = subprocess.run([finsim, "run", os.path.join(src, "scenarios", "baseline.toml"), "-o", path, "-q",
                            "--set", "population.scale=0.01", "--set", "scenario.end=\"2019-12\"", "-r", "2"],
                           capture_output=True, text=True)
        assert r.returncode == 0, r.stderr
        out = os.path.join(tmp, "csv")
        r = subprocess.run([finsim, "export", path, "--csv", out], capture_output=True, text=True)
        assert r.returncode == 0, r.stderr
        files = set(os.listdir(out))
        with h5py.File(path, "r") as f:
            g = f[GROUP]
            coords = {n for n in g if "CLASS" in g[n].attrs and g[n].attrs["CLASS"] == b"DIMENSION_SCALE"}
            expected = {f"{n}.csv" for n in g if n not in coords} | {"attributes.csv"}
            assert files == expected, files ^ expected

            with open(os.path.join(out, "participants.csv"), encoding="utf-8", newline="") as inp:
                rows = list(csv.reader(inp))
            assert rows[0] == ["replication", "month", "forbund", "value"], rows[0]
            data = g["participants"][()]
            assert len(rows) - 1 == data.size
            labels = g["forbund"].asstr()[()].tolist()
            # Row-major order: the last dimension varies fastest.
            assert rows[1][:3] == ["0", "2019-01", labels[0]] and rows[2][2] == labels[1]
            np.testing.assert_array_equal(np.array([float(x[3]) for x in rows[1:]]).reshape(data.shape), data)

            with open(os.path.join(out, "budget.csv"), encoding="utf-8", newline="") as inp:
                rows = list(csv.reader(inp))
            assert rows[0] == ["replication", "year", "forbund", "value"]
            np.testing.assert_array_equal(np.array([int(x[3]) for x in rows[1:]]), g["budget"][()].ravel())

            with open(os.path.join(out, "attributes.csv"), encoding="utf-8", newline="") as inp:
                attrs = {(r["object"], r["attribute"]): r["value"] for r in csv.DictReader(inp)}
            assert attrs[("/" + GROUP, "scenario_sha256")] == '"' + g.attrs["scenario_sha256"].decode() + '"'
            assert ("/", "finsim_version") in attrs
            assert attrs[("/" + GROUP + "/budget", "units")] == '"SEK"'
            # Values are JSON: a list of overrides and the many-line resolved scenario read back as they are.
            assert json.loads(attrs[("/" + GROUP, "overrides")]) == [o.decode() for o in g.attrs["overrides"]]
            assert json.loads(attrs[("/" + GROUP, "resolved_scenario")]) == g.attrs["resolved_scenario"].decode()
    print("ok: export")


if __name__ == "__main__":
    main()
