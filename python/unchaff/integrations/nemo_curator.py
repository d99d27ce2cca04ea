"""unchaff as a NeMo Curator HTML extractor, in place of ``JusTextExtractor()``:

>>> from unchaff.integrations.nemo_curator import UnchaffExtractor
>>> CommonCrawlDownloadExtractStage(..., html_extraction=UnchaffExtractor())

``extract_text(html, stop_words, language) -> list[str] | None`` is NeMo Curator's
``HTMLExtractorAlgorithm`` interface: the article's paragraphs (blocks), or None when the page
has none. unchaff needs no stop-word list: ``stop_words`` is accepted and not used. With
``strict_language=True`` a page whose article is in another language than ``language`` (NeMo
Curator's upper-case name, such as ``"ENGLISH"``) gives None.
"""

from __future__ import annotations

from typing import Optional

import unchaff

try:  # NeMo Curator 1.x
    from nemo_curator.stages.text.download.html_extractors.base import HTMLExtractorAlgorithm
except ImportError as error:
    try:  # releases before 1.0
        from nemo_curator.download.doc_builder import HTMLExtractorAlgorithm  # type: ignore
    except ImportError:
        raise ImportError(
            "unchaff.integrations.nemo_curator needs NeMo Curator with its text pipeline: "
            f"pip install 'nemo-curator[text_cpu]' ({error})"
        ) from error

__all__ = ["UnchaffExtractor"]

# NeMo Curator's language names (pycld2's) for the ISO 639-1 codes unchaff reports.
_NAMES = {
    "ENGLISH": "en", "GERMAN": "de", "FRENCH": "fr", "SPANISH": "es", "ITALIAN": "it",
    "PORTUGUESE": "pt", "DUTCH": "nl", "RUSSIAN": "ru", "POLISH": "pl", "CZECH": "cs",
    "SWEDISH": "sv", "DANISH": "da", "FINNISH": "fi", "NORWEGIAN": "no", "TURKISH": "tr",
    "GREEK": "el", "HUNGARIAN": "hu", "ROMANIAN": "ro", "UKRAINIAN": "uk", "ARABIC": "ar",
    "HEBREW": "he", "HINDI": "hi", "CHINESE": "zh", "JAPANESE": "ja", "KOREAN": "ko",
    "THAI": "th", "VIETNAMESE": "vi", "INDONESIAN": "id", "PERSIAN": "fa",
}


class UnchaffExtractor(HTMLExtractorAlgorithm):
    """The article's blocks, one string each, as NeMo Curator's extractors return paragraphs."""

    def __init__(
        self,
        favor_precision: bool = False,
        favor_recall: bool = False,
        include_title: bool = False,
        include_tables: bool = True,
        strict_language: bool = False,
    ):
        if favor_precision and favor_recall:
            raise ValueError("favor_precision and favor_recall pull opposite ways: pick one")
        self.settings = dict(
            include_title=include_title,
            tables=include_tables,
            precision=favor_precision,
            recall=favor_recall,
        )
        self.strict_language = strict_language

    def extract_text(
        self, html: str, stop_words: frozenset, language: str
    ) -> Optional[list[str]]:
        target = _NAMES.get(language.upper()) if self.strict_language and language else None
        try:
            page = unchaff.extract(html, target_language=target, **self.settings)
        except unchaff.ExtractionError:
            return None
        if page is None:
            return None
        return [block.strip("\n") for block in page.text.split("\n\n") if block.strip()]
