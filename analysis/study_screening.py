"""The screening of which drawn assumptions drive a headline, in words: the candidates for a Sobol
design, the study size the screening asks for, and its verdict (uncertainty.screen_drivers).
"""

import numpy as np

import uncertainty as uq
from study_data import MIN_KEPT

SCREENING_METHOD = ("Spearman rank correlation with the mean over the replications, simultaneous 95 % intervals "
                    "(Fisher z, width from 9 999 permutations, max-T: family-wise error 5 %)")


def candidate_order(X, y):
    """The drawn keys by |Spearman rank correlation| of their values with E[Y | θ] ([sample,
    replication]), largest first, with the correlations: the candidates for a Sobol design (stage 2,
    analysis/sobol.py), whether or not the screening could single them out."""
    rho = uq.spearman_columns(X, y.mean(axis=1))
    return [int(j) for j in np.argsort(-np.abs(np.nan_to_num(rho)), kind="stable")], rho


def drawn_needed(scr, kept, use_all=False):
    """The drawn sets a study needs for scr["sets_needed"] sets in the screening: at this study's keep
    rate when the screening is over the kept sets."""
    n = scr.get("sets_needed")
    if n is None:
        return None
    if use_all or kept.sum() < MIN_KEPT:
        return int(n)
    return int(np.ceil(n * len(kept) / kept.sum()))


def screening_verdict(scr, named, drawn, lang="en"):
    """One sentence: the keys the screening singles out, or that it cannot single out any and what
    study could."""
    sv = lang == "sv"
    if named:
        return (f"{len(named)} antagande(n) urskiljs: " if sv else f"{len(named)} assumption(s) singled out: ") + \
            ", ".join(named)
    if not np.isfinite(scr["critical"]):
        why = (f"{scr['sets']} uppsättningar räcker inte för en rangkorrelation" if sv else
               f"{scr['sets']} sets are too few for a rank correlation")
        if scr["sets"] >= 4:
            why = "resultatet varierar inte mellan uppsättningarna" if sv else "the headline does not vary over the sets"
        return ("inget antagande kan urskiljas: " if sv else "no assumption can be singled out: ") + why
    share = f"{scr['share']:.0%}".replace("%", " %")
    if sv:
        return (f"inget antagande kan urskiljas med denna studiestorlek ({scr['sets']} uppsättningar, {scr['keys']} "
                f"antaganden: det krävs |rho| > {scr['critical']:.2f}); en studie med omkring {scr['sets_needed']} "
                f"uppsättningar i analysen (omkring {drawn} dragna) behövs för att urskilja ett antagande som ensamt "
                f"förklarar {share} av variansen (docs/uncertainty.md)")
    return (f"no assumption can be singled out at this study size ({scr['sets']} sets, {scr['keys']} assumptions: "
            f"it would take |rho| > {scr['critical']:.2f}); a study of about {scr['sets_needed']} sets in the "
            f"screening (about {drawn} drawn) would be needed to single out an assumption that alone explains "
            f"{share} of the variance (docs/uncertainty.md)")
