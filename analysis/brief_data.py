"""What the brief shows, gathered: the headline figures from `finsim compare --format csv` (so the
brief equals compare by construction), the quote from `finsim quote`, the dose-response table of a
sweep, the study summary of `analysis/study.py --json`, and from the result files themselves the
yearly money series, population per län and the provenance (analysis/finsim_results.py, h5py).
"""

import csv
import io
import json
import os
import subprocess

import h5py
import numpy as np

from cli_errors import UsageError, pairing_difference, result_file
from finsim_results import open_scenario, scenario_names

ANALYSIS_DIR = os.path.dirname(os.path.abspath(__file__))


class BriefError(UsageError):
    """Bad input: one line for the user, exit code 2 (or `code`)."""


def check_inputs(base_path, scen_path, sweep_path=None, study_path=None):
    """Each file is of its kind, and the sweep and the study are of the two runs' question: the study's
    base and scenario are the runs', the sweep is of one of their scenarios, and both have the runs'
    seed, months and population scale (else the brief would set figures of other runs beside them)."""
    try:
        base = result_file(base_path, kinds=("run",))
        scen = result_file(scen_path, kinds=("run",))
        sweep = result_file(sweep_path, "--sweep", kinds=("sweep",)) if sweep_path else None
        study = result_file(study_path, "--study", kinds=("study",)) if study_path else None
    except UsageError as e:
        raise BriefError(str(e), e.code)
    names = (base["name"], scen["name"])

    def same_runs(flag, path, f, kind, question):
        """`question` is why f is not of the runs' question ("" if it is); then seed, months, scale."""
        if question:
            raise BriefError(f"{flag} {path}: {question}")
        differ = pairing_difference(base, f)
        if differ:
            raise BriefError(f"{flag} {path}: does not match the runs ({base_path} vs it: {differ}); expected "
                             f"a {kind} with the runs' seed, months and population scale")

    if sweep:
        same_runs("--sweep", sweep_path, sweep, "sweep",
                  "" if sweep["name"] in names else f"a sweep of scenario '{sweep['name']}', expected one of the "
                  f"runs' ('{names[0]}' or '{names[1]}')")
    if study:
        arms = (str(study.get("study_base_scenario", "")), str(study.get("study_scenario", "")))
        same_runs("--study", study_path, study, "study",
                  "" if arms == names else f"a study of '{arms[1]}' against '{arms[0]}', expected one of "
                  f"'{names[1]}' against '{names[0]}' (the two runs)")


def run(argv, what):
    """stdout of a command; its first error line as a BriefError when it fails."""
    try:
        r = subprocess.run(argv, capture_output=True, text=True)
    except OSError as e:
        raise BriefError(f"{what}: cannot run {argv[0]}: {e.strerror}", 1)
    if r.returncode != 0:
        lines = [x for x in r.stderr.strip().splitlines() if x.strip()]
        raise BriefError(lines[-1] if lines else f"{what} failed with exit code {r.returncode}",
                         2 if r.returncode == 2 else 1)
    return r.stdout


def parse_csv(text):
    return list(csv.DictReader(io.StringIO(text)))


def num(v):
    return float(v) if v not in ("", None) else None


class Compare:
    """The rows of `finsim compare BASE SCEN --by-lan --format csv` with lookups."""

    def __init__(self, rows):
        self.rows = rows
        years = sorted({int(r["period"]) for r in rows if r["period"].isdigit()})
        if not years:
            raise BriefError("finsim compare gave no yearly rows")
        self.years = years
        self.end = years[-1]
        cost = [r for r in rows if r["metric"] == "cost_per_work_studies_end"]
        window = cost[0]["period"] if cost and cost[0]["period"] else ""
        self.window = window  # "2025–2027", or "" when the runs do not differ
        self.n = int(rows[0]["n"])

    def find(self, metric, period, payer="", level="nation", area=""):
        for r in self.rows:
            if (r["metric"] == metric and r["period"] == str(period) and r["payer"] == payer and r["level"] == level
                    and r["area"] == area):
                return r
        raise BriefError(f"finsim compare: no row {metric} {payer} {level} {area} {period}", 1)

    def diff(self, metric, period, payer="", level="nation", area=""):
        """(mean, low, high) of the paired difference; low and high None without an interval."""
        r = self.find(metric, period, payer, level, area)
        return num(r["difference_mean"]), num(r["ci_low"]), num(r["ci_high"])

    def yearly(self, metric, payer=""):
        rows = [self.find(metric, y, payer) for y in self.years if any(
            r["metric"] == metric and r["period"] == str(y) and r["level"] == "nation" for r in self.rows)]
        get = lambda k: [num(r[k]) if r[k] else num(r["difference_mean"]) for r in rows]  # noqa: E731
        return [int(r["period"]) for r in rows], get("difference_mean"), get("ci_low"), get("ci_high")

    def payback(self, basis, payer="all"):
        """(median months or None, share paid back, n, note)."""
        m = self.find(f"payback_{basis}_median_months", "horizon", payer)
        s = self.find(f"payback_{basis}_share", "horizon", payer)
        months = int(m["difference_mean"]) if m["difference_mean"] else None
        return months, num(s["difference_mean"]), int(m["n"]), m["note"]

    def lans(self):
        """[(name, synthetic)] in the order compare gives them."""
        out = []
        for r in self.rows:
            if r["level"] == "lan" and (not out or out[-1][0] != r["area"]):
                out.append((r["area"], r["synthetic"] == "1"))
        return out


