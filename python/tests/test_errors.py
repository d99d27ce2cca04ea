"""What is not an article: None when a page has no article text, ExtractionError when the
input is not a page, TypeError for what is neither str nor bytes."""

import os

import pytest

import unchaff


@pytest.mark.parametrize("empty", ["", b"", "   \n", "<html></html>", b"<html><body></body></html>"])
def test_empty_input_has_no_article(empty):
    assert unchaff.extract(empty) is None


def test_page_without_article_text_gives_none():
    menu = "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></body></html>"
    assert unchaff.extract(menu) is None


def test_binary_bytes_raise_extraction_error():
    png = b"\x89PNG\r\n\x1a\n" + os.urandom(4096)
    with pytest.raises(unchaff.ExtractionError) as caught:
        unchaff.extract(png)
    assert caught.value.kind == "binary"
    assert "binary data" in str(caught.value)
    assert isinstance(caught.value, Exception)


def test_too_large_input_raises_extraction_error():
    with pytest.raises(unchaff.ExtractionError) as caught:
        unchaff.extract(b" " * (64 * 1024 * 1024 + 1))
    assert caught.value.kind == "too_large"
    assert "exceeds the limit" in str(caught.value)


@pytest.mark.parametrize("wrong", [None, 12, ["<p>a</p>"], memoryview(b"<p>a</p>")])
def test_other_types_raise_type_error(wrong):
    with pytest.raises(TypeError, match="html must be str or bytes"):
        unchaff.extract(wrong)


def test_content_type_is_for_bytes_only():
    with pytest.raises(TypeError, match="content_type applies to bytes only"):
        unchaff.extract("<p>a</p>", content_type="text/html; charset=utf-8")


def test_options_are_keyword_only():
    with pytest.raises(TypeError):
        unchaff.extract("<p>a</p>", "https://example.org/")  # type: ignore[misc]


def test_a_str_with_a_lone_surrogate_is_named_as_not_valid_unicode():
    # What `bytes.decode(errors="surrogateescape")` gives for a byte that is not UTF-8.
    page = b"<p>caf\xe9</p>".decode("utf-8", errors="surrogateescape")
    with pytest.raises(UnicodeError, match="not valid Unicode") as caught:
        unchaff.extract(page)
    assert "str or bytes" not in str(caught.value)
