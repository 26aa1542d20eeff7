"""One sanitizer for user text on its way to a terminal.

User text is data. Before it is printed or shown, C0 and C1 control characters
(ESC, BEL, CSI...) and the bidi overrides that can disguise text are replaced
with visible stand-ins, so no byte a person typed (or imported) can move the
cursor, set the clipboard or retitle the window.
"""

from __future__ import annotations

import re

# C0 (except tab and newline, handled by callers), DEL, C1, and bidi controls.
_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ␛ for ESC
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"


def clean(text: str, *, single_line: bool = False) -> str:
    """``text`` with every control character replaced by a visible stand-in.

    With ``single_line`` newlines and tabs become spaces too.
    """
    text = _SURROGATE_RE.sub("\ufffd", text)
    if single_line:  # before the controls, or a Windows line end would leave a stray "␍"
        text = text.replace("\r\n", " ").replace("\n", " ").replace("\t", " ")
    return _CONTROL_RE.sub(_visible, text)


# In JSON, C0 controls are escaped already; C1 and the bidi controls are not.
_JSON_UNSAFE_RE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u2028\u2029]")


def json_safe(encoded: str) -> str:
    """JSON text with the controls ``json.dumps`` leaves raw written as ``\\uXXXX``.

    The data is the same to any JSON reader; only a terminal showing the text
    can no longer be steered by it.
    """
    return _JSON_UNSAFE_RE.sub(lambda m: "\\u%04x" % ord(m.group()), encoded)
