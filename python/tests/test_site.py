"""The site-template pass from Python: SiteProfile and extract_batch, against the command line."""

import json
import pickle
import subprocess

import pytest

import unchaff

STORIES = [
    "the lifeboat crew will move into a new station on the old coal quay next spring",
    "the ferry to the island will keep running at night through the whole winter",
    "the fish market reopens on Monday after the repairs to its leaking roof were finished",
    "a storm flooded the lower town for the second time this month on Friday night",
]
PROMO = (
    "The Harbour Gazette is written on the quays by the people who work there, with the tide "
    "tables and the ferry timetable in every issue since 1921."
)


def page(k: int) -> str:
    story = STORIES[k]
    return f"""<html><head><title>Story {k}</title>
      <link rel="canonical" href="https://www.harbour.example/news/{k}"></head><body><article>
      <h1>Story {k}</h1>
      <p>STORY_{k}: {story}, the harbour master said, and the council agreed to pay for it.</p>
      <p>Residents said that {story}, and that they had waited a long time for the news.</p>
      <p>{PROMO}</p></article></body></html>"""


PAGES = [page(k) for k in range(4)]


def test_observe_then_filter_removes_the_template():
    pages = [unchaff.extract(p) for p in PAGES]
    profile = unchaff.SiteProfile()
    site = unchaff.host_of(pages[0].url)
    assert site == "harbour.example"
    for p in pages[:2]:
        profile.observe(site, p)
    assert "Gazette" in profile.filter(site, pages[0]).text  # two pages are too few
    profile.observe(site, pages[2])
    assert profile.pages(site) == 3
    filtered = profile.filter(site, pages[3])
    assert "STORY_3" in filtered.text and "Gazette" not in filtered.text
    assert "Gazette" in pages[3].text  # the page given stays as it was
    assert filtered.to_dict()["stats"]["removed_blocks"] > pages[3].to_dict()["stats"][
        "removed_blocks"
    ]
    assert "Gazette" in profile.filter("other.example", pages[3]).text


def test_profiles_survive_save_load_and_pickle(tmp_path):
    profile = unchaff.SiteProfile()
    for p in PAGES:
        profile.observe("harbour.example", unchaff.extract(p))
    path = tmp_path / "profile.json"
    profile.save(path)
    loaded = unchaff.SiteProfile.load(path)
    assert loaded.to_bytes() == profile.to_bytes()
    assert pickle.loads(pickle.dumps(profile)).to_bytes() == profile.to_bytes()
    with pytest.raises(ValueError, match="not a site profile"):
        unchaff.SiteProfile.from_bytes(b"{")


def test_a_page_without_article_counts_as_a_page():
    profile = unchaff.SiteProfile()
    profile.observe("s", None)
    assert profile.pages("s") == 1
    assert profile.filter("s", None) is None


def test_batch_is_the_cli_batch(cli, tmp_path):
    for k, html in enumerate(PAGES):
        (tmp_path / f"{k}.html").write_text(html)
    paths = [str(tmp_path / f"{k}.html") for k in range(4)]
    printed = subprocess.run([cli, "--jsonl", *paths], capture_output=True, check=True).stdout
    records = [json.loads(line) for line in printed.splitlines()]
    batch = unchaff.extract_batch(PAGES, threads=2)
    for record, result in zip(records, batch):
        del record["path"]
        assert result.to_dict() == record
        assert "Gazette" not in result.text
    alone = unchaff.extract_batch(PAGES, cross_page=False)
    assert all("Gazette" in p.text for p in alone)


def test_batch_returns_errors_and_none_in_place():
    results = unchaff.extract_batch([PAGES[0], b"\x00\x01" * 500, "<html></html>"])
    assert isinstance(results[0], unchaff.Extraction)
    assert isinstance(results[1], unchaff.ExtractionError) and results[1].kind == "binary"
    assert results[2] is None
    with pytest.raises(ValueError, match="urls"):
        unchaff.extract_batch(PAGES, urls=[None])


def test_batch_updates_a_given_profile():
    profile = unchaff.SiteProfile()
    urls = [f"https://other.example/{k}" for k in range(4)]
    unchaff.extract_batch(PAGES, urls=urls, profile=profile)
    assert profile.pages("other.example") == 4
    assert profile.pages("harbour.example") == 0


def test_extract_settings_are_the_cli_flags(cli, tmp_path):
    from conftest import SAMPLES

    path = SAMPLES / "data-table" / "source.html"
    flags = [
        (dict(tables=False), ["--no-tables"]),
        (dict(precision=True), ["--precision"]),
        (dict(recall=True), ["--recall"]),
        (dict(target_language="de"), ["--target-language", "de"]),
    ]
    for settings, args in flags:
        page = unchaff.extract(path.read_bytes(), **settings)
        run = subprocess.run([cli, *args, str(path)], capture_output=True)
        assert (page.text if page else "") == run.stdout.decode("utf-8"), args
    page = unchaff.extract(path.read_bytes(), links=False)
    markdown = subprocess.run(
        [cli, "--no-links", "-f", "markdown", str(path)], capture_output=True, check=True
    ).stdout.decode("utf-8")
    assert page.markdown() == markdown and "](" not in markdown
    with pytest.raises(ValueError, match="one of them"):
        unchaff.extract(path.read_bytes(), precision=True, recall=True)
