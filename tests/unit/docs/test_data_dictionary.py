"""docs/data-model.md is what the models say (regenerate with scripts/data_dictionary.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_data_dictionary_matches_the_models() -> None:
    spec = importlib.util.spec_from_file_location("dd", ROOT / "scripts" / "data_dictionary.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    written = (ROOT / "docs" / "data-model.md").read_text(encoding="utf-8")
    assert written == module.render(), "run: .venv/bin/python scripts/data_dictionary.py"
