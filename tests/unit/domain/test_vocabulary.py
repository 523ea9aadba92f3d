"""Every vocabulary of the domain has one words table covering every code, and the words follow
the rules: written for people, one meaning per English word inside a vocabulary, and the same
code worded alike wherever it is the same thing."""

from __future__ import annotations

import copy
import importlib
import pickle
import pkgutil
from collections import defaultdict

import pytest

import desktop.domain
from desktop.domain.text import Text, Word, t
from desktop.domain.vocabulary import Vocabulary, tables, words_for, words_of


def _all_vocabularies() -> list[type[Vocabulary]]:
    """Every Vocabulary defined anywhere in desktop.domain (every module imported first)."""
    for info in pkgutil.walk_packages(desktop.domain.__path__, "desktop.domain."):
        importlib.import_module(info.name)
    found: list[type[Vocabulary]] = []
    todo: list[type[Vocabulary]] = list(Vocabulary.__subclasses__())
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo += cls.__subclasses__()
    return sorted(found, key=lambda cls: cls.__name__)


VOCABULARIES = _all_vocabularies()

#: Codes spelt alike in two vocabularies that name different things, so their words differ.
HOMONYMS = {
    # a station kind names a bench: a role is a person's, a service is an event at a customer's
    frozenset({"Role", "StationKind"}),
    frozenset({"EventKind", "StationKind"}),
    frozenset({"ServiceKind", "StationKind"}),
}
#: Vocabularies whose words name their subject ("failed calibration", "calibration overdue"):
#: a device's calibration state is shown on its own, where "failed" alone would say nothing.
WITH_THEIR_SUBJECT = {"CalibrationState"}

#: The vocabularies the database stores (each has a CHECK constraint, see the models).
STORED = {
    "CalibrationResult",
    "DeviceKind",
    "Disposition",
    "EventKind",
    "ItemKind",
    "LinkKind",
    "Meaning",
    "NcrStatus",
    "Outcome",
    "PrintStatus",
    "RecallDisposition",
    "RecallState",
    "RecallStatus",
    "Role",
    "ServiceKind",
    "ShipmentStatus",
    "StationKind",
    "Status",
    "StepKind",
    "TemplateStatus",
    "Tracking",
    "WorkOrderStatus",
}


def test_the_stored_vocabularies_are_all_found() -> None:
    names = {cls.__name__ for cls in VOCABULARIES}
    assert names >= STORED
    assert "Permission" in names


@pytest.mark.parametrize("vocabulary", VOCABULARIES, ids=lambda cls: cls.__name__)
def test_every_code_has_its_words(vocabulary: type[Vocabulary]) -> None:
    table = tables()[vocabulary.__name__]
    assert set(table) == set(vocabulary)
    for member in vocabulary:
        words = member.words
        assert isinstance(words, Word) and words.vocabulary == vocabulary.__name__
        assert words is table[member]
        assert str(words).strip() == str(words) and str(words), member
        assert "_" not in str(words), f"{member!r} is worded as its code: {words!r}"
        assert words.template == str(words) and not words.params  # a literal: translatable


@pytest.mark.parametrize("vocabulary", VOCABULARIES, ids=lambda cls: cls.__name__)
def test_two_codes_of_one_vocabulary_never_read_alike(vocabulary: type[Vocabulary]) -> None:
    seen: dict[str, list[str]] = defaultdict(list)
    for member in vocabulary:
        seen[str(member.words).casefold()].append(member.value)
    assert {w: codes for w, codes in seen.items() if len(codes) > 1} == {}


def test_one_code_is_worded_alike_in_every_vocabulary_that_has_it() -> None:
    """The same state has one English word everywhere ("shipped" of an item, of a shipment
    and of a recalled item), unless the two vocabularies are listed as homonyms."""
    words: dict[str, dict[str, str]] = defaultdict(dict)
    for vocabulary in VOCABULARIES:
        for member in vocabulary:
            words[member.value][vocabulary.__name__] = str(member.words)
    clashes = []
    for code, by_vocabulary in words.items():
        for a in by_vocabulary:
            for b in by_vocabulary:
                alike = by_vocabulary[a] == by_vocabulary[b]
                exempt = frozenset({a, b}) in HOMONYMS or {a, b} & WITH_THEIR_SUBJECT
                if a < b and not alike and not exempt:
                    clashes.append((code, a, by_vocabulary[a], b, by_vocabulary[b]))
    assert clashes == []


def test_codes_are_values_and_compare_as_strings() -> None:
    from desktop.domain.events import EventKind
    from desktop.domain.states import Status

    assert Status.RELEASED == "released" and "released" in {Status.RELEASED}
    assert Status.values()[:2] == ("quarantine", "released")
    assert Status.known("in_process") is Status.IN_PROCESS
    assert Status.known("emptied") is None and Status.known(None) is None
    assert f"{EventKind.LOT_RELEASE}" == "lot_release"


