"""trafilatura's ``extract`` call, answered by unchaff: swap one import.

>>> from unchaff.compat.trafilatura import extract   # was: from trafilatura import extract
>>> text = extract(html, url=url, output_format="markdown", include_links=True)

The arguments mean what trafilatura's documentation says, with these differences:

- ``include_comments``: left unset, the output holds no comments (trafilatura's default adds
  them); ``True`` appends the page's comment thread to ``txt`` and Markdown, fills ``comments``
  in JSON and ``<comments>`` in XML, as trafilatura does.
- ``output_format`` ``"csv"`` and ``"xmltei"`` raise ``ValueError``.
- ``txt`` with ``include_links`` or ``include_images`` is unchaff's Markdown, as with
  ``include_formatting``.
- ``fast`` and ``no_fallback`` change nothing: unchaff has no slower second extractor.
- ``target_language`` is checked against the language detected in the article (else the one the
  page declares), without trafilatura's optional language-identification package.
- ``deduplicate`` drops paragraphs of 100 characters or more already returned more than twice by
  this process, and returns None for a document whose text was returned before.
- ``date_extraction_params``, ``url_blacklist``, ``author_blacklist``, ``settingsfile``,
  ``prune_xpath``, ``config``, ``options``, ``tei_validation``, ``max_tree_size`` raise
  ``ValueError`` when given, since unchaff has nothing that does what they ask.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict
from typing import Any, Optional, Union

from .. import ExtractionError
from .. import extract as _extract
from ._xml import to_xml

__all__ = ["extract"]

_FORMATS = ("txt", "markdown", "json", "html", "xml")
_UNSUPPORTED = (
    "date_extraction_params",
    "url_blacklist",
    "author_blacklist",
    "settingsfile",
    "prune_xpath",
    "config",
    "options",
    "max_tree_size",
)


class _Seen:
    """trafilatura's deduplication cache: how often each paragraph and document was returned."""

    MIN_CHARS = 100
    MAX_REPETITIONS = 2
    SIZE = 4096

    def __init__(self) -> None:
        self._counts: OrderedDict[str, int] = OrderedDict()
        self._lock = threading.Lock()

    def count(self, text: str) -> int:
        """Counts one more return of ``text`` and gives how many there were before."""
        key = hashlib.blake2b(text.encode(), digest_size=16).hexdigest()
        with self._lock:
            before = self._counts.pop(key, 0)
            self._counts[key] = before + 1
            while len(self._counts) > self.SIZE:
                self._counts.popitem(last=False)
        return before

    def keep(self, paragraph: str) -> bool:
        if len(paragraph) < self.MIN_CHARS:
            return True
        return self.count(paragraph) < self.MAX_REPETITIONS


_SEEN = _Seen()


def extract(
    filecontent: Union[str, bytes, Any],
    url: Optional[str] = None,
    record_id: Optional[str] = None,
    fast: bool = False,
    no_fallback: bool = False,
    favor_precision: bool = False,
    favor_recall: bool = False,
    include_comments: Optional[bool] = None,
    output_format: str = "txt",
    tei_validation: bool = False,
    target_language: Optional[str] = None,
    include_tables: bool = True,
    include_images: bool = False,
    include_formatting: Optional[bool] = None,
    include_links: bool = False,
    deduplicate: bool = False,
    date_extraction_params: Optional[dict] = None,
    with_metadata: bool = False,
    only_with_metadata: bool = False,
    max_tree_size: Optional[int] = None,
    url_blacklist: Optional[set] = None,
    author_blacklist: Optional[set] = None,
    settingsfile: Optional[str] = None,
    prune_xpath: Any = None,
    config: Any = None,
    options: Any = None,
) -> Optional[str]:
    """The main text of ``filecontent`` (HTML as str or bytes) in ``output_format``, or None.

    See the module's documentation for where it differs from trafilatura's ``extract``.
    """
    given = locals()
    for name in _UNSUPPORTED:
        if given[name] is not None:
            raise ValueError(f"unchaff.compat.trafilatura: {name} is not supported")
    if tei_validation:
        raise ValueError("unchaff.compat.trafilatura: tei_validation applies to xmltei only")
    if output_format not in _FORMATS:
        raise ValueError(
            f"unchaff.compat.trafilatura: output_format {output_format!r} is not supported; "
            f"use one of {', '.join(_FORMATS)}"
        )
    if favor_precision and favor_recall:
        raise ValueError("favor_precision and favor_recall pull opposite ways: pick one")
    page = _page(
        _html_of(filecontent),
        url=url,
        links=include_links,
        images=include_images,
        tables=include_tables,
        precision=favor_precision,
        recall=favor_recall,
        target_language=target_language,
        comments=bool(include_comments),
    )
    if page is None:
        return None
    if only_with_metadata and not (page.date and page.title and page.url):
        return None
    if deduplicate and _SEEN.count(page.text) > 0:
        return None
    formatting = output_format == "markdown" or bool(include_formatting)
    meta = _metadata(page, record_id, url)
    if output_format == "json":
        return _json(page, meta, with_metadata, deduplicate)
    if output_format == "xml":
        attributes = meta if with_metadata else {}
        return to_xml(
            page.html(comments=False),
            attributes,
            include_formatting=formatting,
            links=include_links,
            comments=page.comments or "",
        )
    if output_format == "html":
        return _html(page, meta if with_metadata else None)
    markup = formatting or include_links or include_images
    body = page.markdown() if markup else page.text
    body = _paragraphs(body, "\n\n" if markup else "\n", deduplicate)
    if page.comments and not markup:
        body += "\n" + _paragraphs(page.comments, "\n", deduplicate)
    if with_metadata:
        return _yaml_header(meta) + body
    return body


