"""finsim study end to end on a small, cheap study (docs/uncertainty.md): the file is a sweep with
2 × samples points (sample s: point 2s in the baseline, 2s + 1 in the scenario), the arms of a sample
have the same drawn values and seeds (identical months before the scenario's change in 2025), the
drawn values lie in their distributions' ranges with each Latin-hypercube stratum used once, the
draws are reproducible from --sample-seed, and analysis/study.py reports on the file.

Usage: /usr/bin/python3 test_study_files.py BUILD/engine/finsim SOURCE_DIR
"""

import csv
import io
import os
import subprocess
import sys
import tempfile

import h5py
import numpy as np

finsim, src = sys.argv[1], sys.argv[2]
CHEAP = ["--set", "population.scale=0.02", "--set", "scenario.burn_in_years=2", "--set", "scenario.end=2026-12"]
KEYS = "population.inflow_per_year,referral.max_wait_months,insats.ips.cost_sek_per_month,population.target_group_size"

# h5py gives fixed-length strings (schema_version 2, docs/output.md) as bytes: decoded by
# analysis/finsim_results.text, as every reader of result files does.
sys.path.insert(0, os.path.join(sys.argv[2], "analysis"))
from finsim_results import text  # noqa: E402



def run(*args):
    return subprocess.run([finsim, *args], capture_output=True, text=True)


def study(out, *extra):
    r = run("study", f"{src}/scenarios/baseline.toml", f"{src}/scenarios/state-plus-50.toml", "-n", "5", "-r", "2",
            "-q", "-t", "2", "-o", out, *CHEAP, *extra)
    assert r.returncode == 0, r.stderr
    return r


