"""Keys typed ahead of a focus change go where the person meant them to go.

Textual hands each key to the widget that is focused when the key is
dispatched, and runs a key's binding only once the key has bubbled up from
that widget. In a burst (a fast typist, or type-ahead arriving over SSH) the
keys after one that moves focus ("/" opens the filter, Tab moves to the next
field) are therefore already queued for the old widget. A widget with this
mixin runs bindings as soon as it sees their key (``bindings_at_once``), and
passes any key that reaches it after focus has moved on to the widget that
has focus now.

The same holds for a text field's own keys: backspace, ctrl+u and enter act
through bindings too, so in a burst they would act after the letters typed
behind them (Textual issue 6605). ``TypeAheadInput`` and ``TypeAheadTextArea``
keep them in turn.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input, TextArea


class FollowsFocus:
    """Mix in before the widget class (a plain mixin keeps the widget's CSS type)."""

    #: run the key's binding (this widget's, then its screen's...) before the next key
    bindings_at_once = False

    def types(self, event: events.Key) -> bool:
        """Whether this widget takes the key as text, which no binding sees."""
        return False

    async def _on_key(self, event: events.Key) -> None:
        app = self.app  # type: ignore[attr-defined]
        focused = app.focused
        if focused is not None and focused is not self:
            event.stop()
            event.prevent_default()
            # Within a screen, the key goes where focus went. Keys left over from a
            # screen that has closed are dropped: letters typed into a form must
            # never run as commands on the screen beneath it.
            if focused.screen is self.screen:  # type: ignore[attr-defined]
                focused._forward_event(events.Key(event.key, event.character))
            return
        # Textual's own binding check (the one it runs when the key bubbles up).
        if self.bindings_at_once and not self.types(event) and await app._check_bindings(event.key):
            event.stop()
            event.prevent_default()
            return
        await super()._on_key(event)  # type: ignore[misc]


class TypeAheadInput(FollowsFocus, Input):
    """An Input whose keys act in the order they were typed, however fast.

    Letters are typed as Input types them; every other key runs its binding at
    once (backspace, ctrl+u, the screen's ctrl+s and escape, Tab). Enter hands
    Input.Submitted to the screen at once, so the keys typed after it go where
    the screen moves focus (those left over from a dialog it closes are dropped).
    """

    bindings_at_once = True

    def types(self, event: events.Key) -> bool:
        return event.is_printable

    async def action_submit(self) -> None:
        # Input posts Submitted to itself, and the screen would see it only after
        # the keys queued behind enter (those are this field's until the screen
        # moves focus). The screen handles it now, as it would a posted message.
        validation = self.validate(self.value) if "submitted" in self.validate_on else None
        await self.screen._dispatch_message(self.Submitted(self, self.value, validation))


class TypeAheadTextArea(FollowsFocus, TextArea):
    """A TextArea whose keys act in the order they were typed, however fast.

    What TextArea types itself (letters, enter, and tab and escape when tab
    indents) is typed as it types it; every other key (backspace, the arrows,
    the screen's keys) runs its binding at once.
    """

    bindings_at_once = True

    def types(self, event: events.Key) -> bool:
        if self.read_only:
            return False
        indents = self.tab_behavior == "indent" and event.key in ("tab", "escape")
        return event.is_printable or event.key == "enter" or indents
