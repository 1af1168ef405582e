"""The pages of the brief (analysis/brief.py) as HTML, one <section class="page"> each (one A4 page in print):
the question and headline, year by year and the money, per län, dose-response, study, what it rests on, provenance.
"""

import re

import brief_data as data
import brief_plots as plots
from brief_html import esc, prose, table
from brief_text import interval, kronor, mnkr, number, payer, t


def with_ci(lang, mean, low, high, decimals=0, divisor=1.0):
    """(figure, interval text) of a paired difference."""
    fig = number(lang, mean / divisor, decimals, True)
    if low is None:
        return fig, ("n=1" if lang == "en" else "n=1")
    return fig, t(lang, "ci95") + ':<br><span class="nowrap">' + interval(lang, low, high, decimals, divisor) + "</span>"


def payback_cells(lang, c, basis):
    months, share, n, note = c.payback(basis)
    if n == 0 or note.startswith("no_extra"):
        return t(lang, "no_extra_money"), ""
    share_text = t(lang, "paid_back_share", share=number(lang, 100 * share, 0), n=n, last=c.end)
    if months is None:
        return t(lang, "not_paid_back", last=c.end), share_text
    return t(lang, "months_median", m=months), share_text


def study_totals(study):
    """metric -> headline row of the study, for the metrics it gives once."""
    seen = {}
    for h in study.get("headline", []):
        seen.setdefault(h["metric"], []).append(h)
    return {m: rows[0] for m, rows in seen.items() if len(rows) == 1}


def study_total_text(lang, h):
    """A study headline's total as the headline section adds it: "total, with the assumptions: LO to HI
    (study mean M)", or why it has no interval (a payback not reached in every run, an effect not
    positive in every run)."""
    if h["lo"] is None:
        share = "–" if h.get("defined_share") is None else number(lang, 100 * h["defined_share"], 0) + " %"
        why = t(lang, "study_not_paid_back", share=share, last=h["paid_back_by"]) if h.get("paid_back_by") \
            else t(lang, "study_undefined", share=share)
        return t(lang, "headline_total") + ": " + why
    mean, total = study_cells(lang, h)
    return t(lang, "headline_total") + ": " + total + " (" + t(lang, "study_mean") + " " + mean + ")"


def section_headline(lang, c, base, scen, study):
    window = c.window
    totals = study_totals(study) if study else {}
    lines = []

    def add(label, mean, low, high, decimals=0, divisor=1.0, extra="", metric=None, unit=""):
        fig, ci = with_ci(lang, mean, low, high, decimals, divisor)
        fig += unit
        if metric in totals and totals[metric]["lo"] is not None:
            h = totals[metric]
            ci += ("<br>" + esc(t(lang, "headline_total")) + ':<br><span class="nowrap">'
                   + interval(lang, h["lo"], h["hi"], decimals, divisor) + "</span>"
                   # the study's own mean: the interval is centred on it, not on this pair of runs
                   + f'<br><span class="nowrap">({esc(t(lang, "study_mean"))} '
                   + number(lang, h["mean"] / divisor, decimals, True) + ")</span>")
        lines.append(f'<tr><td>{esc(label)}{extra}</td><td class="figure">{fig}</td><td class="ci">{ci}</td></tr>')

    add(t(lang, "ws_end", end=c.end), *c.diff("work_studies_december", c.end), metric="work_studies_december")
    add(t(lang, "participants", window=window), *c.diff("unique_participants", "policy_per_year"),
        metric="unique_participants")
    parts = ", ".join(f"{payer(lang, p)} {mnkr(lang, c.diff('finsam_budget', 'policy_per_year', p)[0], 1, True)}"
                      for p in ("state", "region", "kommun"))
    add(t(lang, "budget", window=window), *c.diff("finsam_budget", "policy_per_year", "all"), decimals=1, divisor=1e6,
        unit="\u00a0" + ("mnkr" if lang == "sv" else "MSEK"),
        extra=f'<br><span class="note">{esc(t(lang, "budget_split", parts=parts))}</span>')
    for basis in ("spent", "paid"):
        fig, share = payback_cells(lang, c, basis)
        total = totals.get(f"payback_{basis}_median_months")
        if total:  # the study's median over all its runs, or the share of them paid back by its last year
            share = esc(share) + "<br>" + esc(study_total_text(lang, total))
        else:
            share = esc(share)
        lines.append(f'<tr><td>{esc(t(lang, "payback_" + basis))}</td><td class="figure">{esc(fig)}</td>'
                     f'<td class="ci">{share}</td></tr>')
    cost = c.find("cost_per_work_studies_end", window, "all")
    cost_text = kronor(lang, float(cost["difference_mean"])) if cost["note"] in ("ok", "no_interval") else "–"
    if cost["note"] == "ok":
        cost_text += " (" + t(lang, "ci95") + ": " + kronor(lang, float(cost["ci_low"])) + \
                     (" till " if lang == "sv" else " to ") + kronor(lang, float(cost["ci_high"])) + ")"
    if "cost_per_work_studies_end" in totals:
        cost_text += "; " + study_total_text(lang, totals["cost_per_work_studies_end"])
    covers = t(lang, "with_study" if study else "noise_only", n=c.n)
    return ('<div class="headline"><table>' + "".join(lines) + "</table></div>"
            f'<p class="note">{esc(t(lang, "cost_per", end=c.end, cost=cost_text))}</p>'
            f'<p><strong>{prose(covers)}</strong></p><p class="note">{esc(t(lang, "payback_def"))}</p>')


