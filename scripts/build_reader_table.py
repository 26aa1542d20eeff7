"""Regenerate waiting_room/core/reader/_table.py after changing the note reader.

    python scripts/build_reader_table.py

The table saves every start the ~70 ms of translating the lexicon and coding
its words. It carries a fingerprint of the reader's sources (patterns.TABLE_SOURCES):
after any edit of them the
app still works (it translates at start), and tests/core/test_reader_table.py
fails until the table is rebuilt.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from waiting_room.core.reader.patterns import table_text  # noqa: E402

target = ROOT / "waiting_room" / "core" / "reader" / "_table.py"
target.write_text(table_text(), encoding="utf-8")
print(f"wrote {target.relative_to(ROOT)}")
