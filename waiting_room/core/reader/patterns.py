"""Compiling the lexicon's pattern language to regular expressions over coded notes."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from waiting_room.core.reader.forms import _FUNCTION, _forms
from waiting_room.core.reader.lexicon import CLASSES, LEXICON, _Entry
from waiting_room.core.reader.negation import (
    _FIRST_PERSON, _HEDGES, _NEGATORS, _OLD_NEWS, _OTHER_SUBJECT, _PSEUDO_NEXT, _TERMINATORS,
)
from waiting_room.core.reader.tokens import _CONTRACTIONS, _HARD, _NT_BASES, _SOFT, ABBREVIATIONS

#: The modules whose text decides the generated table (``_table.py``).
TABLE_SOURCES = ("tokens.py", "forms.py", "lexicon.py", "negation.py", "patterns.py")

_ITEM_RE = re.compile(r"\(|\)|\||\?|\{![^}]*\}|~\d+|@[A-Z]+\??|[^\s()|{}?]+\??")

#: To the patterns, a note is a string with one character per token: every word
#: the reader knows has its own character (CJK ideographs from U+4E00 on: never
#: special in a regex character class, and printable, so the generated table
#: stays compact), a word it does not know is ``_``, and the boundaries stay
#: ``|`` and ``,``. A lexicon word with its inflections is then a single
#: character class, a synonym class a small alternation of short sequences, and
#: ``re`` compiles a pattern in well under a millisecond; written over the words
#: themselves the same patterns took about 0.3 s to compile.
_CODE_BASE = 0x4E00
_UNKNOWN = "_"


def _code_order(vocabulary: Iterable[str]) -> tuple[str, ...]:
    """Every known word in the order of their characters.

    Codes follow the lexicon's own order, each word's inflections side by side,
    so that most classes are one or two runs of characters: ``re`` compiles a
    run far faster than a scattered set.
    """
    order: dict[str, None] = {}
    seen: set[str] = set()

    def walk(pattern: str) -> None:
        for item in _ITEM_RE.findall(pattern):
            if item.startswith("@"):
                name = item[1:].rstrip("?")
                if name not in seen:
                    seen.add(name)
                    for phrase in CLASSES[name]:
                        walk(phrase)
                continue
            for word in re.findall(r"=?[a-z0-9]+", item):
                order.update(dict.fromkeys(sorted(_forms(word))))

    order.update(dict.fromkeys(sorted(_NEGATORS)))
    for entry in LEXICON:
        walk(entry.pattern)
    order.update(dict.fromkeys(sorted(vocabulary)))
    return tuple(w for w in order if w not in (_HARD, _SOFT))


def _codes_of(words: Iterable[str]) -> dict[str, str]:
    codes = {word: chr(_CODE_BASE + n) for n, word in enumerate(words)}
    codes[_HARD] = _HARD
    codes[_SOFT] = _SOFT
    return codes


@lru_cache(maxsize=None)
def _code_map() -> dict[str, str]:
    """The codes as translating the lexicon assigns them (the table stores the same)."""
    return _codes_of(_code_order(_all_vocabulary()))


def _chars(words: Iterable[str]) -> frozenset[str]:
    codes = _code_map()
    return frozenset(codes[w] for w in words if w in codes)


def _class_regex(chars: frozenset[str]) -> str:
    if not chars:
        return "(?!)"  # a word no note can contain ("go-live" has a hyphen)
    if len(chars) == 1:
        return next(iter(chars))
    runs: list[list[int]] = []
    for point in sorted(map(ord, chars)):
        if runs and runs[-1][1] == point - 1:
            runs[-1][1] = point
        else:
            runs.append([point, point])
    body = "".join(
        chr(a) if a == b else chr(a) + chr(b) if a + 1 == b else chr(a) + "-" + chr(b)
        for a, b in runs
    )
    return "[" + body + "]"


def _phrase_regex(words: list[str]) -> str:
    return "".join(_class_regex(_chars(_forms(w))) for w in words)


def _gap_regex(n: int) -> str:
    """Up to ``n`` tokens, never a sentence end or a negator, so "the manager is
    not on leave" cannot match "manager ~4 leave" across "not"."""
    return "[^" + _HARD + _class_regex(_chars(_NEGATORS))[1:-1] + "]{0,%d}" % n


@dataclass(frozen=True, slots=True)
class _Part:
    """A compiled piece of a pattern.

    ``anchor``: words one of which must occur in any match (``None``: no such
    set). ``first``: the words a match can begin with (``None``: any word).
    ``nullable``: the piece can match nothing at all. ``chars``: the piece is
    exactly one token out of these characters.
    """

    regex: str
    anchor: frozenset[str] | None
    first: frozenset[str] | None
    nullable: bool
    required: tuple[frozenset[str], ...] = ()  # every one must meet the note
    chars: frozenset[str] | None = None