def page_front(lang, c, base, scen, study):
    first = c.window.split("\u2013")[0] if c.window else c.years[0]
    question = t(lang, "question", scenario=scen["name"], scenario_desc=scen.get("description", ""),
                 base=base["name"], base_desc=base.get("description", ""), first=first, last=c.end)
    scale = float(scen.get("population_scale", 1.0))
    warn = f'<p class="note"><strong>{esc(t(lang, "scaled", pct=number(lang, 100 * scale, 1)))}</strong></p>' \
        if scale != 1.0 else ""
    return (f'<section class="page" id="front"><h1>{esc(t(lang, "title", scenario=scen["name"], base=base["name"]))}</h1>'
            f'<h2>{esc(t(lang, "question_h"))}</h2><p class="question">{esc(question)}</p>'
            f'<p class="note">{esc(t(lang, "method", seed=scen.get("seed", ""), n=c.n))}</p>{warn}'
            f'<h2>{esc(t(lang, "headline_h"))}</h2>{section_headline(lang, c, base, scen, study)}'
            "</section>")


def page_time_money(lang, c, base, scen):
    ws = c.yearly("work_studies_december")
    part = c.yearly("unique_participants")
    years, paid_base = data.money_paid_per_year(base["path"])
    _, paid_scen = data.money_paid_per_year(scen["path"])
    svg = plots.time_series(lang, ws, part, years, [v / 1e6 for v in paid_base], [v / 1e6 for v in paid_scen],
                            (base["name"], scen["name"]))
    keys = ["money_individual", "money_structural", "money_admin", "money_equity_change", "money_unused_offer"]
    rows, labels, means, lows, highs = [], [], [], [], []
    for k in keys:
        mean, low, high = c.diff(k, "policy_per_year")
        labels.append(t(lang, k))
        means.append(mean / 1e6)
        lows.append((low if low is not None else mean) / 1e6)
        highs.append((high if high is not None else mean) / 1e6)
        rows.append([esc(t(lang, k)), number(lang, mean / 1e6, 1, True),
                     interval(lang, low, high, 1, 1e6) if low is not None else "n=1"])
    mean, low, high = c.diff("finsam_budget", "policy_per_year", "all")
    rows.append([f"<strong>{esc(t(lang, 'money_total'))}</strong>",
                 f"<strong>{number(lang, mean / 1e6, 1, True)}</strong>",
                 interval(lang, low, high, 1, 1e6) if low is not None else "n=1"])
    unused = c.diff("money_unused_offer", "policy_per_year")[0]
    intro = t(lang, "money_intro", window=c.window, paid=mnkr(lang, mean, 1, True), unused=mnkr(lang, unused, 1, True),
              total=mnkr(lang, mean + unused, 1, True))
    return (f'<section class="page" id="time"><h2>{esc(t(lang, "time_h"))}</h2><figure>{svg}'
            f'<figcaption>{esc(t(lang, "time_caption"))}</figcaption></figure>'
            f'<h2 style="margin-top:6mm">{esc(t(lang, "money_h"))}</h2><p class="note">{esc(intro)}</p>'
            + table([t(lang, "col_item"), t(lang, "col_mnkr"), t(lang, "col_ci")], rows, (0,))
            + f'<figure>{plots.money_bars(lang, labels, means, lows, highs)}</figure></section>')


