"""Extract the main article of a web page as text, Markdown or HTML, with its metadata.

>>> import unchaff
>>> page = unchaff.extract(html, url="https://example.org/a")
>>> if page is not None:
...     print(page.title, page.date, page.text)

``extract`` returns None when the page has no article text, and raises ``ExtractionError``
when the input is not a page (binary data, or larger than the limit). It releases the
interpreter while it works, so a ``concurrent.futures.ThreadPoolExecutor`` extracts pages in
parallel.
"""

from ._unchaff import Extraction, ExtractionError, extract

__all__ = ["Extraction", "ExtractionError", "extract"]