def test_a_table_that_misses_a_code_is_refused() -> None:
    class Colour(Vocabulary):
        RED = "red"
        GREEN = "green"

    with pytest.raises(TypeError, match=r"missing \['green'\]"):
        words_for(Colour, {Colour.RED: t("red")})
    assert "Colour" not in tables()


def test_a_table_with_a_code_of_another_vocabulary_is_refused() -> None:
    from desktop.domain.states import Status

    class Shade(Vocabulary):
        DARK = "dark"

    with pytest.raises(TypeError, match="not of Shade"):
        words_for(Shade, {Shade.DARK: t("dark"), Status.OPEN: t("open")})  # type: ignore[dict-item]


def test_a_second_table_for_one_vocabulary_is_refused() -> None:
    from desktop.domain.states import Status

    with pytest.raises(TypeError, match="has a words table already"):
        words_for(Status, {s: t("x") for s in Status})


def test_words_are_rendered_in_their_vocabularys_context() -> None:
    from desktop.domain.states import Status, WorkOrderStatus

    asked: list[tuple[str, str]] = []

    def translate(template: str, disambiguation: str = "") -> str:
        asked.append((template, disambiguation))
        return {("released", "WorkOrderStatus"): "已下达", ("released", "Status"): "已放行"}.get(
            (template, disambiguation), template
        )

    assert WorkOrderStatus.RELEASED.words.render(translate) == "已下达"
    assert Status.RELEASED.words.render(translate) == "已放行"
    assert asked == [("released", "WorkOrderStatus"), ("released", "Status")]
    broken = Status.IN_PROCESS.words.render(lambda template, d: "{nonsense}")
    assert broken == "in production"  # a broken translation falls back to English


def test_words_inside_a_message_are_translated_with_it() -> None:
    from desktop.domain.states import Status

    message = t("lot {lot} is {status}", lot="L1", status=Status.QUARANTINE.words)
    assert message == "lot L1 is in quarantine"

    def translate(template: str, disambiguation: str = "") -> str:
        return {"lot {lot} is {status}": "批次 {lot}{status}", "in quarantine": "隔离中"}.get(
            template, template
        )

    assert message.render(translate) == "批次 L1隔离中"


def test_words_survive_copies_and_pickles() -> None:
    from desktop.domain.quality import Disposition

    words = Disposition.USE_AS_IS.words
    for again in (copy.deepcopy(words), pickle.loads(pickle.dumps(words))):
        assert isinstance(again, Word) and again == "use as is"
        assert again.vocabulary == "Disposition" and again.template == "use as is"


def test_a_stored_code_in_words() -> None:
    from desktop.domain.distribution import RecallDisposition

    assert words_of(RecallDisposition, "corrected_in_field") == "corrected in the field"
    assert isinstance(words_of(RecallDisposition, "no_action"), Word)
    unknown = words_of(RecallDisposition, "sent_to_moon")
    assert unknown == "sent to moon" and isinstance(unknown, Text)
    assert words_of(RecallDisposition, None) == ""


def _chinese_words() -> dict[tuple[str, str], str]:
    """(English words, vocabulary) -> translation, from the station's Chinese .ts file."""
    import xml.etree.ElementTree as ET
    from pathlib import Path

    ts = Path(__file__).parents[3] / "desktop" / "views" / "i18n" / "lotline_zh_CN.ts"
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        if context.findtext("name") != "services":
            continue
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            if message.findtext("comment") and translation.get("type") is None:
                key = (message.findtext("source") or "", message.findtext("comment") or "")
                found[key] = translation.text or ""
    return found


@pytest.mark.parametrize("vocabulary", VOCABULARIES, ids=lambda cls: cls.__name__)
def test_every_code_has_its_words_in_chinese(vocabulary: type[Vocabulary]) -> None:
    """Run scripts/i18n.py after changing a words table (and add the words to
    desktop/views/i18n/zh_CN.vocabulary.toml)."""
    chinese = _chinese_words()
    for member in vocabulary:
        words = chinese.get((member.words.template, vocabulary.__name__), "")
        assert any("\u4e00" <= c <= "\u9fff" for c in words), (member, words)


def test_one_english_word_may_read_differently_per_vocabulary() -> None:
    chinese = _chinese_words()
    assert chinese[("released", "Status")] == "已放行"
    assert chinese[("released", "WorkOrderStatus")] == "已下达"


def test_words_kept_in_event_data_come_back_with_their_vocabulary() -> None:
    from desktop.domain.states import Status
    from desktop.domain.text import restored, stored

    message = t("unit {serial} is {status}", serial="S1", status=Status.PACKED.words)
    kept = stored(message)
    assert kept["params"]["status"] == {
        "template": "packed",
        "params": {},
        "vocabulary": "Status",
    }
    again = restored(kept, str(message))
    assert again == message and isinstance(again.params["status"], Word)
    assert again.params["status"].vocabulary == "Status"
