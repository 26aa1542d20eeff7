"""Merge the gathered parts into tests/data/real_notes/real_notes.jsonl, split once.

    python scripts/build_corpus.py

Each note is checked (fields, reason ids, stage), duplicates are dropped, and a
note new to the corpus is given its part by its source: every note of one page
goes to the same part (a third of the pages, by a fixed hash of the address, are
held out). A note already in the corpus keeps the part it was given, so adding
notes never moves one across the split.
"""

from __future__ import annotations

import json
import re
import sys
from binascii import crc32

import realnotes
from waiting_room.core.reasons import REASON_IDS

PARTS_DIR = realnotes.CORPUS.parent / "parts"
#: The gathering round of each part (others: round 1). Rules were written from the
#: development notes of rounds up to realnotes.READ_ROUNDS only.
ROUND_OF_PART = {"gather3_a.jsonl": 2, "gather3_b.jsonl": 2}
SIZES = (None, "small", "medium", "large", "enterprise")
HARD = (None, "negation", "finished", "own_action", "mixed")


def part_of(source: str) -> str:
    return "held_out" if crc32(source.strip().encode()) % 3 == 0 else "dev"


def key(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def check(raw: dict, where: str) -> dict:
    for field in ("text", "source", "stage", "label"):
        if not isinstance(raw.get(field), str) or not raw[field].strip():
            sys.exit(f"{where}: {field} is missing")
    if raw["label"] not in REASON_IDS or raw.get("also") not in (None, *REASON_IDS):
        sys.exit(f"{where}: unknown reason {raw['label']!r} / {raw.get('also')!r}")
    if raw["stage"] not in realnotes.STAGES:
        sys.exit(f"{where}: unknown stage {raw['stage']!r}")
    if raw.get("company_size") not in SIZES:
        sys.exit(f"{where}: unknown company size {raw['company_size']!r}")
    if raw.get("hard") not in HARD:
        sys.exit(f"{where}: unknown hard case {raw['hard']!r}")
    if not raw["source"].startswith(("http://", "https://")):
        sys.exit(f"{where}: the source must be a page address")
    also = raw.get("also") if raw.get("also") != raw["label"] else None
    return {"text": " ".join(raw["text"].split()), "source": raw["source"].strip(),
            "stage": raw["stage"], "company_size": raw.get("company_size"),
            "label": raw["label"], "also": also, "hard": raw.get("hard"),
            "why": raw.get("why", ""), "round": raw.get("round", 1)}


def main() -> None:
    kept: dict[str, dict] = {}
    if realnotes.CORPUS.exists():
        for line in realnotes.CORPUS.read_text(encoding="utf-8").splitlines():
            if line.strip():
                raw = json.loads(line)
                raw.setdefault("round", 1)
                kept[key(raw["text"])] = raw
    added = 0
    for path in sorted(PARTS_DIR.glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            raw = check({**json.loads(line), "round": ROUND_OF_PART.get(path.name, 1)}, f"{path.name}:{n}")
            k = key(raw["text"])
            if k in kept:  # a corrected line keeps the part its note was given
                raw["part"] = kept[k]["part"]
            else:
                raw["part"] = part_of(raw["source"])
                added += 1
            kept[k] = raw
    with realnotes.CORPUS.open("w", encoding="utf-8") as out:
        for raw in kept.values():
            out.write(json.dumps(raw, ensure_ascii=False) + "\n")
    parts = {p: sum(1 for r in kept.values() if r["part"] == p) for p in realnotes.PARTS}
    print(f"{len(kept)} notes ({added} new): {parts}")


if __name__ == "__main__":
    main()
