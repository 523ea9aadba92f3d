"""docs/guide/: a page per role and for plant IT, and every screenshot or page a guide links to
exists (a guide shows only screens the program has)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

GUIDES = Path(__file__).resolve().parents[3] / "docs" / "guide"
PAGES = ("operator", "qc", "packaging", "receiving", "shipping", "supervisor", "admin", "plant-it")


def test_every_role_has_its_page() -> None:
    for page in PAGES:
        assert (GUIDES / f"{page}.md").is_file(), page
    index = (GUIDES / "README.md").read_text(encoding="utf-8")
    assert all(f"({page}.md)" in index for page in PAGES)
    assert "(../data-model.md)" in index


@pytest.mark.parametrize("page", sorted(GUIDES.glob("*.md")), ids=lambda p: p.name)
def test_every_link_of_a_guide_exists(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    targets = re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text)
    assert targets, page.name
    missing = [t for t in targets if not (page.parent / t).exists()]
    assert not missing, f"{page.name} links to {missing}"
