"""The production build served by Debian's nginx with deploy/nginx.conf, as a
visitor's browser or a feed reader gets it: content types (feeds, calendars),
the .br/.gz copies by Accept-Encoding, cache and security headers, and a
"page not found" in the visitor's language."""

from __future__ import annotations

import gzip
import urllib.error
import urllib.request

import brotli
import pytest
from conftest import Site, start_nginx


@pytest.fixture(scope="module")
def nginx(production: Site, tmp_path_factory):
    base, stop = start_nginx(production.root, tmp_path_factory.mktemp("nginx"))
    yield base
    stop()


def get(url: str, encoding: str | None = None):
    """(status, headers, body) without the client undoing any compression."""
    request = urllib.request.Request(url)
    if encoding:
        request.add_header("Accept-Encoding", encoding)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def test_content_types_of_pages_feeds_calendars_and_images(nginx: str):
    expected = {
        "/fr/": "text/html",
        "/fr/feed.atom": "application/atom+xml",
        "/fr/feed.rss": "application/rss+xml",
        "/fr/calendar.ics": "text/calendar",
        "/fr/agenda/agadir-public-meeting/event.ics": "text/calendar",
        "/sitemap.xml": "text/xml",
        "/robots.txt": "text/plain",
        "/images/feed-icon.png": "image/png",
    }
    for url, media_type in expected.items():
        status, headers, _ = get(nginx + url)
        assert status == 200, url
        assert headers.get_content_type() == media_type, url


def test_compressed_copies_by_accept_encoding(nginx: str, production: Site):
    for url in ("/fr/", "/fr/feed.atom", "/fr/calendar.ics"):
        original = production.path(url).read_bytes()
        status, headers, body = get(nginx + url, "br")
        assert status == 200 and headers["Content-Encoding"] == "br", url
        assert brotli.decompress(body) == original, url
        _, headers, body = get(nginx + url, "gzip")
        assert headers["Content-Encoding"] == "gzip", url
        assert gzip.decompress(body) == original, url
        _, headers, body = get(nginx + url)
        assert headers["Content-Encoding"] is None and body == original, url
        assert "Accept-Encoding" in (headers["Vary"] or ""), url


def test_cache_and_security_headers(nginx: str, production: Site):
    page = production.page("/fr/")
    (css,) = page.xpath("//link[@rel='stylesheet']/@href")
    css = css.removeprefix("https://www.parti-du-cedre.example")
    for url, cache in (
        ("/fr/", "no-cache"),
        (css, "public, max-age=31536000, immutable"),
        ("/fr/calendar.ics", "public, max-age=900"),
        ("/fr/feed.atom", "public, max-age=900"),
    ):
        _, headers, _ = get(nginx + url)
        assert headers["Cache-Control"] == cache, url
        assert "script-src 'self'" in headers["Content-Security-Policy"], url
        assert headers["X-Content-Type-Options"] == "nosniff", url


def test_page_not_found_in_the_visitors_language(nginx: str):
    for prefix, tag in (("/ar/", "ar-MA"), ("/fr/", "fr-MA"), ("/zgh/", "zgh")):
        status, headers, body = get(nginx + prefix + "no-such-page/")
        assert status == 404, prefix
        assert f'<html lang="{tag}"'.encode() in body, prefix
        assert headers["Content-Security-Policy"], prefix
    status, _, body = get(nginx + "/no-such-page/")
    assert status == 404 and b"noindex" in body
