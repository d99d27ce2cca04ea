"""Extract the main article of a web page as text, Markdown or HTML, with its metadata.

>>> import unchaff
>>> page = unchaff.extract(html, url="https://example.org/a")
>>> if page is not None:
...     print(page.title, page.date, page.text)

``extract`` returns None when the page has no article text, and raises ``ExtractionError``
when the input is not a page (binary data, or larger than the limit). It releases the
interpreter while it works, so a ``concurrent.futures.ThreadPoolExecutor`` extracts pages in
parallel.

``extract_batch`` extracts many pages in parallel and removes each site's template (blocks that
recur on many of its pages) as the command line does for a batch; ``SiteProfile`` does that pass
step by step (observe every page, then filter every page), for frameworks that group pages by
site themselves. ``unchaff.compat.trafilatura.extract`` is trafilatura's call;
``unchaff.integrations`` holds extractors for datatrove and NeMo Curator.
"""

from ._unchaff import Extraction, ExtractionError, SiteProfile, extract, extract_batch, host_of

__all__ = ["Extraction", "ExtractionError", "SiteProfile", "extract", "extract_batch", "host_of"]
