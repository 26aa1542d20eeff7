"""Inflections: the forms one lexicon word matches (travel: travels, travelled...)."""

from __future__ import annotations

_FUNCTION = frozenset(
    """a an the on off out of in at to is are was were be been being am for from with by
    up down back away over still yet all any not no she he they her his their them it its
    this that my me i we our us you your and or but so as until next last more other some
    few new only each every just now then when once after before again also very too there
    here what who which whose how why has have had do does did will would can could should
    may might must than into onto about around through while else since both same such
    own its whom if never without because""".split()
)
_IRREGULAR = {
    "take": ("took", "taken"), "go": ("went", "gone"), "get": ("got", "gotten"),
    "make": ("made",), "find": ("found",), "hold": ("held",), "sit": ("sat",),
    "speak": ("spoke", "spoken"), "choose": ("chose", "chosen"), "begin": ("began", "begun"),
    "fall": ("fell", "fallen"), "bring": ("brought",), "think": ("thought",),
    "send": ("sent",), "tell": ("told",), "say": ("said",), "come": ("came",),
    "buy": ("bought",), "give": ("gave", "given"), "write": ("wrote", "written"),
    "meet": ("met",), "fly": ("flew", "flown"), "lose": ("lost",), "sell": ("sold",),
    "hear": ("heard",), "keep": ("kept",), "leave": ("left",), "run": ("ran",),
    "pay": ("paid",), "lay": ("laid",), "spend": ("spent",), "seek": ("sought",),
}
_VOWELS = set("aeiou")


def _forms(word: str) -> set[str]:
    """The inflections of one lexicon word (``=word`` means exactly this form)."""
    if word.startswith("="):
        return {word[1:]}
    if word in _FUNCTION or not word.isalpha():
        return {word}
    if len(word) <= 3:
        forms = {word, word + "s"}
        forms.update(_IRREGULAR.get(word, ()))
        if len(word) == 3 and word[-1] not in _VOWELS and word[-2] in _VOWELS:
            forms.update({word + word[-1] + "ed", word + word[-1] + "ing", word + "ing", word + "ed"})
        return forms
    forms = {word, word + "s", word + "ed", word + "ing"}
    if word.endswith("e"):
        forms |= {word + "d", word[:-1] + "ing"}
    if word.endswith(("s", "x", "z", "ch", "sh")):
        forms.add(word + "es")
    if word.endswith("y") and word[-2] not in _VOWELS:
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if (
        word[-1] not in _VOWELS and word[-1] not in "wxy"
        and word[-2] in _VOWELS and word[-3] not in _VOWELS
    ):
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    forms.update(_IRREGULAR.get(word, ()))
    return forms

