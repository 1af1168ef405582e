"""Bad input to the analysis scripts (analysis/cli_errors.py): every bad file or flag gets ONE line on
stderr naming it, exit code 2, no traceback, and no output written — neither a new file nor an input
overwritten (an output that is one of the inputs is refused). The brief, through `finsim brief`, also
refuses a sweep or a study that is not of the two runs (another scenario, seed, months or scale).

Usage: /usr/bin/python3 test_analysis_bad_input.py BUILD/engine/finsim SOURCE_DIR
"""

import concurrent.futures
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile

PY = "/usr/bin/python3"
TINY = ["--set", "population.scale=0.01", "--set", "scenario.end=2019-12", "--set", "scenario.burn_in_years=0", "-q"]


def tiny(**changed):
    """TINY with some of its keys set to other values (finsim refuses a key given twice)."""
    keys = {"population.scale": "0.01", "scenario.end": "2019-12", "scenario.burn_in_years": "0", **changed}
    return [x for k, v in keys.items() for x in ("--set", f"{k}={v}")] + ["-q"]


def finsim_ok(finsim, *args):
    r = subprocess.run([finsim, *args], capture_output=True, text=True)
    assert r.returncode == 0, (args, r.stderr)


def fixtures(finsim, src, tmp):
    """Tiny runs, sweeps and studies (about a second in all)."""
    sc = lambda name: os.path.join(src, "scenarios", f"{name}.toml")  # noqa: E731
    f = {k: os.path.join(tmp, v) for k, v in {
        "base": "base.h5", "scen": "scen.h5", "seed7": "seed7.h5", "sweep": "sweep.h5", "sweep_seed7": "sweep7.h5",
        "sweep_scale": "sweep02.h5", "sweep_long": "sweep20.h5", "study": "study.h5", "study_double": "double.h5"}.items()}
    jobs = [
        ("run", sc("baseline"), "-r", "2", "-o", f["base"], *TINY),
        ("run", sc("state-plus-50"), "-r", "2", "--events", "-o", f["scen"], *TINY),
        ("run", sc("state-plus-50"), "-r", "2", "--set", "scenario.seed=7", "-o", f["seed7"], *TINY),
        ("sweep", sc("baseline"), "--vary", "funding.state.allocation_msek.2019=339:678:2", "-r", "1", "-o", f["sweep"], *TINY),
        ("sweep", sc("baseline"), "--vary", "funding.state.allocation_msek.2019=339:678:2", "-r", "1",
         "--set", "scenario.seed=7", "-o", f["sweep_seed7"], *TINY),
        ("sweep", sc("baseline"), "--vary", "funding.state.allocation_msek.2019=339:678:2", "-r", "1",
         "-o", f["sweep_scale"], *tiny(**{"population.scale": "0.012"})),
        ("sweep", sc("baseline"), "--vary", "funding.state.allocation_msek.2019=339:678:2", "-r", "1",
         "-o", f["sweep_long"], *tiny(**{"scenario.end": "2020-12"})),
        ("study", sc("baseline"), sc("state-plus-50"), "-n", "2", "-r", "1", "-t", "1", "-o", f["study"], *TINY),
        ("study", sc("baseline"), sc("state-double"), "-n", "2", "-r", "1", "-t", "1", "-o", f["study_double"], *TINY),
    ]
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        list(pool.map(lambda job: finsim_ok(finsim, *job), jobs))
    # Inputs with an output's name: the command line would overwrite them.
    for name, of in (("study_png", "study"), ("base_png", "base"), ("base_html", "base")):
        f[name] = os.path.join(tmp, of + "." + name.split("_")[1])
        shutil.copy(f[of], f[name])
    f["junk"] = os.path.join(tmp, "junk.h5")
    with open(f["junk"], "w") as out:
        out.write("not HDF5\n")
    f["dir"] = os.path.join(tmp, "adir")
    os.mkdir(f["dir"])
    f["pdf_dir"] = os.path.join(tmp, "brief.pdf")  # a directory where --pdf would write
    os.mkdir(f["pdf_dir"])
    f["html_dir"] = os.path.join(tmp, "dir.html")
    os.mkdir(f["html_dir"])
    return f


