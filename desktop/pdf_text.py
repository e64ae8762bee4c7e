"""The PDFs Wattprint writes (the handout, the weekly report): an A4 writer into memory, and Chinese that reads back.

Qt's PDF writer tells readers which character each glyph stands for (the font's ToUnicode map) by taking the lowest
code point that maps to the glyph. CJK fonts give a radical and the character of the same shape one glyph (U+2F47
KANGXI RADICAL SUN and U+65E5 日), so the radical wins: copied or searched text read "⽇" for "日" and "⻋" for "车".
`mend_text` rewrites those entries to the character of the same glyph before the file is written: every entry keeps
its length, so no offset in the file moves. A radical standing alone is never in our text: nothing true is changed.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QRawFont

from wattprint.desktop import i18n

_RADICALS = (range(0x2E80, 0x2EF4), range(0x2F00, 0x2FD6))  # CJK Radicals Supplement, Kangxi Radicals
_HAN = (range(0x4E00, 0xA000), range(0x3400, 0x4DC0))  # unified ideographs and extension A, first found first
_CMAP = re.compile(rb"begincmap(.*?)endcmap", re.S)
_BLOCK = re.compile(rb"begin(bfrange|bfchar)(.*?)end\1", re.S)
_CODE = re.compile(rb"<([0-9A-Fa-f]{4})>")


def _is_radical(code: int) -> bool:
    return any(code in block for block in _RADICALS)


@cache
def radical_characters() -> dict[int, int]:
    """Each radical code point -> the character drawn with the same glyph in the Chinese font (NFKC where none)."""
    table: dict[int, int] = {}
    for block in _RADICALS:
        for code in block:
            same = unicodedata.normalize("NFKC", chr(code))
            if same != chr(code) and len(same) == 1:
                table[code] = ord(same)
    families = [f for f in i18n.HAN_FONTS.get("zh_CN", ()) if QRawFont.fromFont(QFont(f)).familyName() == f]
    if families:
        raw = QRawFont.fromFont(QFont(families[0]))
        han = "".join(chr(code) for block in _HAN for code in block)
        by_glyph: dict[int, int] = {}
        for char, glyph in zip(han, raw.glyphIndexesForString(han), strict=True):
            if glyph:
                by_glyph.setdefault(glyph, ord(char))
        radicals = [chr(code) for block in _RADICALS for code in block]
        for char, glyph in zip(radicals, raw.glyphIndexesForString("".join(radicals)), strict=True):
            if glyph in by_glyph:
                table[ord(char)] = by_glyph[glyph]
    return table


def _mend_code(match: re.Match[bytes], table: dict[int, int]) -> bytes:
    code = int(match.group(1), 16)
    if _is_radical(code) and code in table:
        return b"<%04X>" % table[code]
    return match.group(0)


def _mend_line(kind: bytes, line: bytes, table: dict[int, int]) -> bytes:
    """One line of a bfchar (`<glyph> <char>`) or bfrange (`<first> <last> <char>` or `... [<char> ...]`) block."""
    codes = list(_CODE.finditer(line))
    if kind == b"bfrange" and b"[" in line:
        targets = [c for c in codes if c.start() > line.index(b"[")]
    elif kind == b"bfrange" and len(codes) == 3 and codes[0].group(1).lower() == codes[1].group(1).lower():
        targets = codes[2:]  # a range of one glyph (a run of several would need an array: left as written)
    elif kind == b"bfchar" and len(codes) == 2:
        targets = codes[1:]
    else:
        targets = []
    for code in reversed(targets):
        line = line[: code.start()] + _mend_code(code, table) + line[code.end():]
    return line


def _mend_block(kind: bytes, body: bytes, table: dict[int, int]) -> bytes:
    return b"\n".join(_mend_line(kind, line, table) for line in body.split(b"\n"))


def mend_text(pdf: bytes, table: dict[int, int] | None = None) -> bytes:
    """`pdf` with the radicals in its ToUnicode maps read as the characters they are drawn for (same length)."""
    table = radical_characters() if table is None else table

    def one_cmap(found: re.Match[bytes]) -> bytes:
        body = _BLOCK.sub(lambda b: b"begin" + b.group(1) + _mend_block(b.group(1), b.group(2), table) + b"end"
                          + b.group(1), found.group(1))
        return b"begincmap" + body + b"endcmap"

    mended = _CMAP.sub(one_cmap, pdf)
    return mended if len(mended) == len(pdf) else pdf


def a4(title: str, margin_mm: float, *, landscape: bool = False) -> tuple[QBuffer, QPdfWriter]:
    """An A4 PDF writer at 150 dpi into memory, titled, made by Wattprint; `pdf_bytes(buffer)` once it is painted."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    if landscape:
        writer.setPageOrientation(QPageLayout.Orientation.Landscape)
    writer.setPageMargins(QMarginsF(margin_mm, margin_mm, margin_mm, margin_mm), QPageLayout.Unit.Millimeter)
    writer.setResolution(150)
    writer.setTitle(title)
    writer.setCreator("Wattprint")
    return buffer, writer


def pdf_bytes(buffer: QBuffer) -> bytes:
    """The PDF painted into `buffer`, its Chinese text mended (`mend_text`): the bytes of the file to write."""
    return mend_text(bytes(buffer.data().data()))


__all__ = ["a4", "mend_text", "pdf_bytes", "radical_characters"]
