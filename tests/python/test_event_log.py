"""The event log (finsim run --events) as xarray, h5py and pandas users see it.

Usage: /usr/bin/python3 test_event_log.py BUILD/engine/finsim SOURCE_DIR
Runs a tiny national scenario with --events on 1 and 2 threads, opens the log with xarray
(h5netcdf) and h5py, decodes it as docs/output.md shows, checks it against the flows, that the
threads do not change it, and that finsim export writes it as events.csv with labels.
"""

import csv
import os
import subprocess
import sys
import tempfile

import h5py
import numpy as np
import pandas as pd
import xarray as xr

GROUP = "scenarios/baseline"
TINY = ["--set", "population.scale=0.01", "--set", "scenario.end=2020-12", "-r", "2", "-q", "--events"]
COLUMNS = ["replication", "month", "agent", "forbund", "event", "from_state", "to_state", "insats"]


def run(finsim, src, out, extra=()):
    r = subprocess.run([finsim, "run", os.path.join(src, "scenarios", "baseline.toml"), "-o", out, *TINY, *extra],
                       capture_output=True, text=True)
    assert r.returncode == 0, f"finsim run failed ({r.returncode}):\n{r.stdout}\n{r.stderr}"


def main():
    finsim, src = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        two, one = os.path.join(tmp, "two.h5"), os.path.join(tmp, "one.h5")
        run(finsim, src, two, ["--threads", "2"])
        run(finsim, src, one, ["--threads", "1"])

        with xr.open_dataset(two, group=GROUP + "/events", engine="h5netcdf") as ev:
            for name in COLUMNS:
                assert ev[name].dims == ("record",), (name, ev[name].dims)
                assert "units" in ev[name].attrs and "long_name" in ev[name].attrs, name
            meanings = ev["event"].attrs["flag_meanings"].split()
            assert meanings[:5] == ["entry", "referral", "wait_expired", "start", "completion"], meanings
            assert list(ev["event"].attrs["flag_values"]) == list(range(len(meanings)))
            assert ev["from_state"].attrs["flag_meanings"].split()[-1] == "outside"
            assert ev.attrs["persons_per_agent"] == 100.0
            n = ev.sizes["record"]
            assert n > 1000
            assert sorted(set(ev["replication"].values.tolist())) == [0, 1]

        # The docs/output.md example, as written there.
        g = h5py.File(two)["scenarios/baseline/events"]
        df = pd.DataFrame({k: g[k][:] for k in ("replication", "month", "agent", "event", "to_state", "insats")})
        df["event"] = pd.Categorical.from_codes(df.event, g["event"].attrs["flag_meanings"].decode().split())
        outcomes = df[df.event == "completion"].groupby("to_state").size()
        assert outcomes.sum() > 0

        with h5py.File(two) as a, h5py.File(one) as b:
            for name in COLUMNS:
                assert np.array_equal(a[GROUP + "/events/" + name][:], b[GROUP + "/events/" + name][:]), name
            # Records between two states are the flows, summed over areas (invariant 7).
            e = a[GROUP + "/events"]
            rep, month, frm, to = (e[k][:].astype(np.int64) for k in ("replication", "month", "from_state", "to_state"))
            flows = a[GROUP + "/flows"][:]  # [replication, month, from, to], persons at scale 0.01
            inside = frm < 7
            counts = np.zeros(flows.shape)
            np.add.at(counts, (rep[inside], month[inside], frm[inside], to[inside]), 1)
            np.testing.assert_allclose(counts * 100.0, flows)
            inflow = a[GROUP + "/inflow"][:].sum(axis=2)  # [replication, month]
            entries = np.zeros(inflow.shape)
            np.add.at(entries, (rep[~inside], month[~inside]), 1)
            np.testing.assert_allclose(entries * 100.0, inflow)

        out = os.path.join(tmp, "csv")
        r = subprocess.run([finsim, "export", two, "--csv", out], capture_output=True, text=True)
        assert r.returncode == 0, r.stderr
        with open(os.path.join(out, "events.csv"), encoding="utf-8") as f:
            rows = list(csv.reader(f))
        assert rows[0] == COLUMNS, rows[0]
        assert len(rows) == n + 1
        assert rows[1][1] == "2019-01" and rows[1][4] in meanings
        starts = [row for row in rows[1:] if row[4] == "start"]
        assert starts and all(row[5] == "waiting" and row[6] == "in_insats" and row[7] for row in starts)
    print("event log: ok")


if __name__ == "__main__":
    main()