def cases(finsim, src, f, tmp):
    a = lambda script: [PY, os.path.join(src, "analysis", script)]  # noqa: E731
    out = lambda name: os.path.join(tmp, name)  # noqa: E731 (never written)
    under_file = os.path.join(f["junk"], "x")  # a path whose "directory" is a file (as /etc/passwd/x)
    study, sweep, base, scen = f["study"], f["sweep"], f["base"], f["scen"]
    brief = [finsim, "brief", base, scen, "--lang", "en"]
    return [
        # An output that is one of the inputs.
        (a("study.py") + [study, "--csv", study], ["--csv", "one of the inputs"]),
        (a("study.py") + [f["study_png"], "--tornado", f["study_png"]], ["--tornado", "one of the inputs"]),
        (a("pathways.py") + [scen, "--csv", scen], ["--csv", "one of the inputs"]),
        (a("sobol.py") + ["design", study, "-o", study], ["-o", "one of the inputs"]),
        (a("sobol.py") + ["indices", study, "--json", study], ["--json", "one of the inputs"]),
        (a("plot_comparison.py") + [f["base_png"], scen, f["base_png"]], ["base.png", "one of the inputs"]),
        (a("plot_dose_response.py") + [f["study_png"], "-o", f["study_png"]], ["-o", "one of the inputs"]),
        (brief[:2] + [f["base_html"], scen, "--lang", "en", "-o", f["base_html"]], ["-o", "one of the inputs"]),
        # funding_vs_published.py
        (a("funding_vs_published.py"), ["FINSIM"]),
        (a("funding_vs_published.py") + ["/nonexistent/finsim"], ["/nonexistent/finsim"]),
        (a("funding_vs_published.py") + [finsim, "--set", "--set", "funding.distribution.need_indicator=none"], ["--set"]),
        (a("funding_vs_published.py") + [finsim, "--set", "no.such_key=1"], ["no.such_key"]),
        # plot_comparison.py
        (a("plot_comparison.py"), ["required"]),
        (a("plot_comparison.py") + [base, scen, out("c.png"), "--lang", "de"], ["--lang", "de"]),
        (a("plot_comparison.py") + [base, out("missing.h5"), out("c.png")], ["missing.h5", "no such file"]),
        (a("plot_comparison.py") + [base, f["junk"], out("c.png")], ["junk.h5", "HDF5"]),
        (a("plot_comparison.py") + [base, f["dir"], out("c.png")], ["adir", "is a directory"]),
        (a("plot_comparison.py") + [base, sweep, out("c.png")], ["sweep.h5", "sweep"]),
        (a("plot_comparison.py") + [base, scen, os.path.join(under_file, "c.png")], ["junk.h5/x/c.png", "no directory"]),
        (a("plot_comparison.py") + [base, scen, out("c.xyz")], ["c.xyz", ".png"]),
        (a("plot_comparison.py") + [base, scen, out("c.png"), "--bogus"], ["--bogus"]),
        (a("plot_comparison.py") + [base, scen, out("c.png"), "extra"], ["extra"]),
        (a("plot_comparison.py") + [base, f["seed7"], out("c.png")], ["cannot pair", "seed"]),
        # plot_dose_response.py
        (a("plot_dose_response.py") + [sweep], ["-o"]),
        (a("plot_dose_response.py") + [sweep, "-o", out("nodir/d.png")], ["nodir/d.png", "no directory"]),
        (a("plot_dose_response.py") + [sweep, "-o", os.path.join(under_file, "d.png")], ["junk.h5/x/d.png"]),
        (a("plot_dose_response.py") + [sweep, "-o", out("d.xyz")], ["d.xyz"]),
        (a("plot_dose_response.py") + [study, "-o", out("d.png")], ["study.h5", "study file"]),
        (a("plot_dose_response.py") + [f["dir"], "-o", out("d.png")], ["adir", "is a directory"]),
        # pathways.py
        (a("pathways.py") + [scen, "--csv", f["dir"]], ["--csv", "is a directory"]),
        (a("pathways.py") + [scen, "--csv", out("nodir/x.csv")], ["nodir/x.csv", "no directory"]),
        (a("pathways.py") + [base], ["base.h5", "no event log"]),
        # study.py
        (a("study.py"), ["required"]),
        (a("study.py") + [f["dir"]], ["adir", "is a directory"]),
        (a("study.py") + [base], ["base.h5", "study file"]),
        (a("study.py") + [study, "--metric", "nosuch"], ["--metric"]),
        (a("study.py") + [study, "--csv", out("x.csv"), "--tornado", out("x.csv")], ["x.csv"]),
        # sobol.py
        (a("sobol.py"), ["design|indices"]),
        (a("sobol.py") + ["design", study, "-N", "1000000000", "-o", out("d.csv")], ["-N", "1000000000"]),
        (a("sobol.py") + ["design", study, "--seed", "-1", "-o", out("d.csv")], ["--seed", "-1"]),
        (a("sobol.py") + ["design", base, "-o", out("d.csv")], ["base.h5", "study file"]),
        (a("sobol.py") + ["indices", study, "--bootstrap", "0"], ["--bootstrap"]),
        (a("sobol.py") + ["indices", study, "--bootstrap", "100000000"], ["--bootstrap", "100000"]),
        (a("sobol.py") + ["indices", study, "--json", os.path.join(under_file, "x.json")], ["--json", "no directory"]),
        (a("sobol.py") + ["indices", study, "--json", f["dir"]], ["--json", "is a directory"]),
        (a("sobol.py") + ["indices", study], ["study.h5", "pick-freeze"]),
        # finsim brief: files of the wrong kind, a sweep or study not of the two runs, a --pdf directory.
        (brief + ["--sweep", study, "-o", out("b.html")], ["--sweep", "study file"]),
        (brief + ["--study", sweep, "-o", out("b.html")], ["--study", "sweep file"]),
        (brief + ["--sweep", f["dir"], "-o", out("b.html")], ["--sweep", "is a directory"]),
        (brief + ["--study", f["study_double"], "-o", out("b.html")], ["--study", "state-double", "state-plus-50"]),
        (brief + ["--sweep", f["sweep_seed7"], "-o", out("b.html")], ["--sweep", "seed"]),
        (brief + ["--sweep", f["sweep_scale"], "-o", out("b.html")], ["--sweep", "population.scale"]),
        (brief + ["--sweep", f["sweep_long"], "-o", out("b.html")], ["--sweep", "months", "2020-12"]),
        (brief + ["--pdf", "-o", out("brief.html")], ["--pdf", "is a directory"]),
        (brief + ["-o", f["html_dir"]], ["-o", "is a directory"]),
    ]


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def snapshot(tmp):
    out = {}
    for folder, dirs, files in os.walk(tmp):
        for name in dirs + files:
            p = os.path.join(folder, name)
            out[os.path.relpath(p, tmp)] = "dir" if os.path.isdir(p) else digest(p)
    return out


