"""Check-digit algorithms of the identifiers triage recognises."""

from __future__ import annotations

import re

__all__ = ["digits_only", "is_valid_nir", "is_valid_siren", "is_valid_siret", "luhn_ok"]

_SEPARATORS = re.compile(r"[\s.\-]")
#: La Poste's establishments use a sum-of-digits rule instead of Luhn for their SIRET.
_LA_POSTE_SIREN = "356000000"


def digits_only(text: str) -> str:
    """Remove spaces, dots and dashes."""
    return _SEPARATORS.sub("", text)


def luhn_ok(number: str) -> bool:
    """Return whether a string of digits passes the Luhn (mod 10) check."""
    if not number.isdigit():
        return False
    total = 0
    for index, char in enumerate(reversed(number)):
        digit = int(char)
        if index % 2 == 1:
            digit = digit * 2 - 9 if digit > 4 else digit * 2
        total += digit
    return total % 10 == 0


def is_valid_nir(text: str) -> bool:
    """Check a French NIR: key = 97 - (13-digit number mod 97); Corsica 2A/2B count as 19/18."""
    value = digits_only(text).upper()
    if len(value) != 15:
        return False
    body, key = value[:13], value[13:]
    body = body[:5] + body[5:7].replace("2A", "19").replace("2B", "18") + body[7:]
    if not (body.isdigit() and key.isdigit()):
        return False
    return 97 - int(body) % 97 == int(key)


def is_valid_siren(text: str) -> bool:
    """Check a 9-digit SIREN with Luhn."""
    value = digits_only(text)
    return len(value) == 9 and luhn_ok(value)


def is_valid_siret(text: str) -> bool:
    """Check a 14-digit SIRET with Luhn (sum of digits for La Poste's establishments)."""
    value = digits_only(text)
    if len(value) != 14 or not value.isdigit():
        return False
    if value.startswith(_LA_POSTE_SIREN):
        return sum(int(d) for d in value) % 5 == 0
    return luhn_ok(value)
