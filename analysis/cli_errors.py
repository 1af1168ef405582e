"""The command-line rule every analysis script keeps: a bad input (file, flag) gets ONE line on stderr
naming it and what was expected, exit code 2, no traceback, and no output file half-written or
clobbered (outputs are checked before any work and written to a temporary beside them, renamed at
the end; an output that is one of the inputs is refused).

    from cli_errors import Parser, UsageError, check_output, result_file, write_files
"""

import argparse
import os
import sys
import tempfile


class UsageError(Exception):
    """A bad argument or file: one line on stderr, exit 2 (or `code`)."""

    def __init__(self, message, code=2):
        super().__init__(message)
        self.code = code


def one_line(text):
    """A message on one line (HDF5's and argparse's run over several)."""
    return " ".join(str(text).split())


def report(prog, error):
    """Prints `PROG: message` on one line; returns the exit code."""
    print(f"{prog}: {one_line(error)}", file=sys.stderr)
    return getattr(error, "code", 2)


def reason(e):
    """An OSError's words without Python's quoting ("No such file or directory"), else the text."""
    return getattr(e, "strerror", None) or one_line(e)


class Parser(argparse.ArgumentParser):
    """argparse whose usage errors are one line, `PROG: message (see PROG --help)`, exit 2.
    (Sub-commands' parsers are of the same class.)"""

    def error(self, message):
        self.exit(2, f"{self.prog}: {one_line(message)} (see {self.prog} --help)\n")


def int_in(low, high, name):
    """An argparse type: an integer in [low, high], else a one-line error naming the flag (argparse
    prefixes `argument NAME:`)."""
    def parse(text):
        try:
            value = int(text)
        except ValueError:
            value = None
        if value is None or not low <= value <= high:
            raise argparse.ArgumentTypeError(f"expected a whole number from {low} to {high}, got {text}")
        return value
    parse.__name__ = name
    return parse


def same_file(a, b):
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (yet)
        return os.path.realpath(a) == os.path.realpath(b)


def check_output(path, what, suffixes=None, inputs=()):
    """Refuses an output path before any work: its directory must exist, it must not be a directory
    nor one of the inputs, and (with `suffixes`) it must end in one of them."""
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise UsageError(f"{what} {path}: no directory {folder} (expected a file in an existing directory)")
    if os.path.isdir(path):
        raise UsageError(f"{what} {path}: is a directory (expected a file name)")
    suffix = os.path.splitext(path)[1].lstrip(".").lower()
    if suffixes is not None and suffix not in suffixes:
        raise UsageError(f"{what} {path}: expected a file name ending in ." + ", .".join(sorted(suffixes)))
    for given in inputs:
        if given and same_file(path, given):
            raise UsageError(f"{what} {path} is one of the inputs (expected a new file name; it would be overwritten)")


def check_outputs_differ(outputs):
    """Two outputs [(path, what)] of one command must not be the same file."""
    for i, (a, what_a) in enumerate(outputs):
        for b, what_b in outputs[i + 1:]:
            if a and b and same_file(a, b):
                raise UsageError(f"{what_b} {b}: the same file as {what_a} {a} (expected two file names)")


def plot_formats():
    """The file suffixes matplotlib writes (png, svg, pdf, ...)."""
    from matplotlib.backend_bases import FigureCanvasBase
    return set(FigureCanvasBase.get_supported_filetypes())


def check_input(path, what=None, expected="a Finsim result file (HDF5)"):
    """An input file must exist and be a file."""
    label = f"{what} {path}" if what else path
    if not os.path.exists(path):
        raise UsageError(f"{label}: no such file (expected {expected})")
    if os.path.isdir(path):
        raise UsageError(f"{label}: is a directory, expected {expected}")
    if not os.access(path, os.R_OK):
        raise UsageError(f"{label}: cannot read it (permission denied)")


KINDS = {"run": "the result file of one run (finsim run)", "sweep": "a sweep file (finsim sweep)",
         "study": "a study file (finsim study)"}


