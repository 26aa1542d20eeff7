"""Dialogs close once.

A second Enter typed before a dialog has gone would dismiss it again, and the
second dismiss pops whatever screen is beneath (the full view, the draft, or
the last screen of all, which crashes the app). Every dialog mixes this in.
"""

from __future__ import annotations

from typing import Any


class DismissOnce:
    """Mix in before ModalScreen: later calls to ``dismiss`` do nothing."""

    _dismissing = False

    def dismiss(self, result: Any = None) -> Any:
        if self._dismissing:
            return None
        self._dismissing = True
        return super().dismiss(result)  # type: ignore[misc]
