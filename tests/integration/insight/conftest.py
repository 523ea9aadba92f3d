"""Fixtures of the dashboard tests: the workflow tests' in-memory label printer."""

from tests.integration.workflows.conftest import printer

__all__ = ["printer"]
