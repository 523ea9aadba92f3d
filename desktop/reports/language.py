"""The fixed words of a report in a person's language: a Qt-free lookup of ``t("...")`` templates.

A report writes its headings, column headers and sentences as ``t("...")`` templates and renders
them with a ``translate`` function: ``english`` gives them back unchanged, ``translator("zh_CN")``
looks them up in the station's translation file desktop/views/i18n/lotline_zh_CN.ts (context
"services"; a vocabulary's words by its name as disambiguation). That file is what
scripts/i18n.py makes from the reviewed zh_CN.services*.toml and zh_CN.vocabulary.toml, and it is
shipped in the wheel and the installer beside the .qm the station loads, so the printed record
and the screens say the same words. It is read as XML (no Qt here); nothing of desktop.views is
imported. A template without a translation is printed in English.
"""

from __future__ import annotations

import logging
import xml.etree.ElementTree as ET
from functools import lru_cache
from pathlib import Path

from desktop.domain.text import Translate

log = logging.getLogger("lotline.reports")

#: The station's translation files (data beside the screens; read, never imported).
I18N = Path(__file__).resolve().parent.parent / "views" / "i18n"
ENGLISH = "en"
_CONTEXT = "services"  # scripts/i18n.py puts the t() templates and vocabulary words here


def english(template: str, disambiguation: str = "") -> str:
    """The template as written: the English report."""
    return template


@lru_cache(maxsize=4)
def _table(language: str) -> dict[tuple[str, str], str]:
    """(template, vocabulary or "") -> translation, from lotline_<language>.ts; {} when absent."""
    path = I18N / f"lotline_{language}.ts"
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        log.warning("no translation file for %s (%s): the report is in English", language, exc)
        return {}
    found: dict[tuple[str, str], str] = {}
    for context in root.iter("context"):
        if context.findtext("name") != _CONTEXT:
            continue
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") or not translation.text:
                continue  # unfinished, vanished or obsolete: English
            source = message.findtext("source") or ""
            found[(source, message.findtext("comment") or "")] = translation.text
    return found


def translator(language: str) -> Translate:
    """The lookup for ``language`` (a code of ``desktop.config.LANGUAGES``)."""
    if language == ENGLISH:
        return english
    table = _table(language)

    def translate(template: str, disambiguation: str = "") -> str:
        return table.get((template, disambiguation or ""), template)

    return translate


__all__ = ["ENGLISH", "english", "translator"]
