"""The PDF text layer's radicals are read as the characters drawn with them, and nothing else in the file moves."""

from __future__ import annotations

import pytest

from wattprint.desktop import pdf_text

# A ToUnicode map as Qt's PDF writer lays it out: one array range, a range of one glyph, a run of several, one char.
CMAP = (
    b"1 0 obj\n<< /Length 99 >>\nstream\n/CIDInit /ProcSet findresource begin\nbegincmap\n"
    b"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n3 beginbfrange\n"
    b"<0001> <0004> [<2F47> <4E2D> <2ECB> <2F00>]\n<0005> <0005> <2F54>\n<0006> <0007> <2F08>\nendbfrange\n"
    b"1 beginbfchar\n<2F47> <2EDA>\nendbfchar\nendcmap\nendstream\nendobj\n"
)


@pytest.mark.usefixtures("qapp")
def test_radicals_become_the_characters_of_the_same_glyph() -> None:
    table = pdf_text.radical_characters()
    assert table[0x2F47] == ord("日")  # KANGXI RADICAL SUN
    assert table[0x2ECB] == ord("车")  # CJK RADICAL C-SIMPLIFIED CART: no decomposition, found by its glyph
    assert table[0x2EDA] == ord("页")
    for code in range(0x2F00, 0x2FD6):  # every Kangxi radical has a character
        assert code in table, hex(code)
        assert not 0x2E80 <= table[code] <= 0x2FDF


@pytest.mark.usefixtures("qapp")
def test_mend_keeps_length_and_changes_only_destinations() -> None:
    mended = pdf_text.mend_text(CMAP)
    assert len(mended) == len(CMAP)
    assert b"[<65E5> <4E2D> <8F66> <4E00>]" in mended
    assert b"<0005> <0005> <6C34>" in mended  # a range of one glyph
    assert b"<0006> <0007> <2F08>" in mended  # a run: its next glyph would read as the next code point, left alone
    assert b"<2F47> <9875>" in mended  # a glyph id is never rewritten, only what it stands for
    assert mended.replace(b"<65E5> <4E2D> <8F66> <4E00>", b"<2F47> <4E2D> <2ECB> <2F00>").replace(
        b"<6C34>", b"<2F54>").replace(b"<9875>", b"<2EDA>") == CMAP


def test_mend_without_a_cmap_is_the_file_itself() -> None:
    data = b"%PDF-1.4\n<2F47> <2F47>\nbeginbfchar\n<0001> <2F47>\nendbfchar\n%%EOF\n"  # outside a cmap
    assert pdf_text.mend_text(data, {0x2F47: 0x65E5}) == data

