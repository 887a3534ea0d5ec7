"""Phone numbers a visitor can dial: checked when saved, dialled exactly as shown.

A number on a support page is read by someone in danger and tapped on a phone. A typo
such as ``020-50 50 5O`` (letter O) used to be published and dialled as the digits that
remained, so the validator accepts only what a ``tel:`` link dials: digits, with spaces
and hyphens between groups for reading, and a leading ``+`` for an international number.
Because nothing else may appear, the number shown and the number dialled are the same
digits (``tel_uri`` drops only the spaces and hyphens).

Accepted forms (Swedish numbering plan, PTS):

- national numbers with the trunk prefix 0: 8–10 digits, e.g. ``020-50 50 50``,
  ``08-123 456 78``, ``0123-45 67 00``;
- short numbers without it: 3–6 digits, e.g. ``112``, ``114 14``, ``116 006``, ``1177``,
  ``90000``;
- international numbers: ``+`` then 8–15 digits (E.164), e.g. ``+46 8 123 456 78``;
  after ``+46`` the trunk 0 is dropped (``+46 20 50 50 50``, not ``+46 020 …``).
"""

import re

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible

SEPARATORS = " -"
EXAMPLES = "t.ex. 020-50 50 50, 112, 116 006 eller +46 8 123 456 78"
_SHAPE = re.compile(r"\+?\d+(?:[ -]\d+)*")


def dialled_digits(number):
    """What a phone dials for ``number``: its digits, with a leading ``+`` kept."""
    number = number.strip()
    digits = "".join(ch for ch in number if ch.isascii() and ch.isdigit())
    return ("+" + digits) if number.startswith("+") else digits


def phone_number_problem(number):
    """Why ``number`` cannot be dialled as written, in Swedish; ``None`` when it can."""
    number = number.strip()
    odd = sorted({ch for ch in number if not (ch.isascii() and ch.isdigit()) and ch not in SEPARATORS + "+"})
    if odd:
        shown = ", ".join(f"”{ch}”" for ch in odd)
        return (
            f"Telefonnumret innehåller tecken som inte är siffror: {shown}. "
            f"Skriv bara siffror, mellanslag och bindestreck ({EXAMPLES})."
        )
    if not _SHAPE.fullmatch(number):
        return (
            "Telefonnumret kan inte slås så som det är skrivet: ett plustecken bara först, "
            f"och ett mellanslag eller bindestreck mellan siffergrupperna ({EXAMPLES})."
        )
    digits = dialled_digits(number).lstrip("+")
    if number.startswith("+"):
        if digits.startswith("460"):
            return "Efter +46 tas nollan bort: skriv +46 20 50 50 50, inte +46 020 50 50 50."
        if not 8 <= len(digits) <= 15:
            return f"Ett internationellt nummer har 8–15 siffror efter plustecknet ({EXAMPLES})."
        return None
    if digits.startswith("0"):
        if not 8 <= len(digits) <= 10:
            return (
                f"Ett svenskt nummer med riktnummer har 8–10 siffror, detta har {len(digits)} ({EXAMPLES})."
            )
        return None
    if not 3 <= len(digits) <= 6:
        return (
            "Ett nummer utan riktnummer är ett kortnummer på 3–6 siffror, som 112 eller 1177. "
            f"Skriv riktnumret för ett vanligt nummer ({EXAMPLES})."
        )
    return None


@deconstructible
class PhoneNumberValidator:
    """Model-field validator: a number a phone dials exactly as shown (module docstring)."""

    code = "invalid_phone_number"

    def __call__(self, value):
        problem = phone_number_problem(value or "")
        if problem:
            raise ValidationError(problem, code=self.code)

    def __eq__(self, other):
        return isinstance(other, PhoneNumberValidator)


validate_phone_number = PhoneNumberValidator()
