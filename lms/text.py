"""Text people type: what the server accepts and how it is kept.

Every text the server takes passes :func:`refuse_control_characters` (the
middleware runs it on every form field and query parameter; JSON endpoints
call it themselves): PostgreSQL cannot store a NUL byte, and other control
characters are never typed by a person, only pasted or forged.
"""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Tab, line feed and carriage return are typed; every other C0/C1 control
# character (NUL included) is refused.
ALLOWED_CONTROLS = frozenset("\t\n\r")

CONTROL_CHARACTERS_MESSAGE = _(
    "The text contains invisible control characters that cannot be saved "
    "(often from copying out of another program). Remove them, for example "
    "by typing the text again, and save once more."
)


def has_control_characters(text: str) -> bool:
    return any(
        unicodedata.category(char) == "Cc" and char not in ALLOWED_CONTROLS
        for char in text
        if char < "\xa0"  # every Cc character is below U+00A0
    )


def refuse_control_characters(text):
    """Raise ValidationError (with a translated message) if `text` holds a
    control character other than tab or a line break."""
    if isinstance(text, str) and has_control_characters(text):
        raise ValidationError(CONTROL_CHARACTERS_MESSAGE, code="control_characters")
    return text


def normalise_text(text) -> str:
    """What she typed, with line breaks as shown: browsers post a textarea's
    line breaks as CRLF but show them as LF."""
    return str(text or "").replace("\r\n", "\n").replace("\r", "\n")
