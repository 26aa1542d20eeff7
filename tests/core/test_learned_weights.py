"""The shipped weights of the learned layer must come from the reader and corpus as they are."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

import train_reader  # noqa: E402

from waiting_room.core.reader import _weights  # noqa: E402


def test_the_weights_were_fitted_on_the_reader_and_corpus_as_they_are():
    assert _weights.KEY == train_reader.source_key(), (
        "the reader, the engine or the corpus changed since the learned layer was fitted: "
        "run `python scripts/train_reader.py` and commit reader/_weights.py and core/_calibration.py"
    )


def test_every_weight_is_positive_and_names_a_reason():
    from waiting_room.core.reasons import REASON_IDS

    assert _weights.WEIGHTS
    for feature, weights in _weights.WEIGHTS.items():
        assert feature and weights
        for reason, weight in weights:
            assert 0 <= reason < len(REASON_IDS) and weight > 0
