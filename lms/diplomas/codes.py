"""The verification code printed on a diploma.

A person reads it off paper and types it on a phone, so it uses Douglas
Crockford's Base32 alphabet (https://www.crockford.com/base32.html): digits
and upper-case letters without I, L, O and U. When decoding, Crockford's rules
are applied: case is ignored, I and L are read as 1, O as 0, and hyphens (and
here any spaces or dashes) are ignored.

A code is 27 random symbols (27 x 5 = 135 bits from `secrets`, so it cannot
be guessed or enumerated) and one check symbol, printed in seven groups of
four: ``7KQ2-M9XH-...``. The check symbol (Luhn mod 32) catches every single
mistyped symbol and most swapped neighbours before a lookup is made, so the
verification page can say "check what you typed" instead of "not found".
"""

import secrets
import unicodedata

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
BITS_PER_SYMBOL = 5  # log2(len(ALPHABET))
RANDOM_SYMBOLS = 27
RANDOM_BITS = RANDOM_SYMBOLS * BITS_PER_SYMBOL  # 135
CODE_SYMBOLS = RANDOM_SYMBOLS + 1  # plus the check symbol
GROUP_SIZE = 4
SEPARATOR = "-"

# Crockford's decoding rules: read the letters people confuse with digits.
_CONFUSABLE = {"I": "1", "L": "1", "O": "0"}
_MAX_INPUT = 200  # longer input is not a code; do not even look at it


class InvalidCode(ValueError):
    """The text cannot be a verification code (wrong length, symbol or check)."""


def _check_symbol(payload: str) -> str:
    """The Luhn mod N check symbol (N = 32) over the payload symbols."""
    n = len(ALPHABET)
    total = 0
    factor = 2
    for symbol in reversed(payload):
        addend = factor * ALPHABET.index(symbol)
        total += addend // n + addend % n
        factor = 1 if factor == 2 else 2
    return ALPHABET[(n - total % n) % n]


def _group(symbols: str) -> str:
    return SEPARATOR.join(
        symbols[i : i + GROUP_SIZE] for i in range(0, len(symbols), GROUP_SIZE)
    )


def new_code() -> str:
    """A fresh verification code, e.g. ``7KQ2-M9XH-0F3B-...`` (seven groups).

    135 random bits from `secrets` (Crockford Base32, 5 bits a symbol) plus a
    Luhn mod 32 check symbol. The result is already in the canonical form
    that `normalise_code` returns, so it can be stored and compared as is.
    """
    payload = "".join(secrets.choice(ALPHABET) for _ in range(RANDOM_SYMBOLS))
    return _group(payload + _check_symbol(payload))


def normalise_code(text: str) -> str:
    """The canonical form of a code as a person typed it, or `InvalidCode`.

    Follows Crockford's decoding rules: lower case is accepted, I and L are
    read as 1 and O as 0, and spaces, hyphens and other dashes anywhere are
    ignored. Full-width forms and non-Latin decimal digits (such as Arabic-
    Indic ٣, which an Arabic or Urdu phone keyboard may type) are read as the
    digits they are. The check symbol must match.
    """
    if not isinstance(text, str) or len(text) > _MAX_INPUT:
        raise InvalidCode("not a verification code")
    symbols = []
    for char in unicodedata.normalize("NFKC", text):
        category = unicodedata.category(char)
        if char.isspace() or category == "Pd" or category.startswith("C"):
            continue
        if category == "Nd":
            char = str(unicodedata.digit(char))
        char = char.upper()
        char = _CONFUSABLE.get(char, char)
        if len(char) != 1 or char not in ALPHABET:
            raise InvalidCode("a verification code has no such symbol")
        symbols.append(char)
    if len(symbols) != CODE_SYMBOLS:
        raise InvalidCode(f"a verification code has {CODE_SYMBOLS} symbols")
    payload, check = "".join(symbols[:-1]), symbols[-1]
    if _check_symbol(payload) != check:
        raise InvalidCode("the verification code was mistyped")
    return _group(payload + check)
