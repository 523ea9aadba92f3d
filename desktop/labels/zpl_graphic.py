"""Text as a ZPL graphic field (^GF): for Chinese text on printers without a CJK font.

The text is drawn with the CJK font at the label's dot size, one bit per dot (no greys: a
thermal printer prints dots), and sent as ^GFA with Zebra's ASCII compression: a run of one hex
digit is written as count letters before it (G-Y = 1-19, g-z = 20-400), "," ends a row with
zeros and ":" repeats the row above (ZPL II manual, ^GF and "ASCII hexadecimal compression").
"""

from __future__ import annotations

from dataclasses import dataclass

from PIL import Image, ImageDraw

from desktop.labels.fonts import cjk_image_font, ink_box, text_width
from desktop.labels.items import Text


@dataclass(frozen=True)
class Bitmap:
    """A text drawn in dots: ``image`` (mode "1", 0 = dark) placed ``dx, dy`` from the cell."""

    dx: int
    dy: int
    image: Image.Image


def text_bitmap(item: Text) -> Bitmap:
    """The CJK text of ``item`` as the dots a printer prints, covering its whole ink."""
    left, top, right, bottom = ink_box(item.text, item.size)
    width = max(int(text_width(item.text, item.size) + 0.999), right)
    x0, y0 = min(0, left), min(0, top)
    x1, y1 = max(width, right), max(item.size, bottom)
    image = Image.new("1", (x1 - x0, y1 - y0), 1)
    draw = ImageDraw.Draw(image)
    draw.fontmode = "1"  # no anti-aliasing: every dot is on or off
    baseline = round(item.baseline) - y0
    draw.text((-x0, baseline), item.text, font=cjk_image_font(item.size), fill=0, anchor="ls")
    return Bitmap(x0, y0, image)


def graphic_field(image: Image.Image) -> str:
    """^GFA,total,total,row bytes,data for a mode "1" image (0 = dark printed as a dot)."""
    row_bytes = (image.width + 7) // 8
    rows = [_row_hex(image, y, row_bytes) for y in range(image.height)]
    total = row_bytes * image.height
    data: list[str] = []
    previous = None
    for row in rows:
        data.append(":" if row == previous else compress_row(row))
        previous = row
    return f"^GFA,{total},{total},{row_bytes},{''.join(data)}"


def _row_hex(image: Image.Image, y: int, row_bytes: int) -> str:
    bits = [1 if image.getpixel((x, y)) == 0 else 0 for x in range(image.width)]
    bits += [0] * (row_bytes * 8 - len(bits))
    values = (int("".join(map(str, bits[n : n + 8])), 2) for n in range(0, len(bits), 8))
    return "".join(f"{value:02X}" for value in values)


def compress_row(row: str) -> str:
    """One row of hex digits in Zebra's ASCII compression (trailing zeros as ",")."""
    body = row.rstrip("0")
    if not body:
        return ","
    out: list[str] = []
    start = 0
    while start < len(body):
        end = start
        while end < len(body) and body[end] == body[start]:
            end += 1
        count = end - start
        out.append((_count(count) if count > 1 else "") + body[start])
        start = end
    if len(body) < len(row):
        out.append(",")
    return "".join(out)


def _count(count: int) -> str:
    letters = ""
    while count > 400:
        letters += "z"
        count -= 400
    if count >= 20:
        letters += chr(ord("g") + count // 20 - 1)
        count %= 20
    if count:
        letters += chr(ord("G") + count - 1)
    return letters


def expand_graphic(data: str, row_bytes: int, rows: int) -> list[str]:
    """The hex rows of ASCII-compressed ^GF data (the reverse of graphic_field's encoding)."""
    width = 2 * row_bytes
    out: list[str] = []
    line, count = "", 0
    for char in data:
        if "G" <= char <= "Y":
            count += ord(char) - ord("G") + 1
            continue
        if "g" <= char <= "z":
            count += 20 * (ord(char) - ord("g") + 1)
            continue
        if char == ",":
            line = line.ljust(width, "0")
        elif char == ":":
            line = out[-1] if out else "0" * width
        else:
            line += char * max(count, 1)
            count = 0
        if len(line) >= width:
            out.append(line[:width])
            line = ""
    return out[:rows]
