"""Types of the Rust extension that ``unchaff`` re-exports."""

from typing import Any, TypedDict

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
    def markdown(self) -> str:
        """The article as CommonMark with GFM tables; links absolute, images if asked for."""
    def html(self, *, standalone: bool = False) -> str:
        """The article as clean HTML: a fragment, or a whole document with ``standalone``."""
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
) -> Extraction | None:
    """Extract the article of a page; None when the page has no article text.

    ``html`` is a ``str``, or ``bytes`` in any encoding: the BOM, the charset of
    ``content_type`` (an HTTP ``Content-Type`` header, for bytes only), ``<meta charset>`` and
    detection decide, as for the command line. ``url`` is the page's address: links resolve
    against it and it is the record's ``url``. ``include_title`` starts the text with the title;
    ``images`` keeps images in ``markdown()`` and ``html()``.

    Raises ``ExtractionError`` when the input is not a page, ``TypeError`` for other types.
    The interpreter is released while it works, so threads extract pages in parallel.
    """
