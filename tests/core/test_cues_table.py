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
