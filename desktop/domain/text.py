"""Text for people that can be shown in another language.

Services write messages in English (the audit trail keeps that text). ``t(template, **params)``
makes such a message: it *is* the English string (a ``str``), and it also carries its template
and parameters, so a station set to another language can look the template up in its
translation file and fill in the same parameters. A parameter may itself be a ``Text`` (a status
word, a step name) and is translated the same way.

    message = t("lot {lot} expired on {date}: take a lot within date", lot="K7-0042", date=d)
    str(message) == "lot K7-0042 expired on 2026-10-01: take a lot within date"

The words of a vocabulary value (a status, a kind: ``desktop.domain.vocabulary``) are a
``Word``: a Text translated with its vocabulary's name as the disambiguation, so the same English
word may have two translations ("released" of a work order and of a lot).

scripts/i18n.py collects every ``t("...")`` template for the translators.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, cast

#: A translation lookup: ``translate(template)``, or ``translate(template, disambiguation)``.
Translate = Callable[..., str]


class Text(str):
    """An English message that remembers how it was made."""

    template: str
    params: Mapping[str, Any]

    def __new__(cls, template: str, params: Mapping[str, Any]) -> Text:
        made = super().__new__(cls, template.format(**params))
        made.template = template
        made.params = dict(params)
        return made

    def __reduce__(self) -> tuple[Any, ...]:
        """Copies and pickles (dataclasses.asdict, deepcopy) rebuild the same message."""
        return (Text, (self.template, dict(self.params)))

    def render(self, translate: Translate) -> str:
        """This message in the language ``translate`` gives (template -> template)."""
        values = {k: _render(v, translate) for k, v in self.params.items()}
        wanted = self._look_up(translate)
        try:
            return wanted.format(**values)
        except (KeyError, IndexError, ValueError):  # a broken translation: fall back to English
            return self.template.format(**values)

    def _look_up(self, translate: Translate) -> str:
        return translate(self.template)


class Word(Text):
    """The words of one vocabulary value, translated in its vocabulary's context."""

    vocabulary: str

    def __new__(cls, template: str, params: Mapping[str, Any], vocabulary: str = "") -> Word:
        made = cast(Word, super().__new__(cls, template, params))
        made.vocabulary = vocabulary
        return made

    def __reduce__(self) -> tuple[Any, ...]:
        return (Word, (self.template, dict(self.params), self.vocabulary))

    def _look_up(self, translate: Translate) -> str:
        return translate(self.template, self.vocabulary)


def _render(value: Any, translate: Translate) -> Any:
    return value.render(translate) if isinstance(value, Text) else value


def t(template: str, **params: Any) -> Text:
    """A message for people: ``template`` is English with ``{name}`` fields."""
    return Text(template, params)


def join(parts: list[Text | str], separator: str = "; ") -> Text:
    """Several messages as one (each translated on its own)."""
    fields = {f"p{i}": part for i, part in enumerate(parts)}
    return Text(separator.join("{" + name + "}" for name in fields), fields)


def stored(value: Any) -> Any:
    """A message as event data (JSON): a Text keeps its template and parameters."""
    if isinstance(value, Text):
        made: dict[str, Any] = {
            "template": value.template,
            "params": {k: stored(v) for k, v in value.params.items()},
        }
        if isinstance(value, Word):
            made["vocabulary"] = value.vocabulary
        return made
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def restored(value: Any, english: Any = None) -> Any:
    """A message stored by ``stored`` as a Text again; ``english`` when that fails."""
    if isinstance(value, dict) and isinstance(value.get("template"), str):
        try:
            params = {k: restored(v) for k, v in dict(value.get("params") or {}).items()}
            vocabulary = value.get("vocabulary")
            made = (
                Word(value["template"], params, vocabulary)
                if isinstance(vocabulary, str)
                else Text(value["template"], params)
            )
        except (KeyError, IndexError, ValueError, TypeError):
            return english
        return made if english is None or str(made) == str(english) else english
    return value if english is None else english
