"""finsim brief (analysis/brief.py) for a small fixture, checked in headless Chromium: the DOM holds the
headline, län and sweep figures of `finsim compare --format csv` formatted per language and the quote of
`finsim quote`; every plot is a non-empty inline SVG and nothing is fetched from outside; the screenshot
is not blank; the PDF has one page per section, each starting with its heading; Swedish and English
carry the same figures and the Swedish one no English words; the study section follows the contract of
analysis/study.py --json (a key singled out by the screening is listed with its interval; none singled
out says so and what study size would be needed); bad input exits 2 and leaves no file.

Usage: /usr/bin/python3 test_brief.py BUILD/engine/finsim SOURCE_DIR
"""

import csv
import html.parser
import io
import json
import os
import re
import subprocess
import sys
import tempfile

import matplotlib

matplotlib.use("Agg")
import matplotlib.image  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
SCALE = ["--set", "population.scale=0.02", "--set", "scenario.end=2027-12"]
# Words of the English brief that must not appear in the Swedish one (outside code and quoted registry text).
ENGLISH = {"the", "and", "of", "with", "people", "work", "studies", "year", "years", "money", "paid", "spent",
           "payback", "baseline", "replications", "replication", "interval", "participants", "offer", "state",
           "equity", "declined", "unused", "structural", "individual", "months", "median months", "net", "gain",
           "extra", "point", "seed", "sweep", "study", "source", "key", "assumption", "policy", "end", "per", "run",
           "msek", "to", "for", "not", "from", "by", "at", "on", "is", "are", "which", "that", "this", "what", "how",
           "sure", "rests", "answer", "question", "brief", "effects", "where", "goes", "ready", "quote", "provenance",
           "reproduce"}
ENGLISH.discard("per")  # "per år" is Swedish
ENGLISH.discard("extra")  # "extra medel" is Swedish


class Dom(html.parser.HTMLParser):
    """Text of the page (without code, pre, style, svg and lang="en" spans), the <svg> elements with
    their path counts, the sections and their h2, table rows as lists of cell texts."""

    SKIP = {"code", "pre", "style", "svg", "title", "script"}

    def __init__(self):
        super().__init__()
        self.text, self.all_text, self.svgs, self.sections, self.rows = [], [], [], [], []
        self.skip, self.stack, self.cell, self.row, self.in_h2 = 0, [], None, None, False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        skip = tag in self.SKIP or (tag == "span" and a.get("lang") == "en")  # the registry's own words
        if tag not in ("br", "meta", "path", "use", "rect", "circle", "line", "stop") or tag == "svg":
            self.stack.append(skip)
            self.skip += skip
        if tag == "svg" and "plot" in a.get("class", ""):
            self.svgs.append({"viewBox": a.get("viewbox", ""), "paths": 0})
        if tag in ("path", "use") and self.svgs:
            self.svgs[-1]["paths"] += 1
        if tag == "section":
            self.sections.append({"id": a.get("id"), "h2": []})
        self.in_h2 = self.in_h2 or tag == "h2"
        if tag == "tr":
            self.row = []
        if tag in ("td", "th"):
            self.cell = []

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in ("br", "meta", "path", "use", "rect", "circle", "line", "stop"):
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag in ("br", "meta", "path", "use", "rect", "circle", "line", "stop"):
            return
        if self.stack:
            self.skip -= self.stack.pop()
        if tag == "h2":
            self.in_h2 = False
        if tag in ("td", "th") and self.cell is not None and self.row is not None:
            self.row.append(norm("".join(self.cell)).strip())
            self.cell = None
        if tag == "tr" and self.row is not None:
            self.rows.append(self.row)
            self.row = None
        if tag in ("p", "td", "th", "h1", "h2", "h3", "div", "tr", "figcaption"):
            self.text.append("\n")
            self.all_text.append("\n")

    def handle_data(self, data):
        self.all_text.append(data)
        if not self.skip:
            self.text.append(data)
        if self.cell is not None:
            self.cell.append(data)
        if self.in_h2 and self.sections:
            self.sections[-1]["h2"].append(data)


def norm(s):
    """Spacing and sign as plain text: no-break spaces to spaces, the minus sign to '-'."""
    return s.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2212", "-")


