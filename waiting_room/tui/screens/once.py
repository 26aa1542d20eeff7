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

# Screens take focus with ``self.set_focus(widget)`` in ``on_mount``, not
# ``widget.focus()``: the latter is deferred, and keys typed the moment a form
# appears would go to the screen beneath it instead of the first field.