def _union(sets: Iterable[frozenset[str] | None]) -> frozenset[str] | None:
    out: set[str] = set()
    for one in sets:
        if one is None:
            return None
        out |= one
    return frozenset(out)


def _anchor_cost(words: frozenset[str] | None) -> float:
    """How poor a set of words is as an anchor: common words occur in almost every note."""
    if words is None:
        return math.inf
    return len(words) + (1000 if words & _FUNCTION else 0)


def _alternatives(parts: list[_Part]) -> _Part:
    # Neighbouring one-token alternatives become one character class: each takes
    # one token, so trying them in turn or at once leaves the same choices behind.
    regexes: list[str] = []
    run: set[str] = set()
    for part in parts:
        if part.chars is not None:
            run |= part.chars
            continue
        if run:
            regexes.append(_class_regex(frozenset(run)))
            run = set()
        regexes.append(part.regex)
    if run:
        regexes.append(_class_regex(frozenset(run)))
    single = all(p.chars is not None for p in parts)
    return _Part(
        regexes[0] if len(regexes) == 1 else "(?:" + "|".join(regexes) + ")",
        _union(p.anchor for p in parts),
        _union(p.first for p in parts),
        any(p.nullable for p in parts),
        chars=_union(p.chars for p in parts) if single else None,
    )


def _optional(part: _Part) -> _Part:
    regex = part.regex + "?" if part.chars is not None else "(?:" + part.regex + ")?"
    return _Part(regex, None, part.first, True)


@lru_cache(maxsize=None)
def _class_part(name: str) -> _Part:
    return _alternatives([_compile_seq(_ITEM_RE.findall(p)) for p in CLASSES[name]])


def _compile_seq(items: list[str]) -> _Part:
    """Compile a sequence of pattern items (see the module docstring)."""
    parts: list[_Part] = []
    i = 0
    while i < len(items):
        item = items[i]
        if item == "(":
            depth, j = 1, i + 1
            while depth:
                depth += (items[j] == "(") - (items[j] == ")")
                j += 1
            alts: list[list[str]] = [[]]
            depth = 0
            for tok in items[i + 1 : j - 1]:
                if tok == "|" and depth == 0:
                    alts.append([])
                    continue
                depth += (tok == "(") - (tok == ")")
                alts[-1].append(tok)
            part = _alternatives([_compile_seq(a) for a in alts])
            if j < len(items) and items[j] == "?":
                part = _optional(part)
                j += 1
            i = j
        elif item.startswith("{!"):
            refused = "|".join(_phrase_regex(a.split()) for a in item[2:-1].split("|"))
            part = _Part("(?!" + refused + ")", None, frozenset(), True)
            i += 1
        elif item.startswith("~"):
            part = _Part(_gap_regex(int(item[1:])), None, None, True)
            i += 1
        elif item.startswith("@"):
            part = _class_part(item[1:].rstrip("?"))
            if item.endswith("?"):
                part = _optional(part)
            i += 1
        elif item == "?":
            i += 1
            continue
        else:
            word = item[:-1] if item.endswith("?") and len(item) > 1 else item
            forms = frozenset(_forms(word))
            chars = _chars(forms)
            part = _Part(_class_regex(chars), forms, forms, False, chars=chars)
            if word is not item:
                part = _optional(part)
            i += 1
        parts.append(part)

    if len(parts) == 1:
        only = parts[0]
        required = (only.anchor,) if not only.nullable and only.anchor is not None else ()
        return replace(only, anchor=only.anchor if not only.nullable else None, required=required)
    anchor: frozenset[str] | None = None
    for part in parts:
        if not part.nullable and _anchor_cost(part.anchor) < _anchor_cost(anchor):
            anchor = part.anchor
    first: set[str] | None = set()
    nullable = True
    for part in parts:
        if part.first is None:
            first = None
            break
        first |= part.first
        if not part.nullable:
            nullable = False
            break
    required = tuple(p.anchor for p in parts if not p.nullable and p.anchor is not None)
    return _Part(
        "".join(p.regex for p in parts), anchor,
        None if first is None else frozenset(first), nullable, required,
    )


@dataclass(frozen=True, slots=True)
class _Compiled:
    """A pattern ready to run; word sets are held as the words' characters."""

    entry: _Entry
    source: str
    anchor: frozenset[str] | None
    first: frozenset[str] | None  # None: try every word
    required: tuple[frozenset[str], ...]


