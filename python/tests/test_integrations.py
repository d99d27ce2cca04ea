"""unchaff inside datatrove and NeMo Curator, each against the real package when it is installed
(`.ci/run` installs them from PyPI in a throw-away environment; without them these tests skip)."""

import pytest

import unchaff
from conftest import source

NEWS = source("news-article").decode("utf-8")


def _need(module: str):
    return pytest.importorskip(
        module, reason=f"{module} is not installed here (pip install {module} to run this test)"
    )


def test_datatrove_extractor_is_a_base_extractor():
    _need("datatrove")
    from datatrove.pipeline.extractors.base import BaseExtractor

    from unchaff.integrations.datatrove import Unchaff

    extractor = Unchaff()
    assert isinstance(extractor, BaseExtractor)
    text = extractor.extract(NEWS)
    assert text == unchaff.extract(NEWS, include_title=False).text
    assert extractor.extract("<html><body></body></html>") == ""
    markdown = Unchaff(output_format="markdown").extract(NEWS)
    assert markdown == unchaff.extract(NEWS, include_title=False).markdown()
    with pytest.raises(ValueError, match="output_format"):
        Unchaff(output_format="xml")


def _documents():
    from datatrove.data import Document

    pages = [NEWS, "<html><body></body></html>", source("seed-news-de").decode("utf-8")]
    return [
        Document(text=html, id=str(k), metadata={"url": f"https://news.example/{k}"})
        for k, html in enumerate(pages)
    ]


@pytest.mark.parametrize("sandbox", [False, True])
def test_datatrove_pipeline_runs_in_process_and_in_its_sandbox(sandbox):
    _need("datatrove")
    from unchaff.integrations.datatrove import Unchaff

    extractor = Unchaff(sandbox=sandbox, batch_size=2, threads=2)
    kept = list(extractor.run(iter(_documents())))
    assert [doc.id for doc in kept] == ["0", "2"]  # the page without article is dropped
    assert kept[0].text == unchaff.extract(NEWS, include_title=False).text
    stats = extractor.stats.to_dict()["stats"]
    assert (stats["total"], stats["forwarded"], stats["dropped"]) == (3, 2, 1)


def test_datatrove_pipeline_executor_runs_it(tmp_path):
    _need("datatrove")
    from datatrove.executor import LocalPipelineExecutor

    from unchaff.integrations.datatrove import Unchaff

    seen = []

    def collect(data, rank, world_size):
        for doc in data:
            seen.append(doc.text)
            yield doc

    executor = LocalPipelineExecutor(
        pipeline=[_documents(), Unchaff(target_language="en"), collect],
        tasks=1,
        logging_dir=str(tmp_path / "logs"),
    )
    executor.run()
    assert seen == [unchaff.extract(NEWS, include_title=False).text]


def test_nemo_curator_extractor_is_an_html_extractor_algorithm():
    _need("nemo_curator")
    try:
        from unchaff.integrations.nemo_curator import HTMLExtractorAlgorithm, UnchaffExtractor
    except ImportError as error:
        pytest.skip(f"NeMo Curator's text pipeline does not import here: {error}")

    extractor = UnchaffExtractor()
    assert isinstance(extractor, HTMLExtractorAlgorithm)
    paragraphs = extractor.extract_text(NEWS, frozenset({"the", "a"}), "ENGLISH")
    page = unchaff.extract(NEWS, include_title=False)
    assert paragraphs == page.text.strip("\n").split("\n\n")
    assert extractor.extract_text("<html><body></body></html>", frozenset(), "ENGLISH") is None
    strict = UnchaffExtractor(strict_language=True)
    assert strict.extract_text(NEWS, frozenset(), "GERMAN") is None
    assert strict.extract_text(NEWS, frozenset(), "ENGLISH") == paragraphs
