"""Declaring a vocabulary's words table: what ``words_for`` makes of it (the words carry the
template, parameters and vocabulary name) and that the table cannot be changed afterwards."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from desktop.domain.text import Word, t
from desktop.domain.vocabulary import Vocabulary, tables, words_for


def test_a_declared_table_gives_each_code_its_words() -> None:
    name = f"Flavour{uuid.uuid4().hex[:8]}"  # a vocabulary has one table: a new one each run
    flavour: Any = Vocabulary(name, {"SWEET": "sweet", "SOUR": "sour"})  # type: ignore[call-arg]
    made = words_for(flavour, {flavour.SWEET: t("sweet"), flavour.SOUR: t("{x} sour", x="very")})
    assert set(made) == {flavour.SWEET, flavour.SOUR}
    sour = made[flavour.SOUR]
    assert type(sour) is Word
    assert (str(sour), sour.template, sour.params, sour.vocabulary) == (
        "very sour",
        "{x} sour",
        {"x": "very"},
        name,
    )
    assert flavour.SOUR.words is sour
    assert tables()[name][flavour.SWEET] == "sweet"
    with pytest.raises(TypeError):
        made[flavour.SWEET] = t("bitter")  # type: ignore[index]


def test_a_table_with_codes_missing_and_foreign_names_them() -> None:
    from desktop.domain.states import Status

    name = f"Texture{uuid.uuid4().hex[:8]}"
    texture: Any = Vocabulary(name, {"SOFT": "soft", "HARD": "hard"})  # type: ignore[call-arg]
    with pytest.raises(TypeError) as refused:
        words_for(texture, {texture.SOFT: t("soft"), Status.OPEN: t("open")})
    assert str(refused.value) == (
        f"words table of {name}: missing ['hard'], not of {name}: ['open']"
    )
    assert name not in tables()
