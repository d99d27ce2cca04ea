"""Bytes are decoded as the command line decodes them: BOM, Content-Type, <meta>, detection."""

import unchaff
from conftest import expected, source

PAGE = """<html><head>{meta}<title>Crème brûlée</title></head><body><article>
<h1>Crème brûlée</h1>
<p>The “crème brûlée” is a dessert of rich custard under a layer of hardened caramel; the
café down the street serves it cold, with a naïve charm — and a price of 7 €.</p>
<p>Its origin is disputed: the English say Cambridge, the French say Paris, and the Catalans
point to their own crema catalana, which is older, they say, by a century or two.</p>
</article></body></html>"""


def test_windows_1252_declared_in_meta():
    raw = PAGE.format(meta='<meta charset="windows-1252">').encode("cp1252")
    page = unchaff.extract(raw)
    assert page is not None
    assert page.encoding == "windows-1252"
    assert page.title == "Crème brûlée"
    assert "The “crème brûlée” is a dessert" in page.text
    assert "naïve charm — and a price of 7 €." in page.text


def test_content_type_charset_outranks_meta():
    # The header is right and the page's own declaration is wrong, as happens on old servers.
    raw = PAGE.format(meta='<meta charset="utf-8">').encode("cp1252")
    page = unchaff.extract(raw, content_type="text/html; charset=windows-1252")
    assert page is not None
    assert page.encoding == "windows-1252"
    assert "naïve charm" in page.text


def test_legacy_windows_1251_sample():
    page = unchaff.extract(source("legacy-1251"))
    assert page is not None
    assert page.encoding == "windows-1251"
    assert page.text.rstrip("\n") + "\n" == expected("legacy-1251")


def test_utf8_bom():
    raw = b"\xef\xbb\xbf" + PAGE.format(meta="").encode("utf-8")
    page = unchaff.extract(raw)
    assert page is not None
    assert page.encoding == "UTF-8"
    assert "naïve charm" in page.text
