"""unchaff.compat.trafilatura.extract: trafilatura's call, one test per argument."""

import inspect
import json
import re
import xml.etree.ElementTree as ET

from html import unescape

import pytest

import unchaff
from conftest import source
from unchaff.compat.trafilatura import extract

ARTICLE = source("formatted-article").decode("utf-8")
TABLE = source("data-table")
GERMAN = source("seed-news-de")
NEWS = source("news-article")


def test_filecontent_str_and_bytes_give_the_same_text():
    assert extract(ARTICLE) == extract(ARTICLE.encode("utf-8"))
    assert extract("<html><body></body></html>") is None
    assert extract(b"\x00\x01\x02" * 100) is None  # not a page: None, as trafilatura
    with pytest.raises(TypeError):
        extract(42)


def test_txt_is_one_paragraph_a_line_without_the_title():
    text = extract(NEWS)
    page = unchaff.extract(NEWS, include_title=False)
    assert text == page.text.strip("\n").replace("\n\n", "\n")
    assert not text.startswith(page.title)


def test_url_makes_links_absolute_and_is_the_metadata_url():
    url = "https://mirror.example/articles/1"
    markdown = extract(ARTICLE, url=url, output_format="markdown", include_links=True)
    assert "](https://mirror.example/" in markdown
    assert json.loads(extract(ARTICLE, url=url, output_format="json", with_metadata=True))[
        "source"
    ] == url


def test_record_id_is_the_json_id():
    record = json.loads(extract(NEWS, record_id="r-17", output_format="json", with_metadata=True))
    assert record["id"] == "r-17"


def test_fast_and_no_fallback_change_nothing():
    assert extract(NEWS, fast=True) == extract(NEWS) == extract(NEWS, no_fallback=True)


def test_favor_precision_gives_no_more_text_than_the_default():
    default = extract(NEWS)
    precise = extract(NEWS, favor_precision=True)
    assert precise is not None and len(precise) <= len(default)


def test_favor_recall_gives_no_less_text_than_the_default():
    short = source("short-two-paragraphs")
    assert len(extract(short, favor_recall=True)) >= len(extract(short))
    with pytest.raises(ValueError, match="pick one"):
        extract(NEWS, favor_precision=True, favor_recall=True)


def test_include_comments_adds_the_thread_after_the_article():
    blog = source("blog-comments")
    plain = extract(blog)
    assert plain == extract(blog, include_comments=False)
    assert "seed mat" not in plain
    with_comments = extract(blog, include_comments=True)
    assert with_comments.startswith(plain) and "seed mat under the jar" in with_comments
    assert json.loads(extract(blog, output_format="json"))["comments"] == ""
    record = json.loads(extract(blog, output_format="json", include_comments=True))
    assert "seed mat" in record["comments"] and "seed mat" not in record["text"]
    doc = ET.fromstring(extract(blog, output_format="xml", include_comments=True))
    main, thread = doc
    assert "seed mat" not in ET.tostring(main, encoding="unicode")
    assert any("seed mat" in (p.text or "") for p in thread)


def test_output_format_markdown_has_headings_and_emphasis():
    markdown = extract(ARTICLE, output_format="markdown")
    assert markdown.startswith(("#", "*")) or "\n#" in markdown
    assert "**" in markdown or "*" in markdown


def test_output_format_json_holds_the_text():
    record = json.loads(extract(NEWS, output_format="json"))
    assert set(record) == {"text", "comments"}
    assert record["text"] == extract(NEWS)


def test_output_format_html_is_a_document():
    html = extract(NEWS, output_format="html")
    assert html.startswith("<html>\n  <body>\n") and html.endswith("</body>\n</html>")
    assert "<p>" in html and "<a " not in html


def test_output_format_xml_is_trafilaturas_tree():
    xml = extract(ARTICLE, output_format="xml", include_formatting=True, include_links=True)
    doc = ET.fromstring(xml)
    assert doc.tag == "doc" and [c.tag for c in doc] == ["main", "comments"]
    tags = {e.tag for e in doc.iter()}
    assert {"p", "head", "list", "item"} <= tags, tags
    assert "ref" in tags and "hi" in tags
    plain = ET.fromstring(extract(ARTICLE, output_format="xml"))
    assert not {"ref", "hi"} & {e.tag for e in plain.iter()}
    letters = "".join("".join(doc.find("main").itertext()).split())
    html = unchaff.extract(ARTICLE, include_title=False).html()
    assert letters == "".join(unescape(re.sub(r"<[^>]+>", "", html)).split())


