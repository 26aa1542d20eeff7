"""The one sanitizer: no byte a person typed can drive the terminal."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from waiting_room.core.text import clean

DANGEROUS = [
    "\x1b",  # ESC: starts every escape sequence
    "\x07",  # BEL: ends OSC sequences (window title, OSC 52 clipboard)
    "\x9b",  # C1 CSI
    "\x9d",  # C1 OSC
    "\x90",  # C1 DCS
    "\x85",  # C1 NEL
    "\x00",
    "\x08",  # backspace
    "\r",
    "\x7f",
    "\u202e",  # RIGHT-TO-LEFT OVERRIDE
    "\u202d",
    "\u202a",
    "\u2066",  # isolates
    "\u2067",
    "\u2068",
    "\u2069",
    "\u200e",
    "\u200f",
    "\u061c",
]


@pytest.mark.parametrize("char", DANGEROUS, ids=[f"U+{ord(c):04X}" for c in DANGEROUS])
def test_control_and_bidi_characters_are_replaced_visibly(char):
    out = clean(f"a{char}b")
    assert char not in out
    assert out.startswith("a") and out.endswith("b") and len(out) == 3


def test_escape_sequences_are_defused():
    attack = "\x1b]52;c;ZXZpbA==\x07\x1b[2J\x1b]0;pwned\x07\x9b31m"
    out = clean(attack)
    assert not any(unicodedata.category(c) == "Cc" for c in out)
    assert "␛" in out  # visible, not silently dropped


@pytest.mark.parametrize(
    "text",
    [
        "Café Ünïcode",
        "e\u0301 a\u0308 n\u0303",  # combining marks
        "東京の会社 · 서울 · 北京",
        "👩🏽‍💻 🇫🇷 ❤️",  # ZWJ sequence, flag, variation selector
        "Zoë’s “quoted” — dash…",
        "עברית and العربية",  # right-to-left text itself is fine
        "line one\nline two\ttabbed",
    ],
)
def test_printable_unicode_is_unchanged(text):
    assert clean(text) == text


def test_single_line_turns_newlines_and_tabs_into_spaces():
    assert clean("a\nb\tc", single_line=True) == "a b c"
    assert clean("a\r\nb", single_line=True) == "a b"  # a Windows line end is one space


def test_lone_surrogates_are_replaced():
    assert clean("a\ud800b") == "a\ufffdb"


@given(st.text())
def test_no_control_character_survives(text):
    out = clean(text, single_line=True)
    assert not any(unicodedata.category(c) in ("Cc", "Cs") for c in out)
    assert not any(c in out for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


@given(st.text(st.characters(blacklist_categories=("Cc", "Cs", "Cf"))))
def test_text_without_controls_is_untouched(text):
    assert clean(text) == text