def fmt(lang, v, decimals=0, sign=False):
    """Independent of analysis/brief_text.py: Python's grouping, then Swedish separators."""
    s = f"{abs(v):,.{decimals}f}"
    zero = float(s.replace(",", "")) == 0
    if lang == "sv":
        s = s.replace(",", " ").replace(".", ",")
    return ("" if zero else "-" if v < 0 else "+" if sign else "") + s


def run(argv, ok=True):
    r = subprocess.run(argv, capture_output=True, text=True)
    if ok:
        assert r.returncode == 0, f"{argv}: {r.stderr}"
    return r


def chromium(args, tmp):
    profile = tempfile.mkdtemp(dir=tmp)
    return run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                f"--user-data-dir={profile}", *args])


def compare_rows(finsim, *argv):
    return list(csv.DictReader(io.StringIO(run([finsim, "compare", *argv, "--format", "csv"]).stdout)))


def find(rows, metric, period, payer="", level="nation", area=""):
    hits = [r for r in rows if r["metric"] == metric and r["period"] == str(period) and r["payer"] == payer
            and r["level"] == level and r["area"] == area]
    assert len(hits) == 1, (metric, period, payer, level, area)
    return hits[0]


def headline_expected(lang, rows):
    """The formatted figures the headline must show, from finsim compare --format csv."""
    end = max(int(r["period"]) for r in rows if r["period"].isdigit())
    out = []
    ws = find(rows, "work_studies_december", end)
    part = find(rows, "unique_participants", "policy_per_year")
    for r in (ws, part):
        out += [fmt(lang, float(r[k]), 0, True) for k in ("difference_mean", "ci_low", "ci_high")]
    budget = find(rows, "finsam_budget", "policy_per_year", "all")
    out += [fmt(lang, float(budget[k]) / 1e6, 1, True) for k in ("difference_mean", "ci_low", "ci_high")]
    unit = " mnkr" if lang == "sv" else " MSEK"
    for p in ("state", "region", "kommun"):
        out.append(fmt(lang, float(find(rows, "finsam_budget", "policy_per_year", p)["difference_mean"]) / 1e6, 1, True) + unit)
    for basis in ("spent", "paid"):
        months = find(rows, f"payback_{basis}_median_months", "horizon", "all")["difference_mean"]
        assert months, "the fixture pays back within the run"
        out.append(months + (" månader" if lang == "sv" else " months"))
    return out, end


def check_brief(finsim, tmp, page, lang, rows, sweep_rows, quote, sections):
    dom_html = chromium(["--dump-dom", "file://" + page], tmp).stdout
    assert "<body" in dom_html, "chromium --dump-dom gave no page"
    d = Dom()
    d.feed(dom_html)
    text = norm("".join(d.text))
    everything = norm("".join(d.all_text))
    # Headline: every figure equals finsim compare's, formatted per language, in the headline box.
    expected, end = headline_expected(lang, rows)
    front = text.split(norm("Svaret" if lang == "sv" else "The answer"), 1)[1]
    for figure in expected:
        assert figure in front, f"{lang}: headline figure {figure!r} missing"
    # The quote paragraph is finsim quote's first line, word for word.
    assert norm(quote.splitlines()[0]) in everything, f"{lang}: quote missing"
    # Län table: one row per län with compare's net extra people in work or studies.
    lans = {r["area"] for r in rows if r["level"] == "lan"}
    assert len(lans) >= 15, lans
    by_name = {r[0].rstrip(" *"): r for r in d.rows if r}
    for lan in lans:
        want = fmt(lang, float(find(rows, "work_studies_december", end, "", "lan", lan)["difference_mean"]), 0, True)
        assert by_name[lan][1] == want, (lang, lan, by_name[lan], want)
    # Dose-response table: each point's difference as compare SWEEP.h5 gives it.
    for r in sweep_rows:
        if r["metric"] == "work_studies_december":
            assert fmt(lang, float(r["difference_mean"]), 0, True) in text, (lang, r["point"])
    # Plots: non-empty inline SVGs; nothing fetched from elsewhere.
    assert len(d.svgs) == 4, f"{lang}: {len(d.svgs)} plots"
    for s in d.svgs:
        w, h = (float(x) for x in s["viewBox"].split()[2:])
        assert w > 100 and h > 50 and s["paths"] > 30, s
    raw = open(page, encoding="utf-8").read()
    assert not re.search(r"<link|<script|<img|<iframe|src=|url\((?!#)|=\"https?:|@import", raw), "external asset"
    assert [s["id"] for s in d.sections] == sections, [s["id"] for s in d.sections]
    return d, text


