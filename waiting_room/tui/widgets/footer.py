"""The key hints along the bottom, rebuilt only when they change."""

from __future__ import annotations

from textual.widgets import Footer


class KeyFooter(Footer):
    """Textual's Footer, rebuilding its keys only when what it shows changes.

    The stock footer rebuilds every key whenever the focus or the bindings
    change, even when the keys stay the same: opening the dashboard rebuilt the
    same eleven keys five times, about 75 ms of a start that should be quick.
    """

    _shown: object = None

    def _what_it_shows(self) -> object:
        """Everything the stock ``compose`` reads to build the keys."""
        if not getattr(self, "_bindings_ready", True):  # Footer's own flag (private)
            return None
        active = tuple(
            (binding, enabled, tooltip) for _, binding, enabled, tooltip in self.screen.active_bindings.values()
        )
        return (active, self.show_command_palette, self.combine_groups, self.compact)

    async def recompose(self) -> None:
        if not self.is_attached:
            return  # as the stock recompose does: a footer being removed shows nothing
        shown = self._what_it_shows()
        if shown is not None and shown == self._shown:
            return
        self._shown = shown
        await super().recompose()
