"""unchaff as a datatrove extractor, in place of ``Trafilatura()`` in a pipeline:

>>> from unchaff.integrations.datatrove import Unchaff
>>> pipeline = [WarcReader(...), Unchaff(), LanguageFilter(), ...]

``extract(html) -> str`` is datatrove's ``BaseExtractor`` interface; it returns ``""`` for a page
without article, which datatrove drops. By default ``run`` extracts in this process, in batches
spread over threads, without datatrove's sandbox subprocess: unchaff refuses inputs over its size
limit and turns its own failures into errors rather than crashes. ``sandbox=True`` runs datatrove's
own loop instead (a subprocess with ``timeout`` seconds per document).
"""

from __future__ import annotations

from typing import Optional

from datatrove.data import DocumentsPipeline
from datatrove.pipeline.extractors.base import BaseExtractor
from datatrove.utils.typeshelper import StatHints

import unchaff

__all__ = ["Unchaff"]

_FORMATS = ("txt", "markdown")


class Unchaff(BaseExtractor):
    """unchaff's article text (``output_format="txt"``) or Markdown (``"markdown"``) of each
    document's HTML; ``doc.metadata["url"]``, when set, makes Markdown links absolute."""

    name = "🌾 unchaff"
    _requires_dependencies = ["unchaff"]

    def __init__(
        self,
        output_format: str = "txt",
        favour_precision: bool = False,
        favour_recall: bool = False,
        include_title: bool = False,
        include_tables: bool = True,
        include_links: bool = True,
        include_images: bool = False,
        target_language: Optional[str] = None,
        timeout: float = 1,
        sandbox: bool = False,
        batch_size: int = 64,
        threads: Optional[int] = None,
    ):
        super().__init__(timeout)
        if output_format not in _FORMATS:
            raise ValueError(f"output_format must be one of {', '.join(_FORMATS)}, not {output_format!r}")
        if favour_precision and favour_recall:
            raise ValueError("favour_precision and favour_recall pull opposite ways: pick one")
        self.output_format = output_format
        self.settings = dict(
            include_title=include_title,
            tables=include_tables,
            links=include_links,
            images=include_images,
            precision=favour_precision,
            recall=favour_recall,
            target_language=target_language,
        )
        self.sandbox = sandbox
        self.batch_size = max(1, batch_size)
        self.threads = threads

    def _render(self, page: Optional[unchaff.Extraction]) -> str:
        if page is None:
            return ""
        return page.markdown() if self.output_format == "markdown" else page.text

    def extract(self, text: str) -> str:
        """The article of one page's HTML; ``""`` when it has none."""
        return self._render(unchaff.extract(text, **self.settings))

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        if self.sandbox:
            yield from super().run(data, rank, world_size)
            return
        batch = []
        for doc in data:
            batch.append(doc)
            if len(batch) >= self.batch_size:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def _run_batch(self, docs: list) -> DocumentsPipeline:
        urls = [doc.metadata.get("url") if doc.metadata else None for doc in docs]
        with self.track_time("batch"):
            results = unchaff.extract_batch(
                [doc.text for doc in docs],
                urls=urls,
                cross_page=False,
                threads=self.threads,
                **self.settings,
            )
        for doc, result in zip(docs, results):
            self.stat_update(StatHints.total)
            if isinstance(result, unchaff.ExtractionError):
                self.stat_update("clean_error")
                continue
            self.stat_update("extracted")
            doc.text = self._render(result)
            if doc.text:
                self.stat_update(StatHints.forwarded)
                self.update_doc_stats(doc)
                yield doc
            else:
                self.stat_update(StatHints.dropped)
