"""The closed vocabularies (statuses, kinds, outcomes, dispositions, roles, meanings): codes and
the one table of words for people that each of them has.

A vocabulary is a ``Vocabulary`` enum: a ``StrEnum`` whose members are the codes the database
stores (``Status.RELEASED == "released"``), so a stored row needs no migration and a member is
a ``str`` wherever a string is expected. Services, views, reports and the CLI compare members,
never string literals.

Each vocabulary has exactly one words table, declared beside it with ``words_for``:

    class NcrStatus(Vocabulary):
        OPEN = "open"
        ...

    words_for(NcrStatus, {NcrStatus.OPEN: t("open"), ...})

``NcrStatus.OPEN.words`` is then a translatable ``Text``. Its translation is looked up with the
vocabulary's name as the Qt disambiguation (scripts/i18n.py collects the tables with it), so the
same English word may be translated differently in two vocabularies: a work order "released"
(下达) is not a lot "released" (放行). ``words_for`` refuses, at import, a table that misses a
member or names a code of another vocabulary.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType
from typing import Self, TypeVar

from desktop.domain.text import Text, Word, t


class Vocabulary(StrEnum):
    """A closed set of codes, stored as their values, each with its words (``.words``)."""

    @property
    def words(self) -> Word:
        """This value in words for people, translatable (from its vocabulary's one table)."""
        return _TABLES[type(self).__name__][self]

    @classmethod
    def values(cls) -> tuple[str, ...]:
        """Every code, in declaration order (for CHECK constraints and help texts)."""
        return tuple(member.value for member in cls)

    @classmethod
    def known(cls, code: str | None) -> Self | None:
        """The member whose code is ``code``, or None when it is not one of them."""
        if code is None:
            return None
        try:
            return cls(code)
        except ValueError:
            return None


V = TypeVar("V", bound=Vocabulary)

_TABLES: dict[str, Mapping[Vocabulary, Word]] = {}


def words_for(vocabulary: type[V], table: Mapping[V, Text]) -> Mapping[V, Word]:
    """Declare ``vocabulary``'s one words table; refuse one that misses or adds a code."""
    name = vocabulary.__name__
    if name in _TABLES:
        raise TypeError(f"{name} has a words table already: a vocabulary has one")
    missing = [m.value for m in vocabulary if m not in table]
    foreign = [str(k) for k in table if not isinstance(k, vocabulary)]
    if missing or foreign:
        raise TypeError(f"words table of {name}: missing {missing}, not of {name}: {foreign}")
    words = {member: Word(text.template, text.params, name) for member, text in table.items()}
    frozen: Mapping[V, Word] = MappingProxyType(words)
    _TABLES[name] = frozen  # type: ignore[assignment]
    return frozen


def words_of(vocabulary: type[Vocabulary], code: str | None) -> Text:
    """A stored code in words: its vocabulary's words, or the code itself when it is unknown
    (a value recorded by an older version, read back from event data)."""
    member = vocabulary.known(code)
    if member is not None:
        return member.words
    return t("{code}", code=(code or "").replace("_", " "))


def tables() -> dict[str, Mapping[Vocabulary, Word]]:
    """Every words table declared so far, by vocabulary name (for tests and the translators)."""
    return dict(_TABLES)