def _compile_all() -> tuple[tuple[_Compiled, ...], dict[str, tuple[int, ...]], tuple[int, ...]]:
    compiled: list[_Compiled] = []
    for entry in LEXICON:
        part = _compile_seq(_ITEM_RE.findall(entry.pattern))
        # A word outside the code (a hyphen, an apostrophe) is no token: dropping it changes nothing.
        anchor = None if part.anchor is None else _chars(part.anchor)
        first = None if part.nullable or part.first is None else _chars(part.first)
        required = tuple(_chars(r) for r in part.required)
        compiled.append(_Compiled(entry, part.regex, anchor, first, required))
    return (tuple(compiled), *_index(compiled))


def _index(compiled: Iterable[_Compiled]) -> tuple[dict[str, tuple[int, ...]], tuple[int, ...]]:
    """Patterns by the characters of their anchor words, and those without an anchor."""
    index: dict[str, list[int]] = {}
    always: list[int] = []
    for n, comp in enumerate(compiled):
        if comp.anchor is None:
            always.append(n)
        else:
            for char in comp.anchor:
                index.setdefault(char, []).append(n)
    return {k: tuple(v) for k, v in index.items()}, tuple(always)


def _source_key() -> str:
    """A fingerprint of this file: the pattern table is valid only for the code that made it."""
    from binascii import crc32

    crc = 0
    folder = Path(__file__).parent
    for name in TABLE_SOURCES:
        crc = crc32((folder / name).read_bytes(), crc)
    return f"{crc:08x}"


def table_text() -> str:
    """Python source of the translated lexicon, for ``_table.py`` (see scripts/)."""
    compiled, index, always = _compile_all()

    def chars(group: frozenset[str] | None) -> str | None:
        return None if group is None else "".join(sorted(group))

    rows = [(c.source, chars(c.anchor), chars(c.first), tuple(chars(r) for r in c.required)) for c in compiled]
    return (
        '"""Generated by scripts/build_reader_table.py from waiting_room/core/reader/: do not edit."""\n\n'
        f"KEY = {_source_key()!r}\n"
        f"WORDS = {' '.join(_code_order(_all_vocabulary()))!r}\n"
        f"ROWS = {rows!r}\n"
    )


def _load_table() -> tuple[
    tuple[str, ...], tuple[_Compiled, ...], dict[str, tuple[int, ...]], tuple[int, ...]
]:
    """(words in code order, patterns, anchor index, patterns without anchor).

    Translating the lexicon costs ~70 ms at every start; a table generated ahead
    of time loads in a few. A stale or missing table is no error, only slower.
    """
    try:
        from waiting_room.core.reader import _table as table
    except ImportError:
        table = None
    if table is None or table.KEY != _source_key() or len(table.ROWS) != len(LEXICON):
        return (_code_order(_all_vocabulary()), *_compile_all())

    def group(chars: str | None) -> frozenset[str] | None:
        return None if chars is None else frozenset(chars)

    compiled = tuple(
        _Compiled(entry, source, group(anchor), group(first), tuple(frozenset(r) for r in required))
        for entry, (source, anchor, first, required) in zip(LEXICON, table.ROWS)
    )
    return (tuple(table.WORDS.split()), compiled, *_index(compiled))


def _all_vocabulary() -> frozenset[str]:
    words: set[str] = set()
    for text in [e.pattern for e in LEXICON] + [p for ps in CLASSES.values() for p in ps]:
        for item in _ITEM_RE.findall(text):
            for word in re.findall(r"=?[a-z0-9]+", item):
                words |= _forms(word)
    words |= set(ABBREVIATIONS) | {w for ws in ABBREVIATIONS.values() for w in ws}
    words |= _NEGATORS | _PSEUDO_NEXT | _TERMINATORS | _HEDGES | _OLD_NEWS | _FIRST_PERSON
    words |= _OTHER_SUBJECT | _FUNCTION | set(_NT_BASES) | set(_CONTRACTIONS.values())
    return frozenset(words)



#: The lexicon translated to regex source (from the generated table when it is
#: current); each regex is compiled by ``re`` the first time a note contains one
#: of its anchor words.
_WORDS, _COMPILED, _INDEX, _ALWAYS = _load_table()
_CODE = _codes_of(_WORDS)

VOCABULARY: frozenset[str] = frozenset(_WORDS) | {_SOFT}
"""Every word the reader knows (lexicon forms, function words, negators...).

A note made only of words outside this set yields no cues.
"""

_REGEX: list[re.Pattern[str] | None] = [None] * len(_COMPILED)


def _regex(n: int) -> re.Pattern[str]:
    regex = _REGEX[n]
    if regex is None:
        regex = _REGEX[n] = re.compile(_COMPILED[n].source)
    return regex


def compile_all() -> None:
    """Compile every pattern now (benchmarks and long-running faces may call this)."""
    for n in range(len(_COMPILED)):
        _regex(n)