def page_lan(lang, c, base):
    population = data.population_by_lan(base["path"])
    names, means, lows, highs, rows, any_synthetic = [], [], [], [], [], False
    for area, synthetic in c.lans():
        ws, lo, hi = c.diff("work_studies_december", c.end, "", "lan", area)
        part = c.diff("unique_participants", "policy_per_year", "", "lan", area)[0]
        budget = c.diff("finsam_budget", "policy_per_year", "all", "lan", area)[0]
        gain = c.diff("public_net_gain", "policy_per_year", "all", "lan", area)[0]
        any_synthetic |= synthetic
        label = area + (" *" if synthetic else "")
        names.append(label)
        means.append(ws)
        lows.append(lo if lo is not None else ws)
        highs.append(hi if hi is not None else ws)
        per10k = number(lang, 1e4 * ws / population[area], 1, True) if population.get(area) else "–"
        rows.append([esc(label), number(lang, ws, 0, True), interval(lang, lo, hi) if lo is not None else "n=1", per10k,
                     number(lang, part, 0, True), number(lang, budget / 1e6, 1, True), number(lang, gain / 1e6, 1, True)])
    svg = plots.lan_bars(lang, names, means, lows, highs, c.end)
    header = [t(lang, "col_lan"), t(lang, "col_ws"), t(lang, "ci95"), t(lang, "col_per10k"), t(lang, "col_part"),
              t(lang, "col_budget"), t(lang, "col_gain")]
    note = f'<p class="note">{esc(t(lang, "synthetic"))}</p>' if any_synthetic else ""
    return (f'<section class="page" id="lan"><h2>{esc(t(lang, "lan_h"))}</h2>'
            f'<p class="note">{esc(t(lang, "lan_intro", end=c.end, window=c.window))}</p><figure>{svg}</figure>'
            + table(header, rows, (0,)) + note + "</section>")


def page_dose(lang, points, sweep):
    ref = next((p for p in points if p["state_offer_per_year"]["difference_mean"] in ("0", "-0")), points[0])
    offer = [float(p["state_offer_per_year"]["point_mean"]) / 1e6 for p in points]
    ws = [p["work_studies_december"] for p in points]
    mean = [float(r["difference_mean"]) for r in ws]
    low = [float(r["ci_low"]) if r["ci_low"] else m for r, m in zip(ws, mean)]
    high = [float(r["ci_high"]) if r["ci_high"] else m for r, m in zip(ws, mean)]
    end = ws[0]["period"]
    window = points[0]["person_years_work_studies"]["period"].replace("per_year_", "").replace("-", "\u2013")
    svg = plots.dose_curve(lang, offer, mean, low, high, points.index(ref), end)
    rows = []
    for p, o, m, lo, hi in zip(points, offer, mean, low, high):
        pb = p["payback_spent_median_months"]
        payback_text = t(lang, "months", m=pb["difference_mean"]) if pb["difference_mean"] else \
            (t(lang, "no_extra_money") if pb["note"].startswith("not_applicable") else t(lang, "not_paid_back", last=end))
        rows.append([str(p["point"]) + ("*" if p is ref else ""), number(lang, o, 1), number(lang, m, 0, True),
                     interval(lang, lo, hi) if p["work_studies_december"]["ci_low"] else "–",
                     number(lang, float(p["unique_participants"]["difference_mean"]), 0, True),
                     number(lang, float(p["finsam_budget"]["difference_mean"]) / 1e6, 1, True), esc(payback_text)])
    header = [t(lang, "col_point"), t(lang, "col_offer"), t(lang, "col_ws"), t(lang, "ci95"), t(lang, "col_part"),
              t(lang, "col_budget"), t(lang, "col_payback")]
    intro = esc(t(lang, "dose_intro", sweep=sweep["name"], n=len(points), ref=ref["point"], ref_overrides="\0",
                  window=window)).replace("\0", f"<code>{esc(ref['overrides'])}</code>")
    return (f'<section class="page" id="dose"><h2>{esc(t(lang, "dose_h"))}</h2><p class="note">{intro}</p>'
            f'<figure>{svg}</figure>' + table(header, rows) + "</section>")


def study_cells(lang, h):
    """(mean, total interval) of a study headline in the brief's units, by the --json `unit`
    (docs/uncertainty.md §8): money a year ("SEK/yr") in mnkr/MSEK with one decimal, an amount in kronor
    ("SEK": the cost per effect) rounded to the thousand as elsewhere in the brief, months unsigned
    (a duration, not a difference), people signed."""
    unit = h.get("unit")
    if unit == "SEK/yr":
        return mnkr(lang, h["mean"], 1, True), interval(lang, h["lo"], h["hi"], 1, 1e6)
    if unit == "SEK":
        return kronor(lang, h["mean"]), kronor(lang, h["lo"]) + (" till " if lang == "sv" else " to ") + \
            kronor(lang, h["hi"])
    signed = unit != "months"
    return number(lang, h["mean"], 0, signed), interval(lang, h["lo"], h["hi"], 0, 1.0, signed)


