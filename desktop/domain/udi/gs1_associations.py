"""GS1 AI association rules: mandatory companions, invalid pairs, Digital Link keys.

The rules are those of the GS1 General Specifications as the GS1 Barcode Syntax Dictionary
records them (its ``req``, ``ex``, ``dlpkey`` attributes and ``?`` flag), written here as our
own tables, grouped by rule. Notation:

- a key names AIs: "10 11 13", or a range "3100-3105";
- a requirement is alternatives separated by "|", each alternative AIs joined by "+": "01|8006"
  means (01) or (8006); "01+21|03+21" means (01) with (21), or (03) with (21); an AI with
  several requirements must satisfy each of them;
- a pattern ends in "n" wildcards: "310n" is any of 3100-3109, "31nn" any AI 3100-3199.

Evaluation follows the syntax engine (REFERENCE 1.1): an AI never counts as its own companion
and never excludes itself (a repeated AI is checked elsewhere), and the rules apply to the data
of all symbols of one item together.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache


def expand(key: str) -> list[str]:
    """The AIs a table key names: "10 11" -> ["10", "11"], "3100-3102" -> 3100, 3101, 3102."""
    out: list[str] = []
    for part in key.split():
        low, dash, high = part.partition("-")
        if dash:
            out.extend(str(n).zfill(len(low)) for n in range(int(low), int(high) + 1))
        else:
            out.append(part)
    return out


Alternative = tuple[str, ...]  # AIs or patterns that must all be present
Requirement = tuple[Alternative, ...]  # one alternative suffices

_TRADE = "01|02|03|8006|8026"
_MEASURE_TRADE = " ".join(
    f"3{n}0-3{n}5" for n in (10, 11, 12, 13, 14, 15, 16, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29)
)
_MEASURE_TRADE += " 3500-3505 3510-3515 3520-3525 3560-3565 3570-3575"
_MEASURE_TRADE += " 3600-3605 3610-3615 3640-3645 3650-3655 3660-3665"
_MEASURE_LOGISTIC = " ".join(
    f"3{n}0-3{n}5" for n in (30, 31, 32, 33, 34, 35, 36, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49)
)
_MEASURE_LOGISTIC += " 3530-3535 3540-3545 3550-3555 3620-3625 3630-3635"
_MEASURE_LOGISTIC += " 3670-3675 3680-3685 3690-3695"
_SHIP_TO = (
    "403 4300 4301 4302 4304 4305 4306 4307 4308 4309 4310 4311 4312 4314 4315 4316 4317 "
    "4318 4319 4320 4321 4322 4323 4324 4325 4326 4330 4331 4332 4333 7041"
)
_PRICE_BASIS = "30|31nn|32nn|35nn|36nn"

# AIs -> their mandatory associations (each listed requirement must be met).
REQUIRES: dict[str, tuple[str, ...]] = {
    "02 8026": ("37",),
    "10 11 13 15 16 20 240 241 422": (_TRADE,),
    "12 3910-3919 415": ("8020",),
    "17": ("01|02|03|255|8006|8026",),
    "21 251 7021 8012": ("01|03|8006",),
    "22 235 3370-3375 710-717 8001 8014 8200": ("01",),
    "242 7001": ("01|02|8006|8026",),
    "243": ("01|03",),
    "250": ("01+21|03+21|8006+21",),
    "254": ("414",),
    "30 7002 7005-7009 7030-7039 8005 " + _MEASURE_TRADE: ("01|02",),
    _MEASURE_LOGISTIC: ("00|01",),
    "37": ("00+02|00+8026",),
    "3900-3909": ("255|8020",),
    "3920-3929": ("01+30|01+31nn|01+32nn|01+35nn|01+36nn",),
    "3930-3939 3950-3955": (_PRICE_BASIS,),
    "3940-3943 8111": ("255",),
    _SHIP_TO: ("00",),
    "423 424 425 426 7003 7010 7011 8008": ("01|02|03",),
    "427": ("01+422|02+422|03+422",),
    "4303": ("4302",),
    "4313": ("4312",),
    "7004": ("01+10|03+10",),
    "7020": ("01+416|03+416|8006+416",),
    "7022": ("01+7021|03+7021|8006+7021",),
    "7230-7239": ("01|8004",),
    "7240": ("01|8006",),
    "7241 7242 7253 7254 7255 7256 8019": ("8017|8018",),
    "7250 7251 7252 7257 7259": ("8018",),
    "7258": ("8018+7259",),
    "8007 8020": ("415",),
    "8009": ("00|01|03",),
    "8011": ("8010",),
    "8030": ("00|01+21|03+21|253|255|8003|8004|8006+21|8010+8011|8017|8018",),
    "8040": ("01+21",),
    "8041 8042 8043": ("01+21+8040",),
}

# AIs -> AIs or patterns they may not appear with.
EXCLUDES: dict[str, tuple[str, ...]] = {
    "01": ("255", "37"),
    "02": ("01", "03"),
    "03": ("01", "02", "37", "235"),
    "21": ("235",),
    "255": ("01", "02", "415", "8006", "8020", "8026"),
    "3900-3909": ("390n", "391n", "394n", "8111"),
    "3910-3919": ("391n",),
    "3920-3929": ("392n", "393n"),
    "3930-3939": ("393n",),
    "3940-3943": ("394n", "8111"),
    "3950-3955": ("392n", "393n", "395n", "8005"),
    "420": ("421",),
    "421": ("4307",),
    "422 423 424 425": ("426",),
    "4330": ("4331",),
    "4331": ("4330",),
    "4332": ("4333",),
    "4333": ("4332",),
    "7240": ("03",),
    "7250": ("7251",),
    "7251": ("7250",),
    "7253 7254 7255": ("7256", "7259"),
    "7259": ("7256",),
    "8006": ("01", "03", "37"),
    "8017": ("8018",),
    "8018": ("8017",),
    "8026": ("02", "03", "8006"),
}
# Every measure AI (31nn-36nn with the decimal digit last) excludes its own family: one net
# weight (310n) per item, one length (311n), and so on.
MEASURE_FAMILIES = f"{_MEASURE_TRADE} {_MEASURE_LOGISTIC} 3370-3375"

# GS1 Digital Link primary keys -> their key-qualifier sequences (alternatives; each an ordered
# list of optional qualifiers). A key with () takes no qualifier.
DL_PRIMARY_KEYS: dict[str, tuple[tuple[str, ...], ...]] = {
    "00": (),
    "01": (("22", "10", "21"), ("235",)),
    "253": (),
    "255": (),
    "401": (),
    "402": (),
    "414": (("254",), ("7040",)),
    "415": (("8020",),),
    "417": (("7040",),),
    "8003": (),
    "8004": (("7040",),),
    "8006": (("22", "10", "21"),),
    "8010": (("8011",),),
    "8013": (),
    "8017": (("8019",),),
    "8018": (("8019",),),
}

# Known AIs that may not be Digital Link data attributes (query parameters); every other AI
# may. Key qualifiers are among them: they belong in the path.
NOT_DL_ATTRIBUTES = frozenset(
    expand("03 21 22 235 254 7040 7041 8011 8014 8019 8020 8040-8043 8200")
)


def _alternatives(text: str) -> Requirement:
    return tuple(tuple(alt.split("+")) for alt in text.split("|"))


@lru_cache(maxsize=1)
def requirement_table() -> Mapping[str, tuple[Requirement, ...]]:
    """AI -> its requirements, expanded from REQUIRES."""
    table: dict[str, tuple[Requirement, ...]] = {}
    for key, requirements in REQUIRES.items():
        for ai in expand(key):
            table[ai] = table.get(ai, ()) + tuple(_alternatives(r) for r in requirements)
    return table


@lru_cache(maxsize=1)
def exclusion_table() -> Mapping[str, tuple[str, ...]]:
    """AI -> the AIs and patterns it may not appear with, expanded from EXCLUDES."""
    table: dict[str, tuple[str, ...]] = {}
    for key, excluded in EXCLUDES.items():
        for ai in expand(key):
            table[ai] = table.get(ai, ()) + excluded
    for ai in expand(MEASURE_FAMILIES):
        table[ai] = (*table.get(ai, ()), ai[:3] + "n")
    return table


def matches(pattern: str, ai: str) -> bool:
    """True when ``ai`` is ``pattern`` or fits it ("310n" fits 3103; "31nn" fits 3125)."""
    if len(pattern) != len(ai):
        return False
    fixed = pattern.rstrip("n")
    rest = ai[len(fixed) :]
    return ai.startswith(fixed) and (not rest or rest.isdigit())


def _present(pattern: str, present: Iterable[str], itself: str) -> str | None:
    return next((ai for ai in present if ai != itself and matches(pattern, ai)), None)


@dataclass(frozen=True)
class Unmet:
    """``ai`` lacks every alternative of one of its requirements."""

    ai: str
    requirement: Requirement
    missing: Alternative  # what the closest alternative still lacks


@dataclass(frozen=True)
class Clash:
    """``ai`` and ``other`` may not appear together."""

    ai: str
    other: str


def unmet_requirements(present: Iterable[str]) -> list[Unmet]:
    """Every requirement of an AI in ``present`` that no alternative satisfies, in order."""
    ais = list(dict.fromkeys(present))
    table = requirement_table()
    unmet: list[Unmet] = []
    for ai in ais:
        for requirement in table.get(ai, ()):
            lacking = [tuple(p for p in alt if not _present(p, ais, ai)) for alt in requirement]
            if all(lacking):
                closest = min(lacking, key=len)
                unmet.append(Unmet(ai, requirement, closest))
    return unmet


def clashes(present: Iterable[str]) -> list[Clash]:
    """Every invalid pair among ``present`` (each pair reported once, first AI first)."""
    ais = list(dict.fromkeys(present))
    table = exclusion_table()
    found: list[Clash] = []
    seen: set[frozenset[str]] = set()
    for ai in ais:
        for pattern in table.get(ai, ()):
            for other in ais:
                pair = frozenset((ai, other))
                if other != ai and matches(pattern, other) and pair not in seen:
                    seen.add(pair)
                    found.append(Clash(ai, other))
    return found


def describe_requirement(requirement: Requirement) -> str:
    """Human words for a requirement: "(01)", "one of (01), (03)", "(01) with (21), or ..."."""
    words = [" with ".join(_shown(p) for p in alt) for alt in requirement]
    if len(words) == 1:
        return words[0]
    if all(len(alt) == 1 for alt in requirement):
        return "one of " + ", ".join(words)
    return ", or ".join(words)


def _shown(pattern: str) -> str:
    if pattern.endswith("n"):
        fixed = pattern.rstrip("n")
        return f"({fixed}{'x' * (len(pattern) - len(fixed))})"
    return f"({pattern})"


def is_dl_attribute(ai: str) -> bool:
    """True when a known AI ``ai`` may be a GS1 Digital Link data attribute (query)."""
    return ai not in NOT_DL_ATTRIBUTES


def is_dl_primary_key(ai: str) -> bool:
    return ai in DL_PRIMARY_KEYS


def valid_dl_path(path: Iterable[str]) -> bool:
    """True when the AIs of a Digital Link path are a primary key and its qualifiers in order.

    The qualifiers are an ordered subset of one of the key's alternative sequences: /01/22/10/21,
    /01/10, /01/21, /01/235 are valid; /01/10/22 and /01/22/235 are not.
    """
    ais = list(path)
    if not ais or ais[0] not in DL_PRIMARY_KEYS:
        return False
    qualifiers = ais[1:]
    if not qualifiers:
        return True
    return any(_ordered_subset(qualifiers, seq) for seq in DL_PRIMARY_KEYS[ais[0]])


def _ordered_subset(items: list[str], sequence: tuple[str, ...]) -> bool:
    position = 0
    for item in items:
        try:
            position = sequence.index(item, position) + 1
        except ValueError:
            return False
    return True
