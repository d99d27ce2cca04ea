"""Types of the Rust extension that ``unchaff`` re-exports."""

import os
from typing import Any, Sequence, TypedDict

class Stats(TypedDict):
    """How much of the page was kept and removed (for type checkers only: a plain dict)."""

    blocks: int
    chars: int
    removed_blocks: int
    removed_chars: int

class ExtractionError(Exception):
    """The input is not a page unchaff can read.

    ``kind`` is ``"binary"`` (not text), ``"too_large"`` (over 64 MiB), ``"internal"`` (a bug
    in unchaff) or ``"other"``.
    """

    kind: str

class Extraction:
    """The article of one page, its metadata and how much was removed."""

    @property
    def text(self) -> str:
        """The article as plain text: blocks separated by a blank line, the title first."""
    @property
    def is_empty(self) -> bool:
        """Whether no article text was found (``allow_empty``, or after ``SiteProfile.filter``)."""
    @property
    def title(self) -> str | None: ...
    @property
    def authors(self) -> list[str]: ...
    @property
    def byline(self) -> str | None: ...
    @property
    def date(self) -> str | None:
        """Publication date, ISO 8601 as declared or ``YYYY-MM-DD``."""
    @property
    def site_name(self) -> str | None: ...
    @property
    def language(self) -> str | None: ...
    @property
    def description(self) -> str | None: ...
    @property
    def image(self) -> str | None: ...
    @property
    def tags(self) -> list[str]: ...
    @property
    def url(self) -> str | None:
        """The ``url`` given to ``extract``, else the address the page declares."""
    @property
    def canonical_url(self) -> str | None:
        """The address the page declares (``<link rel=canonical>``, ``og:url``)."""
    @property
    def encoding(self) -> str:
        """The name of the encoding the page was read in (``"UTF-8"`` for a ``str``)."""
    @property
    def stats(self) -> Stats: ...
    @property
    def comments(self) -> str | None:
        """The page's comments as plain text with ``comments=True`` (``""`` when it has none),
        else None."""
    def markdown(self) -> str:
        """The article as CommonMark with GFM tables; links absolute, images if asked for; the
        comments, when asked for and found, under a ``# Comments`` heading."""
    def html(self, *, standalone: bool = False, comments: bool = True) -> str:
        """The article as clean HTML: a fragment, or a whole document with ``standalone``; the
        comments, when asked for and found, in a ``<section>`` unless ``comments`` is False."""
    def to_dict(
        self, *, markdown: bool = False, html: bool = False, explain: bool = False
    ) -> dict[str, Any]:
        """The command line's JSON object (without ``path``); the flags add those keys."""
    def to_json(self, *, markdown: bool = False, html: bool = False, explain: bool = False) -> str:
        """``to_dict`` as JSON on one line, as ``unchaff --jsonl`` prints it."""

def extract(
    html: str | bytes | bytearray,
    /,
    *,
    url: str | None = None,
    content_type: str | None = None,
    include_title: bool = True,
    images: bool = False,
    links: bool = True,
    tables: bool = True,
    precision: bool = False,
    recall: bool = False,
    target_language: str | None = None,
    comments: bool = False,
    allow_empty: bool = False,
) -> Extraction | None:
    """Extract the article of a page; None when the page has no article text.

    ``html`` is a ``str``, or ``bytes`` in any encoding: the BOM, the charset of
    ``content_type`` (an HTTP ``Content-Type`` header, for bytes only), ``<meta charset>`` and
    detection decide, as for the command line. ``url`` is the page's address: links resolve
    against it and it is the record's ``url``. ``include_title`` starts the text with the title;
    ``images`` keeps images in ``markdown()`` and ``html()``; ``links=False`` writes links as
    their text there; ``tables=False`` leaves tables out. ``precision`` drops short link-heavy
    blocks and edge scraps the default keeps; ``recall`` relaxes the selection for short bodies
    (``ValueError`` for both). ``target_language`` (ISO 639-1) gives None for a page in another
    language, detected in its text, else declared. ``comments`` also returns the page's comment
    thread apart from the article (a forum thread's replies are its article). ``allow_empty`` gives a page without
    article text as an ``Extraction`` whose ``is_empty`` is true (its metadata, and the command
    line's record of it) instead of None.

    Raises ``ExtractionError`` when the input is not a page, ``TypeError`` for other types.
    The interpreter is released while it works, so threads extract pages in parallel.
    """

def extract_batch(
    pages: Sequence[str | bytes | bytearray],
    /,
    *,
    urls: Sequence[str | None] | None = None,
    cross_page: bool = True,
    profile: SiteProfile | None = None,
    threads: int | None = None,
    include_title: bool = True,
    images: bool = False,
    links: bool = True,
    tables: bool = True,
    precision: bool = False,
    recall: bool = False,
    target_language: str | None = None,
    comments: bool = False,
    allow_empty: bool = False,
) -> list[Extraction | ExtractionError | None]:
    """Extract many pages on ``threads`` threads (default: one per core), in order.

    With ``cross_page``, each site's template (blocks recurring on many of its pages) is removed
    as the command line's batch removes it: a page's site is the host of its ``urls`` entry, else
    of the address it declares, else ``""``. A ``profile`` given learns the batch and filters it,
    as ``--site-profile`` does. Each entry is an ``Extraction``, None (no article text) or the
    page's ``ExtractionError``, returned rather than raised.
    """

def host_of(url: str) -> str | None:
    """The host of a URL, lower-cased and without ``www.``: the key grouping a site's pages."""

class SiteProfile:
    """What pages have shown of each site's template: on how many pages each piece of text was
    seen. Observe every page of a site first, then filter each page; pickles as its JSON."""

    def __init__(self) -> None: ...
    def observe(self, site: str, page: Extraction | None) -> None:
        """Count one page of ``site``; a page seen again counts once; None counts as a page with
        no text, as the command line counts a page without article."""
    def filter(self, site: str, page: Extraction | None) -> Extraction | None:
        """The page without the blocks recurring on many observed pages of ``site`` (at least
        three, and one in five), as a new ``Extraction`` (``is_empty`` when nothing is left)."""
    def pages(self, site: str) -> int:
        """Number of pages observed for ``site``."""
    def to_bytes(self) -> bytes:
        """The profile as JSON, the command line's ``--site-profile`` file."""
    @classmethod
    def from_bytes(cls, data: bytes) -> SiteProfile:
        """A profile from ``to_bytes`` (``ValueError`` for anything else)."""
    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the profile to ``path``, as ``--site-profile`` does."""
    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> SiteProfile:
        """Read a profile that ``save`` or ``--site-profile`` wrote."""
