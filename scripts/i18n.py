#!/usr/bin/env python3
"""Keep the station's translations true: extract every tr() string from desktop/views with
pyside6-lupdate, fill the .ts file from the reviewed dictionary desktop/views/i18n/<lang>.toml,
and compile the .qm file with pyside6-lrelease.

Service texts (``t("...")`` in desktop/services, desktop/domain and desktop/reports: the
printed reports read the same translations, desktop/reports/language.py) go to the context
"services"; the words of a vocabulary (a ``words_for(Vocabulary, {...})`` table of
desktop/domain) go there too, with the vocabulary's name as the disambiguation, and are
translated from <lang>.vocabulary.toml, one [Vocabulary] table each.

    .venv/bin/python scripts/i18n.py            # update .ts and .qm for every language
    .venv/bin/python scripts/i18n.py --check    # exit 1 when a string has no translation
"""

from __future__ import annotations

import ast
import subprocess
import sys
import tempfile
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VIEWS = ROOT / "desktop" / "views"
I18N = VIEWS / "i18n"
LANGUAGES = ("zh_CN",)
BIN = Path(sys.executable).parent


def lupdate(ts: Path) -> None:
    sources = sorted(str(p) for p in VIEWS.glob("*.py"))
    subprocess.run(
        [str(BIN / "pyside6-lupdate"), *sources, "-no-obsolete", "-ts", str(ts)],
        check=True,
        capture_output=True,
    )


SERVICE_SOURCES = tuple(ROOT / "desktop" / name for name in ("services", "domain", "reports"))
SERVICE_CONTEXT = "services"  # desktop/views/words.py looks the templates up here


def _literal_t(node: ast.AST) -> str | None:
    """The template of a ``t("...")`` call with a literal template, else None."""
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "t"
        and node.args
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    ):
        return node.args[0].value
    return None


def _words_tables(tree: ast.AST, path: Path) -> list[tuple[str, ast.Dict]]:
    """Every ``words_for(Vocabulary, {...})`` of a module: (vocabulary name, its table)."""
    tables = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "words_for"
        ):
            if len(node.args) != 2 or not isinstance(node.args[0], ast.Name):
                raise SystemExit(f"{path}:{node.lineno}: write words_for(Vocabulary, {{...}})")
            if not isinstance(node.args[1], ast.Dict):
                raise SystemExit(f"{path}:{node.lineno}: a words table is a literal dict")
            tables.append((node.args[0].id, node.args[1]))
    return tables


def _sources() -> list[tuple[Path, ast.AST]]:
    return [
        (path, ast.parse(path.read_text(encoding="utf-8")))
        for folder in SERVICE_SOURCES
        for path in sorted(folder.rglob("*.py"))
    ]


def vocabulary_words() -> list[tuple[str, str]]:
    """(English words, vocabulary name) of every value of every words table."""
    found: set[tuple[str, str]] = set()
    for path, tree in _sources():
        for name, table in _words_tables(tree, path):
            for value in table.values:
                template = _literal_t(value)
                if template is None:
                    raise SystemExit(f'{path}:{value.lineno}: words are t("...") literals')
                found.add((template, name))
    return sorted(found)


def service_templates() -> list[str]:
    """Every literal template of a ``t("...")`` call in the services and the domain, except
    the words of a vocabulary (``vocabulary_words``)."""
    found: set[str] = set()
    for path, tree in _sources():
        words = {id(v) for _, table in _words_tables(tree, path) for v in table.values}
        for node in ast.walk(tree):
            template = _literal_t(node)
            if template is not None and id(node) not in words:
                found.add(template)
    return sorted(found)


def add_service_context(ts: Path) -> None:
    """Append the service templates to the .ts file as the context "services"."""
    tree = ET.parse(ts)
    root = tree.getroot()
    for old in [c for c in root.findall("context") if c.findtext("name") == SERVICE_CONTEXT]:
        root.remove(old)
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = SERVICE_CONTEXT
    for template in service_templates():
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = template
        ET.SubElement(message, "translation", {"type": "unfinished"})
    for template, vocabulary in vocabulary_words():
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = template
        ET.SubElement(message, "comment").text = vocabulary  # Qt's disambiguation
        ET.SubElement(message, "translation", {"type": "unfinished"})
    tree.write(ts, encoding="utf-8", xml_declaration=True)


def _load(path: Path) -> dict[str, str]:
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    return {str(k): str(v) for k, v in data.get("strings", {}).items()}


def _vocabularies(path: Path) -> dict[str, dict[str, str]]:
    """<lang>.vocabulary.toml: one table per vocabulary, "English words" = "translation"."""
    if not path.exists():
        return {}
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    return {
        f"{SERVICE_CONTEXT}|{name}": {str(k): str(v) for k, v in table.items()}
        for name, table in data.items()
    }


def dictionary(language: str) -> dict[str, dict[str, str]]:
    """The reviewed translations by context: <lang>.toml for the screens' own strings,
    <lang>.services*.toml for the service templates (the same English word may need another
    translation there: a hold "released" is not a lot "released"), and <lang>.vocabulary.toml
    for the words of each vocabulary ("services|<Vocabulary>")."""
    services: dict[str, str] = {}
    for path in sorted(I18N.glob(f"{language}.services*.toml")):
        services |= _load(path)
    return {
        "": _load(I18N / f"{language}.toml"),
        SERVICE_CONTEXT: services,
        **_vocabularies(I18N / f"{language}.vocabulary.toml"),
    }


def fill(ts: Path, dictionaries: dict[str, dict[str, str]]) -> list[str]:
    """Put the dictionary's translations into the .ts; return the sources it lacks."""
    tree = ET.parse(ts)
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            vocabulary = message.findtext("comment") if name == SERVICE_CONTEXT else None
            if vocabulary:
                words = dictionaries.get(f"{SERVICE_CONTEXT}|{vocabulary}", {})
                where = f"{name} ({vocabulary})"
            else:
                words = dictionaries[SERVICE_CONTEXT if name == SERVICE_CONTEXT else ""]
                where = name
            translation = message.find("translation")
            assert translation is not None
            if source in words:
                translation.text = words[source]
                translation.attrib.pop("type", None)
            else:
                missing.append(f"{where}: {source}")
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return sorted(set(missing))


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True
    )


def main() -> int:
    check = "--check" in sys.argv
    status = 0
    for language in LANGUAGES:
        words = dictionary(language)
        if check:
            with tempfile.TemporaryDirectory() as tmp:
                ts = Path(tmp) / "check.ts"
                lupdate(ts)
                add_service_context(ts)
                missing = fill(ts, words)
        else:
            ts = I18N / f"lotline_{language}.ts"
            lupdate(ts)
            add_service_context(ts)
            missing = fill(ts, words)
            lrelease(ts, I18N / f"lotline_{language}.qm")
        for source in missing:
            print(f"{language}: no translation for {source!r}")
        status |= bool(missing)
    return status


if __name__ == "__main__":
    sys.exit(main())