def page_study(lang, study, base, scen):
    intro = t(lang, "study_intro", scenario=study.get("scenario", ""), base=study.get("base", ""),
              tried=study["sets_tried"], kept=study["sets_kept"], reps=study["replications"])
    other = "" if (study.get("base"), study.get("scenario")) == (base["name"], scen["name"]) else \
        f'<p class="note"><strong>{esc(t(lang, "study_other_runs"))}</strong></p>'
    rows = []
    for h in study["headline"]:
        label = esc(h.get("label", h["metric"]))
        if not h.get("calibrated", True):
            label += " " + esc(t(lang, "not_calibrated"))
        share = (lambda v: "–" if v is None else number(lang, 100 * v, 0) + " %")  # noqa: E731
        if h["mean"] is None:  # study.py --json: null where some run has no value (docs/uncertainty.md §8)
            why = t(lang, "study_not_paid_back", share=share(h.get("defined_share", 0.0)), last=h["paid_back_by"]) \
                if h.get("paid_back_by") else t(lang, "study_undefined", share=share(h.get("defined_share", 0.0)))
            rows.append([label, "–", esc(why), "–", "–"])
            continue
        rows.append([label, *study_cells(lang, h), share(h["share_parameters"]), share(h["share_noise"])])
    header = [t(lang, "col_measure"), t(lang, "col_mean"), t(lang, "col_total"), t(lang, "col_share_param"),
              t(lang, "col_share_noise")]
    return (f'<section class="page" id="study"><h2>{esc(t(lang, "study_h"))}</h2><p>{esc(intro)}</p>{other}'
            + table(header, rows, (0,)) + "</section>")


def rests_on(lang, study, base, scen):
    if study:
        return rests_on_study(lang, study)
    changed = data.changed_parameters(base, scen)
    n_assumptions = sum(1 for v in scen.get("parameters", {}).values() if v[3]) - sum(1 for x in changed if x[5])
    rows = [[f"<code>{esc(k).replace('.', '.<wbr>')}</code>", t(lang, "kind_assumption" if a else "kind_policy"),
             f"<code>{esc(toml_text(bv))}</code>",
             f"<code>{esc(toml_text(sv))}</code>", f'<span lang="en">{esc(src)}</span>']
            for k, bv, sv, unit, src, a in sorted(changed, key=lambda x: -x[5])]
    header = [t(lang, "col_key"), t(lang, "col_kind"), t(lang, "col_base"), t(lang, "col_scen"), t(lang, "col_source")]
    return (f'<p class="note">{prose(t(lang, "rests_runs", n_assumptions=n_assumptions))}</p>'
            + table(header, rows, (0, 1, 2, 3, 4), wrap=True))


def rests_on_study(lang, study):
    """The assumptions a study can single out as drivers of the headline (analysis/study.py --json
    "screening" and "drivers", docs/uncertainty.md §5), or why it cannot; with those that could flip the
    payback conclusion and those a Sobol design measured."""
    scr = study.get("screening") or {}
    drivers = study["drivers"]
    named = [d for d in drivers if d.get("singled_out")]
    if named:
        intro = t(lang, "rests_study_named", n=len(named), sets=scr.get("sets", "–"))
    elif scr.get("critical_rho") is None:
        intro = t(lang, "rests_study_too_few", sets=scr.get("sets", "–"))
    else:
        intro = t(lang, "rests_study_none", sets=scr.get("sets", "–"), keys=scr.get("keys", "–"),
                  critical=number(lang, scr["critical_rho"], 2), needed=scr.get("sets_needed", "–"),
                  drawn=scr.get("drawn_needed", "–"), share=number(lang, 100 * scr.get("planning_share", 0.1), 0))
    shown = named + [d for d in drivers if d not in named and (d.get("flips_conclusion") or d.get("total") is not None)]
    if not shown:
        return f'<p class="note">{esc(intro)}</p>'
    flag = lambda v: "–" if v is None else t(lang, "yes" if v else "no")  # noqa: E731
    stage2 = any(d.get("total") is not None for d in shown)

    def rho(d):
        if d.get("rho") is None:
            return "–"
        text = number(lang, d["rho"], 2, True)
        if d.get("lo") is not None:
            text += f" ({interval(lang, d['lo'], d['hi'], 2)})"
        return text

    rows = []
    for d in shown[:8]:
        row = [f'{esc(d.get("label", d["key"]))}<br><code>{esc(d["key"])}</code>', esc(rho(d)),
               flag(d.get("singled_out")), flag(d.get("flips_conclusion"))]
        if stage2:
            row += [number(lang, d.get("first_order"), 2), number(lang, d.get("total"), 2)]
        rows.append(row + [f'<span lang="en">{esc(d.get("source", ""))}</span>'])
    header = [t(lang, k) for k in ("col_key", "col_rho", "col_singled", "col_flips")]
    if stage2:
        header += [t(lang, "col_first"), t(lang, "col_total_idx")]
    header.append(t(lang, "col_source"))
    return (f'<p class="note">{esc(intro)}</p>'
            + table(header, rows, (0, len(header) - 1), wrap=True))


