"""trafilatura's XML from unchaff's clean HTML: ``<doc>`` with the metadata as attributes, the
article in ``<main>`` (``p``, ``head``, ``list``/``item``, ``quote``, ``code``, ``table``/``row``/
``cell``, ``ref``, ``hi``, ``graphic``, ``lb``) and an empty ``<comments/>``."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from typing import Any, Optional

_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


class _Builder(HTMLParser):
    def __init__(self, root: ET.Element, formatting: bool, links: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[Optional[ET.Element]] = [root]
        self.formatting = formatting
        self.links = links

    def _parent(self) -> ET.Element:
        return next(e for e in reversed(self.stack) if e is not None)

    def _open(self, tag: str, attrs: dict[str, Optional[str]]) -> Optional[ET.Element]:
        if tag in _HEADINGS:
            return ET.Element("head", rend=tag)
        if tag == "caption":
            return ET.Element("head", rend="caption")
        if tag in ("p", "figcaption"):
            return ET.Element("p")
        if tag in ("ul", "ol"):
            return ET.Element("list", rend=tag)
        if tag == "li":
            return ET.Element("item")
        if tag == "blockquote":
            return ET.Element("quote")
        if tag == "pre":
            return ET.Element("code")
        if tag == "code":
            inside_pre = any(e is not None and e.tag == "code" for e in self.stack)
            return None if inside_pre else ET.Element("code")
        if tag in ("table", "tr"):
            return ET.Element("table" if tag == "table" else "row")
        if tag in ("td", "th"):
            return ET.Element("cell", role="head") if tag == "th" else ET.Element("cell")
        if tag == "a" and self.links and attrs.get("href"):
            return ET.Element("ref", target=attrs["href"] or "")
        if tag in ("em", "i", "strong", "b") and self.formatting:
            return ET.Element("hi", rend="#i" if tag in ("em", "i") else "#b")
        return None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, Optional[str]]]) -> None:
        found = dict(attrs)
        if tag in ("br", "img", "hr"):
            self.handle_startendtag(tag, attrs)
            return
        element = self._open(tag, found)
        if element is not None:
            self._parent().append(element)
        self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, Optional[str]]]) -> None:
        found = dict(attrs)
        if tag == "br":
            self._parent().append(ET.Element("lb"))
        elif tag == "img":
            graphic = {k: v or "" for k, v in found.items() if k in ("src", "alt", "title")}
            self._parent().append(ET.Element("graphic", graphic))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("br", "img", "hr") or len(self.stack) <= 1:
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        parent = self._parent()
        if parent.tag in ("main", "list", "table", "row") and not data.strip():
            return
        if len(parent):
            last = parent[-1]
            last.tail = (last.tail or "") + data
        else:
            parent.text = (parent.text or "") + data


def to_xml(
    html: str, meta: dict[str, Any], *, include_formatting: bool, links: bool, comments: str = ""
) -> str:
    """The article of ``html`` (unchaff's HTML fragment) as trafilatura's XML document, with
    the ``comments`` text's paragraphs in ``<comments>``."""
    attributes = {k: str(v) for k, v in meta.items() if v}
    doc = ET.Element("doc", attributes)
    main = ET.SubElement(doc, "main")
    builder = _Builder(main, include_formatting, links)
    builder.feed(html)
    builder.close()
    thread = ET.SubElement(doc, "comments")
    for paragraph in comments.split("\n\n"):
        if paragraph.strip():
            ET.SubElement(thread, "p").text = paragraph.strip()
    for element in main.iter():
        if element.tag in ("p", "head", "item", "cell", "quote") and element.text:
            element.text = element.text.lstrip("\n")
    ET.indent(doc, space="  ")
    return ET.tostring(doc, encoding="unicode")
