#!/usr/bin/env python3
"""Keep the station's translations true: extract every tr() string from desktop/views with
pyside6-lupdate, fill the .ts file from the reviewed dictionary desktop/views/i18n/<lang>.toml,
and compile the .qm file with pyside6-lrelease.

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


SERVICE_SOURCES = (ROOT / "desktop" / "services", ROOT / "desktop" / "domain")
SERVICE_CONTEXT = "services"  # desktop/views/words.py looks the templates up here


def service_templates() -> list[str]:
    """Every literal template of a ``t("...")`` call in the services and the domain."""
    found: set[str] = set()
    for folder in SERVICE_SOURCES:
        for path in folder.rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Name)
                    and node.func.id == "t"
                    and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)
                ):
                    found.add(node.args[0].value)
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
    tree.write(ts, encoding="utf-8", xml_declaration=True)


def _load(path: Path) -> dict[str, str]:
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    return {str(k): str(v) for k, v in data.get("strings", {}).items()}


def dictionary(language: str) -> dict[str, dict[str, str]]:
    """The reviewed translations by context: <lang>.toml for the screens' own strings, and
    <lang>.services*.toml for the service templates (the same English word may need another
    translation there: a hold "released" is not a lot "released")."""
    services: dict[str, str] = {}
    for path in sorted(I18N.glob(f"{language}.services*.toml")):
        services |= _load(path)
    return {"": _load(I18N / f"{language}.toml"), SERVICE_CONTEXT: services}


def fill(ts: Path, dictionaries: dict[str, dict[str, str]]) -> list[str]:
    """Put the dictionary's translations into the .ts; return the sources it lacks."""
    tree = ET.parse(ts)
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        words = dictionaries[SERVICE_CONTEXT if name == SERVICE_CONTEXT else ""]
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            assert translation is not None
            if source in words:
                translation.text = words[source]
                translation.attrib.pop("type", None)
            else:
                missing.append(f"{name}: {source}")
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
