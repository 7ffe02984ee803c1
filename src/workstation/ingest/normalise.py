"""Rules that turn identifiers as written into one key per entity.

The rules are data (regular expressions in the syntax shared by Python's ``re``
and DuckDB's RE2), so the importer applies them in SQL over a whole staging
table while :func:`normalise_key` applies the very same rules to one value, for
example a number typed into a search box.

A value is first trimmed, loses an optional literal prefix, loses every
character matched by ``strip`` and is upper-cased when asked; then the first
``rewrites`` pattern that matches the whole value gives the key. When rules have
rewrites and none matches, the value is invalid.

>>> phone_key("+86 138-0013-8000"), phone_key("0086 13800138000")
('+8613800138000', '+8613800138000')
>>> phone_key("8613800138000"), phone_key("13800138000")
('+8613800138000', '+8613800138000')
>>> plate_key(" 粤b 12345 ")
'粤B12345'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

#: Whitespace as exported by spreadsheets, including no-break and ideographic space.
WHITESPACE = "[ \t\r\n\f\v\u00a0\u3000]"
TRIM_PATTERN = f"^{WHITESPACE}+|{WHITESPACE}+$"
DIGIT_PATTERN = "[0-9]"
NON_DIGIT_PATTERN = "[^0-9]"

DEFAULT_COUNTRY_CODE = "86"
#: National numbers (mobile included) have at most this many digits; a longer
#: number that starts with the country code already carries it.
NATIONAL_DIGITS = 11
MIN_PHONE_DIGITS = 5
MAX_PHONE_DIGITS = 15  # ITU-T E.164

KINDS = ("phone", "plate", "id", "text")

#: A long number a spreadsheet wrote in scientific notation (``1.10101E+17``):
#: its last digits are lost and cannot be told from the value.
ROUNDED_NUMBER = (
    "^[0-9]+[.]?[0-9]*[eE][+][0-9]+$",
    "is a long number a spreadsheet rounded and wrote in scientific notation, so "
    "its last digits are lost; format the column as text in the workbook, enter "
    "the numbers again and export the file again",
)


@dataclass(frozen=True)
class KeyRules:
    """How one kind of identifier becomes a key.

    Attributes:
        kind: ``phone``, ``plate``, ``id`` or ``text``.
        strip: pattern of characters removed everywhere ("" for none).
        upper: upper-case the value.
        rewrites: ``(pattern, replacement)`` pairs; the first pattern matching
            the whole value rewrites it (``\\1`` refers to a group).
        invalid_reason: why a value no rewrite matches is rejected.
        refuse: ``(pattern, reason)`` pairs; a value whose cleaned text a
            pattern matches whole is rejected for that reason.
        min_digits: fewer digits than this (before rewriting) is rejected.
        max_digits: more digits than this (after rewriting) is rejected.
        prefix: a literal prefix removed when present (e.g. ``N`` of ``N18``).
        trim: pattern removed first (leading and trailing whitespace).
    """

    kind: str
    strip: str = ""
    upper: bool = False
    rewrites: tuple[tuple[str, str], ...] = ()
    invalid_reason: str = ""
    refuse: tuple[tuple[str, str], ...] = ()
    min_digits: int = 0
    max_digits: int = 0
    prefix: str = ""
    trim: str = TRIM_PATTERN


def phone_rules(
    country_code: str = DEFAULT_COUNTRY_CODE, national_digits: int = NATIONAL_DIGITS
) -> KeyRules:
    """Rules giving ``+<country code><number>`` for phone numbers.

    Numbers written with ``+`` or ``00`` keep their own country code; numbers
    that start with a single ``0`` (a national trunk prefix) are kept as
    written, since the digits after it cannot be told apart from a mobile
    number; other numbers get ``country_code`` unless they are longer than
    ``national_digits`` and already start with it.

    Args:
        country_code: digits of the default country code (86 for China).
        national_digits: the most digits a national number has.

    Returns:
        The rules for :func:`normalise_key` and the SQL loader.
    """
    if not country_code.isdigit() or not 1 <= len(country_code) <= 3:
        raise ValueError(f"country code {country_code!r} must be 1 to 3 digits")
    with_code = max(national_digits + 1 - len(country_code), 1)
    return KeyRules(
        kind="phone",
        strip=f"{WHITESPACE}|[-.()]",
        rewrites=(
            (r"^\+([0-9]+)$", r"+\1"),
            (r"^00([0-9]+)$", r"+\1"),
            (r"^(0[0-9]*)$", r"\1"),
            (f"^({country_code}[0-9]{{{with_code},}})$", r"+\1"),
            (r"^([0-9]+)$", f"+{country_code}\\1"),
        ),
        invalid_reason=(
            "has characters a phone number cannot have (only digits, spaces, "
            "dashes, dots, parentheses and a leading + are allowed)"
        ),
        refuse=(ROUNDED_NUMBER,),
        min_digits=MIN_PHONE_DIGITS,
        max_digits=MAX_PHONE_DIGITS,
    )


PLATE_RULES = KeyRules(kind="plate", strip=f"{WHITESPACE}|[-·•]", upper=True)
ID_RULES = KeyRules(kind="id", strip=WHITESPACE, upper=True, refuse=(ROUNDED_NUMBER,))
TEXT_RULES = KeyRules(kind="text")


def rules_for(
    kind: str, *, country_code: str = DEFAULT_COUNTRY_CODE, prefix: str = ""
) -> KeyRules:
    """The rules of one normalisation kind, with an optional prefix to drop.

    Args:
        kind: one of :data:`KINDS`.
        country_code: used by ``phone``.
        prefix: literal prefix removed from keys that start with it.

    Returns:
        The matching :class:`KeyRules`.
    """
    if kind == "phone":
        rules = phone_rules(country_code)
    elif kind == "plate":
        rules = PLATE_RULES
    elif kind == "id":
        rules = ID_RULES
    elif kind == "text":
        rules = TEXT_RULES
    else:
        raise ValueError(f"unknown normalisation {kind!r}; use one of {KINDS}")
    if prefix:
        rules = replace(rules, prefix=prefix)
    return rules


def _cleaned(value: str | None, rules: KeyRules) -> str | None:
    """Trim, drop the prefix, strip characters and upper-case; None when empty."""
    if value is None:
        return None
    text = re.sub(rules.trim, "", value)
    if rules.prefix and text.startswith(rules.prefix):
        text = text[len(rules.prefix) :]
    if rules.strip:
        text = re.sub(rules.strip, "", text)
    if rules.upper:
        text = text.upper()
    return text or None


def _rewritten(text: str, rules: KeyRules) -> str | None:
    if not rules.rewrites:
        return text
    for pattern, replacement in rules.rewrites:
        if re.fullmatch(pattern, text):
            return re.sub(pattern, replacement, text, count=1)
    return None


def normalise_key(value: str | None, rules: KeyRules) -> str | None:
    """The key of one value, or None when it is empty or invalid.

    Args:
        value: the text as written.
        rules: the kind's rules (see :func:`rules_for`).

    Returns:
        The key, or None.

    >>> normalise_key(" N18 ", rules_for("text", prefix="N"))
    '18'
    """
    text = _cleaned(value, rules)
    if text is None:
        return None
    key = _rewritten(text, rules)
    if key is None or key_problem(value, rules) is not None:
        return None
    return key


def key_problem(value: str | None, rules: KeyRules) -> str | None:
    """Why a non-empty value cannot become a key, or None when it can.

    An empty value is no problem here; whether it is allowed is the spec's
    business.

    Args:
        value: the text as written.
        rules: the kind's rules.

    Returns:
        The reason text, or None.

    >>> key_problem("12", phone_rules())
    'has too few digits (2; at least 5)'
    """
    text = _cleaned(value, rules)
    if text is None:
        return None
    for pattern, reason in rules.refuse:
        if re.fullmatch(pattern, text):
            return reason
    key = _rewritten(text, rules)
    if key is None:
        return rules.invalid_reason
    digits = len(re.findall(DIGIT_PATTERN, text))
    if rules.min_digits and digits < rules.min_digits:
        return f"has too few digits ({digits}; at least {rules.min_digits})"
    key_digits = len(re.findall(DIGIT_PATTERN, key))
    if rules.max_digits and key_digits > rules.max_digits:
        added = key_digits - digits
        code = f", {key_digits} with the country code" if added > 0 else ""
        return f"has too many digits ({digits}{code}; at most {rules.max_digits})"
    return None


def phone_key(
    value: str | None, country_code: str = DEFAULT_COUNTRY_CODE
) -> str | None:
    """The key of a phone number (``+8613800138000``), or None when invalid.

    Args:
        value: the number as written or typed.
        country_code: default country code for numbers written without one.

    Returns:
        The key, or None.
    """
    return normalise_key(value, phone_rules(country_code))


def plate_key(value: str | None) -> str | None:
    """The key of a vehicle plate: upper case, no spaces, dashes or dots.

    Args:
        value: the plate as written.

    Returns:
        The key, or None when empty.
    """
    return normalise_key(value, PLATE_RULES)
