"""A pasted email: only its new part says anything.

People paste a whole recruiter email into a note: a greeting, the message, a
sign-off and signature, and often the quoted thread below it ("On Tue, Dana
wrote:", "-----Original Message-----", a "From: / Sent:" header, lines starting
with ">"). The thread repeats what earlier notes said, and the signature's
titles and company names ("Talent Acquisition Partner", "Head of People") would
read as cues. So the reader reads the message alone.

It is careful not to cut a note that only looks like one: a greeting line is
dropped only when it is a greeting and a name, a sign-off only when what follows
it is as short as a signature, and quoted lines only when the thread runs to the
end. A running log ("3 Mar: ...", "--", "10 Mar: ...") is read whole.

The message is a slice of the note, so every cue's span still indexes the note.
"""

from __future__ import annotations

import re

__all__ = ["message_span"]

_GREETING = re.compile(
    r"\A\s*(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|greetings)"
    r"(?:[ \t]+[A-Za-z.'-]+){0,3}[ \t]*[,!:]?[ \t]*\r?\n",
    re.IGNORECASE,
)
#: Where a quoted thread or a forwarded message begins: nothing after it is new.
_THREAD = re.compile(
    r"""
    ^[ \t]*(?:
        on\ [^\n]{3,160}\ wrote:[ \t]*\r?$                     # On Tue, 3 Nov, Dana wrote:
      | -{2,}[ \t]*(?:original\ message|forwarded\ message)[ \t]*-{2,}
      | from:\ [^\n]*\r?\n[ \t]*(?:sent|date|to):\ [^\n]*\r?$   # a From: / Sent: header
    )
    """,
    re.IGNORECASE | re.MULTILINE | re.VERBOSE,
)
#: A line that may close the message: a sign-off, the signature separator, a phone's footer.
_SIGN_OFF = re.compile(
    r"""
    ^[ \t]*(?:
        --[ \t]?
      | (?:best|kind|warm|warmest)?[ \t]?(?:regards|wishes)[,.!]?
      | (?:thanks|thank\ you|many\ thanks|cheers|best|sincerely|all\ the\ best|talk\ soon)[,.!]?
      | sent\ from\ my\ [^\n]*
    )[ \t]*\r?$
    """,
    re.IGNORECASE | re.MULTILINE | re.VERBOSE,
)
#: What may follow a sign-off for it to close the message: a signature's few short lines.
_SIGNATURE_LINES = 6
_SIGNATURE_WIDTH = 90
_SIGNATURE_WORDS = 8  # a name, a title, a company; not a sentence of news


_TEXT = re.compile(r"\S")


def _has_text(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds anything but white space (without copying it)."""
    return _TEXT.search(text, start, end) is not None


def _quoted_tail(text: str, start: int) -> int:
    """Where the run of quoted (">") and blank lines that ends ``text`` begins."""
    tail = len(text)
    while tail > start:
        line_start = text.rfind("\n", start, tail - 1) + 1 if tail - 1 > start else start
        line = text[line_start:tail].strip()
        if line and not line.startswith(">"):
            break
        tail = line_start
        if line_start == start:
            break
    return tail


def _signature_sized(text: str) -> bool:
    if len(text) > _SIGNATURE_LINES * (_SIGNATURE_WIDTH + 2):
        return False  # (long: no signature; and a quick no keeps many sign-off lines cheap)
    lines = [line for line in text.splitlines() if line.strip()]
    return len(lines) <= _SIGNATURE_LINES and all(
        len(line) <= _SIGNATURE_WIDTH and len(line.split()) <= _SIGNATURE_WORDS for line in lines
    )


def message_span(text: str) -> tuple[int, int]:
    """(start, end) of the part of ``text`` worth reading: all of it unless it looks pasted."""
    if "\n" not in text:
        return 0, len(text)
    start = 0
    greeting = _GREETING.match(text)
    if greeting and _has_text(text, greeting.end(), len(text)):
        start = greeting.end()
    end = len(text)
    thread = _THREAD.search(text, start)
    if thread is not None and _has_text(text, start, thread.start()):
        end = thread.start()
    else:
        quoted = _quoted_tail(text, start)
        if quoted < len(text) and ">" in text[quoted:] and _has_text(text, start, quoted):
            end = quoted
    for sign_off in _SIGN_OFF.finditer(text, start, end):
        if _has_text(text, start, sign_off.start()) and _signature_sized(text[sign_off.end():end]):
            end = sign_off.start()
            break
    return start, end