def numbers_of(text, lang):
    """The signed numbers of a text, as floats, whatever the language's separators."""
    if lang == "sv":
        found = re.findall(r"[+-]\d{1,3}(?: \d{3})*(?:,\d+)?", text)
        return [float(x.replace(" ", "").replace(",", ".")) for x in found]
    return [float(x.replace(",", "")) for x in re.findall(r"[+-]\d{1,3}(?:,\d{3})*(?:\.\d+)?", text)]


def main():
    finsim, src = os.path.abspath(sys.argv[1]), sys.argv[2]
    passed = 0
    with tempfile.TemporaryDirectory() as tmp:
        runs = {}
        for s in ("baseline", "state-plus-50"):
            runs[s] = os.path.join(tmp, f"{s}.h5")
            run([finsim, "run", os.path.join(src, "scenarios", f"{s}.toml"), "-o", runs[s], "-q", "-r", "3", *SCALE])
        sweep = os.path.join(tmp, "sweep.h5")
        run([finsim, "sweep", os.path.join(src, "scenarios", "baseline.toml"), "--vary",
             "funding.state.allocation_msek.2025=339:678:3", "-r", "3", "-o", sweep, "-q", *SCALE])
        base, scen = runs["baseline"], runs["state-plus-50"]
        sections = ["front", "time", "lan", "dose", "rests", "provenance"]

        texts = {}
        for lang in ("sv", "en"):
            out = os.path.join(tmp, f"brief-{lang}.html")
            argv = [finsim, "brief", base, scen, "--sweep", sweep, "--lang", lang, "-o", out] + (["--pdf"] if lang == "sv" else [])
            run(argv)
            rows = compare_rows(finsim, base, scen, "--by-lan", "--lang", lang)
            # compare without --by-lan gives the same national rows
            national = compare_rows(finsim, base, scen, "--lang", lang)
            assert [r for r in rows if r["level"] == "nation"] == national
            sweep_rows = compare_rows(finsim, sweep, "--lang", lang)
            quote = run([finsim, "quote", base, scen, "--lang", lang]).stdout
            d, text = check_brief(finsim, tmp, out, lang, rows, sweep_rows, quote, sections)
            texts[lang] = text
            passed += 1

        # Swedish and English: the same figures in the headline and the län and sweep tables.
        def figures(text, lang):
            start = text.index("Svaret" if lang == "sv" else "The answer")
            return numbers_of(text[start:text.index("Vad resultatet vilar på" if lang == "sv" else "What this rests on")],
                              lang)
        assert figures(texts["sv"], "sv") == figures(texts["en"], "en"), "sv and en figures differ"
        assert len(figures(texts["sv"], "sv")) > 100
        passed += 1

        # No English words in the Swedish brief (outside code, commands and the registry's quoted sources).
        # Scenario names are identifiers (the quote gives them verbatim), not words.
        # File paths are names too.
        words = set(re.findall(r"[a-zåäö]+", re.sub(r"state-plus-50|baseline|\S*/\S*", "", texts["sv"].lower())))
        assert not words & ENGLISH, f"English in the Swedish brief: {sorted(words & ENGLISH)}"
        for term in ("samordningsförbund", "statlig medelstilldelning", "mnkr", "återbetalningstid", "insatser", "målgrupp"):
            assert term in texts["sv"].lower(), term
        passed += 1

        # The screenshot is not blank: dark text and coloured figures on white.
        png = os.path.join(tmp, "shot.png")
        chromium([f"--screenshot={png}", "--window-size=1000,1400", "file://" + os.path.join(tmp, "brief-sv.html")], tmp)
        pixels = matplotlib.image.imread(png)[..., :3]
        assert pixels.std() > 0.05 and (pixels.mean(axis=2) < 0.5).mean() > 0.01, (pixels.std(), (pixels.mean(axis=2) < 0.5).mean())
        passed += 1

        # The PDF: one A4 page per section, each starting with its heading, and the headline figure in it.
        pdf = os.path.join(tmp, "brief-sv.pdf")
        info = run(["pdfinfo", pdf]).stdout
        assert re.search(r"^Pages:\s+6$", info, re.M), info
        assert re.search(r"Page size:\s+59[45]\.\d* x 841\.\d* pts \(A4\)", info), info
        headings = ["Frågan", "År för år", "Effekter per län", "Mer eller mindre medel", "Vad resultatet vilar på",
                    "Ursprung och hur"]
        for i, h in enumerate(headings, 1):
            page_text = run(["pdftotext", "-f", str(i), "-l", str(i), "-layout", pdf, "-"]).stdout
            assert h in page_text, (i, h, page_text[:200])
        all_pdf = norm(run(["pdftotext", pdf, "-"]).stdout)
        expected, _ = headline_expected("sv", compare_rows(finsim, base, scen, "--lang", "sv"))
        assert expected[0] in all_pdf, expected[0]
        passed += 1

        # The study section, against the contract of analysis/study.py --json (a hand-written summary).
        study = {"sets_tried": 40, "sets_kept": 27, "replications": 3, "base": "baseline", "scenario": "state-plus-50",
                 "headline": [
                     {"metric": "work_studies_december", "label": "Personer netto i arbete eller studier", "unit": "persons",
                      "mean": 5123.4, "lo": -812.0, "hi": 11990.0, "share_parameters": 0.81, "share_noise": 0.19,
                      "calibrated": True},
                     {"metric": "finsam_budget", "label": "Mer medel, alla parter", "unit": "SEK/yr", "mean": 3.2e8,
                      "lo": 2.9e8, "hi": 3.5e8, "share_parameters": 0.4, "share_noise": 0.6, "calibrated": False},
                     {"metric": "payback_paid_median_months", "label": "Återbetalningstid, inbetalda medel",
                      "unit": "months", "mean": None, "lo": None, "hi": None, "share_parameters": None,
                      "share_noise": None, "calibrated": True, "defined_share": 0.96, "median": 22.0,
                      "paid_back_share": 0.96, "paid_back_by": 2027},
                     {"metric": "cost_per_work_studies_end", "label": "Mer medel per netto fler i arbete/studier",
                      "unit": "SEK", "mean": 231728.7, "lo": 109066.0, "hi": 354391.4, "share_parameters": 0.66,
                      "share_noise": 0.34, "calibrated": True}],
                 "screening": {"metric": "work_studies_december", "sets": 27, "calibrated": True, "keys": 77,
                               "method": "Spearman", "permutations": 9999, "family_alpha": 0.05, "critical_rho": 0.61,
                               "singled_out": ["outcomes.work_probability_scale"], "sets_needed": 182,
                               "drawn_needed": 270, "planning_share": 0.1, "power": 0.8, "verdict": "1 singled out"},
                 "drivers": [
                     {"key": "outcomes.work_probability_scale", "label": "Chans till arbete efter insats",
                      "source": "assumption (range ±30 %)", "rho": 0.62, "lo": 0.21, "hi": 0.85, "p_adjusted": 0.004,
                      "singled_out": True, "first_order": 0.42, "total": 0.55, "flips_conclusion": True},
                     {"key": "capacity.ramp_up_months", "label": "Uppstartstid", "source": "assumption (range 3–12)",
                      "rho": -0.18, "lo": -0.6, "hi": 0.31, "p_adjusted": 0.9, "singled_out": False,
                      "first_order": None, "total": None, "flips_conclusion": None}],
                 "command": "finsim study scenarios/baseline.toml scenarios/state-plus-50.toml --samples 40 -r 3 -o study.h5"}
        study_json = os.path.join(tmp, "study.json")
        with open(study_json, "w", encoding="utf-8") as f:
            json.dump(study, f)
        out = os.path.join(tmp, "brief-study.html")
        run(["/usr/bin/python3", os.path.join(src, "analysis", "brief.py"), base, scen, "--study-json", study_json,
             "--lang", "sv", "-o", out, "--finsim", finsim])
        d = Dom()
        d.feed(open(out, encoding="utf-8").read())
        text = norm("".join(d.text))
        assert [s["id"] for s in d.sections] == ["front", "time", "lan", "study", "rests", "provenance"]
        assert re.search(r"totalt, med antagandena:\s*-812 till \+11 990", text), "total interval in the headline"
        # The headline's cost per effect and payback carry the study's total as well: the cost per effect its
        # interval and mean in kronor, a payback not reached in every run of the study the share that was.
        head = text.split("Hur säkert: osäkerhetsstudien", 1)[0]
        assert re.search(r"Extra medel per person netto.*; totalt, med antagandena: 109 000 kr till 354 000 kr "
                         r"\(studiens medelvärde 232 000 kr\)", head), head
        assert "totalt, med antagandena: inget intervall: 96 % av körningarna återbetalda till 2027" in head, head
        assert "+5 123" in text and "81 %" in text and "19 %" in text
        assert "+320,0 mnkr" in text and "+290,0 till +350,0" in text
        # Money a year ("SEK/yr") in mnkr, the cost per effect ("SEK") in kronor rounded to the thousand (not
        # "+0,2 mnkr"), a payback not reached in every run by the run's last year (docs/uncertainty.md §8).
        assert "232 000 kr" in text and "109 000 kr till 354 000 kr" in text and "+0,2 mnkr" not in text, text
        assert "inget intervall: 96 % av körningarna återbetalda till 2027" in text, text
        # The singled-out key with its rank correlation and simultaneous interval, Sobol indices, flips: yes;
        # the key that is neither singled out nor flips the conclusion is not listed.
        assert "urskiljer 1 antagande(n)" in text and "över studiens 27 parameteruppsättningar" in text
        assert "Chans till arbete efter insats" in text and "+0,62 (+0,21 till +0,85)" in text, text
        assert "0,42" in text and "0,55" in text and "ja" in text and "Uppstartstid" not in text
        # No key singled out: the brief says so, with the size a study would need (hand-written figures).
        sys.path.insert(0, os.path.join(src, "analysis"))
        import brief_pages
        # The study table in both languages, hand-checked: money a year in MSEK / mnkr with one decimal, the
        # cost per effect in SEK / kr rounded to the thousand, the payback's share by the last year.
        names = ({"name": "baseline"}, {"name": "state-plus-50"})
        for lang, want in (("en", ["+320.0 MSEK", "+290.0 to +350.0", "232,000 SEK", "109,000 SEK to 354,000 SEK",
                                   "no interval: 96 % of the runs paid back by 2027", "+5,123", "-812 to +11,990"]),
                           ("sv", ["+320,0 mnkr", "+290,0 till +350,0", "232 000 kr", "109 000 kr till 354 000 kr",
                                   "inget intervall: 96 % av körningarna återbetalda till 2027", "+5 123",
                                   "-812 till +11 990"])):
            page = norm(brief_pages.page_study(lang, study, *names))
            for w in want:
                assert w in page, (lang, w, page)
            assert "0.2 MSEK" not in page and "0,2 mnkr" not in page and "320,000,000" not in page, page
            # Each row: the label, then its figures.
            cells = [[re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.S)]
                     for row in re.findall(r"<tr>(.*?)</tr>", page, re.S)]
            cost = next(c for c in cells if c[0].startswith("Mer medel per netto"))
            assert cost[1:] == ([want[2], want[3], "66 %", "34 %"]), cost
            assert len(cells) == 1 + len(study["headline"]) and all(len(c) == 5 and c[0] for c in cells), cells
        none = json.loads(json.dumps(study))
        none["screening"].update(singled_out=[], critical_rho=0.95, sets=14, drawn_needed=390)
        for x in none["drivers"]:
            x.update(singled_out=False, flips_conclusion=False, first_order=None, total=None)
        for lang, want in (("sv", "Inget antagande kan urskiljas som drivande för resultatet med denna studiestorlek: "
                                  "över 14 parameteruppsättningar och 77 antaganden skulle det krävas en rangkorrelation "
                                  "bortom ±0,95. En studie med omkring 182 uppsättningar i analysen (omkring 390 dragna) "
                                  "behövs för att urskilja ett antagande som ensamt förklarar 10 % av variansen"),
                           ("en", "No assumption can be singled out as driving the result at this study size: over 14 "
                                  "parameter sets and 77 assumptions, a rank correlation beyond ±0.95 would be needed. A "
                                  "study of about 182 sets in the analysis (about 390 drawn) would be needed")):
            page = brief_pages.rests_on_study(lang, none)
            assert want in page and "<table" not in page, page
        none["screening"].update(critical_rho=None, sets=3)
        assert "3 parameter sets are too few" in brief_pages.rests_on_study("en", none)
        assert "osäkerhetsstudiens totala intervall" in text
        assert study["command"] in "".join(d.all_text)
        passed += 1
        # End to end: a small real study (finsim study), its summary from analysis/study.py --json, and
        # finsim brief --study: the study table shows the summary's tried/kept sets and total intervals,
        # and a headline without a value in every run (null in the JSON) says so instead of a number.
        real_study = os.path.join(tmp, "study.h5")
        run([finsim, "study", f"{src}/scenarios/baseline.toml", f"{src}/scenarios/state-plus-50.toml", "-n", "5",
             "-r", "2", "-q", "-t", "2", "-o", real_study, "--set", "population.scale=0.02",
             "--set", "scenario.burn_in_years=2", "--set", "scenario.end=2027-12"])  # the runs' months
        summary = json.loads(run(["/usr/bin/python3", os.path.join(src, "analysis", "study.py"), real_study, "--json",
                                  "--lang", "sv"]).stdout)
        out = os.path.join(tmp, "brief-real-study.html")
        run([finsim, "brief", base, scen, "--study", real_study, "--lang", "sv", "-o", out])
        d = Dom()
        d.feed(open(out, encoding="utf-8").read())
        study_text = norm("".join(d.text)).split("Hur säkert: osäkerhetsstudien", 1)[1]
        assert f"drog {summary['sets_tried']} uppsättningar" in study_text, "sets tried"
        assert f"behöll {summary['sets_kept']} som" in study_text, "sets kept"
        ws = next(h for h in summary["headline"] if h["metric"] == "work_studies_december")
        assert ws["lo"] is not None
        assert norm(f"{fmt('sv', ws['lo'], 0, True)} till {fmt('sv', ws['hi'], 0, True)}") in study_text
        for h in summary["headline"]:
            if h["mean"] is None:
                assert "inget intervall" in study_text, h
            elif h["unit"] == "SEK/yr":  # money a year in mnkr, one decimal
                assert norm(f"{fmt('sv', h['mean'] / 1e6, 1, True)} mnkr") in study_text, h
            elif h["unit"] == "SEK":  # the cost per effect in kronor, rounded to the thousand
                assert norm(f"{fmt('sv', round(h['mean'] / 1000) * 1000)} kr") in study_text, h
        assert {"SEK/yr", "SEK"} <= {h["unit"] for h in summary["headline"]}, summary["headline"]
        passed += 1

        # Bad input: one line on stderr, exit 2, no file (and no temporary left behind).
        bad_dir = os.path.join(tmp, "bad")
        os.mkdir(bad_dir)
        target = os.path.join(bad_dir, "b.html")
        for argv in ([base, os.path.join(tmp, "missing.h5"), "--lang", "sv"], [base, scen, "--lang", "de"],
                     [base, base, "--lang", "sv"], [base, sweep, "--lang", "en"],
                     [base, scen, "--study-json", os.path.join(tmp, "missing.json")]):
            r = run([finsim, "brief", *argv, "-o", target, "--pdf"], ok=False)
            if "--study-json" in argv:  # a test-only option of brief.py, not of finsim brief
                r = run(["/usr/bin/python3", os.path.join(src, "analysis", "brief.py"), *argv, "-o", target,
                         "--finsim", finsim], ok=False)
            assert r.returncode == 2, (argv, r.returncode, r.stderr)
            assert len(r.stderr.strip().splitlines()) == 1, r.stderr
            assert os.listdir(bad_dir) == [], (argv, os.listdir(bad_dir))
            passed += 1
        r = subprocess.run([finsim, "brief", base, scen, "-o", target], capture_output=True, text=True,
                           env={**os.environ, "FINSIM_ANALYSIS_DIR": os.path.join(tmp, "nowhere")})
        assert r.returncode == 2 and "FINSIM_ANALYSIS_DIR" in r.stderr, r.stderr
        assert os.listdir(bad_dir) == []
        passed += 1
    print(f"{passed} passed, 0 failed")


if __name__ == "__main__":
    main()
