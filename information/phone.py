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
from django.utils.translation import pgettext

SEPARATORS = " -"
_SHAPE = re.compile(r"\+?\d+(?:[ -]\d+)*")


def dialled_digits(number):
    """What a phone dials for ``number``: its digits, with a leading ``+`` kept."""
    number = number.strip()
    digits = "".join(ch for ch in number if ch.isascii() and ch.isdigit())
    return ("+" + digits) if number.startswith("+") else digits


def phone_number_problem(number):
    """Why ``number`` cannot be dialled as written, in Swedish; ``None`` when it can."""
    number = number.strip()
    examples = pgettext("admin", "e.g. 020-50 50 50, 112, 116 006 or +46 8 123 456 78")
    odd = sorted(
        {ch for ch in number if not (ch.isascii() and ch.isdigit()) and ch not in SEPARATORS + "+"}
    )
    if odd:
        shown = ", ".join(f"”{ch}”" for ch in odd)
        return pgettext(
            "admin",
            "The phone number contains characters that are not digits: %(characters)s. "
            "Write only digits, spaces and hyphens (%(examples)s).",
        ) % {"characters": shown, "examples": examples}
    if not _SHAPE.fullmatch(number):
        return pgettext(
            "admin",
            "The phone number cannot be dialled as written: a plus sign only first, "
            "and a space or hyphen between the groups of digits (%(examples)s).",
        ) % {"examples": examples}
    digits = dialled_digits(number).lstrip("+")
    if number.startswith("+"):
        if digits.startswith("460"):
            return pgettext(
                "admin",
                "After +46 the zero is dropped: write +46 20 50 50 50, not +46 020 50 50 50.",
            )
        if not 8 <= len(digits) <= 15:
            return pgettext(
                "admin",
                "An international number has 8–15 digits after the plus sign (%(examples)s).",
            ) % {"examples": examples}
        return None
    if digits.startswith("0"):
        if not 8 <= len(digits) <= 10:
            return pgettext(
                "admin",
                "A Swedish number with an area code has 8–10 digits, this one has %(count)s (%(examples)s).",
            ) % {"count": len(digits), "examples": examples}
        return None
    if not 3 <= len(digits) <= 6:
        return pgettext(
            "admin",
            "A number without an area code is a short number of 3–6 digits, such as 112 or 1177. "
            "Write the area code of an ordinary number (%(examples)s).",
        ) % {"examples": examples}
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
