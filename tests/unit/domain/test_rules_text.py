"""Messages for people: the English text, its template and parameters, translation with a
fallback, and the round trip through event data."""

from __future__ import annotations

import copy
import pickle

from desktop.domain.text import Text, join, restored, stored, t

ZH = {
    "lot {lot} expired on {date}": "批次 {lot} 已于 {date} 过期",
    "in quarantine": "待检",
    "broken {nope}": "坏 {other}",
}


def zh(template: str, *context: str) -> str:
    return ZH.get(template, template)


def test_a_message_is_its_english_text_and_remembers_how_it_was_made() -> None:
    message = t("lot {lot} expired on {date}", lot="K7-0042", date="2026-10-01")
    assert message == "lot K7-0042 expired on 2026-10-01"
    assert isinstance(message, str)
    assert message.template == "lot {lot} expired on {date}"
    assert message.params == {"lot": "K7-0042", "date": "2026-10-01"}


def test_a_message_is_rendered_in_the_station_s_language() -> None:
    message = t("lot {lot} expired on {date}", lot="K7-0042", date="2026-10-01")
    assert message.render(zh) == "批次 K7-0042 已于 2026-10-01 过期"


def test_a_parameter_that_is_a_message_is_translated_too() -> None:
    message = t("lot {lot} expired on {date}", lot=t("in quarantine"), date="today")
    assert message.render(zh) == "批次 待检 已于 today 过期"
    assert str(message) == "lot in quarantine expired on today"


def test_a_broken_translation_falls_back_to_english() -> None:
    message = t("broken {nope}", nope="x")
    assert message.render(zh) == "broken x"
    assert message.render(lambda template, *c: "{0}") == "broken x"  # IndexError
    assert message.render(lambda template, *c: "{") == "broken x"  # ValueError


def test_a_message_survives_copies_and_pickles() -> None:
    message = t("lot {lot} expired on {date}", lot=t("in quarantine"), date="today")
    for again in (copy.deepcopy(message), pickle.loads(pickle.dumps(message))):
        assert type(again) is Text
        assert again == message
        assert again.template == message.template
        assert again.params == message.params
        assert again.render(zh) == message.render(zh)


def test_messages_joined_are_translated_one_by_one() -> None:
    joined = join([t("in quarantine"), "K7-0042"])
    assert joined == "in quarantine; K7-0042"
    assert joined.template == "{p0}; {p1}"
    assert joined.render(zh) == "待检; K7-0042"
    assert join([t("in quarantine"), t("in quarantine")], ", ") == "in quarantine, in quarantine"
    assert join([]) == "" and join([]).template == ""


def test_a_message_in_event_data_and_back() -> None:
    message = t("lot {lot} expired on {date}", lot=t("in quarantine"), date="today")
    data = stored(message)
    assert data == {
        "template": "lot {lot} expired on {date}",
        "params": {"lot": {"template": "in quarantine", "params": {}}, "date": "today"},
    }
    back = restored(data)
    assert type(back) is Text  # no vocabulary stored: a plain message, not a vocabulary's words
    assert back == message and back.template == message.template
    assert isinstance(back.params["lot"], Text)
    assert back.render(zh) == message.render(zh)


def test_plain_values_are_stored_as_they_are_or_as_text() -> None:
    assert stored(None) is None
    assert stored("plain") == "plain"
    assert stored(3) == 3 and stored(2.5) == 2.5 and stored(True) is True
    assert stored(t("{n} units", n=object)) == {
        "template": "{n} units",
        "params": {"n": "<class 'object'>"},
    }


def test_what_cannot_be_restored_falls_back_to_the_english_given() -> None:
    assert restored({"template": "{missing}", "params": {}}, "the English") == "the English"
    assert restored({"template": "{a}", "params": {"a": "x"}}, "x") == "x"
    assert isinstance(restored({"template": "{a}", "params": {"a": "x"}}, "x"), Text)
    # text stored with the message but no longer matching it: the stored English wins
    assert restored({"template": "{a}", "params": {"a": "x"}}, "y") == "y"
    assert type(restored({"template": "{a}", "params": {"a": "x"}}, "y")) is str
    assert restored("plain") == "plain"
    assert restored("plain", "english") == "english"
    assert restored({"no": "template"}) == {"no": "template"}
    assert restored({"template": 7}, "english") == "english"
    assert restored({"template": "ok", "params": None}) == "ok"