def as_list(v):
    return [] if v is None else [v] if isinstance(v, str) else list(v)


def toml_text(value):
    """A resolved TOML value as a reader writes it: 0.10000000000000001 -> 0.1 (finsim writes the shortest
    form since 2026-11-26; files written before carry toml++'s 17 digits)."""
    return re.sub(r"\d+\.\d{6,}", lambda m: f"{float(m.group()):.10g}", value)


def page_rests_quote(lang, c, base, scen, study, quote):
    lines = [x for x in quote.strip().splitlines() if x.strip()]
    registry = t(lang, "registry_en")
    return (f'<section class="page" id="rests"><h2>{esc(t(lang, "rests_h"))}</h2>{rests_on(lang, study, base, scen)}'
            + (f'<p class="note">{esc(registry)}</p>' if registry else "")
            + f'<h2 style="margin-top:6mm">{esc(t(lang, "quote_h"))}</h2>'
            + f'<p class="note">{prose(t(lang, "quote_intro"))}</p>'
            + "".join(f'<p class="quote" id="quote">{esc(x)}</p>' if i == 0 else f'<p class="note">{esc(x)}</p>'
                      for i, x in enumerate(lines))
            + "</section>")


def page_provenance(lang, args, runs, study):
    scen = runs[1][1]
    prov = []
    for role, info in runs:
        text = t(lang, "prov_run", role=t(lang, "prov_" + role), path="\0", name="\1",
                 version=info.get("finsim_version", ""), commit=info.get("git_commit", ""), seed=info.get("seed", ""),
                 n=info.get("replication_count", ""), months=info.get("months", ""), start=info.get("start_month", ""),
                 created=info.get("created", ""))
        text = esc(text).replace("\0", f'<code>{esc(info["path"])}</code>') \
                        .replace("\1", f'<code>{esc(info["name"])}</code>')
        inputs = ", ".join(f"<code>{esc(f)}</code> ({esc(str(h)[:16])})"
                           for f, h in zip(as_list(info.get("input_files")), as_list(info.get("input_sha256"))))
        overrides = ", ".join(f"<code>{esc(o)}</code>" for o in as_list(info.get("overrides")))
        prov.append(f'<p class="note">{text} <code>{esc(info.get("scenario_sha256", ""))}</code>'
                    + (f'<br>{esc(t(lang, "prov_inputs"))}: {inputs}' if inputs else "")
                    + (f'<br>{esc(t(lang, "prov_overrides"))}: {overrides}' if overrides else "") + "</p>")
    commands = [info["command_line"] for _, info in runs if info.get("command_line")]
    if study and study.get("command"):
        commands.append(study["command"])
    commands.append(f"finsim compare {args.base} {args.scenario} --by-lan --lang {lang}")
    commands.append(f"finsim quote {args.base} {args.scenario} --lang {lang}")
    brief = (f"finsim brief {args.base} {args.scenario}" + (f" --sweep {args.sweep}" if args.sweep else "")
             + (f" --study {args.study}" if args.study else "") + f" --lang {lang} -o {args.output}"
             + (" --pdf" if args.pdf else ""))
    commands.append(brief)
    made_by = t(lang, "made_by", version=scen.get("finsim_version", ""), commit=args.commit or "?")
    return (f'<section class="page" id="provenance"><h2>{esc(t(lang, "prov_h"))}</h2>' + "".join(prov)
            + f'<p class="note">{esc(t(lang, "reproduce"))}</p><pre>' + esc("\n".join(commands)) + "</pre>"
            + f'<p class="note">{prose(made_by)}</p>'
            + "</section>")