def result_file(path, what=None, kinds=None):
    """A Finsim result file's scenario group: {"name", "kind" ("run", "sweep" or "study"), and its
    attributes as str/int/float} (file attributes too, under the group's). With `kinds`, a file of
    another kind is refused with one line naming what was expected."""
    import h5py
    import numpy as np

    check_input(path, what)
    label = f"{what} {path}" if what else path

    def plain(v):
        if isinstance(v, bytes):
            return v.decode("utf-8", "replace")
        if isinstance(v, np.ndarray):
            return plain(v.flat[0]) if v.size == 1 else [plain(x) for x in v.flat]
        return v.item() if isinstance(v, np.generic) else v

    try:
        with h5py.File(path, "r") as f:
            if "scenarios" not in f or not len(f["scenarios"]):
                raise UsageError(f"{label}: not a Finsim result file (no scenarios group)")
            name = list(f["scenarios"].keys())[0]
            g = f["scenarios"][name]
            info = {k: plain(v) for k, v in f.attrs.items()}
            info.update({k: plain(v) for k, v in g.attrs.items() if k != "resolved_scenario"})
            info["kind"] = "study" if "study_sample" in g else "sweep" if "point" in g else "run"
    except (OSError, KeyError, ValueError) as e:
        raise UsageError(f"{label}: cannot read it as HDF5 ({one_line(e)}); expected a Finsim result file")
    info["name"] = name
    info["path"] = path
    if kinds and info["kind"] not in kinds:
        raise UsageError(f"{label}: {KINDS[info['kind']]}, expected " + " or ".join(KINDS[k] for k in kinds))
    return info


def month_range(info):
    """"2019-01..2026-12" of a result file's attributes (start_month, months)."""
    start, n = info.get("start_month"), info.get("months")
    try:
        year, month = int(str(start)[:4]), int(str(start)[5:7])
        last = year * 12 + month - 1 + int(n) - 1
        return f"{start}..{last // 12:04d}-{last % 12 + 1:02d}"
    except (TypeError, ValueError):
        return f"{start} + {n} months"


def pairing_difference(a, b, replications=False):
    """What keeps two result files' figures from being set side by side (the same random numbers, the
    same months, the same population scale — finsim compare's pairing rule): a text, or None."""
    out = []
    if a.get("seed") != b.get("seed"):
        out.append(f"seed {a.get('seed')} vs {b.get('seed')}")
    if (a.get("start_month"), a.get("months")) != (b.get("start_month"), b.get("months")):
        out.append(f"months {month_range(a)} vs {month_range(b)}")
    if a.get("population_scale") != b.get("population_scale"):
        out.append(f"population.scale {a.get('population_scale')} vs {b.get('population_scale')}")
    if replications and ((a.get("replication_first"), a.get("replication_count"))
                         != (b.get("replication_first"), b.get("replication_count"))):
        out.append(f"replications {a.get('replication_count')} from {a.get('replication_first')} vs "
                   f"{b.get('replication_count')} from {b.get('replication_first')}")
    return "; ".join(out) or None


def write_files(jobs):
    """Writes [(path, what, write(tmp_path))] each to a temporary file beside it (same suffix) and
    renames them only when all are written: after an error none is there, nor half of one, and the
    files that were there are unchanged."""
    umask = os.umask(0)
    os.umask(umask)
    temporary = []
    try:
        for step in ("write", "rename"):
            for i, (path, what, write) in enumerate(jobs):
                try:
                    if step == "write":
                        folder, base = os.path.split(os.path.abspath(path))
                        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{base}.", suffix=os.path.splitext(base)[1])
                        os.close(fd)
                        temporary.append(tmp)
                        os.chmod(tmp, 0o666 & ~umask)  # mkstemp's 0600 would outlive the rename
                        write(tmp)
                    else:
                        os.replace(temporary[i], path)
                except (OSError, ValueError) as e:
                    raise UsageError(f"{what} {path}: cannot write it ({reason(e)})")
    finally:
        for tmp in temporary:
            if os.path.exists(tmp):
                os.unlink(tmp)
