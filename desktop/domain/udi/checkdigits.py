"""Check characters: GS1 mod 10 (GTIN, SSCC, GLN) and HIBC mod 43 (REFERENCE 1.4 and 1.9)."""

from __future__ import annotations

HIBC_CHARSET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. $/+%"
"""The Code 39 set in HIBC value order: digits 0-9, letters 10-35, then - . space $ / + %."""

_HIBC_VALUE = {char: value for value, char in enumerate(HIBC_CHARSET)}
_HIBC_MAX_DATA = 110  # characters between '+' and the check character (zint hibc())


def gs1_check_digit(digits: str) -> str:
    """The GS1 mod-10 check digit for ``digits`` (the code without its check digit).

    Weights run 3, 1, 3, 1 ... from the rightmost digit leftwards; one routine serves
    GTIN-8/12/13/14, SSCC-18 and GLN-13.

    >>> gs1_check_digit("0950600013435")
    '2'
    """
    if not digits or not digits.isascii() or not digits.isdigit():
        raise ValueError(f"check digit needs digits only, got {digits!r}")
    total = 0
    for position, char in enumerate(reversed(digits)):
        total += int(char) * (3 if position % 2 == 0 else 1)
    return str((10 - total % 10) % 10)


def is_valid_check_digit(code: str) -> bool:
    """True when the last digit of ``code`` is its GS1 mod-10 check digit.

    False (never an exception) for anything that is not at least two ASCII digits.
    """
    if len(code) < 2 or not code.isascii() or not code.isdigit():
        return False
    return gs1_check_digit(code[:-1]) == code[-1]


#: The GS1 keys a person types or a file gives, and their lengths.
KEY_LENGTHS: dict[str, tuple[int, ...]] = {
    "GLN": (13,),
    "GTIN": (8, 12, 13, 14),
    "SSCC": (18,),
}


def key_problem(kind: str, value: str) -> str | None:
    """What is wrong with a GS1 key (``kind`` GLN, GTIN or SSCC) as entered, or None.

    >>> key_problem("GLN", "9506000000017")
    'GLN "9506000000017" has a wrong check digit (the last digit should be 5)'
    """
    lengths = KEY_LENGTHS[kind]
    if not value.isascii() or not value.isdigit() or len(value) not in lengths:
        shown = " or ".join(str(n) for n in lengths)
        return f'{kind} "{value}" must be {shown} digits'
    expected = gs1_check_digit(value[:-1])
    if expected != value[-1]:
        return f'{kind} "{value}" has a wrong check digit (the last digit should be {expected})'
    return None


def sscc_from(prefix_and_serial: str) -> str:
    """The 18-digit SSCC for 17 digits (extension, company prefix, serial reference)."""
    if len(prefix_and_serial) != 17 or not prefix_and_serial.isdigit():
        raise ValueError(
            f"an SSCC needs 17 digits before its check digit, got {prefix_and_serial!r}"
        )
    return prefix_and_serial + gs1_check_digit(prefix_and_serial)


def make_sscc(extension: str, company_prefix: str, serial_ref: str) -> str:
    """The SSCC (AI 00) from its parts: extension digit, GS1 company prefix, serial reference.

    The company prefix (usually 6-12 digits) and the serial reference together make 16 digits.
    """
    if len(extension) != 1 or not extension.isdigit():
        raise ValueError(f"the SSCC extension is one digit 0-9, got {extension!r}")
    for name, part in (("company prefix", company_prefix), ("serial reference", serial_ref)):
        if not part or not part.isascii() or not part.isdigit():
            raise ValueError(f"the SSCC {name} must be digits, got {part!r}")
    if len(company_prefix) + len(serial_ref) != 16:
        raise ValueError(
            f"company prefix {company_prefix!r} and serial reference {serial_ref!r} must "
            f"together be 16 digits, got {len(company_prefix) + len(serial_ref)}"
        )
    return sscc_from(extension + company_prefix + serial_ref)


def hibc_check_character(data: str) -> str:
    """The HIBC mod-43 check character of ``data``, which starts with the '+' flag.

    The sum runs over every character including the leading '+' (zint starts at 41, the value
    of '+'). The result may be a space, '+', '$', '/', '%', '-' or '.': never strip it.

    >>> hibc_check_character("+A123BJC5D6E71")
    'G'
    """
    if not data.startswith("+"):
        raise ValueError(f"HIBC data starts with the '+' flag character, got {data!r}")
    if len(data) - 1 > _HIBC_MAX_DATA:
        raise ValueError(f"HIBC data holds at most {_HIBC_MAX_DATA} characters after '+'")
    total = 0
    for char in data:
        value = _HIBC_VALUE.get(char)
        if value is None:
            raise ValueError(f"{char!r} is not an HIBC (Code 39) character in {data!r}")
        total += value
    return HIBC_CHARSET[total % 43]