with tempfile.TemporaryDirectory() as tmp:
    a = os.path.join(tmp, "a.h5")
    r = study(a, "--params", KEYS)
    assert "5 parameter set(s) of 4 key(s) x 2 arms (baseline, state-plus-50) x 2 replication(s) = 20 units" in r.stdout, r.stdout
    assert "\nstudy baseline: 5 set(s) x 2 arms x 2 replication(s), " in r.stdout, r.stdout  # not "sweep … 10 point(s)"
    with h5py.File(a, "r") as f:
        g = f["scenarios/baseline"]
        keys = text(g.attrs["study_keys"])
        assert keys == KEYS.split(","), keys
        assert list(g["study_sample"][:]) == [0, 0, 1, 1, 2, 2, 3, 3, 4, 4]
        assert list(g["study_arm"][:]) == [0, 1] * 5
        assert text(g.attrs["study_scenario"]) == "state-plus-50" and int(g.attrs["study_samples"]) == 5
        dists = text(g.attrs["study_distributions"])
        assert dists[0].startswith("triangular(0.1, 0.11, 0.25)"), dists
        assert dists[3] == "uniform(280000, 500000)", dists
        values = np.array([g[k][:] for k in keys]).T  # [point, key]
        assert np.array_equal(values[0::2], values[1::2]), "the arms of a sample must share the drawn values"
        # Latin hypercube: one value in each fifth of the uniform key's range.
        size = values[0::2, 3]
        assert sorted(((size - 280000) / 220000 * 5).astype(int).tolist()) == [0, 1, 2, 3, 4], size
        assert np.all(values[:, 1] == np.round(values[:, 1])) and np.all((values[:, 1] >= 3) & (values[:, 1] <= 12))
        assert len(set(size)) == 5
        # Paired: same seeds, and the scenario changes nothing before 2025.
        months = g["month"].asstr()[()]
        before = np.array([m < "2025-01" for m in months])
        stock = g["stock"]
        for s in range(5):
            assert np.array_equal(stock[2 * s][:, before], stock[2 * s + 1][:, before]), f"sample {s}: arms differ before 2025"
            assert not np.array_equal(stock[2 * s][:, ~before], stock[2 * s + 1][:, ~before]), f"sample {s}: no effect"
        # The parameter table of each point records the drawn value.
        pkeys = list(g["parameter"].asstr()[()])
        j = pkeys.index("population.inflow_per_year")
        assert float(g["parameter_value"].asstr()[2, j]) == values[2, 0]
        # The group's own attributes describe the baseline arm before the drawn values (docs/output.md):
        # the command line's overrides only, and the baseline file resolved with them.
        overrides = text(g.attrs["overrides"])
        assert overrides == ["population.scale=0.02", "scenario.burn_in_years=2", "scenario.end=2026-12",
                             "scenario.replications=2"], overrides
        resolved = text(g.attrs["resolved_scenario"])
        assert "inflow_per_year = 0.11" in resolved and "max_wait_months = 6" in resolved, resolved
    # Reproducible from --sample-seed; another seed draws other values.
    b = os.path.join(tmp, "b.h5")
    study(b, "--params", KEYS)
    c = os.path.join(tmp, "c.h5")
    study(c, "--params", KEYS, "--sample-seed", "2")
    with h5py.File(a, "r") as fa, h5py.File(b, "r") as fb, h5py.File(c, "r") as fc:
        for k in KEYS.split(","):
            assert np.array_equal(fa["scenarios/baseline"][k][:], fb["scenarios/baseline"][k][:]), k
        assert not np.array_equal(fa["scenarios/baseline"][KEYS.split(",")[3]][:], fc["scenarios/baseline"][KEYS.split(",")[3]][:])
        assert np.array_equal(fa["scenarios/baseline/stock"][:], fb["scenarios/baseline/stock"][:])
    # The analysis reads it.
    png = os.path.join(tmp, "tornado.png")
    r = subprocess.run(["/usr/bin/python3", f"{src}/analysis/study.py", a, "--tornado", png, "--lang", "sv"],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    for text in ("tried 5, kept", "participants_2019", "osäkerhet i antaganden", "slumpvariation i simuleringen",
                 "too few"):
        assert text in r.stdout, (text, r.stdout)
    assert os.path.getsize(png) > 1000
    # With --json the plot and the CSV are still written (docs/uncertainty.md's combined command),
    # and stdout is the JSON alone.
    png2, csv2 = os.path.join(tmp, "tornado2.png"), os.path.join(tmp, "sets.csv")
    r = subprocess.run(["/usr/bin/python3", f"{src}/analysis/study.py", a, "--tornado", png2, "--csv", csv2,
                        "--lang", "sv", "--json"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    import json
    assert "headline" in json.loads(r.stdout)
    assert os.path.getsize(png2) > 1000 and os.path.getsize(csv2) > 0
    # finsim compare / quote give the total interval and say what it covers; the mean is the analysis's.
    sys.path.insert(0, os.path.join(src, "analysis"))
    import study_data  # noqa: E402
    # Over the sets the figures are over: the kept ones when calibrated (study_data.sets_used, as study.py).
    st = study_data.Study(a)
    use, _ = study_data.sets_used(study_data.calibrate(st)[0])
    mean_ws = st.headline("work_studies_end")[use].mean()
    r = run("compare", a)
    assert r.returncode == 0, r.stderr
    line = next(x for x in r.stdout.splitlines() if x.startswith("net extra people in work or studies, December 2026"))
    assert abs(float(line.split(" | ")[1].replace(",", "")) - mean_ws) <= 0.5, (line, mean_ws)
    assert "uncertainty in assumptions | simulation noise" in r.stdout and "Total intervals" in r.stdout, r.stdout
    r = run("quote", a, "--lang", "sv")
    assert r.returncode == 0 and len(r.stdout.splitlines()) == 1, r.stdout + r.stderr
    for text in ("osäkerhet i antaganden", "slumpvariation i simuleringen", "5 parameteruppsättningar", "95 %:"):
        assert text in r.stdout, (text, r.stdout)
    # Set 0 alone: its two resolved scenarios run as plain runs give the same paired effect and the
    # same payback months as analysis/study.py reads from the study (finsim compare's definitions).
    os.symlink(os.path.join(src, "scenarios", "data"), os.path.join(tmp, "data"))
    with h5py.File(a, "r") as f:
        resolved = f["scenarios/baseline/point_resolved_scenario"].asstr()[0:2]
    plain = []
    for arm, text in enumerate(resolved):
        toml, out = os.path.join(tmp, f"arm{arm}.toml"), os.path.join(tmp, f"arm{arm}.h5")
        open(toml, "w", encoding="utf-8").write(text)
        r = run("run", toml, "-q", "-t", "2", "-o", out)
        assert r.returncode == 0, r.stderr
        plain.append(out)
    r = run("compare", *plain, "--format", "csv")
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    s = study_data.Study(a)
    end = next(x for x in rows if x["metric"] == "work_studies_december" and x["period"] == "2026" and x["level"] == "nation")
    assert abs(float(end["difference_mean"]) - s.headline("work_studies_end")[0].mean()) < 0.5, end
    for basis in ("spent", "paid"):
        row = next(x for x in rows if x["metric"] == f"payback_{basis}_median_months" and x["payer"] == "all")
        months = np.sort(s.headline(f"payback_{basis}_months")[0])
        median = months[len(months) // 2]
        if np.isinf(median):  # not paid back by the horizon: compare leaves the figure out and says so
            assert row["difference_mean"] == "" and row["note"] == "after_2026", (basis, row, months)
        else:
            assert float(row["difference_mean"]) == median, (basis, row, months)
    # The policy years are compare's in a study whose arms have the same state offer until it is
    # capped (state-plus-50 against region-freeze: the region pays less from 2025, and the offer
    # differs only from 2026 on, through the spärr): study.py and finsim compare say 2025-2026.
    rf = os.path.join(tmp, "rf.h5")
    r = run("study", f"{src}/scenarios/state-plus-50.toml", f"{src}/scenarios/region-freeze.toml", "-n", "2", "-r", "1",
            "-q", "--params", "population.inflow_per_year", "-o", rf, *CHEAP)
    assert r.returncode == 0, r.stderr
    r = run("compare", rf)
    assert r.returncode == 0 and "policy years 2025–2026" in r.stdout, r.stdout
    assert study_data.Study(rf).window == (2025, 2026), study_data.Study(rf).window
    r = run("quote", a.replace("a.h5", "nosuch.h5"))
    assert r.returncode == 2, r.stderr
    r = subprocess.run(["/usr/bin/python3", f"{src}/analysis/study.py", os.path.join(tmp, "nosuch.h5")],
                       capture_output=True, text=True)
    assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1, r.stderr
print("PASS")
