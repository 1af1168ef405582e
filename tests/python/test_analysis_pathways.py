"""analysis/pathways.py on a tiny run with an event log: the table agrees with the records.

Usage: /usr/bin/python3 test_analysis_pathways.py BUILD/engine/finsim SOURCE_DIR
"""

import os
import subprocess
import sys
import tempfile

TINY = ["--set", "population.scale=0.02", "--set", "scenario.end=2020-12", "-r", "2", "-q"]


def main():
    finsim, src = sys.argv[1], sys.argv[2]
    sys.path.insert(0, os.path.join(src, "analysis"))
    from finsim_results import read_events
    from pathways import pathway_table

    script = os.path.join(src, "analysis", "pathways.py")
    with tempfile.TemporaryDirectory() as tmp:
        with_log, without = os.path.join(tmp, "log.h5"), os.path.join(tmp, "nolog.h5")
        baseline = os.path.join(src, "scenarios", "baseline.toml")
        for out, extra in ((with_log, ["--events"]), (without, [])):
            r = subprocess.run([finsim, "run", baseline, "-o", out, *TINY, *extra], capture_output=True, text=True)
            assert r.returncode == 0, r.stderr

        events = read_events(with_log)
        assert set(events["month"].str.slice(0, 4)) == {"2019", "2020"}
        assert (events.loc[events["event"] == "start", "from_state"] == "waiting").all()
        assert (events.loc[events["event"] == "entry", "insats"] == "").all()

        table = pathway_table(events)
        assert int(table["starts"].sum()) == int((events["event"] == "start").sum())
        endings = [c for c in table.columns if c.startswith("completion_") or c in ("dropout", "ended_unfunded")]
        # Only participations that started within the horizon are closed by an ending.
        assert (table[endings].sum(axis=1) <= table["starts"]).all()
        assert table["work_studies_share"].between(0, 1).all()
        assert (table["mean_months_in_insats"] >= 0).all() and (table["mean_wait_months"] >= 0).all()

        csv = os.path.join(tmp, "pathways.csv")
        r = subprocess.run(["/usr/bin/python3", script, with_log, "--csv", csv], capture_output=True, text=True)
        assert r.returncode == 0 and "starts" in r.stdout and os.path.getsize(csv) > 0, r.stderr
        r = subprocess.run(["/usr/bin/python3", script, without], capture_output=True, text=True)
        assert r.returncode == 2 and "no event log" in r.stderr and "--events" in r.stderr, (r.returncode, r.stderr)
    print("pathways: ok")


if __name__ == "__main__":
    main()
