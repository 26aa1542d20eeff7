"""The generated pattern table must match the note reader it was made from."""

from __future__ import annotations

from waiting_room.core import _cues_table, cues


def test_the_generated_table_is_current():
    assert _cues_table.KEY == cues._source_key(), (
        "cues.py changed: run `python scripts/build_cues_table.py` and commit _cues_table.py"
    )


def test_the_table_loads_exactly_what_translating_the_lexicon_gives():
    assert cues._load_table() == cues._compile_all()