def test_other_output_formats_are_refused():
    for name in ("csv", "xmltei", "python"):
        with pytest.raises(ValueError, match="output_format"):
            extract(NEWS, output_format=name)


def test_tei_validation_is_refused():
    with pytest.raises(ValueError, match="tei_validation"):
        extract(NEWS, tei_validation=True)


def test_target_language_drops_pages_in_other_languages():
    assert extract(GERMAN, target_language="de") is not None
    assert extract(GERMAN, target_language="en") is None
    assert extract(NEWS, target_language="en") is not None


def test_include_tables():
    with_tables = extract(TABLE)
    without = extract(TABLE, include_tables=False)
    row = next(line for line in with_tables.split("\n") if " | " in line)
    assert row not in without
    assert len(without) < len(with_tables)


def test_include_images():
    assert "![" not in extract(ARTICLE)
    assert "![" in extract(ARTICLE, include_images=True)


def test_include_formatting_makes_txt_markdown():
    plain = extract(ARTICLE)
    formatted = extract(ARTICLE, include_formatting=True)
    assert "**" not in plain and ("**" in formatted or "*" in formatted)
    assert "\n\n" in formatted and "\n\n" not in plain


def test_include_links():
    assert "](" not in extract(ARTICLE, output_format="markdown")
    assert "](" in extract(ARTICLE, output_format="markdown", include_links=True)
    assert "[our drying guide](https://crumb.example.com/" in extract(ARTICLE, include_links=True)


def test_deduplicate_drops_a_document_seen_before():
    page = source("split-divs")
    assert extract(page, deduplicate=True) is not None
    assert extract(page, deduplicate=True) is None
    assert extract(page) is not None  # without deduplicate nothing is remembered


def test_deduplicate_drops_a_paragraph_returned_too_often():
    shared = (
        "DEDUP_SHARED The quay committee meets on the first Monday of each month in the old "
        "customs house, and everyone who works on the harbour is welcome to come and speak."
    )
    pages = [
        "<html><body><article><p>DEDUP_OWN_{k} {own}</p><p>{shared}</p></article></body></html>"
        .format(k=k, own=f"Story number {k} of the harbour, told at length. " * 6, shared=shared)
        for k in range(4)
    ]
    texts = [extract(page, deduplicate=True) for page in pages]
    assert all("DEDUP_OWN" in t for t in texts)
    assert ["DEDUP_SHARED" in t for t in texts] == [True, True, False, False]


def test_with_metadata_adds_a_header_and_json_fields():
    text = extract(NEWS, with_metadata=True)
    header, body = text.split("\n---\n", 1)
    assert header.startswith("---\n") and 'title: "Lantern Bay votes' in header
    assert "author: " in header and 'date: "2024-11-12"' in header
    assert body == extract(NEWS)
    record = json.loads(extract(NEWS, output_format="json", with_metadata=True))
    assert record["title"].startswith("Lantern Bay") and record["date"] == "2024-11-12"
    assert record["author"] == "Priya Okonkwo-Hale"
    html = extract(NEWS, output_format="html", with_metadata=True)
    assert '<meta name="title" content="Lantern Bay' in html


def test_only_with_metadata_needs_date_title_and_url():
    assert extract(NEWS, only_with_metadata=True) is not None
    undated = "<html><head><title>T</title></head><body><article><p>{}</p></article></body></html>"
    page = undated.format("A paragraph of plain prose long enough to be an article. " * 8)
    assert extract(page) is not None
    assert extract(page, only_with_metadata=True) is None


@pytest.mark.parametrize(
    "name,value",
    [
        ("date_extraction_params", {}),
        ("max_tree_size", 100),
        ("url_blacklist", set()),
        ("author_blacklist", set()),
        ("settingsfile", "settings.cfg"),
        ("prune_xpath", "//div"),
        ("config", object()),
        ("options", object()),
    ],
)
def test_unsupported_arguments_are_refused(name, value):
    with pytest.raises(ValueError, match=name):
        extract(NEWS, **{name: value})


def test_signature_is_trafilaturas():
    trafilatura = pytest.importorskip(
        "trafilatura", reason="trafilatura is not installed here: nothing to compare with"
    )
    ours = inspect.signature(extract).parameters
    theirs = inspect.signature(trafilatura.extract).parameters
    assert list(ours) == list(theirs)
    # include_comments: None, no comments (trafilatura: True); config: None (trafilatura: its
    # own settings object, which unchaff has no use for); include_formatting: None, as in
    # trafilatura 2.3 (False in 2.0, which means the same for every format but Markdown).
    for name in set(ours) - {"include_comments", "config", "include_formatting"}:
        assert ours[name].default == theirs[name].default, name
