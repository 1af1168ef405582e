"""HTML building blocks of the brief (analysis/brief.py): the print CSS (A4, one section a page),
escaping, tables, and printing the page to PDF with headless Chromium.
"""

import html
import os
import re
import shutil
import subprocess
import tempfile

from brief_data import BriefError

CSS = """
@page { size: A4; margin: 16mm 15mm; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10pt; line-height: 1.4;
       color: #1a1a1a; max-width: 185mm; margin: 0 auto; padding: 0 4mm; }
h1 { font-size: 17pt; margin: 0 0 4mm; color: #12395e; }
h2 { font-size: 13pt; margin: 0 0 3mm; color: #12395e; border-bottom: 1px solid #c5d3e0; padding-bottom: 1mm; }
h3 { font-size: 10.5pt; margin: 4mm 0 2mm; }
section.page { padding-top: 2mm; }
section.page + section.page { break-before: page; }
.question { font-size: 11.5pt; }
.headline { border: 1px solid #c5d3e0; background: #f3f7fb; padding: 2mm 4mm; margin: 3mm 0; }
.headline table { width: 100%; border-collapse: collapse; }
.headline td { padding: 1.6mm 2mm; vertical-align: top; border-bottom: 1px solid #dde6ef; }
.headline tr:last-child td { border-bottom: none; }
.figure { font-size: 15pt; font-weight: bold; color: #12395e; white-space: nowrap; text-align: right; }
.headline td.ci { width: 30%; }
.nowrap { white-space: nowrap; }
.ci { color: #444; font-size: 9pt; }
.note { font-size: 9pt; color: #333; }
.quote { border-left: 3px solid #d9822b; padding: 1mm 4mm; font-size: 9.5pt; background: #fbf6f0; }
table.data { border-collapse: collapse; width: 100%; font-size: 8.5pt; margin: 2mm 0; break-inside: avoid; }
table.data th, table.data td { padding: 0.6mm 1.5mm; border-bottom: 1px solid #e2e2e2; text-align: right; }
table.data td { white-space: nowrap; }
table.data td.text { white-space: normal; }
table.data td:first-child { white-space: nowrap; }
table.wrap td, table.wrap td:first-child { white-space: normal; }
table.data th { vertical-align: bottom; }
table.data th { background: #eef3f8; font-weight: 600; }
table.data th:first-child, table.data td:first-child, table.data td.text, table.data th.text { text-align: left; }
svg.plot { width: 100%; height: auto; display: block; margin: 1mm 0; break-inside: avoid; }
figure { margin: 0; break-inside: avoid; }
figcaption { font-size: 8.5pt; color: #333; }
code, pre { font-family: "DejaVu Sans Mono", monospace; font-size: 8pt; }
pre { white-space: pre-wrap; word-break: break-all; background: #f5f5f5; padding: 2mm; }
"""


def esc(s):
    return html.escape(str(s), quote=True)


def prose(s):
    """Escaped text with commands, options and file names set as code."""
    return re.sub(r"(finsim \w+|--[a-z][\w-]*|docs/[\w./]+\.md)", r"<code>\1</code>", esc(s))


def row(cells, header=False, classes=None):
    tag = "th" if header else "td"
    classes = classes or [""] * len(cells)
    return "<tr>" + "".join(f'<{tag}{f" class={chr(34)}{c}{chr(34)}" if c else ""}>{x}</{tag}>'
                            for x, c in zip(cells, classes)) + "</tr>"


def table(header, rows, text_columns=(), wrap=False):
    classes = ["text" if i in text_columns else "" for i in range(len(header))]
    return (f'<table class="data{" wrap" if wrap else ""}"><thead>' + row(header, True, classes) + "</thead><tbody>"
            + "".join(row(r, False, classes) for r in rows) + "</tbody></table>")


def print_pdf(chromium, html_path, pdf_path):
    """Prints html_path to pdf_path with headless Chromium (a fresh profile, no network)."""
    if not shutil.which(chromium):
        raise BriefError(f"--pdf: {chromium} not found (Debian package chromium)", 1)
    with tempfile.TemporaryDirectory(prefix="finsim-brief-chromium-") as profile:
        cmd = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               f"--user-data-dir={profile}", f"--print-to-pdf={pdf_path}", "--no-pdf-header-footer",
               "file://" + os.path.abspath(html_path)]
        try:
            r = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
        except subprocess.TimeoutExpired:
            raise BriefError("--pdf: chromium did not finish within 180 s", 1)
    with open(pdf_path, "rb") as f:
        ok = f.read(5) == b"%PDF-"
    if r.returncode != 0 or not ok:
        raise BriefError(f"--pdf: chromium failed (exit {r.returncode}): {r.stderr.strip().splitlines()[-1:]}", 1)
