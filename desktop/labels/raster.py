"""Images to decode: PNG bytes as they are, PDF pages rasterised with poppler's pdftoppm."""

from __future__ import annotations

import io
import shutil
import subprocess

from PIL import Image

from desktop.labels.errors import LabelError

PDF_MAGIC = b"%PDF"


def pdftoppm_path() -> str | None:
    """Where poppler's pdftoppm is, or None (Debian: apt-get install poppler-utils)."""
    return shutil.which("pdftoppm")


def rasterise_pdf(pdf: bytes, dpi: int) -> Image.Image:
    """The first page of ``pdf`` as a greyscale image at ``dpi``."""
    tool = pdftoppm_path()
    if tool is None:
        raise LabelError(
            "cannot rasterise the PDF: pdftoppm is not installed "
            "(install poppler-utils, e.g. `apt-get install poppler-utils`)"
        )
    done = subprocess.run(
        [tool, "-r", str(dpi), "-gray", "-png", "-singlefile", "-aa", "no", "-aaVector", "no", "-"],
        input=pdf,
        capture_output=True,
        timeout=60,
        check=False,
    )
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip()
        raise LabelError(f"pdftoppm could not rasterise the PDF: {message}")
    return Image.open(io.BytesIO(done.stdout))


def to_image(data: bytes | Image.Image, dpi: int = 300) -> Image.Image:
    """A decodable image from PNG (or other image) bytes, PDF bytes, or an image."""
    if isinstance(data, Image.Image):
        return data
    if data.startswith(PDF_MAGIC):
        return rasterise_pdf(data, dpi)
    return Image.open(io.BytesIO(data))
