"""Declaring a vocabulary's words table: what ``words_for`` makes of it (the words carry the
template, parameters and vocabulary name) and that the table cannot be changed afterwards."""

from __future__ import annotations

import pytest

from desktop.domain.text import Word, t
from desktop.domain.vocabulary import Vocabulary, tables, words_for


def test_a_declared_table_gives_each_code_its_words() -> None:
    class Flavour(Vocabulary):
        SWEET = "sweet"
        SOUR = "sour"

    made = words_for(Flavour, {Flavour.SWEET: t("sweet"), Flavour.SOUR: t("{x} sour", x="very")})
    assert set(made) == {Flavour.SWEET, Flavour.SOUR}
    sour = made[Flavour.SOUR]
    assert type(sour) is Word
    assert (str(sour), sour.template, sour.params, sour.vocabulary) == (
        "very sour",
        "{x} sour",
        {"x": "very"},
        "Flavour",
    )
    assert Flavour.SOUR.words is sour
    assert tables()["Flavour"][Flavour.SWEET] == "sweet"
    with pytest.raises(TypeError):
        made[Flavour.SWEET] = t("bitter")  # type: ignore[index]
