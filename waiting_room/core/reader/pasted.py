"""A pasted email: only its new part says anything.

People paste a whole recruiter email into a note: a greeting, the message, a
sign-off and signature, and often the quoted thread below it ("On Tue, Dana
wrote:", "-----Original Message-----", lines starting with ">"). The thread
repeats what earlier notes said, and the signature's titles and company names
("Talent Acquisition Partner", "Head of People") would read as cues. So the
reader reads the message alone: from after a greeting line to before the
sign-off, the signature or the quoted thread, whichever comes first.

The message is a slice of the note, so every cue's span still indexes the note.
"""

from __future__ import annotations

import re

__all__ = ["message_span"]

_GREETING = re.compile(
    r"\A\s*(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|greetings)\b[^\n]{0,60}[,!:]?[ \t]*\n",
    re.IGNORECASE,
)
#: Where the new part of a message ends: a quoted thread, a forwarded header,
#: a sign-off line, the signature separator, a phone's footer.
_END = re.compile(
    r"""
    ^[ \t]*(?:
        on\ [^\n]{3,120}\ wrote:\s*$                         # On Tue, 3 Nov, Dana wrote:
      | -{2,}\s*(?:original\ message|forwarded\ message)\s*-{2,}
      | (?:from|sent|to|subject|date):\ [^\n]*\n(?:[ \t]*(?:from|sent|to|cc|subject|date):\ [^\n]*\n?){1,}
      | >[^\n]*(?:\n[ \t]*>[^\n]*)*                          # > quoted lines
      | --\ ?$                                               # "-- " before a signature
      | (?:best|kind|warm|warmest)?\ ?(?:regards|wishes)[,.!]?\s*$
      | (?:thanks|thank\ you|many\ thanks|cheers|best|sincerely|all\ the\ best|talk\ soon)[,.!]?\s*$
      | sent\ from\ my\ [^\n]*$
    )
    """,
    re.IGNORECASE | re.MULTILINE | re.VERBOSE,
)


def message_span(text: str) -> tuple[int, int]:
    """(start, end) of the part of ``text`` worth reading: all of it unless it looks pasted."""
    if "\n" not in text:
        return 0, len(text)
    start = 0
    greeting = _GREETING.match(text)
    if greeting:
        start = greeting.end()
    end = len(text)
    for match in _END.finditer(text, start):
        if match.start() > start and text[start:match.start()].strip():
            end = match.start()
            break
    return start, end
