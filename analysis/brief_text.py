"""The brief's words and numbers: every sentence of analysis/brief.py in Swedish and English, and
number formatting per language (Swedish: no-break space between thousands, decimal comma, "mnkr").

Numbers are rounded as `finsim compare` rounds them in its headline (persons whole, money in
millions with one decimal), so a figure in the brief reads the same as in the terminal table.
"""

import math

NBSP = "\u00a0"  # no-break space: a number never breaks across lines
MINUS = "\u2212"  # the typographic minus sign


def number(lang, v, decimals=0, sign=False):
    """v rounded to `decimals`, thousands grouped: sv "12 345,6", en "12,345.6"; "+" when `sign`."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "–"
    text = f"{abs(v):,.{decimals}f}"
    zero = float(text.replace(",", "")) == 0
    if lang == "sv":
        text = text.replace(",", NBSP).replace(".", ",")
    return ("" if zero else MINUS if v < 0 else "+" if sign else "") + text


def mnkr(lang, sek, decimals=1, sign=False):
    """Money in millions with the unit: "+163,5 mnkr" / "+163.5 MSEK"."""
    return number(lang, sek / 1e6, decimals, sign) + NBSP + ("mnkr" if lang == "sv" else "MSEK")


def kronor(lang, sek):
    """Whole kronor rounded to the thousand, as finsim compare gives costs per effect."""
    return number(lang, round(sek / 1000.0) * 1000.0, 0) + NBSP + ("kr" if lang == "sv" else "SEK")


def interval(lang, low, high, decimals=0, divisor=1.0, sign=True):
    """"+1 540 till +9 360" / "+1,540 to +9,360"."""
    return (number(lang, low / divisor, decimals, sign) + (" till " if lang == "sv" else " to ")
            + number(lang, high / divisor, decimals, sign))


def years_text(first, last):
    return str(first) if first == last else f"{first}\u2013{last}"


PAYERS = {"all": ("all payers", "alla parter"), "state": ("state", "staten"),
          "region": ("regions", "regionerna"), "kommun": ("kommuner", "kommunerna")}


def payer(lang, key):
    pair = PAYERS.get(key, (key, key))
    return pair[1] if lang == "sv" else pair[0]


# Every sentence and label of the brief, English first. Placeholders are str.format fields.
TEXT = {
    "title": ("Finsim brief: {scenario} against {base}", "Finsim-underlag: {scenario} mot {base}"),
    "doc_lang": ("en", "sv"),
    "question_h": ("The question", "Frågan"),
    "question": ("What would the scenario “{scenario_desc}” ({scenario}) give, against the baseline “{base_desc}” ({base}), "
                 "from {first} to the end of {last}, for the people in Finsam’s target group and for the public finances?",
                 "Vad skulle scenariot ”{scenario_desc}” ({scenario}) ge, jämfört med jämförelsealternativet ”{base_desc}” "
                 "({base}), från {first} till utgången av {last}, för människorna i Finsams målgrupp och för de offentliga "
                 "finanserna?"),
    "method": ("Both runs simulate the same people with the same random numbers (seed {seed}, {n} replications); "
               "every figure is the paired difference scenario − baseline, averaged over the replications.",
               "Båda körningarna simulerar samma personer med samma slumptal (slumpfrö {seed}, {n} upprepningar); "
               "varje siffra är den parvisa skillnaden scenario − jämförelsealternativ, som medelvärde över upprepningarna."),
    "scaled": ("The runs are scaled down to {pct} % of the population and multiplied back up: use them for testing, "
               "not for quoting.",
               "Körningarna är nedskalade till {pct} % av befolkningen och uppräknade: de är till för test, inte för citat."),
    "headline_h": ("The answer", "Svaret"),
    "ws_end": ("Net extra people in work or studies at the end of {end}",
               "Personer netto i arbete eller studier vid utgången av {end}"),
    "participants": ("Extra participants in individual insatser, per year {window}",
                     "Fler deltagare i individinriktade insatser, per år {window}"),
    "budget": ("Extra money to the samordningsförbund (förbund), per year {window}",
               "Mer medel till samordningsförbunden, per år {window}"),
    "payback_spent": ("Payback on money spent (återbetalningstid)", "Återbetalningstid för använda medel"),
    "payback_paid": ("Payback on money paid in", "Återbetalningstid för inbetalda medel"),
    "ci95": ("95 % interval", "95 %-intervall"),
    "months_median": ("{m} months", "{m} månader"),
    "paid_back_share": ("median; {share} % of {n} replications paid back by {last}",
                        "median; {share} % av {n} upprepningar återbetalda senast {last}"),
    "not_paid_back": ("not paid back by {last}", "inte återbetalt senast {last}"),
    "no_extra_money": ("not applicable: no extra money", "ej tillämpligt: inga extra medel"),
    "budget_split": ("of which {parts}", "varav {parts}"),
    "noise_only": ("What the intervals cover: with two run files, only the simulation’s own random variation "
                   "(Monte Carlo noise over {n} replications). They do not cover uncertainty in the model’s assumptions, "
                   "which can be much larger. For an interval that covers both, run an uncertainty study "
                   "(finsim study, docs/uncertainty.md) and give it to the brief with --study.",
                   "Vad intervallen omfattar: med två körningar endast slumpvariationen i simuleringen ({n} upprepningar). "
                   "De omfattar inte osäkerheten i modellens antaganden, som kan vara betydligt större. Ett intervall "
                   "som omfattar båda ger en osäkerhetsstudie (finsim study, docs/uncertainty.md), som underlaget tar "
                   "med --study."),
    "with_study": ("What the intervals cover: the 95 % intervals above are the simulation’s random variation only ({n} "
                   "replications). The lines “total, with the assumptions” and the section “How sure” give the "
                   "uncertainty study’s total intervals, which also cover the model’s assumptions.",
                   "Vad intervallen omfattar: 95 %-intervallen ovan avser endast slumpvariationen i simuleringen ({n} "
                   "upprepningar). Raderna ”totalt, med antagandena” och avsnittet ”Hur säkert” ger "
                   "osäkerhetsstudiens totala intervall, som även omfattar osäkerheten i modellens antaganden."),
    "payback_def": ("Payback: months from the first month of extra money until the cumulative public net gain stays at or "
                    "above the cumulative extra money (median over replications). The public net gain counts taxes from "
                    "work less benefits, health care and study support; VAT and pensions are not counted.",
                    "Återbetalningstid: månader från första månaden med extra medel till dess att den ackumulerade "
                    "offentligfinansiella nettoeffekten varaktigt är minst lika stor som de ackumulerade extra medlen "
                    "(median över upprepningarna). Nettoeffekten räknar skatter från arbete minus ersättningar, vård och "
                    "studiestöd; moms och pensionsavgifter ingår inte."),
    "cost_per": ("Extra money per net extra person in work or studies at the end of {end}: {cost}",
                 "Extra medel per person netto i arbete eller studier vid utgången av {end}: {cost}"),
    "time_h": ("Year by year", "År för år"),
    "time_caption": ("Top: the paired difference scenario − baseline each year, with its 95 % interval (simulation noise "
                     "only). Bottom: money paid in to the förbund per year by all payers, mean over replications.",
                     "Överst: den parvisa skillnaden scenario − jämförelsealternativ varje år med 95 %-intervall (endast "
                     "slumpvariation). Nederst: medel som alla parter betalat in till samordningsförbunden per år, "
                     "medelvärde över upprepningarna."),
    "plot_ws": ("Net extra people in work or studies (December)", "Personer netto i arbete eller studier (december)"),
    "plot_part": ("Extra participants in individual insatser", "Fler deltagare i individinriktade insatser"),
    "plot_money": ("Money paid in to the förbund [MSEK/year]", "Medel till samordningsförbunden [mnkr/år]"),
    "year": ("Year", "År"),
    "money_h": ("Where the extra money goes", "Vart de extra medlen går"),
    "money_intro": ("Per year {window}: extra money paid in {paid} (all payers) plus state allocation offered but not "
                    "taken up {unused}, in all {total}, went to:",
                    "Per år {window}: mer inbetalda medel {paid} (alla parter) plus erbjuden statlig medelstilldelning som "
                    "inte tagits i anspråk {unused}, sammanlagt {total}, gick till:"),
    "money_individual": ("Individual insatser", "Individinriktade insatser"),
    "money_structural": ("Structural insatser", "Strukturövergripande insatser"),
    "money_admin": ("Administration", "Administration"),
    "money_equity_change": ("Change in equity (eget kapital)", "Förändring av eget kapital"),
    "money_unused_offer": ("State offer declined or unused", "Statlig medelstilldelning som inte tagits i anspråk"),
    "money_total": ("Extra money paid in, all payers", "Mer inbetalda medel, alla parter"),
    "col_item": ("", ""),
    "col_mnkr": ("MSEK per year", "mnkr per år"),
    "col_ci": ("95 % interval", "95 %-intervall"),
    "lan_h": ("Effects by län", "Effekter per län"),
    "lan_intro": ("Each län is the sum of its förbund (every förbund belongs to one region). "
                  "People: end of {end}; extra participants, extra money paid in and public net gain: per year {window}.",
                  "Varje län är summan av sina samordningsförbund (varje förbund hör till en region). "
                  "Personer: utgången av {end}; fler deltagare, mer inbetalda medel och offentligfinansiell nettoeffekt: "
                  "per år {window}."),
    "col_lan": ("Län", "Län"),
    "col_ws": ("Net in work or studies", "Netto i arbete eller studier"),
    "col_per10k": ("per 10,000 aged 16–64", "per 10 000 (16–64 år)"),
    "col_part": ("Participants /year", "Deltagare /år"),
    "col_budget": ("Money MSEK/year", "Medel mnkr/år"),
    "col_gain": ("Net gain MSEK/year", "Nettoeffekt mnkr/år"),
    "synthetic": ("* includes a synthetic förbund (membership assumed)",
                  "* omfattar ett syntetiskt samordningsförbund (medlemskap antaget)"),
    "lan_plot": ("Net extra people in work or studies, end of {end} (95 % interval)",
                 "Personer netto i arbete eller studier, utgången av {end} (95 %-intervall)"),
    "dose_h": ("More or less money: the dose-response curve", "Mer eller mindre medel: dos–respons"),
    "dose_intro": ("The sweep “{sweep}” runs {n} points with the same random numbers; each is compared with point {ref} "
                   "({ref_overrides}). Per year {window}.",
                   "Svepningen ”{sweep}” kör {n} punkter med samma slumptal; varje punkt jämförs med punkt {ref} "
                   "({ref_overrides}). Per år {window}."),
    "dose_x": ("State allocation offered [MSEK/year]", "Erbjuden statlig medelstilldelning [mnkr/år]"),
    "dose_y": ("Net extra people in work or studies, end of {end}", "Personer netto i arbete eller studier, utgången av {end}"),
    "col_point": ("Point", "Punkt"),
    "col_offer": ("State offer MSEK/year", "Statlig medelstilldelning mnkr/år"),
    "col_payback": ("Payback on money spent", "Återbetalningstid, använda medel"),
    "months": ("{m} months", "{m} månader"),
    "study_h": ("How sure: the uncertainty study", "Hur säkert: osäkerhetsstudien"),
    "study_intro": ("The study “{scenario}” against “{base}” drew {tried} parameter sets within the documented ranges and "
                    "kept {kept} consistent with the 2019 calibration targets, each run {reps} times. The total interval "
                    "covers both the assumptions (osäkerhet i antaganden) and the simulation noise.",
                    "Studien ”{scenario}” mot ”{base}” drog {tried} uppsättningar parametervärden inom de dokumenterade "
                    "intervallen och behöll {kept} som stämmer med kalibreringsmålen för 2019, var och en körd {reps} gånger. "
                    "Det totala intervallet omfattar både osäkerhet i antaganden och slumpvariation i simuleringen."),
    "study_other_runs": ("Note: the study compares other scenarios than the two runs above.",
                         "Obs: studien jämför andra scenarier än de två körningarna ovan."),
    "col_measure": ("Measure", "Mått"),
    "col_mean": ("Mean", "Medelvärde"),
    "col_total": ("Total 95 % interval", "Totalt 95 %-intervall"),
    "col_share_param": ("From assumptions", "Från antaganden"),
    "col_share_noise": ("From noise", "Från slumpvariation"),
    "not_calibrated": ("(over all sets: too few kept)", "(över alla uppsättningar: för få behölls)"),
    "study_undefined": ("no interval: {share} of the runs have a value (paid back within the run, or a positive effect)",
                        "inget intervall: {share} av körningarna har ett värde (återbetalt inom perioden eller positiv effekt)"),
    "study_not_paid_back": ("no interval: {share} of the runs paid back by {last}",
                            "inget intervall: {share} av körningarna återbetalda till {last}"),
    "headline_total": ("total, with the assumptions", "totalt, med antagandena"),
    "study_mean": ("study mean", "studiens medelvärde"),
    "rests_h": ("What this rests on", "Vad resultatet vilar på"),
    "rests_study_named": ("The uncertainty study singles out {n} assumption(s) as driving the result: their rank "
                          "correlation with it over the study’s {sets} parameter sets, with an interval that holds for "
                          "all assumptions at once (95 %), excludes zero. Below them, any assumption that could flip the "
                          "payback conclusion:",
                          "Osäkerhetsstudien urskiljer {n} antagande(n) som driver resultatet: deras rangkorrelation med "
                          "det över studiens {sets} parameteruppsättningar har ett intervall som gäller för alla "
                          "antaganden samtidigt (95 %) och utesluter noll. Därunder de antaganden som kan vända "
                          "slutsatsen om återbetalning:"),
    "rests_study_none": ("No assumption can be singled out as driving the result at this study size: over {sets} "
                         "parameter sets and {keys} assumptions, a rank correlation beyond ±{critical} would be needed. "
                         "A study of about {needed} sets in the analysis (about {drawn} drawn) would be needed to single "
                         "out an assumption that alone explains {share} % of the variance (docs/uncertainty.md).",
                         "Inget antagande kan urskiljas som drivande för resultatet med denna studiestorlek: över {sets} "
                         "parameteruppsättningar och {keys} antaganden skulle det krävas en rangkorrelation bortom "
                         "±{critical}. En studie med omkring {needed} uppsättningar i analysen (omkring {drawn} dragna) "
                         "behövs för att urskilja ett antagande som ensamt förklarar {share} % av variansen "
                         "(docs/uncertainty.md)."),
    "rests_study_too_few": ("No assumption can be singled out: {sets} parameter sets are too few, or the result does "
                            "not vary over them (docs/uncertainty.md).",
                            "Inget antagande kan urskiljas: {sets} parameteruppsättningar är för få, eller så varierar "
                            "resultatet inte mellan dem (docs/uncertainty.md)."),
    "rests_runs": ("The two runs differ in these keys; flagged assumptions (no published source, a documented range "
                   "instead) are marked. Which of the model’s other {n_assumptions} assumptions drive the result cannot be "
                   "read from two runs: an uncertainty study ranks them (docs/uncertainty.md); docs/model.md lists them all with "
                   "their ranges (§8).",
                   "De två körningarna skiljer sig i dessa nycklar; antaganden (utan publicerad källa, med ett dokumenterat "
                   "intervall i stället) är markerade. Vilka av modellens övriga {n_assumptions} antaganden som driver "
                   "resultatet går inte att avgöra från två körningar: en osäkerhetsstudie rangordnar dem "
                   "(docs/uncertainty.md); docs/model.md förtecknar dem alla med sina intervall (§8)."),
    "col_key": ("Key", "Nyckel"),
    "col_base": ("Baseline", "Jämförelsealternativ"),
    "col_scen": ("Scenario", "Scenario"),
    "col_source": ("Source", "Källa"),
    "col_kind": ("Kind", "Typ"),
    "kind_assumption": ("assumption", "antagande"),
    "kind_sourced": ("sourced", "med källa"),
    "kind_policy": ("the policy", "åtgärden"),
    "col_rho": ("Rank correlation (95 %, all at once)", "Rangkorrelation (95 %, alla samtidigt)"),
    "col_singled": ("Singled out", "Urskilt"),
    "col_first": ("Sobol first order", "Sobol första ordningen"),
    "col_total_idx": ("Sobol total", "Sobol totalt"),
    "col_flips": ("Can flip the conclusion", "Kan vända slutsatsen"),
    "yes": ("yes", "ja"),
    "no": ("no", "nej"),
    "registry_en": ("", "Källtexterna är parameterregistrets, på engelska."),
    "quote_h": ("Ready to quote", "Färdigt citat"),
    "quote_intro": ("From finsim quote, word for word:", "Från finsim quote, ordagrant:"),
    "prov_h": ("Provenance and how to reproduce", "Ursprung och hur resultatet återskapas"),
    "prov_run": ("{role} {path}: scenario {name}, Finsim {version} (commit {commit}), seed {seed}, {n} replications, "
                 "{months} months from {start}, made {created}; scenario digest sha256",
                 "{role} {path}: scenariot {name}, Finsim {version} (commit {commit}), slumpfrö {seed}, {n} upprepningar, "
                 "{months} månader från {start}, skapad {created}; scenariots kontrollsumma sha256"),
    "prov_base": ("Baseline", "Jämförelsealternativ"),
    "prov_scen": ("Scenario", "Scenario"),
    "prov_sweep": ("Sweep", "Svepning"),
    "prov_study": ("Study", "Osäkerhetsstudie"),
    "prov_inputs": ("Input files (sha256, first 16 digits)", "Indatafiler (sha256, första 16 tecknen)"),
    "prov_overrides": ("Settings from the command line", "Inställningar från kommandoraden"),
    "reproduce": ("To reproduce, from the Finsim source at the commit above:",
                  "Återskapa med Finsims källkod vid ovanstående commit:"),
    "made_by": ("Made by finsim brief {version} (commit {commit}).",
                "Framtaget med finsim brief {version} (commit {commit})."),
}


def t(lang, key, **fields):
    """The sentence `key` in `lang`, with its fields filled in."""
    en, sv = TEXT[key]
    return (sv if lang == "sv" else en).format(**fields)
