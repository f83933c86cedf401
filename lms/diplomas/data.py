"""Everything a diploma prints, as one immutable value.

`DiplomaData` is what the issuing service hands to `pdf.render_pdf` and to
the badge builders. It holds plain text and dates only, never model
instances, so a diploma can be re-rendered years later from what was stored
at issuing time, and the renderers can be tested without a database.

Texts come in the programme language (the language the course was written
in, e.g. ``nb``) and, where a translation exists, in her language
(`holder_language`); an empty translated text means "not translated".
"""

import datetime
import enum
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from urllib.parse import urlsplit


class Status(enum.StrEnum):
    """Whether a diploma still stands."""

    VALID = "valid"
    REVOKED = "revoked"


class Award(enum.StrEnum):
    """What completing the course gives: the base training a diploma, a
    continuing-education track a certificate (the same machinery)."""

    DIPLOMA = "diploma"
    CERTIFICATE = "certificate"


@dataclass(frozen=True)
class ModuleLine:
    """One module as printed: its title, and its title in her language."""

    title: str
    translated_title: str = ""


@dataclass(frozen=True)
class Signatory:
    """One signature line: who signs and in what role."""

    name: str
    role: str = ""


def _module(value) -> ModuleLine:
    if isinstance(value, ModuleLine):
        return value
    if isinstance(value, str):
        return ModuleLine(value)
    title, translated = value
    return ModuleLine(title, translated or "")


def _signatory(value) -> Signatory:
    if isinstance(value, Signatory):
        return value
    name, role = value
    return Signatory(name, role or "")


@dataclass(frozen=True)
class DiplomaData:
    """What one diploma says, in the programme language and in hers.

    `holder_name` is printed exactly as given (any script, no case change, no
    normalisation). `modules` accepts titles, ``(title, translated_title)``
    pairs or `ModuleLine`s; `signatories` accepts ``(name, role)`` pairs or
    `Signatory`s; both are stored as tuples. `wording` is the course's
    diploma sentence; `criteria` what it took to earn it (the completion
    rule, for the badge's criteria narrative). Language codes are Django
    language codes (``nb``, ``ar``, ``ti``...).
    """

    holder_name: str
    programme: str
    chapter: str
    period_start: datetime.date
    period_end: datetime.date
    total_hours: Decimal | int | float
    modules: tuple[ModuleLine, ...]
    issued_on: datetime.date
    verification_code: str
    verification_url: str
    programme_language: str = "nb"
    holder_language: str = "nb"
    programme_translated: str = ""
    signatories: tuple[Signatory, ...] = ()
    wording: str = ""
    wording_translated: str = ""
    criteria: str = ""
    organisation: str = ""
    status: Status = Status.VALID
    award: Award = Award.DIPLOMA

    def __post_init__(self):
        set_ = object.__setattr__  # frozen: coerce once, here
        set_(self, "modules", tuple(_module(m) for m in self.modules))
        set_(self, "signatories", tuple(_signatory(s) for s in self.signatories))
        set_(self, "status", Status(self.status))
        set_(self, "award", Award(self.award))
        if not self.holder_name or not self.holder_name.strip():
            raise ValueError("a diploma needs the holder's name")
        if not self.programme.strip():
            raise ValueError("a diploma needs the programme's title")
        if self.period_end < self.period_start:
            raise ValueError("the period ends before it starts")
        if urlsplit(self.verification_url).scheme not in ("https", "http"):
            raise ValueError("the verification URL must be an http(s) URL")
        if not self.programme_language or not self.holder_language:
            raise ValueError("both language codes are needed")

    @property
    def bilingual(self) -> bool:
        """True when her language differs from the programme language.

        The diploma then prints a second block in her language: the labels
        through gettext, and the course texts where a translation exists.
        """
        return _base(self.holder_language) != _base(self.programme_language)

    @property
    def revoked(self) -> bool:
        return self.status == Status.REVOKED

    @property
    def certificate(self) -> bool:
        """A continuing-education track's certificate, not a diploma."""
        return self.award == Award.CERTIFICATE


def _base(code: str) -> str:
    return code.replace("_", "-").split("-")[0].lower()


_RTL_LANGUAGES = {"ar", "fa", "ur", "he", "ps", "ckb", "dv", "yi", "ug", "sd"}


def is_rtl_language(code: str) -> bool:
    """Whether a language is written right to left (Arabic, Urdu, Dari...)."""
    return _base(code) in _RTL_LANGUAGES


def text_direction(text: str) -> str:
    """``rtl`` or ``ltr`` from the first strong character (Unicode UAX #9, P2).

    Used for her name, which may be in another script than either language
    block (an Arabic name on a Norwegian diploma, a Latin one in an Arabic
    block).
    """
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return "ltr"


def main_script(text: str) -> str:
    """The script of the first letter: ``arabic``, ``ethiopic``, ``latin``..."""
    for char in text:
        if char.isalpha():
            name = unicodedata.name(char, "")
            return name.split(" ")[0].lower() if name else ""
    return ""
