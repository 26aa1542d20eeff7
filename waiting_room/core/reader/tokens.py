"""Tokens: lower-cased words with their spans in the original text.

Contractions are split (``isn't`` -> ``is not``, ``she's`` -> ``she is``),
common abbreviations expanded (``HM`` -> ``hiring manager``, ``OOO`` -> ``out of
office``, ``refs`` -> ``references``); sentence punctuation becomes the hard
boundary ``|`` and commas and dashes the soft one ``,``.
"""

from __future__ import annotations

import re

_TOKEN_RE = re.compile(r"[a-z0-9]+(?:'[a-z]+)*|[.;!?()\[\]\n]|[,:\u2014\u2013]| - ")
_HARD = "|"
_SOFT = ","

_IS_AFTER = frozenset(
    "she he it that there what who where here everyone everybody everything nobody "
    "someone somebody this one".split()
)
_NT_BASES = {
    "is": "is", "was": "was", "were": "were", "are": "are", "do": "do", "does": "does",
    "did": "did", "has": "has", "have": "have", "had": "had", "could": "could",
    "should": "should", "would": "would", "ca": "can", "can": "can", "wo": "will",
    "ai": "is", "must": "must", "need": "need", "sha": "shall",
}
_CONTRACTIONS = {"'re": "are", "'ll": "will", "'ve": "have", "'d": "would", "'m": "am"}
#: Abbreviations and spellings people use in notes -> the words the lexicon knows.
ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "mgr": ("manager",), "mngr": ("manager",), "mgrs": ("managers",),
    "hm": ("hiring", "manager"), "hms": ("hiring", "managers"),
    "ooo": ("out", "of", "office"), "oof": ("out", "of", "office"),
    "refs": ("references",), "ref": ("reference",), "bg": ("background",),
    "bgc": ("background", "check"), "bgv": ("background", "verification"),
    "mat": ("maternity",), "dept": ("department",), "depts": ("departments",),
    "mgmt": ("management",), "execs": ("executives",), "exec": ("executive",),
    "jd": ("job", "description"), "req": ("requisition",), "reqs": ("requisitions",),
    "wk": ("week",), "wks": ("weeks",), "til": ("until",), "till": ("until",),
    "thru": ("through",), "bc": ("because",), "cuz": ("because",), "convo": ("conversation",),
    "im": ("i", "am"), "anymore": ("any", "more"), "reorg": ("reorganization",),
    "reorgs": ("reorganization",), "reorganisation": ("reorganization",),
    "ta": ("talent", "acquisition"), "hrbp": ("hr",), "dunno": ("do", "not", "know"),
    "sick": ("sick",), "vacay": ("vacation",), "hols": ("holidays",), "hol": ("holiday",),
    "u": ("you",), "r": ("are",), "w": ("with",), "abt": ("about",), "mtg": ("meeting",),
    "mtgs": ("meetings",), "cand": ("candidate",), "cands": ("candidates",),
    "approx": ("about",), "eow": ("end", "of", "week"), "eod": ("end", "of", "day"),
}


def _split_word(word: str) -> list[str]:
    if "'" not in word:
        if word in ABBREVIATIONS:
            return list(ABBREVIATIONS[word])
        if word.endswith("nt") and word[:-2] in _NT_BASES and len(word) > 3:
            return [_NT_BASES[word[:-2]], "not"]
        return [word]
    base, _, rest = word.partition("'")
    rest = "'" + rest
    if rest == "'t" and base.endswith("n") and base[:-1] in _NT_BASES:
        return [_NT_BASES[base[:-1]], "not"]
    if rest == "'s":
        return [base, "is"] if base in _IS_AFTER else _split_word(base)
    if rest in _CONTRACTIONS:
        return [base, _CONTRACTIONS[rest]]
    return _split_word(base) if base else []


#: What each piece of text the tokenizer cuts stands for (a plain dict: the
#: pieces of a language are few, and a lookup here is the tokenizer's inner loop).
_PIECES: dict[str, tuple[str, ...]] = {}
_PIECES_MAX = 65536


def _piece(piece: str) -> tuple[str, ...]:
    if piece[0].isalnum():
        forms = tuple(_split_word(piece))
    elif piece in (",", ":", "\u2014", "\u2013", " - "):
        forms = (_SOFT,)
    else:
        forms = (_HARD,)
    if len(_PIECES) < _PIECES_MAX:
        _PIECES[piece] = forms
    return forms


def _tokens(text: str) -> tuple[list[str], list[tuple[int, int]]]:
    """Normal forms of the tokens and their spans; boundaries become ``|`` / ``,``."""
    lowered = text.lower()
    if len(lowered) != len(text):
        # A few letters lower to two characters ("İ"); spans index the original text.
        lowered = "".join([c if len(c.lower()) != 1 else c.lower() for c in text])
    if "\u2019" in lowered or "\u2018" in lowered:
        lowered = lowered.replace("\u2019", "'").replace("\u2018", "'")
    norms: list[str] = []
    spans: list[tuple[int, int]] = []
    known = _PIECES.get
    for m in _TOKEN_RE.finditer(lowered):
        piece = m.group()
        forms = known(piece) or _piece(piece)
        if len(forms) == 1:
            norms.append(forms[0])
            spans.append(m.span())
        else:
            norms += forms
            spans += [m.span()] * len(forms)
    return norms, spans