def attr_text(v):
    if isinstance(v, bytes):
        return v.decode()
    if isinstance(v, np.ndarray):
        return [attr_text(x) for x in v]
    return v.item() if isinstance(v, np.generic) else v


def run_info(path):
    """The provenance of a result file: file attributes (version, commit, command line, created)
    and its scenario group's (name, description, digest, seed, replications, months, scale)."""
    try:
        with h5py.File(path, "r") as f:
            info = {k: attr_text(v) for k, v in f.attrs.items()}
            name = list(f["scenarios"].keys())[0]
            g = f["scenarios"][name]
            info.update({k: attr_text(v) for k, v in g.attrs.items() if k != "resolved_scenario"})
            info["name"] = name
            info["path"] = path
            if "parameter" in g:
                info["parameters"] = {
                    k: (v, u, s, int(a)) for k, v, u, s, a in zip(
                        g["parameter"].asstr()[()], g["parameter_value"].asstr()[()], g["parameter_unit"].asstr()[()],
                        g["parameter_source"].asstr()[()], g["parameter_assumption"][()])}
    except (OSError, KeyError, IndexError) as e:
        raise BriefError(f"{path}: not a Finsim result file ({e})")
    return info


def money_paid_per_year(path):
    """(years, money paid in per year, all payers, mean over replications, SEK)."""
    ds = open_scenario(path, scenario_names(path)[0])
    paid = (ds["state_paid"] + ds["region_paid"] + ds["kommuner_paid"]).sum("forbund").mean("replication")
    return [int(y) for y in ds["year"].values], [float(v) for v in paid.values]


def population_by_lan(path):
    """People aged 16–64 per län (the förbund areas summed by their län), from the run's world."""
    ds = open_scenario(path, scenario_names(path)[0])
    out = {}
    for lan, pop in zip(ds["forbund_region_name"].values, ds["forbund_population_16_64"].values):
        out[str(lan)] = out.get(str(lan), 0) + int(pop)
    return out


def changed_parameters(base, scen):
    """The keys whose resolved values differ between the two runs (not the name and description):
    [(key, base value, scenario value, unit, source, assumption)]."""
    bp, sp = base.get("parameters", {}), scen.get("parameters", {})
    out = []
    for key, (value, unit, source, assumption) in sp.items():
        if key in ("scenario.name", "scenario.description"):
            continue
        if key not in bp or bp[key][0] != value:
            out.append((key, bp.get(key, ("–",))[0], value, unit, source, assumption))
    return out


def sweep_points(text):
    """The dose-response CSV of finsim compare SWEEP.h5 as one dict per point."""
    points = {}
    for r in parse_csv(text):
        p = points.setdefault(int(r["point"]), {"point": int(r["point"]), "overrides": r["overrides"]})
        key = r["metric"] + ("" if r["payer"] in ("", "all") or r["metric"] != "finsam_budget" else "_" + r["payer"])
        p[key] = r
    return [points[k] for k in sorted(points)]


def study_summary(finsim_python, study_path, study_json, lang):
    """The study contract of analysis/study.py --json (or a JSON file given for tests), its labels in `lang`."""
    if study_json:
        try:
            with open(study_json, encoding="utf-8") as f:
                data = json.load(f)
        except OSError as e:
            raise BriefError(f"{study_json}: cannot read ({e.strerror})")
        except json.JSONDecodeError as e:
            raise BriefError(f"{study_json}: line {e.lineno}: not JSON ({e.msg})")
    else:
        try:
            text = run([finsim_python, os.path.join(ANALYSIS_DIR, "study.py"), study_path, "--json", "--lang", lang],
                       "analysis/study.py")
        except BriefError as e:
            if "--json" in str(e):  # an analysis/ from before the study summary existed
                raise BriefError(f"--study: analysis/study.py cannot print the study summary (--json): {e}")
            raise
        try:
            data = json.loads(text)
        except json.JSONDecodeError as e:
            raise BriefError(f"analysis/study.py {study_path} --json: line {e.lineno}: not JSON ({e.msg})", 1)
    for key in ("sets_tried", "sets_kept", "replications", "headline", "screening", "drivers"):
        if key not in data:
            raise BriefError(f"{study_json or study_path}: study summary without '{key}'")
    return data
