"""Errors of the label layer. Every message says what was wrong and what to do about it."""

from __future__ import annotations


class LabelError(ValueError):
    """A label could not be made from this input (bad template, data or field value)."""


class TemplateError(LabelError):
    """A template is unknown, or its JSON is not a valid template."""


class LabelDoesNotFit(LabelError):
    """The data does not fit the template at the chosen resolution (nothing is ever clipped)."""


class LabelVerifyError(LabelError):
    """A rendered label did not decode to exactly the intended UDI: it must not be printed."""
