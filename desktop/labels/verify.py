"""Verify before print: decode the rendered label with zxing-cpp and compare with the UDI.

The GS1 DataMatrix must read ``]d2`` followed by exactly the element string (an MA code's plain
DataMatrix ``]d1`` followed by exactly its text); each GS1-128 must
read ``]C1`` followed by exactly its part (the whole UDI, the UDI-DI (01), or the rest). Any
other result refuses the label, with the reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import zxingcpp
from PIL import Image

from desktop.domain.udi import ComposedCode
from desktop.labels.gs1 import join_pairs
from desktop.labels.raster import to_image

_FORMATS = zxingcpp.BarcodeFormats(
    [zxingcpp.BarcodeFormat.DataMatrix, zxingcpp.BarcodeFormat.Code128]
)
_NAMES = {"]d": "DataMatrix", "]C": "GS1-128"}


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    reasons: tuple[str, ...]
    decoded: tuple[tuple[str, str], ...]  # (AIM symbology identifier, decoded text with GS)
    source: str = ""  # what was decoded, e.g. "PDF rasterised at 300 dpi"


def decode(image: Image.Image) -> tuple[tuple[str, str], ...]:
    """Every DataMatrix and Code 128 symbol in ``image``: (AIM identifier, content)."""
    found = zxingcpp.read_barcodes(image, formats=_FORMATS)
    return tuple((r.symbology_identifier, bytes(r.bytes).decode("latin-1")) for r in found)


def shown(text: str) -> str:
    return text.replace("\x1d", "<GS>")


def verify_label(
    png_or_pdf_image: bytes | Image.Image,
    intended: ComposedCode,
    expected: Sequence[tuple[str, str]] | None = None,
    dpi: int = 300,
    source: str = "",
) -> VerifyResult:
    """Decode a PNG, a PDF (rasterised at ``dpi``) or an image and compare with ``intended``.

    ``expected`` is the exact list of (AIM id, data) the label must hold (a Plan's
    ``expected``); without it, one ]d2 with the element string and any GS1-128 holding the
    whole UDI, its UDI-DI or its UDI-PI are accepted.
    """
    decoded = decode(to_image(png_or_pdf_image, dpi))
    if expected is None:
        reasons = _generic_reasons(decoded, intended)
    else:
        reasons = _exact_reasons(decoded, list(expected))
    return VerifyResult(not reasons, tuple(reasons), decoded, source)


def _exact_reasons(
    decoded: tuple[tuple[str, str], ...], expected: list[tuple[str, str]]
) -> list[str]:
    missing = list(expected)
    unmatched: list[tuple[str, str]] = []
    for symbol in decoded:
        if symbol in missing:
            missing.remove(symbol)
        else:
            unmatched.append(symbol)
    reasons: list[str] = []
    for aim, data in missing:
        name = _NAMES[aim[:2]]
        same_kind = [d for d in unmatched if d[0][:2] == aim[:2]]
        if same_kind:
            unmatched.remove(same_kind[0])
            got_aim, got = same_kind[0]
            reasons.append(f"{name} reads {got_aim} '{shown(got)}', expected {aim} '{shown(data)}'")
        else:
            reasons.append(f"no {name} could be read; expected {aim} '{shown(data)}'")
    reasons.extend(f"unexpected symbol {aim} '{shown(data)}'" for aim, data in unmatched)
    return reasons


def _generic_reasons(decoded: tuple[tuple[str, str], ...], intended: ComposedCode) -> list[str]:
    if intended.scheme != "GS1":  # an MA code: one plain DataMatrix with exactly its text
        return _exact_reasons(decoded, [("]d1", intended.element_string)])
    pairs = intended.pairs
    expected = [("]d2", intended.element_string)]
    linear = [d for d in decoded if d[0][:2] == "]C"]
    allowed = {join_pairs(pairs)}
    if pairs and pairs[0][0] == "01":
        allowed |= {join_pairs(pairs[:1]), join_pairs(pairs[1:])}
    expected += [d for d in linear if d[0] == "]C1" and d[1] in allowed]
    reasons = _exact_reasons(decoded, expected)
    datas = [d[1] for d in expected[1:]]
    if len(set(datas)) != len(datas):
        reasons.append("the same GS1-128 is printed twice")
    if pairs and join_pairs(pairs[1:]) in datas and join_pairs(pairs[:1]) not in datas:
        reasons.append("the GS1-128 with the UDI-PI has no GS1-128 with the UDI-DI beside it")
    return reasons