def check(argv, words, env):
    r = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=120)
    lines = r.stderr.strip().splitlines()
    problems = []
    if r.returncode != 2:
        problems.append(f"exit code {r.returncode}, expected 2")
    if len(lines) != 1:
        problems.append(f"{len(lines)} stderr lines, expected 1")
    if "Traceback" in r.stderr:
        problems.append("a traceback")
    missing = [w for w in words if w not in r.stderr]
    if missing:
        problems.append(f"stderr lacks {missing}")
    if r.stdout:
        problems.append("printed to stdout")
    return f"{' '.join(argv[1:])}: {'; '.join(problems)}\n  stderr: {r.stderr.strip()}" if problems else None


def main():
    finsim, src = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    env = {**os.environ, "FINSIM_ANALYSIS_DIR": os.path.join(src, "analysis")}
    with tempfile.TemporaryDirectory() as tmp:
        f = fixtures(finsim, src, tmp)
        before = snapshot(tmp)
        todo = cases(finsim, src, f, tmp)
        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            failures = [x for x in pool.map(lambda c: check(c[0], c[1], env), todo) if x]
        after = snapshot(tmp)
        changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
        if changed:
            failures.append(f"files written, changed or removed by refused commands: {changed}")

        # funding_vs_published.py with the --set form of its docstring, from another directory: its table.
        r = subprocess.run([PY, os.path.join(src, "analysis", "funding_vs_published.py"), finsim,
                            "--set", "funding.distribution.need_indicator=none",
                            "--set", "funding.distribution.state_allocations_csv="],
                           capture_output=True, text=True, cwd=tmp)
        if r.returncode != 0 or "MAE: " not in r.stdout:
            failures.append(f"funding_vs_published.py --set ... from {tmp}: exit {r.returncode}: {r.stderr.strip()}")
        for x in failures:
            print("FAIL", x)
        print(f"{len(todo) + 2 - len(failures)} passed, {len(failures)} failed")
        sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
