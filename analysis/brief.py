"""The brief: one self-contained HTML file (inline CSS and SVG, no external assets) that a riksdag
motion or a remiss answer can cite, in Swedish or English, and with --pdf the same printed to A4
through headless Chromium. Its headline figures are those of `finsim compare --format csv` and its
quote that of `finsim quote` (docs/brief.md).

This file is the command line: it gathers the runs (brief_data.py), puts the pages of brief_pages.py
together in print order and writes the files, complete or none.

Usage: /usr/bin/python3 analysis/brief.py BASE.h5 SCEN.h5 [--sweep SWEEP.h5] [--study STUDY.h5]
           [--lang sv|en] -o BRIEF.html [--pdf] [--finsim PATH] [--chromium PATH]
       (normally through `finsim brief`, which passes its own path as --finsim)
"""

import os
import sys

import brief_data as data
from brief_data import BriefError
from brief_html import CSS, esc, print_pdf
from brief_pages import (page_dose, page_front, page_lan, page_provenance, page_rests_quote, page_study,
                         page_time_money)
from brief_text import t
from cli_errors import Parser, UsageError, check_output, write_files


def render(args):
    finsim, lang = args.finsim, args.lang
    data.check_inputs(args.base, args.scenario, args.sweep, args.study)
    base, scen = data.run_info(args.base), data.run_info(args.scenario)
    c = data.Compare(data.parse_csv(data.run([finsim, "compare", args.base, args.scenario, "--by-lan", "--format", "csv",
                                              "--lang", lang], "finsim compare")))
    if not c.window:
        raise BriefError(f"{args.base} and {args.scenario}: the two runs do not differ (every paired difference is 0)")
    quote = data.run([finsim, "quote", args.base, args.scenario, "--lang", lang], "finsim quote")
    study = None
    if args.study or args.study_json:
        study = data.study_summary(sys.executable, args.study, args.study_json, lang)
    runs = [("base", base), ("scen", scen)]
    pages = [page_front(lang, c, base, scen, study), page_time_money(lang, c, base, scen), page_lan(lang, c, base)]
    if args.sweep:
        sweep = data.run_info(args.sweep)
        points = data.sweep_points(data.run([finsim, "compare", args.sweep, "--format", "csv", "--lang", lang],
                                            "finsim compare"))
        pages.append(page_dose(lang, points, sweep))
        runs.append(("sweep", sweep))
    if study:
        pages.append(page_study(lang, study, base, scen))
        if args.study:
            runs.append(("study", data.run_info(args.study)))
    pages.append(page_rests_quote(lang, c, base, scen, study, quote))
    pages.append(page_provenance(lang, args, runs, study))
    title = t(lang, "title", scenario=scen["name"], base=base["name"])
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8"><title>{esc(title)}</title>'
            f'<meta name="generator" content="finsim brief"><style>{CSS}</style></head><body>\n'
            + "\n".join(pages) + "\n</body></html>\n")


def main(argv):
    p = Parser(prog="finsim brief", description=__doc__.strip().splitlines()[0])
    p.add_argument("base")
    p.add_argument("scenario")
    p.add_argument("--sweep")
    p.add_argument("--study")
    p.add_argument("--study-json", help="the study summary as a JSON file (tests; instead of study.py --json)")
    p.add_argument("--lang", default="en", choices=("en", "sv"))
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--pdf", action="store_true", help="also print the brief to a PDF next to it (.pdf)")
    p.add_argument("--finsim", default=os.environ.get("FINSIM", "finsim"))
    p.add_argument("--commit", default="", help="the commit of the finsim that made the brief")
    p.add_argument("--chromium", default=os.environ.get("FINSIM_CHROMIUM", "/usr/bin/chromium"))
    try:
        args = p.parse_args(argv[1:])
        # Every output is checked before any work: its folder exists, .html, not a directory, not an input.
        inputs = [args.base, args.scenario, args.sweep, args.study, args.study_json]
        check_output(args.output, "-o", {"html", "htm"}, inputs)
        pdf_path = os.path.splitext(args.output)[0] + ".pdf"
        if args.pdf:
            check_output(pdf_path, "--pdf", None, inputs)
        text = render(args)
        # Complete files or none: temporaries next to the outputs, renamed when both are written.
        html_written = []

        def write_html(tmp):
            with open(tmp, "w", encoding="utf-8") as f:
                f.write(text)
            html_written.append(tmp)

        jobs = [(args.output, "-o", write_html)]
        if args.pdf:
            jobs.append((pdf_path, "--pdf", lambda tmp: print_pdf(args.chromium, html_written[0], tmp)))
        write_files(jobs)
        print(f"wrote {args.output}" + (f" and {pdf_path}" if args.pdf else ""))
        return 0
    except UsageError as e:  # BriefError and the checks of cli_errors
        message = " ".join(str(e).split())
        print(message if message.startswith("finsim") else f"finsim brief: {message}", file=sys.stderr)
        return e.code
    except OSError as e:  # writing the files (the checks above make this rare): still one line
        print(f"finsim brief: -o {args.output}: cannot write it ({e.strerror or e})", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