def _html_of(filecontent: Any) -> Union[str, bytes]:
    """The page's markup: str and bytes as they are, an lxml tree or a response object's body."""
    if isinstance(filecontent, (str, bytes, bytearray)):
        return filecontent
    if hasattr(filecontent, "getroottree"):  # an lxml element
        from lxml import etree

        return etree.tostring(filecontent, encoding="unicode", method="html")
    data = getattr(filecontent, "data", None)  # urllib3's HTTPResponse, trafilatura's Response
    if isinstance(data, (str, bytes)):
        return data
    raise TypeError(f"filecontent must be str, bytes or an lxml tree, not {type(filecontent).__name__}")


def _page(html: Union[str, bytes], **settings: Any):
    try:
        return _extract(html, include_title=False, **settings)
    except ExtractionError:
        # trafilatura returns None for what it cannot read (binary data, empty input).
        return None


def _paragraphs(body: str, separator: str, deduplicate: bool) -> str:
    paragraphs = [p for p in body.strip("\n").split("\n\n") if p]
    if deduplicate:
        paragraphs = [p for p in paragraphs if _SEEN.keep(p)]
    return separator.join(paragraphs)


def _metadata(page, record_id: Optional[str], url: Optional[str]) -> dict[str, Any]:
    """trafilatura's metadata fields, from unchaff's."""
    address = url or page.url
    from .. import host_of

    host = host_of(address) if address else None
    return {
        "title": page.title,
        "author": "; ".join(page.authors) or page.byline,
        "url": address,
        "hostname": host,
        "description": page.description,
        "sitename": page.site_name,
        "date": _day(page.date),
        "categories": "",
        "tags": ";".join(page.tags),
        "fingerprint": None,
        "id": record_id,
        "license": None,
        "language": page.language,
        "image": page.image,
        "pagetype": None,
    }


def _day(date: Optional[str]) -> Optional[str]:
    """trafilatura's dates are days: ``YYYY-MM-DD``."""
    if date and len(date) >= 10 and date[4] == "-" and date[7] == "-":
        return date[:10]
    return date


def _json(page, meta: dict[str, Any], with_metadata: bool, deduplicate: bool) -> str:
    text = _paragraphs(page.text, "\n", deduplicate)
    comments = _paragraphs(page.comments or "", "\n", deduplicate)
    if not with_metadata:
        return json.dumps({"text": text, "comments": comments}, ensure_ascii=False)
    record = {key: meta[key] for key in ("title", "author", "hostname", "date", "fingerprint")}
    record.update(
        id=meta["id"],
        license=None,
        comments=comments,
        raw_text=text.replace("\n", " "),
        text=text,
        language=meta["language"],
        image=meta["image"],
        pagetype=None,
        source=meta["url"],
        excerpt=meta["description"],
        categories=meta["categories"],
        tags=meta["tags"],
    )
    return json.dumps(record, ensure_ascii=False)


def _yaml_header(meta: dict[str, Any]) -> str:
    keys = ("title", "author", "url", "hostname", "description", "sitename", "date", "tags")
    lines = [f"{key}: {json.dumps(meta[key], ensure_ascii=False)}" for key in keys if meta[key]]
    return "---\n" + "\n".join(lines) + "\n---\n"


def _html(page, meta: Optional[dict[str, Any]]) -> str:
    from html import escape

    head = ""
    if meta:
        tags = "".join(
            f'    <meta name="{key}" content="{escape(str(value))}"/>\n'
            for key, value in meta.items()
            if value
        )
        head = f"  <head>\n{tags}  </head>\n"
    return f"<html>\n{head}  <body>\n{page.html()}  </body>\n</html>"
