"""unchaff.extract on the repository's sample pages, compared with the command line."""

import json
import subprocess

import pytest

import unchaff
from conftest import SAMPLE_NAMES, SAMPLES, expected, source


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_text_is_the_expected_text(name):
    page = unchaff.extract(source(name))
    assert page is not None
    assert page.text.rstrip("\n") + "\n" == expected(name)


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_text_and_record_are_what_the_cli_prints(cli, name):
    path = SAMPLES / name / "source.html"
    page = unchaff.extract(source(name))
    assert page is not None
    printed = subprocess.run([cli, str(path)], capture_output=True, check=True).stdout
    assert page.text == printed.decode("utf-8")
    record = subprocess.run(
        [cli, "--jsonl", "--with", "markdown,html", str(path)],
        capture_output=True,
        check=True,
    ).stdout
    record = json.loads(record)
    assert record.pop("path") == str(path)
    assert page.to_dict(markdown=True, html=True) == record
    assert list(page.to_dict(markdown=True, html=True)) == list(record)


def test_options_are_the_cli_flags(cli):
    path = SAMPLES / "formatted-article" / "source.html"
    url = "https://mirror.example/sourdough"
    page = unchaff.extract(path.read_bytes(), url=url, include_title=False, images=True)
    assert page is not None
    flags = ["--no-title", "--images", "--url", url]
    run = lambda *args: subprocess.run(  # noqa: E731
        [cli, *flags, *args, str(path)], capture_output=True, check=True
    ).stdout.decode("utf-8")
    assert page.text == run()
    assert page.markdown() == run("-f", "markdown")
    assert page.html() == run("-f", "html")
    assert page.html(standalone=True) == run("-f", "html", "--standalone")
    record = json.loads(run("--jsonl", "--explain"))
    del record["path"]
    assert page.to_dict(explain=True) == record


def test_metadata():
    page = unchaff.extract(source("news-article"))
    assert page is not None
    assert page.title == "Lantern Bay votes to keep its night ferry running through winter"
    assert page.authors == ["Priya Okonkwo-Hale"]
    assert page.byline == "Priya Okonkwo-Hale"
    assert page.date == "2024-11-12T18:40:00Z"
    assert page.site_name == "The Harbour Ledger"
    assert page.language == "en-GB"
    assert page.description.startswith("Councillors in Lantern Bay agreed on Tuesday")
    assert page.tags == []
    assert page.image is None
    address = "https://www.harbourledger.example/news/local/lantern-bay-night-ferry-winter-4412"
    assert page.canonical_url == address
    assert page.url == address
    assert page.encoding == "UTF-8"
    stats = page.stats
    assert set(stats) == {"blocks", "chars", "removed_blocks", "removed_chars"}
    assert stats["chars"] > 1000 and stats["removed_blocks"] > 0
    assert "Lantern Bay" in repr(page)


def test_record_keys_are_the_cli_keys():
    page = unchaff.extract(source("news-article"), url="https://mirror.example/ferry")
    assert page is not None
    record = page.to_dict()
    assert list(record) == [
        "url", "canonical_url", "title", "authors", "byline", "date", "site_name",
        "language", "description", "image", "tags", "text", "stats",
    ]  # fmt: skip
    assert record["url"] == page.url == "https://mirror.example/ferry"
    assert record["canonical_url"] != record["url"]
    assert json.loads(page.to_json()) == record
    assert "\n" not in page.to_json()
    assert set(page.to_dict(markdown=True, html=True)) == set(record) | {"markdown", "html"}
    explained = page.to_dict(explain=True)["explain"]
    assert any(b["kept"] for b in explained) and any(not b["kept"] for b in explained)
    assert all("stage" in b and "reason" in b for b in explained if not b["kept"])


def test_markdown_and_html_are_the_samples():
    page = unchaff.extract(source("formatted-article"))
    assert page is not None
    assert page.markdown() == expected("formatted-article", "expected.md")
    assert page.html() == expected("formatted-article", "expected.html")
    standalone = page.html(standalone=True)
    assert standalone.lstrip().lower().startswith("<!doctype html>")
    assert "<title>Packing a sourdough starter for travel</title>" in standalone


def test_images_and_links_follow_the_options():
    html = """<html><head><title>Tides</title></head><body><article><h1>Tides</h1>
      <p>The spring tide comes twice a month, as the <a href="/moon">moon</a> and the sun line
      up, and the water rises higher and falls lower than on the other days of the month.</p>
      <figure><img src="tide.jpg" alt="Low water"><figcaption>Low water</figcaption></figure>
      <p>Neap tides come in between, when the pull of the moon and that of the sun are at right
      angles, and the range of the tide is at its smallest, which boatmen are glad of.</p>
      </article></body></html>"""
    plain = unchaff.extract(html)
    assert plain is not None
    assert "](/moon)" in plain.markdown() and "![" not in plain.markdown()
    page = unchaff.extract(html, url="https://coast.example/notes/tides", images=True)
    assert page is not None
    assert "[moon](https://coast.example/moon)" in page.markdown()
    assert "![Low water](https://coast.example/notes/tide.jpg)" in page.markdown()
    assert '<img src="https://coast.example/notes/tide.jpg"' in page.html()
    untitled = unchaff.extract(html, include_title=False)
    assert untitled is not None
    assert untitled.text.startswith("The spring tide")
    assert untitled.title == "Tides"


def test_str_and_utf8_bytes_agree():
    raw = source("seed-news-de")
    from_bytes = unchaff.extract(raw)
    from_str = unchaff.extract(raw.decode("utf-8"))
    assert from_bytes is not None and from_str is not None
    assert from_bytes.to_dict() == from_str.to_dict()
    from_bytearray = unchaff.extract(bytearray(raw))
    assert from_bytearray is not None and from_bytearray.text == from_bytes.text


def test_comments_come_apart_from_the_article_as_the_cli_gives_them(cli):
    path = SAMPLES / "blog-comments" / "source.html"
    plain = unchaff.extract(source("blog-comments"))
    assert plain.comments is None
    assert "seed mat" not in plain.text
    page = unchaff.extract(source("blog-comments"), comments=True)
    assert page.text == plain.text
    assert "seed mat under the jar" in page.comments
    assert "\n# Comments\n" in page.markdown() and "seed mat" in page.markdown()
    assert "seed mat" not in page.html(comments=False)
    record = subprocess.run(
        [cli, "--jsonl", "--comments", str(path)], capture_output=True, check=True
    ).stdout
    record = json.loads(record)
    record.pop("path")
    assert page.to_dict() == record
    [batched] = unchaff.extract_batch([source("blog-comments")], comments=True)
    assert batched.comments == page.comments
