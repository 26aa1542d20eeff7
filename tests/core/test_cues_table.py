"""The generated pattern table must match the note reader it was made from."""

from __future__ import annotations

from waiting_room.core import _cues_table, cues


def test_the_generated_table_is_current():
    assert _cues_table.KEY == cues._source_key(), (
        "cues.py changed: run `python scripts/build_cues_table.py` and commit _cues_table.py"
    )


def test_the_table_loads_exactly_what_translating_the_lexicon_gives():
    words, *patterns = cues._load_table()
    assert words == cues._code_order(cues._all_vocabulary())
    assert tuple(patterns) == cues._compile_all()


def test_notes_are_coded_as_the_patterns_expect():
    assert cues._CODE == cues._code_map()
    assert cues.VOCABULARY == cues._all_vocabulary()


def test_every_token_is_one_character_and_unknown_words_share_one():
    codes = cues._CODE
    assert len(set(codes.values())) == len(codes)
    assert all(len(c) == 1 for c in codes.values())
    assert cues._UNKNOWN not in codes.values()


def test_patterns_without_an_anchor_word_are_tried_on_every_note(monkeypatch):
    # No pattern lacks an anchor today; one that did must still be tried, not lost.
    notes = ["the hiring manager is on leave until Monday", "HR said all updates come from them",
             "I left a voicemail", "she isn't travelling any more; finance has it now"]
    want = [cues.read_note_uncached(n) for n in notes]
    assert any(want)
    monkeypatch.setattr(cues, "_INDEX", {})
    monkeypatch.setattr(cues, "_ALWAYS", tuple(range(len(cues._COMPILED))))
    assert [cues.read_note_uncached(n) for n in notes] == want
