"""The generated pattern table must match the note reader it was made from."""

from __future__ import annotations

from waiting_room.core.reader import _table, patterns, rules
from waiting_room.core.reader import read_note_uncached


def test_the_generated_table_is_current():
    assert _table.KEY == patterns._source_key(), (
        "the reader changed: run `python scripts/build_reader_table.py` and commit reader/_table.py"
    )


def test_the_table_loads_exactly_what_translating_the_lexicon_gives():
    words, *compiled = patterns._load_table()
    assert words == patterns._code_order(patterns._all_vocabulary())
    assert tuple(compiled) == patterns._compile_all()


def test_notes_are_coded_as_the_patterns_expect():
    assert patterns._CODE == patterns._code_map()
    assert patterns.VOCABULARY == patterns._all_vocabulary()


def test_every_token_is_one_character_and_unknown_words_share_one():
    codes = patterns._CODE
    assert len(set(codes.values())) == len(codes)
    assert all(len(c) == 1 for c in codes.values())
    assert patterns._UNKNOWN not in codes.values()


def test_patterns_without_an_anchor_word_are_tried_on_every_note(monkeypatch):
    # No pattern lacks an anchor today; one that did must still be tried, not lost.
    notes = ["the hiring manager is on leave until Monday", "HR said all updates come from them",
             "I left a voicemail", "she isn't travelling any more; finance has it now"]
    want = [read_note_uncached(n) for n in notes]
    assert any(want)
    monkeypatch.setattr(rules, "_INDEX", {})
    monkeypatch.setattr(rules, "_ALWAYS", tuple(range(len(patterns._COMPILED))))
    assert [read_note_uncached(n) for n in notes] == want
