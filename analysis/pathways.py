"""Pathways through the insatser, from a run's event log (finsim run --events).

Usage: /usr/bin/python3 analysis/pathways.py RESULT.h5 [--csv OUT.csv]

Prints, per insats type and over all replications: starts, how the participations ended
(completion to work, studies, job seeking or back to the target group; dropout; ended for lack of
money; next insats on the pathway), the mean months in the insats, and the mean wait from
referral to start. Participations still running at the end of the horizon, and those running
at its start (no start record), are left out. Counts are agents; multiply by persons_per_agent
(1 / population.scale) for persons.
"""

import os
import sys

import pandas as pd

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cli_errors import Parser, UsageError, check_output, report, result_file, write_files  # noqa: E402
from finsim_results import read_events  # noqa: E402

ENDINGS = ["completion", "dropout", "ended_unfunded", "pathway_referral"]


def pathway_table(events):
    """One row per insats type: starts, endings by kind and outcome, mean duration and wait."""
    ev = events.sort_values(["replication", "agent", "month_index"], kind="stable")
    ev = ev[ev["insats"] != ""]
    rows = {}
    # A person's previous record in the same replication: the start an ending closes, the referral
    # a start follows.
    previous = ev.groupby(["replication", "agent"]).shift(1)
    for insats, group in ev.groupby("insats"):
        row = rows.setdefault(insats, {"starts": 0})
        starts = group[group["event"] == "start"]
        row["starts"] = len(starts)
        waited = starts["month_index"] - previous.loc[starts.index, "month_index"]
        from_queue = previous.loc[starts.index, "event"].isin(["referral", "pathway_referral"])
        row["mean_wait_months"] = waited[from_queue].mean()
    # Endings belong to the insats left, which for pathway_referral is the previous start's insats.
    ends = ev[ev["event"].isin(ENDINGS)]
    prev = previous.loc[ends.index]
    closed = prev["event"] == "start"
    ends, prev = ends[closed], prev[closed]
    left = prev["insats"]
    outcome = ends["event"].astype(str)
    completed = ends["event"] == "completion"
    outcome[completed] = "completion_" + ends.loc[completed, "to_state"].astype(str)
    table = pd.crosstab(left, outcome)
    duration = (ends["month_index"] - prev["month_index"]).groupby(left).mean()
    out = pd.DataFrame(rows).T.join(table, how="outer").fillna(0)
    out["mean_months_in_insats"] = duration
    ended = table.sum(axis=1)
    if "completion_work" in out or "completion_studies" in out:
        to_work = out.get("completion_work", 0) + out.get("completion_studies", 0)
        out["work_studies_share"] = to_work / ended
    return out.sort_index()


def main():
    parser = Parser(prog="pathways.py", description=__doc__.split("\n")[0])
    parser.add_argument("result", help="HDF5 result file written with finsim run --events")
    parser.add_argument("--csv", help="also write the table as CSV")
    args = parser.parse_args()
    try:
        # The output is checked before any work: a mistake costs nothing and prints no table.
        if args.csv:
            check_output(args.csv, "--csv", None, [args.result])
        result_file(args.result, kinds=("run",))
        try:
            events = read_events(args.result)
        except KeyError as e:  # no event log: KeyError's str() would quote the message
            raise UsageError(e.args[0] if e.args else str(e))
        table = pathway_table(events)
        if args.csv:
            write_files([(args.csv, "--csv", table.to_csv)])
    except UsageError as e:
        return report("pathways.py", e)
    except OSError as e:
        return report("pathways.py", f"{args.result}: {e}")
    with pd.option_context("display.width", 200, "display.max_columns", 30, "display.float_format", "{:.2f}".format):
        print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
